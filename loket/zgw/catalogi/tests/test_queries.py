"""Every list of the Catalogi API costs a fixed number of queries, however many
objects a page holds: no query per object (N+1)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from loket.zgw.catalogi import exchange
from loket.zgw.catalogi.tests import catalogus_data as data
from tests import factories

pytestmark = pytest.mark.django_db

API = "/catalogi/api/v1"
COLLECTIONS = [
    "catalogussen",
    "zaaktypen",
    "statustypen",
    "resultaattypen",
    "roltypen",
    "eigenschappen",
    "informatieobjecttypen",
    "besluittypen",
    "zaaktype-informatieobjecttypen",
    "zaakobjecttypen",
]


def add_catalogus(zaaktypen: int) -> None:
    catalogus = data.catalogus(factories.gemeente())
    document = data.document(*(data.zaaktype(f"ZT{n}") for n in range(zaaktypen)))
    exchange.import_catalogus(document, catalogus)


def queries_for(zgw, collection: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = zgw.get(f"{API}/{collection}")
    assert response.status_code == 200
    return len(captured), response.json()["count"]


@pytest.fixture
def catalogi():
    data.referentielijsten()
    add_catalogus(1)


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_list_costs_the_same_queries_for_1_or_12_zaaktypen(zgw, catalogi, collection):
    few, few_count = queries_for(zgw, collection)
    add_catalogus(5)
    add_catalogus(6)
    many, many_count = queries_for(zgw, collection)

    assert many_count > few_count
    assert few > 0  # the queries were counted at all
    assert many == few, (
        f"{collection}: {few} queries for {few_count}, {many} for {many_count}"
    )
