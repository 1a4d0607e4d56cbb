"""What the sturing pages show, put together from the indicators, the goals and
the projectenboek: the chosen period, the block per indicator (value, period
before, goal, judgement, trend chart), the projects. The views, the council
report and its PDF all use these, so they say the same."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from loket.beleid import selectors as beleid
from loket.sturing import grafiek
from loket.sturing.beoordeling import Beoordeling, beoordeel, kies_doel
from loket.sturing.indicatoren import MINIMUM_GROEP, Indicator, Meting, Overzicht
from loket.sturing.perioden import Periode, plus_maanden

PERIODE_VOORBEELD = "een jaar (2026), een kwartaal (2026-K3) of een maand (2026-05)"
# Staff see counts in full; only what is published leaves out counts of 1 to 4.
REGEL_MEDEWERKERS = (
    "Om niemand herkenbaar te maken tonen we geen percentage, gemiddelde of "
    f"mediaan van minder dan {MINIMUM_GROEP} zaken, vragen of antwoorden. "
    "Aantallen staan hier volledig; in de raadsrapportage, op de openbare pagina "
    f"en in open data staat een aantal van 1 tot en met {MINIMUM_GROEP - 1} als "
    f"'minder dan {MINIMUM_GROEP}'."
)


class Periodefout(ValueError):
    """A period that cannot be shown; the message says why, in Dutch."""


def lees_periode(
    code: str | None, *, standaard: str = "kwartaal", vandaag: date | None = None
) -> Periode:
    """The period asked for in the address (``?periode=``), or the current one of
    ``standaard`` when none was asked for."""
    vandaag = vandaag or timezone.localdate()
    if not code:
        return Periode.huidig(standaard, vandaag)
    try:
        periode = Periode.parse(code)
    except ValueError:
        raise Periodefout(
            f'Wij kennen de periode "{code[:20]}" niet. Kies een periode uit de '
            f"lijst, of schrijf {PERIODE_VOORBEELD}."
        ) from None
    if periode.begin > vandaag:
        raise Periodefout(
            f"De periode {periode.label} is nog niet begonnen. Kies een periode "
            "tot en met vandaag."
        )
    return periode


def periodekeuzes(
    gekozen: Periode | None = None, *, vandaag: date | None = None
) -> list[tuple[str, list[Periode]]]:
    """The periods to choose from, newest first: three years, eight quarters and
    24 months (and the chosen one, if it is older)."""
    vandaag = vandaag or timezone.localdate()
    groepen = [
        ("Jaren", [Periode.jaar(vandaag.year - n) for n in range(3)]),
        (
            "Kwartalen",
            [Periode.van("kwartaal", plus_maanden(vandaag, -3 * n)) for n in range(8)],
        ),
        (
            "Maanden",
            [Periode.van("maand", plus_maanden(vandaag, -n)) for n in range(24)],
        ),
    ]
    if gekozen is not None:
        for _, perioden in groepen:
            soort = perioden[0].soort
            if soort == gekozen.soort and gekozen not in perioden:
                perioden.append(gekozen)
    return groepen


def tekst(meting: Meting) -> str:
    """A measured value as the pages say it; a suppressed one says why."""
    if meting.onderdrukt and meting.eenheid != "aantal":
        return f"{meting.tekst} (minder dan {MINIMUM_GROEP})"
    return meting.tekst


def streeftekst(indicator: Indicator, doel) -> str:
    """A goal's target with the indicator's unit: "80%", "8,5", "12 dagen"."""
    waarde = float(doel.streefwaarde)
    return Meting(waarde, 0, False, indicator.eenheid).tekst


def trendgrafiek(
    indicator: Indicator,
    reeks: list[tuple[Periode, Meting]],
    *,
    titel: str = "",
    doel=None,
) -> grafiek.Grafiek:
    """Columns for a series of periods, the goal's target as a line."""
    punten = [grafiek.Punt(p.label, p.kort, m.waarde, tekst(m)) for p, m in reeks]
    soort = reeks[0][0].soort if reeks else "maand"
    return grafiek.kolommen(
        punten,
        titel=titel or f"{indicator.titel} per {soort}",
        eenheid=indicator.eenheid,
        streefwaarde=float(doel.streefwaarde) if doel is not None else None,
        streeftekst=streeftekst(indicator, doel) if doel is not None else "",
        labels_om=3 if len(punten) > 12 else 1,
    )


@dataclass(frozen=True)
class Blok:
    """One indicator of a gemeente in a period, with what it is measured against."""

    indicator: Indicator
    meting: Meting
    vorige: Meting | None  # None for a stand of today
    doel: object | None  # beleid.Beleidsdoel
    beoordeling: Beoordeling | None
    trend: list[tuple[Periode, Meting]]
    grafiek: grafiek.Grafiek | None

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def tekst(self) -> str:
        return tekst(self.meting)

    @property
    def vorige_tekst(self) -> str:
        return tekst(self.vorige) if self.vorige is not None else "—"

    @property
    def uitleg(self) -> str:
        return self.indicator.uitleg(self.meting)

    @property
    def streef(self) -> str:
        return streeftekst(self.indicator, self.doel) if self.doel else ""


def doelen_per_indicator(doelen) -> dict[str, list]:
    per: dict[str, list] = {}
    for doel in doelen:
        per.setdefault(doel.indicator, []).append(doel)
    return per


def blokken(overzichten: dict[str, Overzicht], doelen, periode: Periode) -> list[Blok]:
    """A block per indicator, in the indicators' order; each judged by the goal
    that matters in the period's year (see ``beoordeling.kies_doel``)."""
    jaar = periode.begin.year
    per_indicator = doelen_per_indicator(doelen)
    resultaat = []
    for code, o in overzichten.items():
        doel = kies_doel(per_indicator.get(code, []), jaar)
        vorige = None if o.indicator.momentopname else o.vorige
        oordeel = None
        if doel is not None:
            oordeel = beoordeel(
                o.indicator,
                doel,
                o.meting,
                vorige or o.indicator.meting(None, 0),
                jaar=jaar,
            )
        resultaat.append(
            Blok(
                indicator=o.indicator,
                meting=o.meting,
                vorige=vorige,
                doel=doel,
                beoordeling=oordeel,
                trend=o.reeks,
                grafiek=trendgrafiek(o.indicator, o.reeks, doel=doel)
                if o.reeks
                else None,
            )
        )
    return resultaat


@dataclass(frozen=True)
class Projectregel:
    project: object  # beleid.Project
    besteed_percentage: int | None
    open_risicos: list
    volgende_mijlpaal: object | None


def projectregels(projecten) -> list[Projectregel]:
    """The projectenboek as the sturing pages list it (from prefetched data)."""
    return [
        Projectregel(
            project=p,
            besteed_percentage=beleid.besteed_percentage(p),
            open_risicos=beleid.open_risicos(p),
            volgende_mijlpaal=beleid.volgende_mijlpaal(p),
        )
        for p in projecten
    ]


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """ "1 doel", "3 doelen"."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def euro(bedrag) -> str:
    """An amount in whole euros, the Dutch way: "€ 12.500"."""
    return f"€ {round(bedrag):,}".replace(",", ".")
