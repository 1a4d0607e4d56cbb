from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    """Gemeenten (tenants), the organisations that serve them, teams, staff, roles."""

    name = "loket.organisaties"
    label = "organisaties"
    verbose_name = "Organisaties en medewerkers"
