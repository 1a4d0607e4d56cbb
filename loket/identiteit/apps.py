from django.apps import AppConfig


class IdentiteitConfig(AppConfig):
    """Logging in: staff with password and a second factor (later DigiD/eHerkenning)."""

    name = "loket.identiteit"
    label = "identiteit"
    verbose_name = "Inloggen"
