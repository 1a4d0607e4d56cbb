"""The answer-time norm of webvragen in working days (``core.werkdagen``), and the
clock the inbox shows."""

from datetime import datetime, timedelta

from django.utils import timezone

from loket.core.werkdagen import is_werkdag, werkdagen_na


def na_werkdagen(start: datetime, werkdagen: int) -> datetime:
    """``start`` plus ``werkdagen`` working days, at the same time of day. A
    question received on a Saturday or Sunday counts from Monday 0:00 (so two
    working days give Wednesday 0:00: the end of Tuesday)."""
    moment = timezone.localtime(start)
    if not is_werkdag(moment):
        while not is_werkdag(moment):
            moment += timedelta(days=1)
        moment = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    dag = werkdagen_na(moment.date(), werkdagen)
    # Same wall-clock time across a change to or from summer time.
    return timezone.make_aware(datetime.combine(dag, moment.time()))


def klok(deadline: datetime, nu: datetime | None = None) -> tuple[str, bool]:
    """The time left (or over) in words, and whether it is too late:
    ("nog 5 uur", False), ("1 dag te laat", True)."""
    nu = nu or timezone.now()
    verschil = deadline - nu
    te_laat = verschil.total_seconds() < 0
    seconden = abs(verschil.total_seconds())
    if seconden >= 86400:
        n, eenheid = int(seconden // 86400), ("dag", "dagen")
    elif seconden >= 3600:
        n, eenheid = int(seconden // 3600), ("uur", "uur")
    else:
        n, eenheid = max(1, int(seconden // 60)), ("minuut", "minuten")
    woord = f"{n} {eenheid[0] if n == 1 else eenheid[1]}"
    return (f"{woord} te laat", True) if te_laat else (f"nog {woord}", False)
