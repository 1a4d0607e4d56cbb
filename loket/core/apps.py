from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What all of Loket shares: page layout, health, logging, the `loket` command."""

    name = "loket.core"
    label = "core"
    verbose_name = "Loket"

    def ready(self):
        from loket.core import lookups  # noqa: F401 (registers field__any)
