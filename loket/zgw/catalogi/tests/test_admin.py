"""The catalogue in the beheer: a functional administrator builds a zaaktype without
code, publishes it, makes a new version and moves a catalogus as a file; and the
reference lists and API-koppelingen next to it."""

import json
from datetime import timedelta
from html.parser import HTMLParser

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

import pytest

from loket.demo.loader import load_demo
from loket.organisaties.models import Medewerker
from loket.organisaties.roles import Rolcode
from loket.zgw.autorisaties import services as autorisaties
from loket.zgw.autorisaties.models import Applicatie, Client
from loket.zgw.catalogi import exchange, inavigator, services
from loket.zgw.catalogi.admin.service_forms import NOT_SAVED
from loket.zgw.catalogi.models import InformatieObjectType, ZaakType
from loket.zgw.catalogi.tests import catalogus_data as data
from loket.zgw.notificaties.models import Notificatie
from loket.zgw.referentielijsten.models import (
    ProcesType,
    Resultaat,
    ResultaattypeOmschrijving,
)
from tests import factories

pytestmark = pytest.mark.django_db

ZAAKTYPEN = "/beheer/catalogi/zaaktype/"
INLINES = (
    "statustypen",
    "resultaattypen",
    "roltypen",
    "eigenschappen",
    "informatieobjecttypen",
    "zaakobjecttypen",
)


class FormData(HTMLParser):
    """The values a browser would send for the form with ``form_id``."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or ("name" not in attrs and tag != "option"):
            return
        name = attrs.get("name")
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value", "on"))
                return
            self.data[name] = [attrs.get("value", "")]
        elif tag == "select":
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, text):
        if self._textarea:
            self.data[self._textarea][0] += text


def form_data(response, form_id="zaaktype_form") -> dict:
    parser = FormData(form_id)
    parser.feed(response.text)
    data = {k: v for k, v in parser.data.items() if k != "csrfmiddlewaretoken"}
    # A new row keeps its template values; the browser leaves them out.
    return {k: (v[0] if len(v) == 1 else v) for k, v in data.items() if v}


@pytest.fixture
def werkorganisatie():
    return factories.organisatie(factories.gemeente(), factories.gemeente())


@pytest.fixture
def beheerder(werkorganisatie):
    return factories.medewerker(
        werkorganisatie, rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,)
    )


@pytest.fixture
def beheer(client, staff_login, beheerder):
    return staff_login(client, beheerder)


@pytest.fixture
def catalogus(werkorganisatie):
    data.referentielijsten()
    catalogus = data.catalogus(werkorganisatie.gemeenten.order_by("pk").first())
    for name in ("Aanvraag", "Besluit"):
        iotype = services.create_informatieobjecttype(
            catalogus=catalogus,
            omschrijving=name,
            vertrouwelijkheidaanduiding="zaakvertrouwelijk",
            informatieobjectcategorie=name,
            begin_geldigheid=timezone.localdate() - timedelta(days=30),
        )
        services.publish_informatieobjecttype(iotype)
    return catalogus


@pytest.fixture
def gepubliceerd(werkorganisatie):
    """A catalogus with a published zaaktype (and a second, DEEL)."""
    data.referentielijsten()
    catalogus = data.catalogus(werkorganisatie.gemeenten.order_by("pk").first())
    exchange.import_catalogus(data.document(data.zaaktype()), catalogus)
    return ZaakType.objects.get(catalogus=catalogus)


def management(**rows) -> dict:
    result = {}
    for prefix in INLINES:
        result |= {
            f"{prefix}-TOTAL_FORMS": str(rows.get(prefix, 0)),
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return result


def new_zaaktype(catalogus, *, klasse="11.1") -> dict:
    verleend = Resultaat.objects.get(uuid=data.klasse(klasse))
    verleend_generiek = ResultaattypeOmschrijving.objects.get(omschrijving="Verleend")
    return {
        "catalogus": catalogus.pk,
        "identificatie": "TERRAS",
        "omschrijving": "Terrasvergunning",
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        "doel": "Een terras toestaan.",
        "aanleiding": "Een ondernemer vraagt het aan.",
        "indicatie_intern_of_extern": "extern",
        "handeling_initiator": "Aanvragen",
        "onderwerp": "Terras",
        "handeling_behandelaar": "Behandelen",
        "trefwoorden": "terras\nhoreca",
        "doorlooptijd": "P8W",
        "servicenorm": "P4W",
        "opschorting_en_aanhouding_mogelijk": "on",
        "selectielijst_procestype": ProcesType.objects.get(jaar=2020, nummer=11).pk,
        "referentieproces_naam": "Vergunning verlenen",
        "verantwoordelijke": "Team Vergunningen",
        "begin_geldigheid": "2026-01-01",
        "versiedatum": "2026-01-01",
        **management(
            statustypen=2, resultaattypen=1, roltypen=2, informatieobjecttypen=1
        ),
        "statustypen-0-volgnummer": "1",
        "statustypen-0-omschrijving": "Ontvangen",
        "statustypen-0-statustekst": "We hebben uw aanvraag ontvangen.",
        "statustypen-0-informeren": "on",
        "statustypen-1-volgnummer": "2",
        "statustypen-1-omschrijving": "Afgehandeld",
        "resultaattypen-0-omschrijving": "Verleend",
        "resultaattypen-0-resultaattypeomschrijving": verleend_generiek.pk,
        "resultaattypen-0-selectielijstklasse": verleend.pk,
        "resultaattypen-0-brondatum_afleidingswijze": "vervaldatum_besluit",
        "roltypen-0-omschrijving": "Aanvrager",
        "roltypen-0-omschrijving_generiek": "initiator",
        "roltypen-1-omschrijving": "Behandelaar",
        "roltypen-1-omschrijving_generiek": "behandelaar",
        "informatieobjecttypen-0-volgnummer": "1",
        "informatieobjecttypen-0-informatieobjecttype_omschrijving": "Aanvraag",
        "informatieobjecttypen-0-richting": "inkomend",
    }


def test_beheerder_builds_a_zaaktype_with_its_types_on_one_page(beheer, catalogus):
    response = beheer.post(f"{ZAAKTYPEN}add/", new_zaaktype(catalogus))
    assert response.status_code == 302, response.text
    zaaktype = ZaakType.objects.get(identificatie="TERRAS")
    assert zaaktype.concept
    assert zaaktype.trefwoorden == ["terras", "horeca"]
    assert list(zaaktype.statustypen.values_list("volgnummer", "omschrijving")) == [
        (1, "Ontvangen"),
        (2, "Afgehandeld"),
    ]
    resultaat = zaaktype.resultaattypen.get()
    # Archiving follows from the selectielijst class when left empty.
    assert (resultaat.archiefnominatie, resultaat.archiefactietermijn) == (
        "vernietigen",
        "P1Y",
    )
    assert {r.omschrijving_generiek for r in zaaktype.roltypen.all()} == {
        "initiator",
        "behandelaar",
    }
    assert zaaktype.informatieobjecttypen.get().informatieobjecttype_omschrijving == (
        "Aanvraag"
    )
    assert (
        Notificatie.objects.filter(resource="statustype", actie="create").count() == 2
    )


def test_a_refusal_of_the_service_shows_on_the_row_and_nothing_is_saved(
    beheer, catalogus
):
    response = beheer.post(f"{ZAAKTYPEN}add/", new_zaaktype(catalogus, klasse="5.1"))
    assert response.status_code == 200
    assert NOT_SAVED in response.text
    assert "hoort niet bij het selectielijst-procestype" in response.text
    assert not ZaakType.objects.exists()
    assert not Notificatie.objects.filter(resource="zaaktype").exists()


def test_an_invalid_term_is_explained_on_its_field(beheer, catalogus):
    values = new_zaaktype(catalogus) | {"doorlooptijd": "acht weken"}
    response = beheer.post(f"{ZAAKTYPEN}add/", values)
    assert response.status_code == 200
    assert "ISO 8601" in response.text
    assert not ZaakType.objects.exists()


def test_publishing_waits_for_the_documenttypen_it_uses(beheer, catalogus):
    concept = services.create_informatieobjecttype(
        catalogus=catalogus,
        omschrijving="Situatietekening",
        vertrouwelijkheidaanduiding="zaakvertrouwelijk",
        informatieobjectcategorie="Tekening",
        begin_geldigheid=timezone.localdate(),
    )
    values = new_zaaktype(catalogus) | {
        "informatieobjecttypen-0-informatieobjecttype_omschrijving": "Situatietekening"
    }
    assert beheer.post(f"{ZAAKTYPEN}add/", values).status_code == 302
    zaaktype = ZaakType.objects.get(identificatie="TERRAS")
    action = {"action": "publiceren", "_selected_action": [zaaktype.pk]}
    response = beheer.post(ZAAKTYPEN, action, follow=True)
    assert "Publiceer eerst" in response.text and "Situatietekening" in response.text
    zaaktype.refresh_from_db()
    assert zaaktype.concept
    beheer.post(
        "/beheer/catalogi/informatieobjecttype/",
        {"action": "publiceren", "_selected_action": [concept.pk]},
    )
    response = beheer.post(ZAAKTYPEN, action, follow=True)
    assert "1 zaaktype(n) gepubliceerd" in response.text
    zaaktype.refresh_from_db()
    assert not zaaktype.concept


def test_a_published_zaaktype_only_takes_a_new_end_date(beheer, gepubliceerd):
    url = f"{ZAAKTYPEN}{gepubliceerd.pk}/change/"
    pagina = beheer.get(url)
    assert 'name="omschrijving"' not in pagina.text
    assert 'name="statustypen-0-omschrijving"' not in pagina.text
    values = form_data(pagina) | {"einde_geldigheid": "2026-12-31", "_save": "Opslaan"}
    response = beheer.post(url, values)
    assert response.status_code == 302, response.text
    gepubliceerd.refresh_from_db()
    assert str(gepubliceerd.einde_geldigheid) == "2026-12-31"
    assert gepubliceerd.omschrijving == "Parkeervergunning"


def test_a_concept_is_changed_on_its_own_page(beheer, catalogus):
    beheer.post(f"{ZAAKTYPEN}add/", new_zaaktype(catalogus))
    zaaktype = ZaakType.objects.get(identificatie="TERRAS")
    url = f"{ZAAKTYPEN}{zaaktype.pk}/change/"
    values = form_data(beheer.get(url)) | {
        "servicenorm": "P3W",
        "statustypen-1-omschrijving": "Besluit verstuurd",
        "_save": "Opslaan",
    }
    response = beheer.post(url, values)
    assert response.status_code == 302, response.text
    zaaktype.refresh_from_db()
    assert zaaktype.servicenorm == "P3W"
    assert zaaktype.statustypen.get(volgnummer=2).omschrijving == "Besluit verstuurd"


def test_a_new_version_starts_tomorrow_and_ends_the_current_one_today(
    beheer, gepubliceerd
):
    response = beheer.post(
        ZAAKTYPEN,
        {"action": "nieuwe_versie", "_selected_action": [gepubliceerd.pk]},
        follow=True,
    )
    assert "Nieuwe versie van Parkeervergunning gemaakt als concept" in response.text
    today = timezone.localdate()
    gepubliceerd.refresh_from_db()
    assert gepubliceerd.einde_geldigheid == today
    nieuw = ZaakType.objects.get(identificatie="PARKEER", concept=True)
    assert nieuw.begin_geldigheid == today + timedelta(days=1)
    assert nieuw.statustypen.count() == 3
    assert nieuw.resultaattypen.count() == 2


def test_beheerder_sees_only_the_catalogi_of_own_gemeenten(beheer, gepubliceerd):
    elders = data.catalogus(factories.gemeente(naam="Elders"))
    exchange.import_catalogus(
        data.document(data.zaaktype("VREEMD", omschrijving="Vreemde zaak")), elders
    )
    listing = beheer.get(ZAAKTYPEN)
    assert "Parkeervergunning" in listing.text
    assert "Vreemde zaak" not in listing.text
    vreemd = ZaakType.objects.get(identificatie="VREEMD")
    assert beheer.get(f"{ZAAKTYPEN}{vreemd.pk}/change/").status_code == 302
    assert "Elders" not in beheer.get("/beheer/catalogi/catalogus/").text
    importeren = f"/beheer/catalogi/catalogus/{elders.pk}/importeren/"
    assert beheer.get(importeren).status_code == 404


def test_a_catalogus_is_exported_and_imported_into_another_gemeente(
    beheer, gepubliceerd, werkorganisatie
):
    response = beheer.get(
        f"/beheer/catalogi/catalogus/{gepubliceerd.catalogus_id}/exporteren/"
    )
    assert response["Content-Disposition"].startswith(
        'attachment; filename="catalogus-'
    )
    document = json.loads(response.content)
    assert document["formaat"] == "loket-catalogus"
    tweede = data.catalogus(werkorganisatie.gemeenten.order_by("pk").last())
    upload = SimpleUploadedFile("catalogus.json", response.content, "application/json")
    response = beheer.post(
        f"/beheer/catalogi/catalogus/{tweede.pk}/importeren/",
        {"bestand": upload},
        follow=True,
    )
    assert "1 zaaktypen, 2 informatieobjecttypen en 1 besluittypen" in response.text
    assert ZaakType.objects.get(catalogus=tweede, concept=False).identificatie == (
        "PARKEER"
    )


def test_a_file_that_does_not_fit_is_explained_and_imports_nothing(
    beheer, gepubliceerd, werkorganisatie
):
    document = exchange.export_catalogus(gepubliceerd.catalogus)
    document["zaaktypen"][0]["statustypen"][0]["volgnummer"] = "eerste"
    tweede = data.catalogus(werkorganisatie.gemeenten.order_by("pk").last())
    upload = SimpleUploadedFile("x.json", exchange.dumps(document).encode())
    response = beheer.post(
        f"/beheer/catalogi/catalogus/{tweede.pk}/importeren/", {"bestand": upload}
    )
    assert response.status_code == 200
    assert "zaaktypen[0] (PARKEER) &gt; statustypen[0] (Ontvangen)" in response.text
    assert not ZaakType.objects.filter(catalogus=tweede).exists()


def test_an_inavigator_export_is_imported_as_concepts(beheer, catalogus):
    upload = SimpleUploadedFile("export.xml", inavigator.EXPORT.read_bytes())
    response = beheer.post(
        f"/beheer/catalogi/catalogus/{catalogus.pk}/importeren/",
        {"bestand": upload},
        follow=True,
    )
    assert "20 zaaktypen" in response.text
    assert "volgorde van de statustypen" in response.text  # a warning
    assert ZaakType.objects.filter(catalogus=catalogus, concept=True).count() == 20


def test_a_published_documenttype_only_takes_a_new_end_date(beheer, catalogus):
    iotype = InformatieObjectType.objects.get(omschrijving="Aanvraag")
    pagina = beheer.get(f"/beheer/catalogi/informatieobjecttype/{iotype.pk}/change/")
    assert 'name="omschrijving"' not in pagina.text
    assert 'name="einde_geldigheid"' in pagina.text


def test_a_catalogus_is_only_made_for_a_gemeente_of_the_organisation(
    beheer, werkorganisatie
):
    values = {
        "naam": "Zaaktypen",
        "domein": "ZAKEN",
        "contactpersoon_beheer_naam": "Fatima",
    }
    elders = factories.gemeente()
    response = beheer.post(
        "/beheer/catalogi/catalogus/add/", values | {"rsin": elders.rsin}
    )
    assert "hoort niet bij een gemeente waarvoor uw organisatie werkt" in response.text
    eigen = werkorganisatie.gemeenten.first()
    response = beheer.post(
        "/beheer/catalogi/catalogus/add/", values | {"rsin": eigen.rsin}
    )
    assert response.status_code == 302
    assert eigen.catalogussen.get().naam == "Zaaktypen"


# -- reference lists ------------------------------------------------------------------


def test_beheerder_keeps_the_generic_resultaattypeomschrijvingen(beheer):
    response = beheer.post(
        "/beheer/referentielijsten/resultaattypeomschrijving/add/",
        {"omschrijving": "Vergund", "definitie": "De vergunning is verleend."},
    )
    assert response.status_code == 302
    assert ResultaattypeOmschrijving.objects.filter(omschrijving="Vergund").exists()


def test_the_selectielijst_is_read_only_in_the_beheer(beheer):
    data.referentielijsten()
    procestype = ProcesType.objects.get(jaar=2020, nummer=11)
    pagina = beheer.get(f"/beheer/referentielijsten/procestype/{procestype.pk}/change/")
    assert pagina.status_code == 200
    assert "Toestemming verlenen" in pagina.text
    assert 'name="naam"' not in pagina.text
    assert beheer.get("/beheer/referentielijsten/procestype/add/").status_code == 403


# -- API-koppelingen -----------------------------------------------------------------


def applicatie_form(**rows) -> dict:
    values = {"label": "Zaaksysteem"}
    for prefix, count in (("clients", rows.get("clients", 1)), ("autorisaties", 0)):
        values |= {
            f"{prefix}-TOTAL_FORMS": str(rows.get(prefix, count)),
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return values


def test_a_secret_is_set_but_never_shown_again(beheer, gepubliceerd):
    values = applicatie_form(autorisaties=2) | {
        "clients-0-client_id": "zaaksysteem",
        "clients-0-nieuw_geheim": "een-lang-geheim-van-de-leverancier",
        "autorisaties-0-component": "ztc",
        "autorisaties-0-scopes": ["catalogi.lezen"],
        "autorisaties-1-component": "zrc",
        "autorisaties-1-scopes": ["zaken.lezen"],
        "autorisaties-1-zaaktype": gepubliceerd.pk,
        "autorisaties-1-max_vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
    }
    response = beheer.post("/beheer/autorisaties/applicatie/add/", values, follow=True)
    assert "Het geheim is ingesteld" in response.text
    client = Client.objects.get(client_id="zaaksysteem")
    assert client.secret == "een-lang-geheim-van-de-leverancier"
    assert client.applicatie.autorisaties.get(component="zrc").zaaktype == gepubliceerd
    pagina = beheer.get(
        f"/beheer/autorisaties/applicatie/{client.applicatie.pk}/change/"
    )
    assert "ingesteld" in pagina.text
    assert "een-lang-geheim" not in pagina.text
    assert Notificatie.objects.filter(kanaal="autorisaties", actie="create").exists()


def test_the_rules_of_the_service_show_on_the_autorisatie(beheer, gepubliceerd):
    values = applicatie_form(autorisaties=1) | {
        "clients-0-client_id": "zaaksysteem",
        "autorisaties-0-component": "zrc",
        "autorisaties-0-scopes": ["zaken.lezen"],
    }
    response = beheer.post("/beheer/autorisaties/applicatie/add/", values)
    assert response.status_code == 200
    assert "Verplicht voor component zrc" in response.text
    assert not Applicatie.objects.exists()


def test_only_platform_beheerders_give_all_autorisaties(beheer, client, staff_login):
    values = applicatie_form() | {
        "clients-0-client_id": "alles",
        "heeft_alle_autorisaties": "on",
    }
    response = beheer.post("/beheer/autorisaties/applicatie/add/", values)
    assert response.status_code == 200  # without it: no autorisaties at all
    assert "ten minste één autorisatie" in response.text
    platform = factories.medewerker(rollen=(), is_superuser=True, organisatie=None)
    staff_login(client, platform)
    response = client.post("/beheer/autorisaties/applicatie/add/", values)
    assert response.status_code == 302
    assert Applicatie.objects.get().heeft_alle_autorisaties


def test_koppelingen_of_other_gemeenten_are_not_shown(beheer, gepubliceerd):
    elders = data.catalogus(factories.gemeente())
    exchange.import_catalogus(data.document(data.zaaktype("VREEMD")), elders)
    autorisaties.create_applicatie(
        label="Vreemd zaaksysteem",
        client_ids=["vreemd"],
        autorisaties=[
            autorisaties.AutorisatieSpec(
                "zrc",
                ["zaken.lezen"],
                zaaktype=ZaakType.objects.get(identificatie="VREEMD"),
                max_vertrouwelijkheidaanduiding="openbaar",
            )
        ],
    )
    assert (
        "Vreemd zaaksysteem" not in beheer.get("/beheer/autorisaties/applicatie/").text
    )


# -- in a real browser: WCAG 2.2 AA (axe-core) and no CSP violations ------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_catalogue_pages_of_the_beheer_are_accessible(page, client, staff_login):
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    # Demo accounts only work in demo mode; these tests run as production.
    Medewerker.objects.update(is_demo=False)
    beheerder = Medewerker.objects.get(email="beheerder@werkorganisatie.demo")
    session = staff_login(client, beheerder).cookies["sessionid"].value
    page.page.context.add_cookies(
        [{"name": "sessionid", "value": session, "url": page.base_url}]
    )
    zaaktype = ZaakType.objects.get(
        identificatie="EVENEMENTENVERGUNNING", catalogus__gemeente__slug="duinwaard"
    )
    catalogus = zaaktype.catalogus
    concept = exchange.new_version(zaaktype)
    koppeling = autorisaties.create_applicatie(
        label="Evenementenloket",
        client_ids=["evenementen"],
        autorisaties=[
            autorisaties.AutorisatieSpec(
                "zrc",
                ["zaken.lezen"],
                zaaktype=zaaktype,
                max_vertrouwelijkheidaanduiding="zaakvertrouwelijk",
            )
        ],
    )
    procestype = ProcesType.objects.get(jaar=2020, nummer=11)
    for path in (
        "/beheer/",
        "/beheer/catalogi/catalogus/",
        f"/beheer/catalogi/catalogus/{catalogus.pk}/change/",
        f"/beheer/catalogi/catalogus/{catalogus.pk}/importeren/",
        ZAAKTYPEN,
        f"{ZAAKTYPEN}add/",
        f"{ZAAKTYPEN}{zaaktype.pk}/change/",
        f"{ZAAKTYPEN}{concept.pk}/change/",
        "/beheer/catalogi/catalogus/add/",
        "/beheer/catalogi/informatieobjecttype/",
        "/beheer/catalogi/besluittype/add/",
        "/beheer/referentielijsten/resultaattypeomschrijving/",
        f"/beheer/referentielijsten/procestype/{procestype.pk}/change/",
        "/beheer/autorisaties/applicatie/",
        "/beheer/autorisaties/applicatie/add/",
        f"/beheer/autorisaties/applicatie/{koppeling.pk}/change/",
    ):
        response = page.visit(path)
        assert response.status == 200 and page.page.url == page.base_url + path
        page.assert_accessible()
