from django.apps import AppConfig


class VerwerkingenConfig(AppConfig):
    """The processing log (verwerkingenlog): who viewed whose personal data, when,
    for what and why; shown to the privacy officer and to the resident."""

    name = "loket.verwerkingen"
    label = "verwerkingen"
    verbose_name = "Verwerkingenlog"
