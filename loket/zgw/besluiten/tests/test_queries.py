"""A page of the Besluiten API costs a fixed number of queries, however many
besluiten, zaken and documents it holds: no query per row (N+1)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from loket.zgw.besluiten.tests import besluit_data as data
from loket.zgw.besluiten.tests.besluit_data import BESLUITEN, BIOS
from tests import zgw_data

pytestmark = pytest.mark.django_db


def add(zgw, cat, with_document: bool) -> None:
    besluit = data.create_besluit(zgw, cat, zaak=data.zaak_url(data.zaak(cat)))
    if with_document:
        response = zgw.post(
            BIOS,
            {
                "besluit": besluit["url"],
                "informatieobject": data.document_url(data.document(cat)),
            },
        )
        assert response.status_code == 201


def queries(zgw, url: str, params: dict) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = zgw.get(url, params)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("url", "params", "with_document"),
    [
        (BESLUITEN, {}, False),
        (BESLUITEN, {"expand": "besluittype,zaak"}, False),
        (BIOS, {}, True),
        (BIOS, {"expand": "besluit,besluit.besluittype,besluit.zaak"}, True),
        (BIOS, {"expand": "informatieobject"}, True),
    ],
)
def test_a_page_costs_the_same_queries_for_1_or_10_besluiten(
    zgw, url, params, with_document
):
    first = zgw_data.catalogue()
    add(zgw, first, with_document)
    few = queries(zgw, url, params)
    second = zgw_data.catalogue()
    for cat in [first] * 5 + [second] * 4:
        add(zgw, cat, with_document)

    many = queries(zgw, url, params)

    assert few > 0
    assert many == few, f"{few} queries for 1, {many} for 10"
