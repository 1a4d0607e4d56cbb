from django.apps import AppConfig


class RegistersConfig(AppConfig):
    """What the Zaken, Documenten and Besluiten registers share: the audit trail of
    every change and the numbering of generated identificaties."""

    name = "loket.zgw.registers"
    label = "registers"
    verbose_name = "Registers (audit trail)"
