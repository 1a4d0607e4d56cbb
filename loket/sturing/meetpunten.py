"""The meetpunten counted in ``Telling``, and how a value becomes a bucket.

A bucket (``waarde``) keeps a month's rows few while a median stays exact where it
matters: lead times to the day up to 60 days, then per week (61-67 days is bucket
61, 68-74 is 68, …), everything from 365 days on in one bucket 365; answer times
to the hour up to 72 hours, then per day (73-96 hours is 73, …), from 720 hours
(30 days) on in one bucket 720."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

ZAAK_GESTART = "zaak_gestart"
ZAAK_AFGEROND = "zaak_afgerond"
KLACHT = "klacht"
BEZWAAR = "bezwaar"
WEBVRAAG_BEANTWOORD = "webvraag_beantwoord"
INZENDING = "inzending"
INLOG = "inlog"
KTO_CIJFER = "kto_cijfer"
KTO_SNELHEID = "kto_snelheid"
KTO_GEHOLPEN = "kto_geholpen"
KTO_GEMAK = "kto_gemak"
KTO_IN_EEN_KEER = "kto_in_een_keer"
KTO = (KTO_CIJFER, KTO_SNELHEID, KTO_GEHOLPEN, KTO_GEMAK, KTO_IN_EEN_KEER)

# What follows from the zaken register (rebuilt from Zaakfeit).
VAN_ZAKEN = (ZAAK_GESTART, ZAAK_AFGEROND, KLACHT, BEZWAAR)

DAGEN_EXACT = 60
DAGEN_STAP = 7
DAGEN_MAXIMUM = 365
UREN_EXACT = 72
UREN_STAP = 24
UREN_MAXIMUM = 30 * 24


def _emmer(waarde: int, exact: int, stap: int, maximum: int) -> int:
    if waarde <= exact:
        return max(waarde, 0)
    if waarde >= maximum:
        return maximum
    return exact + 1 + stap * ((waarde - exact - 1) // stap)


def dagen_emmer(dagen: int) -> int:
    return _emmer(dagen, DAGEN_EXACT, DAGEN_STAP, DAGEN_MAXIMUM)


def uren_emmer(uren: int) -> int:
    return _emmer(uren, UREN_EXACT, UREN_STAP, UREN_MAXIMUM)


def maand(datum: date) -> date:
    return datum.replace(day=1)


@dataclass(frozen=True, order=True)
class Sleutel:
    """One row of ``Telling`` (without the counts)."""

    gemeente_id: int
    meetpunt: str
    maand: date
    kanaal: str = ""
    product: str = ""
    waarde: int = 0


def van_feit(feit) -> list[tuple[Sleutel, bool]]:
    """The counts one zaak contributes (a ``Zaakfeit``, or None for none): each
    row's key and whether the zaak was within its norm there."""
    if feit is None:
        return []
    gestart = maand(feit.gestart)
    basis = {
        "gemeente_id": feit.gemeente_id,
        "kanaal": feit.kanaal,
        "product": feit.product,
    }
    rijen = [(Sleutel(meetpunt=ZAAK_GESTART, maand=gestart, **basis), False)]
    if feit.soort:
        rijen.append((Sleutel(meetpunt=feit.soort, maand=gestart, **basis), False))
    if feit.afgerond is not None:
        sleutel = Sleutel(
            meetpunt=ZAAK_AFGEROND,
            maand=maand(feit.afgerond),
            waarde=dagen_emmer(feit.doorlooptijd_dagen or 0),
            **basis,
        )
        rijen.append((sleutel, bool(feit.binnen_norm)))
    return rijen


def van_webvraag(
    *, gemeente_id: int, ontvangen_op, antwoorden_voor, beantwoord_op
) -> tuple[Sleutel, bool]:
    """The count of one answered webvraag: in the month it was answered, its
    answer time in (bucketed) hours, and whether it came before the deadline."""
    uren = int((beantwoord_op - ontvangen_op).total_seconds() // 3600)
    sleutel = Sleutel(
        gemeente_id=gemeente_id,
        meetpunt=WEBVRAAG_BEANTWOORD,
        maand=maand(timezone.localdate(beantwoord_op)),
        kanaal="web",
        waarde=uren_emmer(uren),
    )
    return sleutel, beantwoord_op <= antwoorden_voor


def van_inzending(
    *, gemeente_id: int, ingediend_op, kanaal: str, product: str
) -> Sleutel:
    """The count of one submitted form, in the month it was sent."""
    from loket.sturing import kanalen

    return Sleutel(
        gemeente_id=gemeente_id,
        meetpunt=INZENDING,
        maand=maand(timezone.localdate(ingediend_op)),
        kanaal=kanalen.van_naam(kanaal),
        product=(product or "")[:50],
    )
