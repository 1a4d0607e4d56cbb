from django.apps import AppConfig


class SturingConfig(AppConfig):
    """Indicators computed from live data (kept as monthly counts), the dashboard
    for college and council, the council report, "Zo doen we het" and open data."""

    name = "loket.sturing"
    label = "sturing"
    verbose_name = "Sturing"

    def ready(self) -> None:
        from loket.sturing import zaakfeiten
        from loket.zgw.notificaties import services as notificaties

        notificaties.listen(zaakfeiten.on_notificatie)
