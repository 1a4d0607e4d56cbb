"""Loads the demo through the services of each app. Safe to run again: what exists
(looked up by slug, name, e-mail address or client id; demo zaken by their kenmerk)
is kept as it is, also when someone changed it in the beheer."""

import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from loket.beleid import demo as beleid_demo
from loket.demo import catalogus as demo_catalogus
from loket.demo import data, geschiedenis
from loket.demo import zaken as demo_zaken
from loket.feedback import demo as feedback_demo
from loket.formulieren import demo as formulieren_demo
from loket.identiteit import demo as identiteit_demo
from loket.klantcontact import demo as klantcontact_demo
from loket.organisaties import services as organisaties
from loket.organisaties.models import Gemeente, Medewerker, Organisatie, Team
from loket.portaal import demo as portaal_demo
from loket.producten import demo as producten_demo
from loket.verwerkingen import demo as verwerkingen_demo
from loket.werkplek import demo as werkplek_demo
from loket.werkplek import demo_brieven as werkplek_demo_brieven
from loket.zgw.autorisaties import services as autorisaties
from loket.zgw.autorisaties.models import Client, Component
from loket.zgw.catalogi import exchange
from loket.zgw.catalogi import services as catalogi
from loket.zgw.catalogi.models import Catalogus, ZaakType
from loket.zgw.referentielijsten.models import (
    Communicatiekanaal,
    ProcesType,
    ResultaattypeOmschrijving,
)
from loket.zgw.referentielijsten.services import load_selectielijst

logger = logging.getLogger(__name__)
ASSETS = Path(__file__).parent / "assets"


class DemoNotAllowed(Exception):
    pass


@dataclass
class DemoReport:
    created: list[str] = field(default_factory=list)
    kept: int = 0
    # What the demo zaken of this load came to, over all gemeenten.
    zaken: int = 0
    documenten: int = 0
    besluiten: int = 0

    def note(self, created: bool, what: str) -> None:
        if created:
            self.created.append(what)
        else:
            self.kept += 1


@transaction.atomic
def load_demo(*, zaken_per_gemeente: int = demo_zaken.AANTAL) -> DemoReport:
    """Load the demo; ``zaken_per_gemeente`` demo zaken for each demo gemeente (0
    for none, e.g. in a test about something else: they take a while)."""
    if not settings.DEMO:
        raise DemoNotAllowed(
            "De demo wordt alleen geladen met LOKET_DEMO=true: demo-accounts hebben "
            "een openbaar wachtwoord."
        )
    report = DemoReport()
    gemeenten = {spec.slug: _gemeente(spec, report) for spec in data.GEMEENTEN}

    werkorganisatie = _organisatie(
        data.WERKORGANISATIE,
        Organisatie.Soort.WERKORGANISATIE,
        list(gemeenten.values()),
        report,
        rsin="990000035",
    )
    eigen = {
        slug: _organisatie(
            f"Gemeente {gemeente.naam}", Organisatie.Soort.GEMEENTE, [gemeente], report
        )
        for slug, gemeente in gemeenten.items()
    }
    teams = {
        naam: _team(werkorganisatie, naam, omschrijving, report)
        for naam, omschrijving in data.TEAMS.items()
    }
    for spec in data.MEDEWERKERS:
        organisatie = (
            None if spec.superuser else eigen.get(spec.gemeente, werkorganisatie)
        )
        _medewerker(spec, organisatie, [teams[t] for t in spec.teams], report)

    _selectielijst(report)
    _referentielijsten(report)
    document = functools.cache(demo_catalogus.document)  # built only when needed
    catalogussen = {
        slug: _catalogus(gemeente, document, report)
        for slug, gemeente in gemeenten.items()
    }
    _api_clients(catalogussen, report)
    # The resident channel: DigiD/eHerkenning at the test identity provider, the
    # products of each gemeente and the forms to request them online.
    identiteit_demo.load(gemeenten, report)
    producten_demo.load(gemeenten, report)
    formulieren_demo.load(gemeenten, report)
    # Which team handles each zaaktype: zaken from forms land in its queue.
    werkplek_demo.load(gemeenten, report)
    if zaken_per_gemeente:
        for slug, gemeente in gemeenten.items():
            _zaken(gemeente, catalogussen[slug], zaken_per_gemeente, report)
        werkplek_demo.verdeel(gemeenten, report)
    portaal_demo.load(gemeenten, report)
    # The contact centre: norms, knowledge articles, questions, contactmomenten.
    klantcontact_demo.load(gemeenten, report)
    # Letter templates for the werkplek, and a short processing log for Floris.
    werkplek_demo_brieven.load(gemeenten, report)
    verwerkingen_demo.load(gemeenten, report)
    # Satisfaction surveys, goals and the projectenboek; and two years of history
    # so that the dashboard shows trends.
    feedback_demo.load(gemeenten, report)
    beleid_demo.load(gemeenten, report)
    if zaken_per_gemeente:
        _geschiedenis(gemeenten, report)
    return report


def _geschiedenis(gemeenten: dict[str, Gemeente], report: DemoReport) -> None:
    from loket.sturing import herbouw as sturing_herbouw
    from loket.werkplek import leesmodel

    nieuw = False
    for gemeente in gemeenten.values():
        result = geschiedenis.load(gemeente)
        report.note(
            result is not None,
            f"geschiedenis {gemeente.naam}"
            + (
                f": {result.zaken} zaken, {result.webvragen} webvragen, "
                f"{result.antwoorden} antwoorden op de tevredenheidsvraag, "
                f"{result.inlogs} inlogs"
                if result
                else ""
            ),
        )
        nieuw = nieuw or result is not None
    if nieuw:  # written in bulk: the read models follow the registers now
        leesmodel.herbouw()
        sturing_herbouw.herbouw()


def _gemeente(spec: data.DemoGemeente, report: DemoReport) -> Gemeente:
    gemeente = Gemeente.objects.filter(slug=spec.slug).first()
    report.note(gemeente is None, f"gemeente {spec.naam}")
    if gemeente is None:
        gemeente = organisaties.create_gemeente(
            naam=spec.naam,
            slug=spec.slug,
            gemeentecode=spec.gemeentecode,
            rsin=spec.rsin,
            **spec.details,
        )
    if not gemeente.logo or not gemeente.logo.storage.exists(gemeente.logo.name):
        organisaties.set_logo(
            gemeente, filename=spec.logo, content=(ASSETS / spec.logo).read_bytes()
        )
    return gemeente


def _organisatie(naam, soort, gemeenten, report, rsin="") -> Organisatie:
    organisatie = Organisatie.objects.filter(naam=naam).first()
    report.note(organisatie is None, f"organisatie {naam}")
    if organisatie is None:
        organisatie = organisaties.create_organisatie(
            naam=naam, soort=soort, gemeenten=gemeenten, rsin=rsin
        )
    return organisatie


def _team(organisatie, naam, omschrijving, report) -> Team:
    team = Team.objects.filter(organisatie=organisatie, naam=naam).first()
    report.note(team is None, f"team {naam}")
    if team is None:
        team = organisaties.create_team(
            organisatie=organisatie, naam=naam, omschrijving=omschrijving
        )
    return team


def _medewerker(spec: data.DemoMedewerker, organisatie, teams, report) -> None:
    exists = Medewerker.objects.filter(email=spec.email).exists()
    report.note(not exists, f"medewerker {spec.email}")
    if not exists:
        organisaties.create_medewerker(
            email=spec.email,
            naam=spec.naam,
            organisatie=organisatie,
            rollen=spec.rollen,
            teams=teams,
            password=data.DEMO_PASSWORD,
            is_superuser=spec.superuser,
            is_demo=True,
            max_vertrouwelijkheid=spec.max_vertrouwelijkheid,
        )


def _selectielijst(report: DemoReport) -> None:
    loaded = ProcesType.objects.filter(jaar=2020).exists()
    report.note(not loaded, "selectielijst 2020")
    if not loaded:
        load_selectielijst()


def _referentielijsten(report: DemoReport) -> None:
    # These lists have no service yet (they have no rules beyond the model's).
    for model, name_field, text_field, items in (
        (
            ResultaattypeOmschrijving,
            "omschrijving",
            "definitie",
            data.RESULTAATTYPEOMSCHRIJVINGEN,
        ),
        (Communicatiekanaal, "naam", "omschrijving", data.COMMUNICATIEKANALEN),
    ):
        existing = set(model.objects.values_list(name_field, flat=True))
        for name, text in items.items():
            report.note(name not in existing, f"{model._meta.verbose_name} {name}")
            if name not in existing:
                obj = model(**{name_field: name, text_field: text})
                obj.full_clean()
                obj.save()


def _catalogus(gemeente: Gemeente, document, report: DemoReport) -> Catalogus:
    """The gemeente's zaaktypecatalogus, published; made once, then left alone."""
    catalogus = Catalogus.objects.filter(domein="ZAKEN", rsin=gemeente.rsin).first()
    report.note(catalogus is None, f"catalogus {gemeente.naam}")
    if catalogus is None:
        catalogus = catalogi.create_catalogus(
            domein="ZAKEN",
            rsin=gemeente.rsin,
            naam=f"Zaaktypen {gemeente.naam}",
            versie=str(demo_catalogus.BEGIN.year),
            begindatum_versie=demo_catalogus.BEGIN,
            contactpersoon_beheer_naam="Fatima El Amrani",
            contactpersoon_beheer_telefoonnummer=gemeente.telefoonnummer,
            contactpersoon_beheer_emailadres=f"beheer@{gemeente.slug}.demo",
        )
        exchange.import_catalogus(document(), catalogus)
    return catalogus


def _zaken(gemeente: Gemeente, catalogus, aantal: int, report: DemoReport) -> None:
    """Zaken in every state, with documents and besluiten; made once."""
    telling = demo_zaken.load(gemeente, catalogus, aantal=aantal)
    if telling is None:
        report.note(False, f"zaken {gemeente.naam}")
        return
    report.note(
        True,
        f"zaken {gemeente.naam}: {telling.zaken} zaken, {telling.documenten} "
        f"documenten, {telling.besluiten} besluiten",
    )
    report.zaken += telling.zaken
    report.documenten += telling.documenten
    report.besluiten += telling.besluiten


def _api_clients(catalogussen: dict[str, Catalogus], report: DemoReport) -> None:
    client_id, secret = data.API_CLIENT_ALLES
    if _new_client(client_id, report):
        autorisaties.create_applicatie(
            label="Demo: alle autorisaties",
            client_ids=[client_id],
            heeft_alle_autorisaties=True,
        )
        _demo_secret(client_id, secret)
    client_id, secret = data.API_CLIENT_BEPERKT
    if _new_client(client_id, report):
        catalogus = catalogussen[data.API_CLIENT_BEPERKT_GEMEENTE]
        autorisaties.create_applicatie(
            label="Demo: drie zaaktypen van Duinwaard",
            client_ids=[client_id],
            autorisaties=beperkte_autorisaties(
                catalogus, data.API_CLIENT_BEPERKT_ZAAKTYPEN
            ),
        )
        _demo_secret(client_id, secret)


def _new_client(client_id: str, report: DemoReport) -> bool:
    exists = Client.objects.filter(client_id=client_id).exists()
    report.note(not exists, f"API-koppeling {client_id}")
    return not exists


def _demo_secret(client_id: str, secret: str) -> None:
    client = Client.objects.get(client_id=client_id)
    autorisaties.set_secret(client, secret, is_demo=True)


def beperkte_autorisaties(
    catalogus: Catalogus,
    zaaktype_identificaties,
    *,
    maximum: str = "zaakvertrouwelijk",
    besluiten_scopes: tuple[str, ...] = ("besluiten.lezen",),
) -> list[autorisaties.AutorisatieSpec]:
    """Zaken of some zaaktypen up to ``maximum``, their documents and besluiten,
    and reading the catalogue: what the demo's restricted client (three zaaktypen)
    and the benchmark's (ten) may do."""
    zaaktypen = list(
        ZaakType.objects.filter(
            catalogus=catalogus,
            identificatie__in=zaaktype_identificaties,
            concept=False,
        ).prefetch_related("informatieobjecttypen")
    )
    iotypen = catalogus.informatieobjecttypen.filter(
        concept=False,
        omschrijving__in={
            ziot.informatieobjecttype_omschrijving
            for zaaktype in zaaktypen
            for ziot in zaaktype.informatieobjecttypen.all()
        },
    )
    besluittypen = catalogus.besluittypen.filter(
        concept=False,
        omschrijving__in={n for z in zaaktypen for n in z.besluittype_omschrijvingen},
    )
    Spec = autorisaties.AutorisatieSpec
    return [
        Spec(Component.ZTC, ["catalogi.lezen"]),
        Spec(Component.NRC, ["notificaties.consumeren"]),
        *(
            Spec(
                Component.ZRC,
                [
                    "zaken.lezen",
                    "zaken.aanmaken",
                    "zaken.bijwerken",
                    "zaken.statussen.toevoegen",
                ],
                zaaktype=zaaktype,
                max_vertrouwelijkheidaanduiding=maximum,
            )
            for zaaktype in zaaktypen
        ),
        *(
            Spec(
                Component.DRC,
                ["documenten.lezen", "documenten.aanmaken"],
                informatieobjecttype=iotype,
                max_vertrouwelijkheidaanduiding=maximum,
            )
            for iotype in iotypen
        ),
        *(
            Spec(Component.BRC, list(besluiten_scopes), besluittype=besluittype)
            for besluittype in besluittypen
        ),
    ]
