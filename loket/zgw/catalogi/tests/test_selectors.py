"""Reading the catalogue without HTTP, as forms and the werkplek will."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from loket.organisaties.roles import Rolcode
from loket.zgw.catalogi import exchange, selectors, services
from loket.zgw.catalogi.models import ZaakType
from loket.zgw.catalogi.tests import catalogus_data as data
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente():
    return factories.gemeente()


@pytest.fixture
def catalogus(gemeente):
    data.referentielijsten()
    catalogus = data.catalogus(gemeente)
    exchange.import_catalogus(
        data.document(data.zaaktype("PARKEER"), data.zaaktype("KLACHT")), catalogus
    )
    return catalogus


def test_the_version_valid_on_a_day(catalogus):
    current = ZaakType.objects.get(catalogus=catalogus, identificatie="PARKEER")
    nieuw = exchange.new_version(current, begin=date(2026, 12, 1))
    # A concept is not used outside the beheer, even when its period has begun.
    assert selectors.zaaktype_version(catalogus, "PARKEER", date(2026, 12, 5)) is None
    services.publish_zaaktype(nieuw)

    assert selectors.zaaktype_version(catalogus, "PARKEER", date(2026, 11, 30)) == (
        current
    )
    assert selectors.zaaktype_version(catalogus, "PARKEER", date(2026, 12, 1)) == (
        nieuw
    )
    assert selectors.zaaktype_version(catalogus, "PARKEER", date(2025, 1, 1)) is None
    assert selectors.zaaktype_version(catalogus, "ONBEKEND", date(2026, 6, 1)) is None
    on_day = selectors.zaaktypen(catalogus, day=date(2026, 12, 1))
    assert [z.identificatie for z in on_day] == ["KLACHT", "PARKEER"]
    assert selectors.zaaktypen(catalogus, status="alles").count() == 3


def test_a_zaaktype_with_its_parts_in_a_fixed_number_of_queries(catalogus):
    zaaktype = ZaakType.objects.get(catalogus=catalogus, identificatie="PARKEER")
    with CaptureQueriesContext(connection) as queries:
        found = selectors.zaaktype_with_parts(zaaktype.uuid)
        statussen = [s.omschrijving for s in found.statustypen.all()]
        klassen = [r.selectielijstklasse.nummer for r in found.resultaattypen.all()]
        list(found.roltypen.all())
        list(found.eigenschappen.all())
        list(found.informatieobjecttypen.all())
    assert statussen == ["Ontvangen", "In behandeling", "Afgehandeld"]
    assert len(klassen) == 2
    assert len(queries) == 6


def test_staff_see_the_catalogi_of_the_gemeenten_they_serve(catalogus, gemeente):
    elders = factories.gemeente(naam="Elders")
    eigen = factories.medewerker(
        factories.organisatie(gemeente), rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,)
    )
    vreemd = factories.medewerker(
        factories.organisatie(elders), rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,)
    )
    assert list(selectors.catalogussen_for(eigen)) == [catalogus]
    assert list(selectors.catalogussen_for(vreemd)) == []
    assert selectors.catalogus_of(gemeente) == catalogus
    assert selectors.catalogus_of(elders) is None
