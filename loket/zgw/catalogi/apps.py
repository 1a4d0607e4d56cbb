from django.apps import AppConfig


class CatalogiConfig(AppConfig):
    """Zaaktypecatalogi: catalogus, zaaktype and the types below it, and the
    Catalogi API 1.3.1 that serves them."""

    name = "loket.zgw.catalogi"
    label = "catalogi"
    verbose_name = "Catalogi (zaaktypen)"
