from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What all of Loket shares: page layout, health, logging, the `loket` command."""

    name = "loket.core"
    label = "core"
    verbose_name = "Loket"
