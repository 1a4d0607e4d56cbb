"""Is a goal reached? One simple rule, the same on the dashboard, in the council
report and in its PDF, and said in words on each of them (``REGEL``).

- *Gehaald*: the measured value is at the target or better.
- *Op koers*: not yet, but better than in the period before, and the goal's year
  has not passed.
- *Nog niet*: otherwise.

Better is higher or lower as the indicator says (``hoger_is_beter``); for an
indicator without a direction (a count) the goal gives it: a target above its
nulmeting means higher is better. Without a measured value (no data, or too few
to show) there is no judgement."""

from dataclasses import dataclass

from loket.sturing.indicatoren import Indicator, Meting

REGEL = (
    "Gehaald: de gemeten waarde is gelijk aan het doel of beter. "
    "Op koers: het doel is nog niet gehaald, maar de waarde is beter dan in de "
    "periode ervoor en het jaar van het doel is nog niet voorbij. "
    "Nog niet: de waarde is niet beter geworden, of het jaar van het doel is "
    "voorbij. Of hoger of lager beter is, hangt af van de indicator; bij een "
    "aantal zonder richting volgt het uit de nulmeting van het doel. Zonder "
    "gemeten waarde (geen gegevens, of te weinig om te tonen) geven we geen "
    "oordeel."
)


@dataclass(frozen=True)
class Beoordeling:
    code: str  # "gehaald" | "op_koers" | "nog_niet" | "onbekend"
    label: str

    def __str__(self) -> str:
        return self.label


GEHAALD = Beoordeling("gehaald", "Gehaald")
OP_KOERS = Beoordeling("op_koers", "Op koers")
NOG_NIET = Beoordeling("nog_niet", "Nog niet")
ONBEKEND = Beoordeling("onbekend", "Geen oordeel")


def hoger_is_beter(indicator: Indicator, doel) -> bool | None:
    """The direction of ``doel``: the indicator's, else from its nulmeting."""
    if indicator.hoger_is_beter is not None:
        return indicator.hoger_is_beter
    if doel.nulmeting is None or doel.nulmeting == doel.streefwaarde:
        return None
    return doel.streefwaarde > doel.nulmeting


def beoordeel(
    indicator: Indicator, doel, meting: Meting, vorige: Meting, *, jaar: int
) -> Beoordeling:
    """``doel`` judged by the value of a period in ``jaar`` (and the period
    before it)."""
    hoger = hoger_is_beter(indicator, doel)
    if meting.waarde is None or hoger is None:
        return ONBEKEND
    streef = float(doel.streefwaarde)
    if meting.waarde >= streef if hoger else meting.waarde <= streef:
        return GEHAALD
    if vorige.waarde is not None and jaar <= doel.jaar:
        beter = (
            meting.waarde > vorige.waarde if hoger else meting.waarde < vorige.waarde
        )
        if beter:
            return OP_KOERS
    return NOG_NIET


def kies_doel(doelen: list, jaar: int):
    """Of several goals for one indicator, the one that matters in ``jaar``: of
    that year, else the first one after it, else the most recent one."""
    if not doelen:
        return None
    komend = sorted((d for d in doelen if d.jaar >= jaar), key=lambda d: d.jaar)
    if komend:
        return komend[0]
    return max(doelen, key=lambda d: d.jaar)
