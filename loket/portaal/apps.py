from django.apps import AppConfig


class PortaalConfig(AppConfig):
    """Mijn Loket: a resident's or company's own zaken, drafts and messages."""

    name = "loket.portaal"
    label = "portaal"
    verbose_name = "Mijn Loket"

    def ready(self) -> None:
        from loket.portaal import services
        from loket.zgw.notificaties import services as notificaties

        notificaties.listen(services.on_notificatie)
