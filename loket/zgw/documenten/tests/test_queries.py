"""Every list of the Documenten API costs a fixed number of queries, however many
documents a page holds: no query per document (N+1)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from loket.zgw.documenten.tests.conftest import API, create, path
from loket.zgw.documenten.tests.test_relaties import add_to_zaak, zaak
from loket.zgw.documenten.tests.test_verzendingen import verzending

LISTS = [
    ("enkelvoudiginformatieobjecten", {}),
    ("enkelvoudiginformatieobjecten", {"expand": "informatieobjecttype"}),
    ("gebruiksrechten", {"expand": "informatieobject.informatieobjecttype"}),
    ("verzendingen", {"expand": "informatieobject"}),
    ("objectinformatieobjecten", {"expand": "informatieobject"}),
]


def add_documents(zgw, cat, count: int) -> None:
    for _ in range(count):
        document = create(zgw, cat, trefwoorden=["test"])
        zgw.patch(
            path(document["url"]),
            {
                "titel": "Bijgewerkt",
                "lock": zgw.post(f"{path(document['url'])}/lock").json()["lock"],
            },
        )
        zgw.post(
            f"{API}/gebruiksrechten",
            {
                "informatieobject": document["url"],
                "startdatum": "2026-03-01T00:00:00Z",
                "omschrijvingVoorwaarden": "Intern.",
            },
        )
        zgw.post(f"{API}/verzendingen", verzending(document))
        add_to_zaak(document, zaak(cat, document["identificatie"]))


def queries_for(zgw, collection: str, params: dict) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = zgw.get(f"{API}/{collection}", params)
    assert response.status_code == 200
    data = response.json()
    return len(captured), data["count"] if isinstance(data, dict) else len(data)


@pytest.mark.parametrize(("collection", "params"), LISTS)
def test_a_list_costs_the_same_queries_for_1_or_8_documents(
    zgw, cat, collection, params
):
    add_documents(zgw, cat, 1)
    few, few_count = queries_for(zgw, collection, params)
    add_documents(zgw, cat, 7)
    many, many_count = queries_for(zgw, collection, params)

    assert (few_count, many_count) == (1, 8)
    assert many == few, f"{collection}: {few} queries for 1, {many} for 8"
