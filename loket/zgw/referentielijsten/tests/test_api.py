"""The Referentielijsten API: the Selectielijst that ships with Loket, read-only and
public, as the official specification describes it (every response is checked
against it by the zgw_conformance fixture)."""

import pytest

from loket.zgw.referentielijsten import services
from loket.zgw.referentielijsten.models import (
    Communicatiekanaal,
    ProcesType,
    Resultaat,
)

API = "/referentielijsten/api/v1"


@pytest.fixture
def selectielijst(db):
    services.load_selectielijst()


def test_the_selectielijst_loads_and_reloading_changes_nothing(selectielijst):
    procestypen, resultaten = ProcesType.objects.count(), Resultaat.objects.count()
    assert procestypen > 20 and resultaten > 200
    assert services.load_selectielijst() == (procestypen, resultaten)
    assert ProcesType.objects.count() == procestypen


def test_procestypen_are_listed_per_year_without_a_login(client, selectielijst):
    listed = client.get(f"{API}/procestypen", {"jaar": "2020"})
    assert listed.status_code == 200
    assert {p["jaar"] for p in listed.json()} == {2020}
    assert len(listed.json()) == ProcesType.objects.filter(jaar=2020).count()
    assert client.get(f"{API}/procestypen", {"jaar": "1999"}).json() == []


@pytest.mark.parametrize("jaar", ["", "twintig", "20.5"])
def test_a_malformed_year_is_refused_not_a_server_error(client, selectielijst, jaar):
    response = client.get(f"{API}/procestypen", {"jaar": jaar})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["invalidParams"][0]["name"] == "jaar"


def test_resultaten_are_filtered_by_procestype_and_paginated(client, selectielijst):
    procestype = client.get(f"{API}/procestypen").json()[0]
    page = client.get(f"{API}/resultaten", {"procesType": procestype["url"]})
    assert page.status_code == 400  # the spec names the filter proces_type
    page = client.get(f"{API}/resultaten", {"proces_type": procestype["url"]})
    assert page.status_code == 200
    results = page.json()["results"]
    assert results and all(r["procesType"] == procestype["url"] for r in results)
    detail = client.get(results[0]["url"])
    assert detail.status_code == 200
    assert detail.json() == results[0]
    everything = client.get(f"{API}/resultaten").json()
    assert everything["count"] == Resultaat.objects.count()
    assert len(everything["results"]) == 100
    assert everything["next"].endswith("page=2")


def test_every_resultaat_conforms_to_the_specification(client, selectielijst):
    # The conformance fixture validates each page; withdrawn classes without a
    # waardering (which the spec requires) are therefore not served at all.
    url, seen = f"{API}/resultaten", 0
    while url:
        page = client.get(url).json()
        seen += len(page["results"])
        assert all(r["waardering"] for r in page["results"])
        url = page["next"]
    assert seen == Resultaat.objects.count() == 344


def test_an_unknown_resultaat_is_a_problem_404(client, db):
    response = client.get(f"{API}/resultaten/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_a_malformed_page_is_refused_with_a_documented_status(client, db):
    """/communicatiekanalen documents no 400; the refusal uses its documented 409
    with the same problem body rather than silently showing page 1."""
    Communicatiekanaal.objects.create(naam="E-mail", omschrijving="Per e-mail.")
    assert client.get(f"{API}/communicatiekanalen").json()["count"] == 1
    response = client.get(f"{API}/communicatiekanalen", {"page": "null"})
    assert response.status_code == 409
    assert response.json()["code"] == "invalid"
