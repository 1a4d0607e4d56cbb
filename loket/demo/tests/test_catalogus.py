"""The demo's zaaktypecatalogus and API clients: what a resident asks for most,
archived by the right Selectielijst class, and koppelingen to try the ZGW APIs."""

from datetime import date

from django.test import override_settings

import isodate
import pytest

from loket.demo import data
from loket.demo.loader import load_demo
from loket.zgw.autorisaties.models import Client
from loket.zgw.catalogi.models import Catalogus, ZaakType
from loket.zgw.referentielijsten.models import (
    Communicatiekanaal,
    ResultaattypeOmschrijving,
)
from tests.zgw import ZgwClient

pytestmark = pytest.mark.django_db

ASKED_MOST = {
    "PARKEERVERGUNNING-BEWONERS",
    "UITTREKSEL-BRP",
    "VERHUIZING",
    "MELDING-OPENBARE-RUIMTE",
    "EVENEMENTENVERGUNNING",
    "B1277",  # terrasvergunning, from the i-Navigator export
    "GEHANDICAPTENPARKEERKAART",
    "HUWELIJK-PARTNERSCHAP",
    "GEBOORTEAANGIFTE",
    "BEZWAAR",
    "WOO-VERZOEK",
    "BIJZONDERE-BIJSTAND",
    "OMGEVINGSVERGUNNING",
    "KLACHT",
}


@pytest.fixture
def demo():
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)


def longest(duur: str) -> date:
    return date(2026, 1, 1) + isodate.parse_duration(duur)


def test_each_gemeente_has_a_published_catalogus_of_what_residents_ask_most(demo):
    for slug in ("duinwaard", "lindebroek"):
        catalogus = Catalogus.objects.get(gemeente__slug=slug)
        zaaktypen = ZaakType.objects.filter(catalogus=catalogus)
        assert zaaktypen.count() >= 15
        assert not zaaktypen.filter(concept=True).exists()
        assert set(zaaktypen.values_list("identificatie", flat=True)) >= ASKED_MOST
        assert not catalogus.informatieobjecttypen.filter(concept=True).exists()


def test_every_demo_zaaktype_is_complete_and_archived_by_its_procestype(demo):
    for zaaktype in ZaakType.objects.select_related("selectielijst_procestype"):
        label = zaaktype.identificatie
        statustypen = list(zaaktype.statustypen.all())
        assert len(statustypen) >= 2, label
        assert statustypen[-1].omschrijving == "Afgehandeld", label
        resultaattypen = zaaktype.resultaattypen.select_related("selectielijstklasse")
        assert resultaattypen, label
        for resultaattype in resultaattypen:
            klasse = resultaattype.selectielijstklasse
            assert klasse.proces_type_id == zaaktype.selectielijst_procestype_id, label
            assert resultaattype.archiefnominatie, label
        rollen = set(zaaktype.roltypen.values_list("omschrijving_generiek", flat=True))
        assert {"initiator", "behandelaar"} <= rollen, label
        assert zaaktype.informatieobjecttypen.exists(), label
        assert zaaktype.servicenorm, label
        assert longest(zaaktype.servicenorm) <= longest(zaaktype.doorlooptijd), label


def test_the_demo_has_the_reference_lists_a_beheerder_keeps(demo):
    omschrijvingen = set(
        ResultaattypeOmschrijving.objects.values_list("omschrijving", flat=True)
    )
    assert {"Afgebroken", "Gegrond", "Niet ontvankelijk", "Verleend"} <= omschrijvingen
    assert all(len(o.definitie) > 10 for o in ResultaattypeOmschrijving.objects.all())
    kanalen = set(Communicatiekanaal.objects.values_list("naam", flat=True))
    assert {"Balie", "Telefoon", "E-mail", "WhatsApp"} <= kanalen


def test_demo_alles_may_do_everything_with_a_demo_secret(demo):
    client = Client.objects.select_related("applicatie").get(client_id="demo-alles")
    assert client.applicatie.heeft_alle_autorisaties
    assert client.is_demo and client.secret == "demo-alles-geheim"


def test_demo_beperkt_reaches_three_zaaktypen_of_duinwaard_up_to_zaakvertrouwelijk(
    demo,
):
    applicatie = Client.objects.get(client_id="demo-beperkt").applicatie
    assert not applicatie.heeft_alle_autorisaties
    zaken = applicatie.autorisaties.filter(component="zrc").select_related(
        "zaaktype__catalogus__gemeente"
    )
    assert {a.zaaktype.identificatie for a in zaken} == set(
        data.API_CLIENT_BEPERKT_ZAAKTYPEN
    )
    assert {a.zaaktype.catalogus.gemeente.slug for a in zaken} == {"duinwaard"}
    assert {a.max_vertrouwelijkheidaanduiding for a in zaken} == {"zaakvertrouwelijk"}
    assert all("zaken.lezen" in a.scopes for a in zaken)
    assert applicatie.autorisaties.get(component="ztc").scopes == ["catalogi.lezen"]
    documenten = applicatie.autorisaties.filter(component="drc")
    assert documenten and all(a.informatieobjecttype for a in documenten)


# The demo secrets are short on purpose (they are typed by hand); PyJWT warns.
@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
def test_demo_secrets_are_refused_outside_the_demo(demo, client):
    api = ZgwClient(client, "demo-alles", "demo-alles-geheim")
    with override_settings(DEMO=True):
        assert api.get("/catalogi/api/v1/catalogussen").status_code == 200
    assert api.get("/catalogi/api/v1/catalogussen").status_code == 403
