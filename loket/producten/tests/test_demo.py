"""The demo products: defined once for the werkorganisatie, specialised per
gemeente, linked to the demo zaaktypen, and loaded again without duplicates."""

from django.test import override_settings

import pytest

from loket.demo.loader import DemoReport, load_demo
from loket.organisaties.models import Gemeente
from loket.producten import demo, selectors
from loket.producten.models import Gemeenteproduct, Productdefinitie
from loket.zgw.catalogi import selectors as catalogi

pytestmark = pytest.mark.django_db

ONLINE = [
    "parkeervergunning-bewoners",
    "verhuizing-doorgeven",
    "uittreksel-brp",
    "gehandicaptenparkeerkaart",
    "evenementenvergunning",
    "bezwaar",
]


@pytest.fixture
def gemeenten():
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    gemeenten = {
        g.slug: g for g in Gemeente.objects.filter(slug__in=["duinwaard", "lindebroek"])
    }
    demo.load(gemeenten, DemoReport())
    return gemeenten


def test_each_demo_gemeente_has_at_least_twelve_products(gemeenten):
    for gemeente in gemeenten.values():
        assert len(selectors.producten_for(gemeente)) >= 12


def test_products_are_defined_once_for_the_werkorganisatie(gemeenten):
    definities = Productdefinitie.objects.all()
    assert {d.organisatie.soort for d in definities} == {"werkorganisatie"}
    assert definities.count() == len(demo.PRODUCTEN)


def test_the_gemeenten_differ_where_the_demo_says_so(gemeenten):
    duinwaard, lindebroek = gemeenten["duinwaard"], gemeenten["lindebroek"]
    slug = "parkeervergunning-bewoners"
    assert selectors.product(duinwaard, slug).kosten == "€ 52,40 per jaar"
    assert selectors.product(lindebroek, slug).kosten == "€ 38,00 per jaar"
    assert selectors.product(duinwaard, "hondenbelasting") is not None
    assert selectors.product(lindebroek, "hondenbelasting") is None


def test_the_agreed_products_can_be_requested_online_with_a_real_zaaktype(
    gemeenten,
):
    for gemeente in gemeenten.values():
        catalogus = catalogi.catalogus_of(gemeente)
        for slug in ONLINE:
            view = selectors.product(gemeente, slug)
            assert view.online_aanvraagbaar, slug
            assert catalogi.zaaktype_version(catalogus, view.zaaktype_identificatie)


def test_the_events_permit_is_for_businesses(gemeenten):
    view = selectors.product(gemeenten["duinwaard"], "evenementenvergunning")
    assert view.doelgroep == "bedrijf"


def test_search_in_the_demo_finds_the_right_product_despite_a_typo(gemeenten):
    found = selectors.zoek(gemeenten["lindebroek"], "parkeervergunnig")
    assert found[0].slug == "parkeervergunning-bewoners"
    assert found[0].kosten == "€ 38,00 per jaar"  # as it applies in Lindebroek


def test_loading_again_creates_nothing_and_keeps_changes(gemeenten):
    gp = Gemeenteproduct.objects.get(gemeente=gemeenten["duinwaard"], slug="paspoort")
    from loket.producten import services

    services.specialiseer(gp, kosten="Gewijzigd in het beheer")
    report = DemoReport()
    demo.load(gemeenten, report)
    assert report.created == []
    assert Gemeenteproduct.objects.count() == 2 * len(demo.PRODUCTEN) - 1
    assert selectors.product(gemeenten["duinwaard"], "paspoort").kosten == (
        "Gewijzigd in het beheer"
    )
