"""Two years of history for the sturing dashboard, so a fresh demo shows trends.

Per demo gemeente, per month of the last two years, a few dozen zaken spread over
its zaaktypen and the channels (the share that comes in online grows over the
two years), closed after a lead time that shortens over the years; webvragen
answered within or after the norm; and survey answers after about a third of
the closed zaken and answered questions (grades that rise slowly).

The zaken are written in bulk, not through the services (thousands through the
services would take minutes on SQLite), but as the services write them: a
zaak with its initial status, an initiator rol with a BSN of the BRP test set,
and for a closed zaak the resultaat, the end status, the einddatum and the
archiving dates the services derive (``archief.on_closing``); identificaties are
reserved from the register's counter. Audit trail and notificaties are not
written (nothing reads them back for history); the werkplek's read model and the
sturing counts are rebuilt from the registers afterwards.

A seeded ``random.Random`` per gemeente makes the same history on every load;
history zaken carry the kenmerk ``{"bron": "Loket demo geschiedenis"}``, and a
gemeente that has one gets no new history.
"""

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random

from django.db import transaction
from django.utils import timezone

from loket.core.werkdagen import werkdagen_na
from loket.demo import betrokkenen
from loket.formulieren.models import Kanaal
from loket.klantcontact.models import Webvraag
from loket.organisaties.models import Gemeente
from loket.zgw.catalogi.choices import RolOmschrijving
from loket.zgw.catalogi.models import ZaakType
from loket.zgw.referentielijsten.models import Communicatiekanaal
from loket.zgw.registers import services as registers
from loket.zgw.zaken import archief
from loket.zgw.zaken.choices import BetrokkeneType
from loket.zgw.zaken.models import Resultaat, Rol, Status, Zaak
from loket.zgw.zaken.termijnen import add_duration

BRON = "Loket demo geschiedenis"
MAANDEN = 24
ZAKEN_PER_MAAND = 45  # per gemeente, on average
WEBVRAGEN_PER_MAAND = 14
# The share of zaken that comes in online, at the start and at the end of the
# history; the rest comes by balie, telefoon and post.
ONLINE_VAN, ONLINE_TOT = 0.52, 0.76
ANDERE_KANALEN = {Kanaal.BALIE: 5, Kanaal.TELEFOON: 3, Kanaal.POST: 2}
# Lead time as a share of the zaaktype's norm (median), at the start and the end.
DOORLOOP_VAN, DOORLOOP_TOT = 0.95, 0.62


@dataclass
class Geschiedenis:
    zaken: int = 0
    webvragen: int = 0
    antwoorden: int = 0
    inlogs: int = 0


@dataclass(frozen=True)
class _Type:
    zaaktype: ZaakType
    norm_dagen: int
    eerste_status: object
    eind_status: object
    resultaattype: object
    initiator: object
    gewicht: float


def maanden(vandaag: date) -> list[date]:
    """The first days of the last ``MAANDEN`` months, oldest first, this month
    included."""
    eerste = vandaag.replace(day=1)
    result = []
    for _ in range(MAANDEN):
        result.append(eerste)
        eerste = (eerste - timedelta(days=1)).replace(day=1)
    return result[::-1]


@transaction.atomic
def load(gemeente: Gemeente, *, vandaag: date | None = None) -> Geschiedenis | None:
    """Write the history of one gemeente; None when it already has one."""
    if heeft_geschiedenis(gemeente):
        return None
    vandaag = vandaag or timezone.localdate()
    rng = Random(f"geschiedenis-{gemeente.slug}")  # noqa: S311 -- demo data
    typen = _typen(gemeente)
    if not typen:
        return Geschiedenis()
    kanalen = {
        k: Communicatiekanaal.objects.filter(naam=k.label).first() for k in Kanaal
    }
    # Not Floris (the demo's own resident), and not the test set's persons with
    # names of hundreds of letters.
    personen = [
        p for p in betrokkenen.personen() if p.bsn != "999991097" and len(p.naam) <= 80
    ]
    result = Geschiedenis()
    perioden = maanden(vandaag)
    plannen = []
    for i, maand in enumerate(perioden):
        voortgang = i / max(1, len(perioden) - 1)
        for _ in range(_aantal(rng, ZAKEN_PER_MAAND, maand, vandaag)):
            plannen.append(_plan(rng, typen, maand, vandaag, voortgang))
    result.zaken = _schrijf_zaken(gemeente, plannen, kanalen, personen, rng)
    vragen = _webvragen(gemeente, perioden, vandaag, personen, rng)
    result.webvragen = len(vragen)
    result.antwoorden = _antwoorden(gemeente, plannen, vragen, perioden, vandaag, rng)
    result.inlogs = _inlogs(gemeente, plannen, rng)
    return result


def heeft_geschiedenis(gemeente: Gemeente) -> bool:
    # JSON containment is not portable (SQLite); the kenmerk text is.
    return Zaak.objects.filter(gemeente=gemeente, kenmerken__icontains=BRON).exists()


def _typen(gemeente: Gemeente) -> list[_Type]:
    result = []
    zaaktypen = (
        ZaakType.objects.filter(catalogus__gemeente=gemeente, concept=False)
        .prefetch_related("statustypen", "resultaattypen", "roltypen")
        .order_by("identificatie", "versiedatum")
    )
    laatste = {}
    for zaaktype in zaaktypen:  # the newest version of each
        laatste[zaaktype.identificatie] = zaaktype
    for zaaktype in laatste.values():
        statussen = sorted(zaaktype.statustypen.all(), key=lambda s: s.volgnummer)
        resultaten = list(zaaktype.resultaattypen.all())
        initiator = next(
            (
                r
                for r in zaaktype.roltypen.all()
                if r.omschrijving_generiek == RolOmschrijving.INITIATOR
            ),
            None,
        )
        if len(statussen) < 2 or not resultaten or initiator is None:
            continue
        start = date(2026, 1, 1)
        termijn = zaaktype.servicenorm or zaaktype.doorlooptijd
        norm = (add_duration(start, termijn) - start).days if termijn else 56
        result.append(
            _Type(
                zaaktype=zaaktype,
                norm_dagen=max(1, norm),
                eerste_status=statussen[0],
                eind_status=statussen[-1],
                resultaattype=resultaten[0],
                initiator=initiator,
                # Everyday products often, objections and events seldom.
                gewicht=3.0 if norm <= 14 else 1.0,
            )
        )
    return result


def _aantal(rng: Random, gemiddeld: int, maand: date, vandaag: date) -> int:
    """Per month about ``gemiddeld``, busier before summer and in January; the
    current month only up to today."""
    seizoen = 1 + 0.15 * math.sin((maand.month - 3) / 12 * 2 * math.pi)
    aantal = round(rng.gauss(gemiddeld * seizoen, gemiddeld * 0.08))
    if maand.year == vandaag.year and maand.month == vandaag.month:
        aantal = aantal * (vandaag.day - 1) // 30
    return max(0, aantal)


@dataclass
class _Plan:
    t: _Type
    kanaal: Kanaal
    start: date
    einde: date | None


def _plan(rng, typen, maand: date, vandaag: date, voortgang: float) -> _Plan:
    t = rng.choices(typen, weights=[t.gewicht for t in typen])[0]
    online = ONLINE_VAN + (ONLINE_TOT - ONLINE_VAN) * voortgang
    if rng.random() < online:
        kanaal = Kanaal.WEB
    else:
        kanaal = rng.choices(
            list(ANDERE_KANALEN), weights=list(ANDERE_KANALEN.values())
        )[0]
    volgende = (maand + timedelta(days=32)).replace(day=1)
    laatste_dag = min(volgende - timedelta(days=1), vandaag - timedelta(days=1))
    start = maand + timedelta(
        days=rng.randrange(max(1, (laatste_dag - maand).days + 1))
    )
    factor = DOORLOOP_VAN + (DOORLOOP_TOT - DOORLOOP_VAN) * voortgang
    dagen = max(0, round(rng.lognormvariate(math.log(t.norm_dagen * factor), 0.45)))
    einde = start + timedelta(days=dagen)
    return _Plan(t, kanaal, start, einde if einde < vandaag else None)


def _moment(dag: date, uur: int) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time(uur, 0)))


def _schrijf_zaken(gemeente, plannen, kanalen, personen, rng) -> int:
    rsin = gemeente.rsin
    per_jaar: dict[int, list[_Plan]] = {}
    for plan in plannen:
        per_jaar.setdefault(plan.start.year, []).append(plan)
    paren: list[tuple[_Plan, Zaak]] = []
    for jaar, deel in sorted(per_jaar.items()):
        nummers = registers.reserveer_identificaties("ZAAK", rsin, jaar, len(deel))
        for plan, identificatie in zip(deel, nummers, strict=True):
            paren.append((plan, _zaak(gemeente, plan, identificatie, kanalen)))
    # Both databases hand back the new primary keys.
    Zaak.objects.bulk_create([zaak for _, zaak in paren], batch_size=500)
    statussen, rollen, resultaten = [], [], []
    for plan, zaak in paren:
        persoon = rng.choice(personen)
        rollen.append(
            Rol(
                zaak=zaak,
                betrokkene_type=BetrokkeneType.NATUURLIJK_PERSOON,
                roltype=plan.t.initiator,
                omschrijving=plan.t.initiator.omschrijving,
                omschrijving_generiek=RolOmschrijving.INITIATOR,
                roltoelichting="Aanvrager",
                registratiedatum=_moment(plan.start, 9),
                betrokkene_identificatie=persoon.betrokkene_identificatie(),
                inp_bsn=persoon.bsn,
                inp_a_nummer=persoon.a_nummer,
            )
        )
        statussen.append(
            Status(
                zaak=zaak,
                statustype=plan.t.eerste_status,
                datum_status_gezet=_moment(plan.start, 9),
            )
        )
        if plan.einde:
            statussen.append(
                Status(
                    zaak=zaak,
                    statustype=plan.t.eind_status,
                    datum_status_gezet=_moment(plan.einde, 15),
                )
            )
            resultaten.append(Resultaat(zaak=zaak, resultaattype=plan.t.resultaattype))
            zaak.einddatum = plan.einde
            for naam, waarde in archief.on_closing(
                zaak, plan.t.resultaattype, plan.einde
            ).items():
                setattr(zaak, naam, waarde)
    Rol.objects.bulk_create(rollen, batch_size=500)
    Status.objects.bulk_create(statussen, batch_size=500)
    Resultaat.objects.bulk_create(resultaten, batch_size=500)
    for status in statussen:  # the later status is the current one
        status.zaak.status = status
    Zaak.objects.bulk_update(
        [zaak for _, zaak in paren],
        [
            "status",
            "einddatum",
            "archiefnominatie",
            "archiefactiedatum",
            "startdatum_bewaartermijn",
        ],
        batch_size=500,
    )
    return len(paren)


def _zaak(gemeente, plan: _Plan, identificatie: str, kanalen) -> Zaak:
    zaaktype = plan.t.zaaktype
    zaak = Zaak(
        identificatie=identificatie,
        bronorganisatie=gemeente.rsin,
        gemeente=gemeente,
        zaaktype=zaaktype,
        omschrijving=zaaktype.omschrijving[:80],
        registratiedatum=plan.start,
        verantwoordelijke_organisatie=gemeente.rsin,
        startdatum=plan.start,
        vertrouwelijkheidaanduiding=zaaktype.vertrouwelijkheidaanduiding,
        communicatiekanaal=kanalen.get(plan.kanaal),
        kenmerken=[{"kenmerk": f"geschiedenis-{identificatie}", "bron": BRON}],
    )
    if zaaktype.doorlooptijd:
        zaak.uiterlijke_einddatum_afdoening = add_duration(
            plan.start, zaaktype.doorlooptijd
        )
    if zaaktype.servicenorm:
        zaak.einddatum_gepland = add_duration(plan.start, zaaktype.servicenorm)
    return zaak


def _webvragen(gemeente, perioden, vandaag, personen, rng) -> list[Webvraag]:
    """Answered questions through the website: most within the norm of the
    gemeente (a little more each year), some late."""
    from loket.klantcontact import selectors as klantcontact

    norm = klantcontact.norm_werkdagen(gemeente)
    vragen = []
    for i, maand in enumerate(perioden[:-1]):  # this month's are in the inbox
        voortgang = i / max(1, len(perioden) - 2)
        for _ in range(_aantal(rng, WEBVRAGEN_PER_MAAND, maand, vandaag)):
            persoon = rng.choice(personen)
            dag = maand + timedelta(days=rng.randrange(28))
            ontvangen = _moment(dag, rng.randrange(8, 20))
            voor = _moment(werkdagen_na(dag, norm), 17)
            binnen = rng.random() < 0.78 + 0.15 * voortgang
            uren = rng.uniform(2, 0.9 * (voor - ontvangen).total_seconds() / 3600)
            if not binnen:
                uren = (voor - ontvangen).total_seconds() / 3600 + rng.uniform(4, 72)
            onderwerp = rng.choice(ONDERWERPEN)
            vragen.append(
                Webvraag(
                    gemeente=gemeente,
                    naam=persoon.aanhef,
                    emailadres=f"inwoner{persoon.bsn[-4:]}@example.org",
                    onderwerp=onderwerp,
                    vraag=f"Ik heb een vraag over {onderwerp.lower()}.",
                    bsn=persoon.bsn,
                    ontvangen_op=ontvangen,
                    antwoorden_voor=voor,
                    status=Webvraag.Status.BEANTWOORD,
                    antwoord="Dank voor uw vraag. Het antwoord staat in deze e-mail.",
                    antwoordkanaal=Webvraag.Antwoordkanaal.EMAIL,
                    beantwoord_op=ontvangen + timedelta(hours=uren),
                )
            )
    Webvraag.objects.bulk_create(vragen, batch_size=500)
    return vragen


# Who answers the survey: about a third; the grade follows how it went.
RESPONS = 0.33
OPMERKINGEN = {
    "laag": (
        "Het duurde veel te lang voordat ik iets hoorde.",
        "Ik moest drie keer bellen voordat iemand mij kon helpen.",
        "Het formulier was onduidelijk.",
    ),
    "hoog": (
        "Snel en vriendelijk geholpen, dank u wel.",
        "Heel fijn dat het online kon, ook 's avonds.",
        "Duidelijke uitleg gekregen aan de balie.",
    ),
}


def kto_antwoord(
    rng: Random,
    *,
    gemeente_id: int,
    datum: date,
    kanaal: str,
    product: str,
    te_laat: bool,
    voortgang: float,
) -> dict:
    """One made-up survey answer, as ``feedback.services.bewaar_antwoorden_bulk``
    takes it: the grade rises with ``voortgang`` (0 at the start of the history, 1
    at its end) and is lower when the zaak or answer was late; the aspects follow
    the grade; a very low or high grade sometimes comes with a remark. Also used
    by the benchmark generator (``bench/generate.py``)."""
    voortgang = min(1.0, max(0.0, voortgang))
    gemiddeld = 7.0 + 0.8 * voortgang - (1.6 if te_laat else 0)
    cijfer = min(10, max(1, round(rng.gauss(gemiddeld, 1.3))))
    aspect = min(5, max(1, round(cijfer / 2)))
    rij = {
        "gemeente_id": gemeente_id,
        "datum": datum,
        "kanaal": kanaal,
        "product": product,
        "cijfer": cijfer,
        "snelheid": max(1, aspect - (1 if te_laat else 0)),
        "geholpen": aspect,
        "gemak": min(5, aspect + (1 if kanaal == "web" else 0)),
        "in_een_keer": aspect if rng.random() < 0.8 else None,
    }
    if cijfer <= 4 or (cijfer >= 9 and rng.random() < 0.3):
        soort = "laag" if cijfer <= 4 else "hoog"
        rij["opmerking"] = rng.choice(OPMERKINGEN[soort])
        rij["opvolging"] = "opgevolgd" if rng.random() < 0.7 else "nieuw"
    return rij


def _antwoorden(gemeente, plannen, vragen, perioden, vandaag, rng) -> int:
    """Survey answers after closed zaken and answered questions, in the month the
    invitation went out. Grades rise slowly over the two years; a zaak that took
    longer than its norm, or a late answer, scores lower."""
    from loket.feedback import services as feedback

    eerste = perioden[0]
    dagen = max(1, (perioden[-1] - eerste).days)

    def antwoord(datum, kanaal, product, te_laat):
        return kto_antwoord(
            rng,
            gemeente_id=gemeente.pk,
            datum=datum,
            kanaal=kanaal,
            product=product,
            te_laat=te_laat,
            voortgang=(datum - eerste).days / dagen,
        )

    rijen = []
    for plan in plannen:
        if plan.einde is None or rng.random() >= RESPONS:
            continue
        te_laat = (plan.einde - plan.start).days > plan.t.norm_dagen
        datum = plan.einde + timedelta(days=rng.randrange(1, 6))
        if datum < vandaag:
            product = plan.t.zaaktype.identificatie
            rijen.append(antwoord(datum, plan.kanaal.value, product, te_laat))
    for vraag in vragen:
        if rng.random() < RESPONS:
            te_laat = vraag.beantwoord_op > vraag.antwoorden_voor
            rijen.append(antwoord(vraag.beantwoord_op.date(), "web", "", te_laat))
    return feedback.bewaar_antwoorden_bulk(rijen)


ONDERWERPEN = (
    "Afval",
    "Parkeren",
    "Paspoort",
    "Verhuizing",
    "Belastingen",
    "Subsidie",
    "Evenement",
)


def _inlogs(gemeente, plannen, rng) -> int:
    """Logins with DigiD or eHerkenning: Loket keeps only their monthly count
    (``sturing.services.tel_inlog``), so the history is that count: per month
    about twice the zaken that came in online (people also log in to follow a
    zaak or read a message)."""
    from loket.sturing import meetpunten
    from loket.sturing import services as sturing

    per_maand: dict[date, int] = {}
    for plan in plannen:
        if plan.kanaal == Kanaal.WEB:
            maand = plan.start.replace(day=1)
            per_maand[maand] = per_maand.get(maand, 0) + 1
    totaal = 0
    for maand, online in sorted(per_maand.items()):
        aantal = round(online * rng.uniform(1.7, 2.3))
        sturing.tel(
            gemeente_id=gemeente.pk,
            datum=maand,
            meetpunt=meetpunten.INLOG,
            kanaal="web",
            aantal=aantal,
        )
        totaal += aantal
    return totaal
