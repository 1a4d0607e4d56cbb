from django.apps import AppConfig


class SturingConfig(AppConfig):
    """Indicators computed from live data (kept as monthly counts), the dashboard
    for college and council, the council report, "Zo doen we het" and open data."""

    name = "loket.sturing"
    label = "sturing"
    verbose_name = "Sturing"
