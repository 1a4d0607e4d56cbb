from django.apps import AppConfig


class WerkplekConfig(AppConfig):
    """The staff werkplek: team queues, search, the zaak page and its actions."""

    name = "loket.werkplek"
    label = "werkplek"
    verbose_name = "Werkplek"

    def ready(self) -> None:
        from loket.werkplek import leesmodel
        from loket.zgw.notificaties import services as notificaties

        notificaties.listen(leesmodel.on_notificatie)
