"""The register test servers speak their APIs' error formats."""

import pytest

from loket.testdiensten import keys


@pytest.fixture(autouse=True)
def _on(settings):
    settings.TESTDIENSTEN = True


def test_brp_requires_the_api_key(client):
    response = client.post(
        "/testdiensten/brp/personen", {}, content_type="application/json"
    )
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "authentication"


def test_brp_validates_the_query(client):
    response = client.post(
        "/testdiensten/brp/personen",
        {"type": "ZoekMetPostcodeEnHuisnummer"},
        content_type="application/json",
        headers={"X-API-Key": keys.api_key("brp")},
    )
    assert response.status_code == 400


def test_kvk_unknown_number(client):
    response = client.get(
        "/testdiensten/kvk/api/v1/basisprofielen/12345678",
        headers={"apikey": keys.api_key("kvk")},
    )
    assert response.status_code == 404
    assert response.json()["fout"][0]["code"] == "IPD0004"


def test_bag_answers_hal(client):
    response = client.get(
        "/testdiensten/bag/adressen",
        {"postcode": "3077AW", "huisnummer": "31"},
        headers={"X-Api-Key": keys.api_key("bag")},
    )
    [adres] = response.json()["_embedded"]["adressen"]
    assert adres["openbareRuimteNaam"] == "Boterdiep"
    assert adres["nummeraanduidingIdentificatie"] == "0599200000219678"
