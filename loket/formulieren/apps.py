from django.apps import AppConfig


class FormulierenConfig(AppConfig):
    """E-forms: definitions, drafts, and submissions that become zaken."""

    name = "loket.formulieren"
    label = "formulieren"
    verbose_name = "Formulieren"
