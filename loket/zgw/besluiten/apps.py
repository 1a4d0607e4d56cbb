from django.apps import AppConfig


class BesluitenConfig(AppConfig):
    """Besluiten: decisions with their documents, and the Besluiten API 1.1.0 that
    serves them."""

    name = "loket.zgw.besluiten"
    label = "besluiten"
    verbose_name = "Besluiten"
