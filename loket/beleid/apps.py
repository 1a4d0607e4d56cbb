from django.apps import AppConfig


class BeleidConfig(AppConfig):
    """Beleidsdoelen in programma's, each measured by a sturing indicator against a
    target, and the projectenboek: projects with budget, milestones, risks and a
    progress history."""

    name = "loket.beleid"
    label = "beleid"
    verbose_name = "Beleid en projecten"
