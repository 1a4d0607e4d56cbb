"""When things happen to a demo zaak: its start, the moments of its statuses, a
suspension or extension, its besluit and resultaat, and a reopening, for the
state the zaak should be in today.

Terms come from the zaaktype: a closed zaak mostly took less than the servicenorm,
sometimes more, and now and then more than the legal doorlooptijd; an open one is
as old as its state says (just received, within its term, past its deadline).
Staff work on weekdays between half past eight and five; residents submit online
whenever they like.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random

from django.utils import timezone

from loket.demo.soorten import UITKOMSTEN, ZONDER_BESLISSING, Soort
from loket.zgw.zaken.termijnen import add_duration

ONTVANGEN = "ontvangen"
IN_BEHANDELING = "in_behandeling"
OPGESCHORT = "opgeschort"
VERLENGD = "verlengd"
TE_LAAT = "te_laat"
AFGESLOTEN = "afgesloten"
HEROPEND = "heropend"
STATEN = (
    ONTVANGEN,
    IN_BEHANDELING,
    OPGESCHORT,
    VERLENGD,
    TE_LAAT,
    AFGESLOTEN,
    HEROPEND,
)

# Statuses at which the besluit is taken.
BESLUITSTATUSSEN = {"Besluit genomen", "Beslissing genomen", "Besluitvorming afgerond"}
# Zaaktypen about a day that lies ahead (a wedding, an event): days from the start.
TERMIJNEN = {"HUWELIJK-PARTNERSCHAP": (30, 200), "EVENEMENTENVERGUNNING": (60, 120)}
# Of these, the ones whose last step before the end happens on that day.
OP_DE_DAG = {"HUWELIJK-PARTNERSCHAP"}


def days(duration: str | None, on: date) -> int:
    return (add_duration(on, duration) - on).days if duration else 0


@dataclass(frozen=True)
class Type:
    """A zaaktype with what the demo needs of it."""

    zaaktype: object
    soort: Soort
    statustypen: list
    resultaattypen: list
    roltypen: dict  # omschrijving generiek → roltype
    eigenschappen: dict  # naam → eigenschap
    documenttypen: dict  # omschrijving → (informatieobjecttype, richting)
    besluittype: object | None
    servicenorm: int  # days
    doorlooptijd: int  # days

    @classmethod
    def of(cls, zaaktype, soort, iotypen, besluittypen, vandaag) -> "Type":
        omschrijvingen = zaaktype.besluittype_omschrijvingen or []
        return cls(
            zaaktype=zaaktype,
            soort=soort,
            statustypen=sorted(zaaktype.statustypen.all(), key=lambda s: s.volgnummer),
            resultaattypen=sorted(
                zaaktype.resultaattypen.all(), key=lambda r: r.omschrijving
            ),
            roltypen={r.omschrijving_generiek: r for r in zaaktype.roltypen.all()},
            eigenschappen={e.naam: e for e in zaaktype.eigenschappen.all()},
            documenttypen={
                z.informatieobjecttype_omschrijving: (
                    iotypen[z.informatieobjecttype_omschrijving],
                    z.richting,
                )
                for z in sorted(
                    zaaktype.informatieobjecttypen.all(), key=lambda z: z.volgnummer
                )
                if z.informatieobjecttype_omschrijving in iotypen
            },
            besluittype=besluittypen.get(omschrijvingen[0]) if omschrijvingen else None,
            servicenorm=days(zaaktype.servicenorm, vandaag),
            doorlooptijd=days(zaaktype.doorlooptijd, vandaag),
        )

    @property
    def identificatie(self) -> str:
        return self.zaaktype.identificatie

    def allows(self, staat: str) -> bool:
        if staat == OPGESCHORT:
            return self.zaaktype.opschorting_en_aanhouding_mogelijk
        if staat == VERLENGD:
            return bool(self.zaaktype.verlenging_mogelijk and self.verlengingstermijn)
        if staat == TE_LAAT:
            return self.identificatie not in TERMIJNEN and self.doorlooptijd <= 90
        return True

    @property
    def verlengingstermijn(self) -> str | None:
        return self.zaaktype.verlengingstermijn

    def besluit_voor(self, resultaattype) -> bool:
        return bool(self.besluittype and resultaattype.besluittype_omschrijvingen)


@dataclass
class Tijdlijn:
    start: datetime
    statussen: list  # (statustype, moment), in order
    resultaattype: object | None = None
    besluit_moment: datetime | None = None
    # A suspension (from, until) and before which status it ended (its index
    # counted from 1); None: it lasts till today.
    opschorting: tuple[date, date | None] | None = None
    opschorting_voor: int | None = None
    verlengd: bool = False
    verlenging_voor: int | None = None  # None with verlengd: after the last status
    heropend: tuple | None = None  # (statustype, moment)
    termijn: int = 0  # days from the start to the day the zaak is about


def plan_tijdlijn(
    rng: Random, t: Type, staat: str, nu: datetime, *, jaren: int, kantoor: bool
) -> Tijdlijn:
    """The moments of a zaak of ``t`` that is in ``staat`` at ``nu``, started at
    most ``jaren`` years ago; ``kantoor``: it came in at the office (balie,
    telefoon, post), so in office hours."""
    vandaag = nu.date()
    termijn = (
        rng.randint(*TERMIJNEN[t.identificatie]) if t.identificatie in TERMIJNEN else 0
    )
    eerste, laatste = t.statustypen[0], t.statustypen[-1]
    midden = _route(rng, t.statustypen[1:-1])
    limiet = nu - timedelta(minutes=10)

    if staat in (AFGESLOTEN, HEROPEND):
        resultaattype = _uitkomst(rng, t)
        generiek = resultaattype.resultaattypeomschrijving.omschrijving
        duur = _duur(rng, t, termijn)
        marge = 40 if staat == HEROPEND else 1
        oudste = vandaag - timedelta(days=365 * jaren)
        laatste_start = vandaag - timedelta(days=duur + marge + 3)
        start_dag = _dag_tussen(rng, oudste, max(oudste, laatste_start))
        pad = [eerste, *midden, laatste]
        if generiek in ZONDER_BESLISSING:
            pad = [eerste, *midden[: rng.randint(0, min(1, len(midden)))], laatste]
        tl = _met_statussen(rng, t, pad, start_dag, duur, limiet, termijn, kantoor)
        tl.resultaattype = resultaattype
        if t.besluit_voor(resultaattype):
            tl.besluit_moment = _besluitmoment(tl)
        _onderweg(rng, t, tl)
        if staat == HEROPEND:
            eind = tl.statussen[-1][1]
            dag = eind.date() + timedelta(days=rng.randint(3, 30))
            tl.heropend = (midden[0], min(_werkmoment(rng, dag), limiet))
        return tl

    if staat == ONTVANGEN:
        leeftijd = rng.randint(0, max(1, min(4, t.servicenorm // 2)))
        start_dag = vandaag - timedelta(days=leeftijd)
        return _met_statussen(rng, t, [eerste], start_dag, 0, limiet, termijn, kantoor)

    # Open and under way.
    if t.identificatie in OP_DE_DAG:
        midden = midden[:-1]
    stappen = [s for s in midden if s.omschrijving not in BESLUITSTATUSSEN]
    if staat == IN_BEHANDELING:
        bovengrens = t.servicenorm * 1.3 if t.doorlooptijd <= 90 else termijn - 7
        leeftijd = rng.randint(2, max(3, min(int(bovengrens), t.doorlooptijd - 1)))
        stappen = midden[: rng.randint(1, max(1, len(midden)))]
    elif staat == OPGESCHORT:
        leeftijd = rng.randint(6, max(7, int(t.doorlooptijd * 0.7)))
        stappen = stappen[:1]
    elif staat == VERLENGD:
        leeftijd = rng.randint(int(t.doorlooptijd * 0.6), int(t.doorlooptijd * 0.95))
        stappen = stappen[: rng.randint(1, max(1, len(stappen)))]
    else:  # TE_LAAT: past the legal term, and not decided yet
        leeftijd = t.doorlooptijd + rng.randint(3, 40)
        stappen = stappen[: rng.randint(1, max(1, len(stappen)))]
    start_dag = vandaag - timedelta(days=leeftijd)
    # The last step was a while ago: enough days for what came after.
    duur = int(leeftijd * rng.uniform(0.4, 0.8))
    tl = _met_statussen(
        rng, t, [eerste, *stappen], start_dag, duur, limiet, termijn, kantoor
    )
    laatste_moment = tl.statussen[-1][1]
    if any(s.omschrijving in BESLUITSTATUSSEN for s in stappen):
        tl.resultaattype = _uitkomst(rng, t, beslist=True)
        if t.besluit_voor(tl.resultaattype):
            tl.besluit_moment = laatste_moment
    if staat == OPGESCHORT:
        dag = laatste_moment.date() + timedelta(days=rng.randint(1, 3))
        tl.opschorting = (min(_werkmoment(rng, dag).date(), vandaag), None)
    if staat == VERLENGD:
        tl.verlengd = True
    return tl


def _route(rng: Random, midden: list) -> list:
    """The statuses a zaak passes between its first and last. A long process
    (the i-Navigator zaaktypen have up to eight steps) skips steps that do not
    apply: it keeps the first, the decision and two others."""
    if len(midden) <= 4:
        return list(midden)
    vast = {0} | {i for i, s in enumerate(midden) if s.omschrijving in BESLUITSTATUSSEN}
    overig = [i for i in range(len(midden)) if i not in vast]
    gekozen = vast | set(rng.sample(overig, min(2, len(overig))))
    return [midden[i] for i in sorted(gekozen)]


def _uitkomst(rng: Random, t: Type, *, beslist: bool = False):
    """A resultaattype, as often as such outcomes occur; ``beslist``: one that
    comes with a decision on the request."""
    kandidaten = [
        r
        for r in t.resultaattypen
        if not beslist
        or r.resultaattypeomschrijving.omschrijving not in ZONDER_BESLISSING
    ]
    gewichten = [
        UITKOMSTEN.get(r.resultaattypeomschrijving.omschrijving, 5) for r in kandidaten
    ]
    return rng.choices(kandidaten, gewichten)[0]


def _duur(rng: Random, t: Type, termijn: int) -> int:
    """How many days a closed zaak took."""
    if t.identificatie in OP_DE_DAG:
        return termijn + rng.randint(1, 10)  # closed a few days after the day
    kans = rng.random()
    if kans < 0.75:
        duur = t.servicenorm * rng.uniform(0.15, 1.0)
    elif kans < 0.93:
        duur = rng.uniform(t.servicenorm, max(t.servicenorm, t.doorlooptijd))
    else:
        duur = t.doorlooptijd * rng.uniform(1.05, 1.4)
    if termijn:  # decided before the day it is about
        duur = min(duur, termijn - 7)
    return max(0, round(duur))


def _dag_tussen(rng: Random, eerste: date, laatste: date) -> date:
    return eerste + timedelta(days=rng.randint(0, (laatste - eerste).days))


def _met_statussen(rng, t, pad, start_dag, duur, limiet, termijn, kantoor) -> Tijdlijn:
    """The start and a moment per status of ``pad``: the first at the start, the
    last ``duur`` days later, the others in between."""
    eerste = _werkmoment(rng, start_dag) if kantoor else _startmoment(rng, start_dag)
    start = min(eerste, limiet - timedelta(minutes=len(pad)))
    if t.identificatie in OP_DE_DAG and duur > termijn and len(pad) > 2:
        # The day it was about (a wedding) is the last step before the end.
        offsets = [*sorted(rng.uniform(0, termijn - 7) for _ in pad[2:-1]), termijn]
    else:
        offsets = sorted(rng.uniform(0, duur) for _ in pad[1:-1])
    dagen = [*offsets, duur] if len(pad) > 1 else []
    momenten = [start]
    for offset in dagen:
        moment = _werkmoment(rng, start.date() + timedelta(days=int(offset)))
        momenten.append(
            max(moment, momenten[-1] + timedelta(minutes=rng.randint(5, 90)))
        )
    # Nothing in the future: squeeze the end of the line to just before now.
    momenten = [
        min(m, limiet - timedelta(minutes=len(momenten) - i))
        for i, m in enumerate(momenten)
    ]
    return Tijdlijn(
        start=momenten[0],
        statussen=list(zip(pad, momenten, strict=True)),
        termijn=termijn,
    )


def _startmoment(rng: Random, dag: date) -> datetime:
    """A resident submits any day from seven in the morning to late evening."""
    minuut = rng.randint(7 * 60, 23 * 60 + 30)
    return _aware(dag, time(minuut // 60, minuut % 60))


def _werkmoment(rng: Random, dag: date) -> datetime:
    while dag.weekday() >= 5:
        dag += timedelta(days=1)
    minuut = rng.randint(8 * 60 + 30, 17 * 60)
    return _aware(dag, time(minuut // 60, minuut % 60))


def _aware(dag: date, tijd: time) -> datetime:
    return timezone.make_aware(datetime.combine(dag, tijd))


def _besluitmoment(tl: Tijdlijn) -> datetime:
    for statustype, moment in tl.statussen:
        if statustype.omschrijving in BESLUITSTATUSSEN:
            return moment
    return tl.statussen[-1][1]


def _onderweg(rng: Random, t: Type, tl: Tijdlijn) -> None:
    """Now and then a closed zaak was suspended for a while (waiting for the
    applicant) or had its term extended, between its second and third status."""
    if len(tl.statussen) < 3:
        return
    (_, tweede), (_, derde) = tl.statussen[1], tl.statussen[2]
    ruimte = (derde.date() - tweede.date()).days
    if t.allows(OPGESCHORT) and ruimte >= 3 and rng.random() < 0.15:
        van = tweede.date() + timedelta(days=1)
        tot = van + timedelta(days=rng.randint(1, ruimte - 2))
        tl.opschorting, tl.opschorting_voor = (van, tot), 3
    if t.allows(VERLENGD) and rng.random() < 0.1:
        tl.verlengd, tl.verlenging_voor = True, 3
