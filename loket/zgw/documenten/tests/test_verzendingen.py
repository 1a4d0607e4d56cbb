"""Verzendingen: to whom a document went, at exactly one address."""

from loket.zgw.documenten.tests.conftest import API, create, path

VERZENDINGEN = f"{API}/verzendingen"
BETROKKENE = "https://klanten.example.org/api/v1/klanten/1"
CONTACT = "https://klanten.example.org/api/v1/contactpersonen/1"
ADRES = {
    "huisnummer": 12,
    "naamOpenbareRuimte": "Dorpsstraat",
    "postcode": "1234AB",
    "woonplaatsnaam": "Duinwaard",
}


def verzending(document: dict, **overrides) -> dict:
    return {
        "informatieobject": document["url"],
        "betrokkene": BETROKKENE,
        "aardRelatie": "geadresseerde",
        "contactPersoon": CONTACT,
        "verzenddatum": "2026-03-03",
        "binnenlandsCorrespondentieadres": ADRES,
        **overrides,
    }


def test_a_verzending_is_made_read_changed_and_removed(zgw, cat):
    document = create(zgw, cat)

    created = zgw.post(VERZENDINGEN, verzending(document))
    url = path(created.json()["url"])
    patched = zgw.patch(url, {"toelichting": "Aangetekend verstuurd."})
    put = zgw.put(
        url,
        verzending(
            document,
            binnenlandsCorrespondentieadres=None,
            emailadres="inwoner@example.org",
        ),
    )
    deleted = zgw.delete(url)

    assert created.status_code == 201
    assert created.json()["binnenlandsCorrespondentieadres"] == ADRES
    assert created.json()["mijnOverheid"] is False
    assert patched.json()["toelichting"] == "Aangetekend verstuurd."
    assert put.status_code == 200, put.json()
    assert put.json()["binnenlandsCorrespondentieadres"] is None
    assert put.json()["emailadres"] == "inwoner@example.org"
    assert deleted.status_code == 204
    assert zgw.get(url).status_code == 404


def test_a_verzending_has_exactly_one_address(zgw, cat):
    document = create(zgw, cat)

    two = zgw.post(VERZENDINGEN, verzending(document, mijnOverheid=True))
    none = zgw.post(
        VERZENDINGEN, verzending(document, binnenlandsCorrespondentieadres=None)
    )
    created = zgw.post(VERZENDINGEN, verzending(document)).json()
    second = zgw.patch(path(created["url"]), {"telefoonnummer": "0201234567"})

    for response in (two, none, second):
        assert response.status_code == 400
        assert response.json()["invalidParams"][0]["code"] == "invalid-address"


def test_verzendingen_are_filtered_paged_and_expanded(zgw, cat):
    document = create(zgw, cat)
    other = create(zgw, cat, soort="Besluit")
    sent = zgw.post(VERZENDINGEN, verzending(document)).json()
    received = zgw.post(
        VERZENDINGEN,
        verzending(
            other,
            aardRelatie="afzender",
            betrokkene="https://klanten.example.org/api/v1/klanten/2",
        ),
    ).json()

    everything = zgw.get(VERZENDINGEN).json()
    afzender = zgw.get(VERZENDINGEN, {"aardRelatie": "afzender"}).json()
    mine = zgw.get(VERZENDINGEN, {"informatieobject": document["url"]}).json()
    betrokkene = zgw.get(VERZENDINGEN, {"betrokkene": BETROKKENE}).json()
    expanded = zgw.get(
        path(sent["url"]), {"expand": "informatieobject.informatieobjecttype"}
    ).json()

    assert everything["count"] == 2
    assert [v["url"] for v in afzender["results"]] == [received["url"]]
    assert [v["url"] for v in mine["results"]] == [sent["url"]]
    assert [v["url"] for v in betrokkene["results"]] == [sent["url"]]
    informatieobject = expanded["_expand"]["informatieobject"]
    assert informatieobject["url"] == document["url"]
    assert informatieobject["_expand"]["informatieobjecttype"]["omschrijving"] == (
        "Aanvraag"
    )
