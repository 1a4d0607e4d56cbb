from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    """Documenten: enkelvoudige informatieobjecten with their versions, content and
    locks, gebruiksrechten, verzendingen and the relations to zaken and besluiten,
    and the Documenten API 1.5.0 that serves them."""

    name = "loket.zgw.documenten"
    label = "documenten"
    verbose_name = "Documenten"
