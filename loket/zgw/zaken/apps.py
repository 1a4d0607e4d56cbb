from django.apps import AppConfig


class ZakenConfig(AppConfig):
    """Zaken: the zaak with its statussen, rollen, resultaat, objecten, eigenschappen
    and documents, and the Zaken API 1.5.1 that serves them."""

    name = "loket.zgw.zaken"
    label = "zaken"
    verbose_name = "Zaken"
