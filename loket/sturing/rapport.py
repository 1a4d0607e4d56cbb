"""The council report of one gemeente over a period: per programme its goals
against the results, the trend over the periods before, the projectenboek, a
text per indicator and a note on method. One ``Rapport`` feeds both the HTML
page and the PDF (``sturing.pdf``), so they say the same.

A council report is a public document: its numbers are given as open data gives
them (``indicatoren.openbaar``), without counts of 1 to 4."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from loket.beleid import selectors as beleid
from loket.sturing import indicatoren
from loket.sturing.beoordeling import (
    GEHAALD,
    NOG_NIET,
    ONBEKEND,
    OP_KOERS,
    REGEL,
    Beoordeling,
)
from loket.sturing.indicatoren import Indicator, Overzicht, Periode, openbaar
from loket.sturing.weergave import (
    Blok,
    Projectregel,
    aantal,
    blokken,
    projectregels,
)

TREND = 4  # the period and the three before it


@dataclass(frozen=True)
class Doelregel:
    doel: object  # beleid.Beleidsdoel
    blok: Blok | None  # None when the goal names an indicator Loket does not know
    beoordeling: Beoordeling

    @property
    def anker(self) -> str:
        """The id of the goal's section on the page."""
        return f"doel-{self.doel.uuid}"


@dataclass(frozen=True)
class Programmadeel:
    programma: object  # beleid.Programma
    doelen: list[Doelregel]


@dataclass(frozen=True)
class Rapport:
    gemeente: object
    periode: Periode
    perioden: list[Periode]  # of the trend, oldest first
    gemaakt: datetime
    programmas: list[Programmadeel]
    projecten: list[Projectregel]
    indicatoren: list[Blok]
    oordelen: list[tuple[Beoordeling, int]]  # how many goals got each judgement

    @property
    def titel(self) -> str:
        return f"Raadsrapportage dienstverlening {self.gemeente.naam}"

    @property
    def methode(self) -> list[str]:
        return METHODE

    @property
    def samenvatting(self) -> str:
        doelen = aantal(sum(n for _, n in self.oordelen), "doel", "doelen")
        programmas = aantal(len(self.programmas), "programma", "programma's")
        projecten = aantal(len(self.projecten), "project", "projecten")
        return (
            f"Gemeente {self.gemeente.naam} heeft {doelen} in {programmas} en "
            f"{projecten} in het projectenboek."
        )


METHODE = [
    "De cijfers komen uit Loket zelf: uit de zaken, de vragen via de website, de "
    "verstuurde formulieren en de antwoorden op het tevredenheidsonderzoek. Loket "
    "telt ze per maand; een kwartaal of jaar is de optelling van zijn maanden. "
    "Er zitten geen persoonsgegevens in de tellingen.",
    indicatoren.REGEL_KLEINE_GROEPEN
    + " In de tabellen staat dan: te weinig antwoorden (minder dan 5), of bij "
    "een aantal: minder dan 5.",
    "Sommige indicatoren zijn een stand van vandaag (bijvoorbeeld de open zaken "
    "over hun uiterste datum). Die hebben geen cijfer voor eerdere perioden.",
    "Hoe we een doel beoordelen: " + REGEL,
]


def _trend(periode: Periode) -> list[Periode]:
    perioden = [periode]
    while len(perioden) < TREND:
        perioden.insert(0, perioden[0].vorige())
    return perioden


def _overzichten(gemeente, perioden: list[Periode]) -> dict[str, Overzicht]:
    """Every indicator over the trend periods: each ``overzicht`` gives a period
    and the one before it, so two calls cover four periods."""
    metingen: dict[str, dict[Periode, object]] = {}
    for periode in perioden[::-2]:
        for code, o in indicatoren.overzicht([gemeente], periode, trend=0).items():
            per = metingen.setdefault(code, {})
            per[periode] = openbaar(o.meting)
            if not o.indicator.momentopname:
                per[periode.vorige()] = openbaar(o.vorige)
    resultaat = {}
    laatste, voorlaatste = perioden[-1], perioden[-2]
    for code, indicator in indicatoren.INDICATOREN.items():
        per = metingen[code]
        leeg = indicator.meting(None, 0)
        reeks = [(p, per.get(p, leeg)) for p in perioden]
        if indicator.momentopname:
            reeks = []
        resultaat[code] = Overzicht(
            indicator, per[laatste], per.get(voorlaatste, leeg), reeks
        )
    return resultaat


def maak(gemeente, periode: Periode, *, gemaakt: datetime | None = None) -> Rapport:
    perioden = _trend(periode)
    alle = blokken(_overzichten(gemeente, perioden), [], periode)
    per_code = {b.code: b for b in alle}
    programmas = []
    tel: Counter = Counter()
    for programma in beleid.programmas(gemeente):
        regels = []
        for doel in programma.doelen.all():
            blok = _blok_voor_doel(per_code.get(doel.indicator), doel, periode)
            oordeel = blok.beoordeling if blok else ONBEKEND
            tel[oordeel] += 1
            regels.append(Doelregel(doel=doel, blok=blok, beoordeling=oordeel))
        programmas.append(Programmadeel(programma=programma, doelen=regels))
    return Rapport(
        gemeente=gemeente,
        periode=periode,
        perioden=perioden,
        gemaakt=gemaakt or timezone.localtime(),
        programmas=programmas,
        projecten=projectregels(beleid.projecten(gemeente)),
        indicatoren=alle,
        oordelen=[(b, tel[b]) for b in (GEHAALD, OP_KOERS, NOG_NIET, ONBEKEND)],
    )


def _blok_voor_doel(blok: Blok | None, doel, periode: Periode) -> Blok | None:
    """The indicator's block judged against this goal (each goal its own target,
    even when two goals share an indicator)."""
    if blok is None:
        return None
    indicator: Indicator = blok.indicator
    o = Overzicht(
        indicator, blok.meting, blok.vorige or indicator.meting(None, 0), blok.trend
    )
    return blokken({indicator.code: o}, [doel], periode)[0]
