from django.apps import AppConfig


class AutorisatiesConfig(AppConfig):
    """Which applications may use Loket's ZGW APIs, and for what: the Autorisaties
    API 1.0.0 and the JWT check behind every ZGW endpoint."""

    name = "loket.zgw.autorisaties"
    label = "autorisaties"
    verbose_name = "Autorisaties (API-koppelingen)"
