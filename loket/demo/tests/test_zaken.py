"""The demo zaken: every demo zaaktype in several states, as the services of the
Zaken, Documenten and Besluiten registers made them, with real test persons as
initiators, and readable through the ZGW APIs.

The whole demo, as ``make run`` loads it, is loaded once for this module (it takes
a while) and rolled back afterwards."""

import csv
import re
from collections import Counter, defaultdict

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

import pytest

from loket.demo import betrokkenen, data, geschiedenis, plekken
from loket.demo import zaken as demo_zaken
from loket.demo.loader import load_demo
from loket.demo.soorten import SOORTEN
from loket.organisaties.roles import Rolcode
from loket.organisaties.validators import elfproef
from loket.werkplek import services as werkplek
from loket.zgw.besluiten.models import Besluit
from loket.zgw.catalogi.choices import Afleidingswijze
from loket.zgw.catalogi.models import ZaakType
from loket.zgw.documenten.models import EnkelvoudigInformatieObject
from loket.zgw.notificaties.models import Notificatie
from loket.zgw.registers.models import AuditTrail
from loket.zgw.zaken.archief import brondatum
from loket.zgw.zaken.models import Rol, Zaak
from loket.zgw.zaken.termijnen import add_duration

pytestmark = pytest.mark.django_db

PER_GEMEENTE = demo_zaken.AANTAL
GEMEENTEN = ("duinwaard", "lindebroek")
HOST = "http://testserver"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The whole demo, for every test here."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            DEMO=True,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
        transaction.atomic(),
    ):
        report = load_demo()
        yield report
        transaction.set_rollback(True)


def demo_zaak_list():
    return list(
        Zaak.objects.filter(kenmerken__0__bron=demo_zaken.BRON)
        .select_related("zaaktype", "gemeente", "status__statustype", "resultaat")
        .prefetch_related("statussen__statustype")
    )


def state(zaak: Zaak) -> str:
    statussen = list(zaak.statussen.all())
    end = zaak.zaaktype.statustypen.order_by("-volgnummer").first()
    if zaak.einddatum:
        return "afgesloten"
    if any(s.statustype_id == end.pk for s in statussen):
        return "heropend"
    if zaak.opschorting_indicatie:
        return "opgeschort"
    if zaak.verlenging_duur:
        return "verlengd"
    if zaak.uiterlijke_einddatum_afdoening < timezone.localdate():
        return "te_laat"
    return "ontvangen" if len(statussen) == 1 else "in_behandeling"


def test_the_report_counts_what_was_made(demo):
    assert demo.zaken == len(demo_zaak_list()) == 2 * PER_GEMEENTE
    # Besides them, the two years of history the dashboard's trends come from.
    history = [
        int(m)
        for m in re.findall(
            r"^geschiedenis .*?: (\d+) zaken", "\n".join(demo.created), re.M
        )
    ]
    assert len(history) == 2 and min(history) > 0
    assert Zaak.objects.count() == demo.zaken + sum(history)
    assert demo.besluiten == Besluit.objects.count() > 0
    assert demo.documenten == EnkelvoudigInformatieObject.objects.count()
    assert demo.documenten >= demo.zaken
    assert [c for c in demo.created if c.startswith("zaken ")] == [
        f"zaken Duinwaard: {PER_GEMEENTE} zaken, {_made('duinwaard')}",
        f"zaken Lindebroek: {PER_GEMEENTE} zaken, {_made('lindebroek')}",
    ]


def _made(slug: str) -> str:
    zaken = Zaak.objects.filter(gemeente__slug=slug)
    documenten = EnkelvoudigInformatieObject.objects.filter(
        informatieobject__zaakinformatieobjecten__zaak__in=zaken
    ).count()
    besluiten = Besluit.objects.filter(zaak__in=zaken).count()
    return f"{documenten} documenten, {besluiten} besluiten"


def test_every_demo_zaaktype_has_zaken_in_several_states(demo):
    zaken = demo_zaak_list()
    per_type = defaultdict(set)
    for zaak in zaken:
        per_type[(zaak.gemeente.slug, zaak.zaaktype.identificatie)].add(state(zaak))
    for slug in GEMEENTEN:
        zaaktypen = ZaakType.objects.filter(catalogus__gemeente__slug=slug)
        for identificatie in zaaktypen.values_list("identificatie", flat=True):
            states = per_type[(slug, identificatie)]
            assert "afgesloten" in states, (slug, identificatie)
            assert len(states) >= 2, (slug, identificatie, states)
        states = Counter(state(z) for z in zaken if z.gemeente.slug == slug)
        assert set(states) == {
            "ontvangen",
            "in_behandeling",
            "opgeschort",
            "verlengd",
            "te_laat",
            "afgesloten",
            "heropend",
        }, states


def test_zaken_start_over_the_last_two_years_and_their_dates_follow_each_other(demo):
    today, now = timezone.localdate(), timezone.now()
    zaken = demo_zaak_list()
    starts = [z.startdatum for z in zaken]
    assert min(starts) >= today.replace(year=today.year - 2)
    assert (max(starts) - min(starts)).days > 365
    for zaak in zaken:
        statussen = sorted(zaak.statussen.all(), key=lambda s: s.pk)
        moments = [s.datum_status_gezet for s in statussen]
        assert zaak.registratiedatum == zaak.startdatum, zaak
        assert timezone.localtime(moments[0]).date() == zaak.startdatum, zaak
        assert moments == sorted(moments) and moments[-1] <= now, zaak
        assert zaak.status_id == statussen[-1].pk, zaak
        assert statussen[0].statustype.volgnummer == 1, zaak
        if zaak.einddatum:
            assert zaak.einddatum == timezone.localtime(moments[-1]).date(), zaak
        if zaak.opschorting_indicatie:
            assert timezone.localtime(moments[-1]).date() <= zaak.opgeschort_sinds


def test_closed_zaken_have_a_resultaat_and_the_archiving_dates_it_gives(demo):
    closed = [z for z in demo_zaak_list() if z.einddatum]
    assert closed
    with_date = 0
    for zaak in closed:
        resultaattype = zaak.resultaat.resultaattype
        assert zaak.archiefnominatie == resultaattype.archiefnominatie, zaak
        bron = brondatum(zaak, resultaattype, zaak.einddatum)
        if resultaattype.archiefactietermijn and bron:
            assert zaak.archiefactiedatum == add_duration(
                bron, resultaattype.archiefactietermijn
            ), zaak
            with_date += 1
        else:
            assert zaak.archiefactiedatum is None, zaak
    assert with_date > len(closed) * 0.7
    # A granted permit for a period is archived from the end of its besluit.
    from_besluit = [
        z
        for z in closed
        if z.resultaat.resultaattype.brondatum_afleidingswijze
        == Afleidingswijze.VERVALDATUM_BESLUIT
        and z.besluiten.exists()
    ]
    assert from_besluit
    for zaak in from_besluit:
        vervaldatum = zaak.besluiten.get().vervaldatum
        termijn = zaak.resultaat.resultaattype.archiefactietermijn
        assert zaak.archiefactiedatum == add_duration(vervaldatum, termijn), zaak


def test_a_decided_request_has_a_besluit_laid_down_in_a_pdf(demo):
    decided = [
        z
        for z in demo_zaak_list()
        if z.einddatum
        and z.zaaktype.besluittype_omschrijvingen
        and z.resultaat.resultaattype.besluittype_omschrijvingen
    ]
    assert decided
    for zaak in decided:
        besluit = zaak.besluiten.get()
        assert (
            besluit.besluittype.omschrijving in zaak.zaaktype.besluittype_omschrijvingen
        )
        assert besluit.datum <= zaak.einddatum and besluit.toelichting
        (bio,) = besluit.besluitinformatieobjecten.all()
        document = EnkelvoudigInformatieObject.objects.get(
            informatieobject=bio.informatieobject, laatste=True
        )
        assert document.informatieobjecttype.omschrijving == "Besluit"
        assert document.formaat == "application/pdf"
        assert zaak.zaakinformatieobjecten.filter(
            informatieobject=bio.informatieobject
        ).exists()
        assert_valid_pdf(content_of(document))


def test_every_zaak_has_its_request_as_a_pdf_and_closed_zaken_no_open_questions(demo):
    for zaak in demo_zaak_list():
        versions = EnkelvoudigInformatieObject.objects.filter(
            informatieobject__zaakinformatieobjecten__zaak=zaak, laatste=True
        ).order_by("pk")
        assert versions, zaak
        aanvraag = versions[0]
        assert zaak.identificatie in aanvraag.titel or zaak.omschrijving in (
            aanvraag.titel
        )
        content = content_of(aanvraag)
        assert_valid_pdf(content)
        assert aanvraag.bestandsomvang == len(content)
        assert all(v.indicatie_gebruiksrecht is False for v in versions), zaak


def test_initiators_are_brp_test_persons_or_the_kvk_test_company(demo):
    personen = {p.bsn: p for p in betrokkenen.personen()}
    bedrijf = betrokkenen.bedrijf()
    initiators = Rol.objects.filter(
        omschrijving_generiek="initiator", zaak__kenmerken__0__bron=demo_zaken.BRON
    )
    types = Counter(initiators.values_list("betrokkene_type", flat=True))
    assert types["natuurlijk_persoon"] > 0.8 * initiators.count()
    assert types["vestiging"] > 0
    for rol in initiators:
        if rol.betrokkene_type == "natuurlijk_persoon":
            assert rol.inp_bsn.startswith("999") and elfproef(rol.inp_bsn)
            persoon = personen[rol.inp_bsn]
            identificatie = rol.betrokkene_identificatie
            assert identificatie["geslachtsnaam"] == persoon.geslachtsnaam
            assert identificatie["voornamen"] == persoon.voornamen
        else:
            assert rol.kvk_nummer == bedrijf.kvk_nummer == "69599084"
            assert rol.vestigings_nummer == bedrijf.vestigingsnummer
    # The test persons come from the RvIG test set, unchanged.
    with betrokkenen.BRP.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert len({r["01.01.20"] for r in rows}) == len(rows) == len(personen)
    # A few residents ask a lot (the KCC sees several zaken of one person).
    bsns = Counter(initiators.exclude(inp_bsn="").values_list("inp_bsn", flat=True))
    assert max(bsns.values()) >= 3


def test_every_zaak_is_with_a_team_and_each_step_says_who_took_it(demo):
    kcc = "kcc@werkorganisatie.demo"
    behandelaars = {
        m.email: m.teams for m in data.MEDEWERKERS if Rolcode.BEHANDELAAR in m.rollen
    }
    for zaak in demo_zaak_list():
        soort = SOORTEN[zaak.zaaktype.identificatie]
        # A handler of the zaak's team takes the steps, where the demo has one.
        van_het_team = {e for e, teams in behandelaars.items() if soort.team in teams}
        # The team; a few demo zaken also have a person (werkplek/demo.py).
        behandelaar = zaak.rollen.get(
            omschrijving_generiek="behandelaar",
            betrokkene_type="organisatorische_eenheid",
        )
        assert behandelaar.betrokkene_type == "organisatorische_eenheid"
        team = behandelaar.betrokkene_identificatie["naam"]
        assert team == f"Team {SOORTEN[zaak.zaaktype.identificatie].team}"
        trail = AuditTrail.objects.filter(hoofd_object_uuid=zaak.uuid, bron="zrc")
        created = trail.get(resource="zaak", actie="create")
        initiator = zaak.rollen.get(omschrijving_generiek="initiator")
        if zaak.communicatiekanaal.naam == "Website/e-formulier":
            assert created.gebruikers_id in (initiator.inp_bsn, initiator.kvk_nummer)
            assert "e-formulier" in created.toelichting
        else:
            assert created.gebruikers_id == kcc
        later = trail.filter(resource="status").exclude(
            resource_uuid=zaak.statussen.order_by("pk").first().uuid
        )
        assert set(later.values_list("gebruikers_id", flat=True)) <= (
            van_het_team or set(behandelaars)
        )
        # The demo handler takes a few zaken in the werkplek, as staff would.
        assert {e.applicatie_weergave for e in trail} <= {"Loket demo", werkplek.BRON}


def test_zaken_about_a_place_have_an_address_and_a_point_in_their_gemeente(demo):
    for zaak in demo_zaak_list():
        soort = SOORTEN[zaak.zaaktype.identificatie]
        if not soort.plek:
            assert zaak.zaakgeometrie is None
            continue
        (zaakobject,) = zaak.zaakobjecten.all()
        assert zaakobject.object_type == "adres"
        assert zaakobject.relatieomschrijving == soort.plek
        adres = zaakobject.object_identificatie
        assert adres["wplWoonplaatsNaam"] == zaak.gemeente.naam
        assert adres["identificatie"].startswith(zaak.gemeente.gemeentecode)
        oost, noord = zaak.zaakgeometrie["coordinates"]
        for slug in GEMEENTEN:
            (ring,) = plekken.gebied(slug)["coordinates"]
            inside = (
                ring[0][0] <= oost <= ring[1][0] and ring[0][1] <= noord <= (ring[2][1])
            )
            assert inside == (slug == zaak.gemeente.slug), zaak


def test_the_zaken_api_lists_the_demo_zaken_with_what_belongs_to_them(demo, zgw):
    for slug in GEMEENTEN:
        zaak = Zaak.objects.filter(gemeente__slug=slug, einddatum__isnull=False)
        zaak = zaak.filter(besluiten__isnull=False).order_by("pk").first()
        listed = zgw.get(
            "/zaken/api/v1/zaken", {"bronorganisatie": zaak.bronorganisatie}
        )
        assert listed.status_code == 200
        history = Zaak.objects.filter(
            gemeente__slug=slug, kenmerken__0__bron=geschiedenis.BRON
        )
        assert listed.json()["count"] == PER_GEMEENTE + history.count()
        url = f"{HOST}/zaken/api/v1/zaken/{zaak.uuid}"
        detail = zgw.get(url).json()
        assert detail["einddatum"] == zaak.einddatum.isoformat()
        assert detail["resultaat"] and detail["status"]
        assert detail["kenmerken"][0]["bron"] == demo_zaken.BRON
        rollen = zgw.get("/zaken/api/v1/rollen", {"zaak": url}).json()["results"]
        assert {r["omschrijvingGeneriek"] for r in rollen} >= {
            "initiator",
            "behandelaar",
        }
        statussen = zgw.get("/zaken/api/v1/statussen", {"zaak": url}).json()
        assert statussen["count"] == zaak.statussen.count()
        zios = zgw.get("/zaken/api/v1/zaakinformatieobjecten", {"zaak": url}).json()
        assert len(zios) == zaak.zaakinformatieobjecten.count() >= 2
        for zio in zios:
            document = zgw.get(zio["informatieobject"]).json()
            assert document["formaat"] == "application/pdf"
        besluiten = zgw.get("/besluiten/api/v1/besluiten", {"zaak": url}).json()
        assert besluiten["count"] == 1
        # A search by area finds the gemeente's zaken about a place, and only those.
        found = zgw.post(
            "/zaken/api/v1/zaken/_zoek",
            {"zaakgeometrie": {"within": plekken.gebied(slug)}},
        )
        assert found.status_code == 200, found.content
        places = Zaak.objects.filter(gemeente__slug=slug, zaakgeometrie__isnull=False)
        assert found.json()["count"] == places.count() > 0


def test_the_plan_is_the_same_on_every_load_on_the_same_day(demo):
    from loket.zgw.catalogi.models import Catalogus

    catalogus = Catalogus.objects.get(gemeente__slug="lindebroek")

    def plan():
        context = demo_zaken._Context(catalogus.gemeente, catalogus)
        return [
            (p.type.identificatie, p.staat, p.kanaal, p.tijdlijn.start.date())
            for p in demo_zaken._plannen(context, demo_zaken.AANTAL)
        ]

    first = plan()
    assert plan() == first
    made = Zaak.objects.filter(
        gemeente__slug="lindebroek", kenmerken__0__bron=demo_zaken.BRON
    ).order_by("pk")
    assert [(z.zaaktype.identificatie, z.startdatum) for z in made] == [
        (identificatie, start) for identificatie, _, _, start in first
    ]


def test_the_demo_announces_every_step_but_leaves_no_routing_backlog(demo):
    """Every step of every demo zaak is announced (the outbox has it), but with
    nobody subscribed there is nothing to route, and the history the demo makes
    mails nobody: the worker starts with only the e-mail that tells the demo
    resident about the gemeente's message (portaal/demo.py)."""
    from django_tasks_db.models import DBTaskResult

    assert Notificatie.objects.count() > 10 * demo.zaken
    waiting = DBTaskResult.objects.ready().values_list("task_path", flat=True)
    assert list(waiting) == ["loket.portaal.tasks.mail_bericht"]


@pytest.mark.parametrize(
    "path",
    [
        "/zaken/api/v1/zaken",
        "/zaken/api/v1/statussen",
        "/zaken/api/v1/rollen",
        "/zaken/api/v1/resultaten",
        "/zaken/api/v1/zaakobjecten",
        "/documenten/api/v1/enkelvoudiginformatieobjecten",
        "/besluiten/api/v1/besluiten",
    ],
)
def test_everything_the_demo_made_conforms_to_the_official_specification(
    demo, zgw, path
):
    """Every page is checked against the specification (the zgw_conformance
    fixture); a value the standard does not allow fails the test."""
    url, seen = path, 0
    while url:
        page = zgw.get(url)
        assert page.status_code == 200
        seen += len(page.json()["results"])
        url = page.json()["next"]
    assert seen == page.json()["count"] > 0


def test_loading_the_whole_demo_again_changes_nothing(demo):
    models = (Zaak, Rol, Besluit, EnkelvoudigInformatieObject, AuditTrail, Notificatie)
    before = [m.objects.count() for m in models]
    with override_settings(DEMO=True):
        again = load_demo()
    assert [m.objects.count() for m in models] == before
    assert again.created == []
    assert again.kept == demo.kept + len(demo.created)
    assert again.zaken == again.documenten == again.besluiten == 0


def content_of(version: EnkelvoudigInformatieObject) -> bytes:
    with version.inhoud.open("rb") as f:
        return f.read()


def assert_valid_pdf(content: bytes) -> None:
    """The structure a PDF reader relies on: header, objects where the
    cross-reference table says they are, trailer and end marker."""
    assert content.startswith(b"%PDF-1.")
    assert content.rstrip().endswith(b"%%EOF")
    startxref = int(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", content).group(1))
    assert content[startxref:].startswith(b"xref")
    header = re.match(rb"xref\s+0 (\d+)\s+", content[startxref:])
    count = int(header.group(1))
    table = content[startxref + header.end() :].split(b"\n")[:count]
    for number, entry in enumerate(table[1:], start=1):
        offset = int(entry[:10])
        assert content[offset:].startswith(f"{number} 0 obj".encode()), number
    for match in re.finditer(rb"<< /Length (\d+) >>\nstream\n", content):
        end = match.end() + int(match.group(1))
        assert content[end:].startswith(b"\nendstream")
    assert b"/Type /Catalog" in content and b"/Type /Page " in content
