from django.apps import AppConfig


class ReferentielijstenConfig(AppConfig):
    """The Selectielijst and the other national reference lists, served read-only
    through the Referentielijsten API so that catalogue URLs resolve in one install."""

    name = "loket.zgw.referentielijsten"
    label = "referentielijsten"
    verbose_name = "Referentielijsten en selectielijst"
