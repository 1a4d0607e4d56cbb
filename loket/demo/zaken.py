"""Demo zaken: per demo gemeente about a hundred and fifty requests of residents
and of a test company, spread over its zaaktypen and the last two years, in every
state a zaak can be in: just received, in behandeling, opgeschort, verlengd, past
its deadline, closed with a resultaat (with a besluit where the zaaktype has one)
and reopened.

Everything is written through the services of the Zaken, Documenten and Besluiten
registers, as the resident's e-formulier, the KCC and the behandelaar would: every
step has its audit trail entry and notificatie, with an actor that says who did
it. The dates are in the past; the moments the registers stamp themselves (an
audit trail entry, a rol's registratiedatum) are the moment the demo was loaded.

A seeded ``random.Random`` per gemeente plans the zaken and one per zaak fills
them in, so a load on the same day gives the same demo. Each demo zaak has as its
first kenmerk ``{"kenmerk": "demo-<gemeente>-<nummer>", "bron": "Loket demo"}``;
a gemeente that has one gets no new zaken.
"""

import dataclasses
import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from random import Random

from django.utils import timezone

from loket.demo import betrokkenen, data, plekken
from loket.demo.documenten import Documenten
from loket.demo.soorten import SOORTEN
from loket.demo.tijdlijn import (
    AFGESLOTEN,
    BESLUITSTATUSSEN,
    HEROPEND,
    IN_BEHANDELING,
    ONTVANGEN,
    OPGESCHORT,
    TE_LAAT,
    VERLENGD,
    Tijdlijn,
    Type,
    plan_tijdlijn,
)
from loket.demo.verzoeken import INGEDIEND, WEB, Vraag
from loket.organisaties.models import Gemeente, team_code
from loket.organisaties.roles import Rolcode
from loket.zgw.besluiten import services as besluiten
from loket.zgw.catalogi.choices import Objecttype
from loket.zgw.catalogi.models import Catalogus, ZaakType
from loket.zgw.referentielijsten.models import Communicatiekanaal
from loket.zgw.registers.services import Actor
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.choices import BetrokkeneType
from loket.zgw.zaken.models import Zaak
from loket.zgw.zaken.termijnen import add_duration

AANTAL = 150  # zaken per gemeente
BRON = "Loket demo"
JAREN = 2  # how long ago the oldest demo zaken started
# Channels through which the KCC, not the resident, registers the zaak.
KANTOOR = {"Balie", "Telefoon", "Post"}
# First a closed and an open zaak of every zaaktype; then these states across
# the zaaktypen that allow them; then the rest, spread like this.
ZEKER = (AFGESLOTEN, IN_BEHANDELING)
BIJZONDER = {ONTVANGEN: 8, OPGESCHORT: 4, VERLENGD: 3, TE_LAAT: 4, HEROPEND: 3}
VERDELING = {
    AFGESLOTEN: 85,
    IN_BEHANDELING: 14,
    ONTVANGEN: 8,
    OPGESCHORT: 5,
    VERLENGD: 3,
    TE_LAAT: 6,
    HEROPEND: 1,
}
# Residents ask unevenly: a few often, most once or twice (the weight of the
# n-th resident is n to this power).
SCHEEF = -0.6

OPSCHORTREDEN = "Wij wachten op gegevens die wij hebben opgevraagd (Awb, art. 4:15)."
VERLENGREDEN = "De behandeling vraagt meer tijd dan verwacht."
VERLENGREDENEN = {
    "EVENEMENTENVERGUNNING": "Het advies van politie, brandweer en GGD is nog niet "
    "binnen.",
    "OMGEVINGSVERGUNNING": "Het advies van de commissie ruimtelijke kwaliteit is "
    "nog niet binnen.",
    "BEZWAAR": "De bezwaarcommissie heeft meer tijd nodig voor haar advies (Awb, "
    "art. 7:10, lid 3).",
    "WOO-VERZOEK": "Het verzoek gaat over veel documenten; wij hebben meer tijd "
    "nodig om ze te beoordelen (Woo, art. 4.4).",
    "KLACHT": "Wij willen met alle betrokkenen spreken; daar is meer tijd voor "
    "nodig (Awb, art. 9:11, lid 2).",
}
HEROPENREDEN = "Heropend: de aanvrager stuurde na het afsluiten nieuwe informatie."
HEROPENREDENEN = {
    "MELDING-OPENBARE-RUIMTE": "Heropend: de melder laat weten dat het probleem "
    "terug is.",
    "KLACHT": "Heropend: de klager is het niet eens met de afhandeling.",
}


@dataclass
class Telling:
    """What the demo made for one gemeente."""

    zaken: int = 0
    documenten: int = 0
    besluiten: int = 0
    staten: Counter = field(default_factory=Counter)


def has_demo_zaken(gemeente: Gemeente) -> bool:
    return Zaak.objects.filter(gemeente=gemeente, kenmerken__0__bron=BRON).exists()


def load(
    gemeente: Gemeente,
    catalogus: Catalogus,
    *,
    aantal: int = AANTAL,
    soort_van: Callable[[str], str] = str,
) -> Telling | None:
    """Make ``aantal`` demo zaken for ``gemeente``, oldest first (so their
    identificaties follow the calendar); None, and nothing made, when the
    gemeente has its demo zaken already.

    ``soort_van`` gives the demo soort (a key of ``SOORTEN``) of a zaaktype
    identificatie; the benchmark, whose catalogue holds copies of the demo
    zaaktypen under other identificaties, uses it to make zaken of the copies."""
    if has_demo_zaken(gemeente):
        return None
    context = _Context(gemeente, catalogus, soort_van)
    telling = Telling()
    for nummer, plan in enumerate(_plannen(context, aantal), start=1):
        _Zaakbouwer(context, plan, nummer, telling).maak()
    return telling


# -- planning ----------------------------------------------------------------------


class _Context:
    """What the zaken of one gemeente share."""

    def __init__(
        self,
        gemeente: Gemeente,
        catalogus: Catalogus,
        soort_van: Callable[[str], str] = str,
    ):
        self.gemeente = gemeente
        self.nu = timezone.localtime()
        self.rng = Random(f"loket-demo:{gemeente.slug}")  # noqa: S311 (a demo)
        self.typen = _typen(catalogus, self.nu.date(), soort_van)
        self.kanalen = {k.naam: k for k in Communicatiekanaal.objects.all()}
        self.kcc = next(
            _staff(m) for m in data.MEDEWERKERS if Rolcode.KCC_MEDEWERKER in m.rollen
        )
        self.behandelaars = [
            (m.teams, _staff(m))
            for m in data.MEDEWERKERS
            if Rolcode.BEHANDELAAR in m.rollen
        ]
        # Each demo gemeente has its own residents: every other one of the test set.
        slugs = [g.slug for g in data.GEMEENTEN]
        self.personen = list(betrokkenen.personen()[slugs.index(gemeente.slug) :: 2])
        self.rng.shuffle(self.personen)
        self.gewichten = list(
            itertools.accumulate((n + 1) ** SCHEEF for n in range(len(self.personen)))
        )
        self.bedrijf = betrokkenen.bedrijf()
        self.documenten = Documenten(gemeente)

    def persoon(self, rng: Random, *, behalve: str = "") -> betrokkenen.Persoon:
        while True:
            persoon = rng.choices(self.personen, cum_weights=self.gewichten)[0]
            if persoon.bsn != behalve:
                return persoon


def _staff(spec: data.DemoMedewerker) -> Actor:
    return Actor(
        applicatie_weergave=BRON,
        gebruikers_id=spec.email,
        gebruikers_weergave=spec.naam,
    )


def _typen(
    catalogus: Catalogus, vandaag: date, soort_van: Callable[[str], str]
) -> list[Type]:
    """The gemeente's demo zaaktypen (their latest version) with their parts,
    read once."""
    zaaktypen = (
        ZaakType.objects.filter(catalogus=catalogus, concept=False)
        .order_by("identificatie", "-begin_geldigheid")
        .prefetch_related(
            "statustypen",
            "resultaattypen__resultaattypeomschrijving",
            "roltypen",
            "eigenschappen",
            "informatieobjecttypen",
        )
    )
    iotypen = {
        t.omschrijving: t for t in catalogus.informatieobjecttypen.filter(concept=False)
    }
    besluittypen = {
        t.omschrijving: t for t in catalogus.besluittypen.filter(concept=False)
    }
    typen: dict[str, Type] = {}
    for z in zaaktypen:
        soort = SOORTEN.get(soort_van(z.identificatie))
        if soort is not None and z.identificatie not in typen:
            typen[z.identificatie] = Type.of(z, soort, iotypen, besluittypen, vandaag)
    return list(typen.values())


@dataclass
class _Plan:
    type: Type
    staat: str
    kanaal: str
    tijdlijn: Tijdlijn
    rng: Random


def _plannen(context: _Context, aantal: int) -> list[_Plan]:
    """The zaken to make, in the order they came in."""
    rng, typen = context.rng, context.typen
    wanted = [(t, staat) for staat in ZEKER for t in typen]
    for staat, count in BIJZONDER.items():
        eligible = [t for t in typen if t.allows(staat)]
        wanted += [(t, staat) for t in rng.sample(eligible, min(count, len(eligible)))]
    weights = [t.soort.gewicht for t in typen]
    states = list(VERDELING)
    while len(wanted) < aantal:
        t = rng.choices(typen, weights)[0]
        staat = rng.choices(states, [VERDELING[s] for s in states])[0]
        if t.allows(staat):
            wanted.append((t, staat))
    plannen = []
    for n, (t, staat) in enumerate(wanted[:aantal]):
        zaak_rng = Random(f"loket-demo:{context.gemeente.slug}:{n}")  # noqa: S311
        kanaal = _gewogen(zaak_rng, t.soort.kanalen)
        tijdlijn = plan_tijdlijn(
            zaak_rng, t, staat, context.nu, jaren=JAREN, kantoor=kanaal in KANTOOR
        )
        plannen.append(_Plan(t, staat, kanaal, tijdlijn, zaak_rng))
    return sorted(plannen, key=lambda p: p.tijdlijn.start)


def _gewogen(rng: Random, weights: dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


# -- one zaak ------------------------------------------------------------------------


class _Zaakbouwer:
    """Makes one planned zaak, step by step, as the people involved would."""

    def __init__(self, context: _Context, plan: _Plan, nummer: int, telling: Telling):
        self.c, self.nummer, self.telling = context, nummer, telling
        self.staat, self.kanaal = plan.staat, plan.kanaal
        self.t, self.tl, self.rng = plan.type, plan.tijdlijn, plan.rng
        rng = self.rng
        self.initiator = (
            context.bedrijf
            if rng.random() < self.t.soort.bedrijf
            else context.persoon(rng)
        )
        self.partner = (
            context.persoon(rng, behalve=getattr(self.initiator, "bsn", ""))
            if "mede_initiator" in self.t.roltypen
            else None
        )
        # A handler of the zaaktype's team where the demo has one.
        self.behandelaar = rng.choice(
            [a for teams, a in context.behandelaars if self.t.soort.team in teams]
            or [a for _, a in context.behandelaars]
        )
        self.plek = (
            plekken.plek(
                rng,
                slug=context.gemeente.slug,
                gemeentecode=context.gemeente.gemeentecode,
                woonplaats=context.gemeente.naam,
            )
            if self.t.soort.plek
            else None
        )
        self.verzoek = self.t.soort.verzoek(
            Vraag(
                rng=rng,
                gemeente=context.gemeente.naam,
                initiator=self.initiator,
                start=self.tl.start.date(),
                plek=self.plek,
                partner=self.partner,
                termijn=self.tl.termijn,
            )
        )
        self.zaak = None
        self.rollen = {}
        self.heeft_resultaat = False

    @property
    def indiener(self) -> Actor:
        """Who registers the zaak: the resident or business online (DigiD,
        eHerkenning), the KCC for what came in another way."""
        if self.kanaal != WEB:
            return self.c.kcc
        persoon = isinstance(self.initiator, betrokkenen.Persoon)
        return Actor(
            applicatie_weergave=BRON,
            gebruikers_id=self.initiator.bsn if persoon else self.initiator.kvk_nummer,
            gebruikers_weergave=self.initiator.naam,
        )

    def maak(self) -> None:
        self._registreer()
        self._behandel()
        self.telling.zaken += 1
        self.telling.staten[self.staat] += 1

    # -- registering -----------------------------------------------------------------

    def _registreer(self) -> None:
        start, actor = self.tl.start, self.indiener
        middel = "DigiD" if self.initiator_is_persoon else "eHerkenning"
        toelichting = (
            f"Ingediend met {middel} via het e-formulier"
            if self.kanaal == WEB
            else f"Geregistreerd door het KCC, ontvangen {INGEDIEND[self.kanaal]}"
        )
        self.zaak = zaken.create_zaak(
            actor=dataclasses.replace(actor, toelichting=toelichting),
            zaaktype=self.t.zaaktype,
            bronorganisatie=self.c.gemeente.rsin,
            startdatum=start.date(),
            registratiedatum=start.date(),
            omschrijving=self.verzoek.omschrijving[:80],
            toelichting=" ".join(self.verzoek.regels)[:1000],
            communicatiekanaal=self.c.kanalen.get(self.kanaal),
            producten_of_diensten=list(self.t.zaaktype.producten_of_diensten)[:1],
            kenmerken=[
                {
                    "kenmerk": f"demo-{self.c.gemeente.slug}-{self.nummer:03d}",
                    "bron": BRON,
                }
            ],
            zaakgeometrie=self.plek.geometrie() if self.plek else None,
        )
        self._betrokkene("initiator", self.initiator, actor)
        if self.partner:
            self._betrokkene("mede_initiator", self.partner, actor)
        if self.kanaal != WEB and "klantcontacter" in self.t.roltypen:
            self._team("klantcontacter", "Klantcontactcentrum", actor)
        for naam, waarde in self.verzoek.eigenschappen.items():
            zaken.add_zaakeigenschap(
                self.zaak,
                actor=actor,
                eigenschap=self.t.eigenschappen[naam],
                waarde=waarde,
            )
        if self.plek:
            zaken.add_zaakobject(
                self.zaak,
                actor=actor,
                object_type=Objecttype.ADRES,
                object_identificatie=self.plek.object_identificatie(),
                relatieomschrijving=self.t.soort.plek,
            )
        self.c.documenten.aanvraag(self, actor)

    @property
    def initiator_is_persoon(self) -> bool:
        return isinstance(self.initiator, betrokkenen.Persoon)

    def _betrokkene(self, generiek: str, wie, actor: Actor) -> None:
        self.rollen[generiek] = zaken.add_rol(
            self.zaak,
            actor=actor,
            roltype=self.t.roltypen[generiek],
            betrokkene_type=(
                BetrokkeneType.NATUURLIJK_PERSOON
                if isinstance(wie, betrokkenen.Persoon)
                else BetrokkeneType.VESTIGING
            ),
            betrokkene_identificatie=wie.betrokkene_identificatie(),
        )

    def _team(self, generiek: str, team: str, actor: Actor) -> None:
        self.rollen[generiek] = zaken.add_rol(
            self.zaak,
            actor=actor,
            roltype=self.t.roltypen[generiek],
            betrokkene_type=BetrokkeneType.ORGANISATORISCHE_EENHEID,
            betrokkene_identificatie={
                "identificatie": team_code(team),
                "naam": f"Team {team}",
                "isGehuisvestIn": "",
            },
        )

    # -- handling --------------------------------------------------------------------

    def _behandel(self) -> None:
        tl, actor = self.tl, self.behandelaar
        (eerste, start), *verder = tl.statussen
        zaken.set_status(
            self.zaak,
            actor=self.indiener,
            statustype=eerste,
            datum_status_gezet=start,
            gezetdoor=self.rollen.get("initiator"),
        )
        if "behandelaar" in self.t.roltypen:  # routed to the team at once
            self._team("behandelaar", self.t.soort.team, actor)
        eind = self.t.statustypen[-1]
        for volgnummer, (statustype, moment) in enumerate(verder, start=2):
            if tl.opschorting and tl.opschorting_voor == volgnummer:
                van, tot = tl.opschorting
                zaken.suspend_zaak(self.zaak, actor=actor, reden=OPSCHORTREDEN, op=van)
                zaken.resume_zaak(self.zaak, actor=actor, op=tot)
            if tl.verlengd and tl.verlenging_voor == volgnummer:
                self._verleng()
            if statustype is eind:
                if moment == tl.besluit_moment:  # decided when it was closed
                    self._besluit(moment)
                if not self.heeft_resultaat:
                    self._resultaat()
                self.c.documenten.afhandeling(self, actor, moment)
            zaken.set_status(
                self.zaak,
                actor=actor,
                statustype=statustype,
                datum_status_gezet=moment,
                gezetdoor=self.rollen.get("behandelaar"),
            )
            if moment == tl.besluit_moment and statustype is not eind:
                self._besluit(moment)
            elif (
                statustype.omschrijving in BESLUITSTATUSSEN
                and tl.resultaattype
                and not self.heeft_resultaat
            ):
                self._resultaat()  # decided, without a besluit of the Besluiten API
        self._open_einde()

    def _open_einde(self) -> None:
        """What is going on now: waiting for the applicant, an extended term, a
        reopened zaak."""
        tl, actor = self.tl, self.behandelaar
        if tl.opschorting and tl.opschorting_voor is None:
            van, _ = tl.opschorting
            self.c.documenten.verzoek_om_aanvulling(self, actor, van)
            zaken.suspend_zaak(self.zaak, actor=actor, reden=OPSCHORTREDEN, op=van)
        if tl.verlengd and tl.verlenging_voor is None:
            self._verleng()
        if tl.heropend:
            statustype, moment = tl.heropend
            zaken.set_status(
                self.zaak,
                actor=actor,
                statustype=statustype,
                datum_status_gezet=moment,
                statustoelichting=HEROPENREDENEN.get(
                    self.t.identificatie, HEROPENREDEN
                ),
                gezetdoor=self.rollen.get("behandelaar"),
            )

    def _verleng(self) -> None:
        zaken.extend_zaak(
            self.zaak,
            actor=self.behandelaar,
            reden=VERLENGREDENEN.get(self.t.identificatie, VERLENGREDEN),
            duur=self.t.verlengingstermijn,
        )

    def _resultaat(self) -> None:
        zaken.set_resultaat(
            self.zaak, actor=self.behandelaar, resultaattype=self.tl.resultaattype
        )
        self.heeft_resultaat = True

    def _besluit(self, moment: datetime) -> None:
        """The besluit, taken and sent on the day of its status, with its PDF;
        the resultaat follows from it."""
        t, tl, dag = self.t, self.tl, moment.date()
        besluittype = t.besluittype
        generiek = tl.resultaattype.resultaattypeomschrijving.omschrijving
        vervaldatum = None
        if generiek in ("Verleend", "Toegekend", "Ingewilligd"):
            if t.soort.geldigheid:
                vervaldatum = add_duration(dag, t.soort.geldigheid) - timedelta(days=1)
            elif tl.termijn:  # a permit for one event: until the day after
                vervaldatum = tl.start.date() + timedelta(days=tl.termijn + 1)
        besluit = besluiten.create_besluit(
            actor=self.behandelaar,
            besluittype=besluittype,
            verantwoordelijke_organisatie=self.c.gemeente.rsin,
            datum=dag,
            ingangsdatum=dag,
            zaak=self.zaak,
            toelichting=self.c.documenten.beslissing(tl.resultaattype),
            bestuursorgaan=t.soort.bestuursorgaan,
            vervaldatum=vervaldatum,
            vervalreden="tijdelijk" if vervaldatum else "",
            verzenddatum=dag,
            uiterlijke_reactiedatum=(
                add_duration(dag, besluittype.reactietermijn)
                if besluittype.reactietermijn
                else None
            ),
            publicatiedatum=(
                dag + timedelta(days=7) if besluittype.publicatie_indicatie else None
            ),
        )
        self.c.documenten.besluit(self, besluit, moment)
        self.telling.besluiten += 1
        if not self.heeft_resultaat:
            self._resultaat()
