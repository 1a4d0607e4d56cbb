"""Gebruiksrechten, and the indicatie on the document that follows them (drc-006)."""

from loket.zgw.documenten.tests.conftest import API, create, lock, path

GEBRUIKSRECHTEN = f"{API}/gebruiksrechten"


def rights(client, document: dict, **overrides) -> dict:
    response = client.post(
        GEBRUIKSRECHTEN,
        {
            "informatieobject": document["url"],
            "startdatum": "2026-03-01T00:00:00Z",
            "omschrijvingVoorwaarden": "Alleen voor intern gebruik.",
            **overrides,
        },
    )
    assert response.status_code == 201, response.json()
    return response.json()


def test_drc006_gebruiksrechten_set_the_indicatie_and_the_last_one_resets_it(zgw, cat):
    document = create(zgw, cat)
    url = path(document["url"])

    first = rights(zgw, document)
    assert zgw.get(url).json()["indicatieGebruiksrecht"] is True
    second = rights(zgw, document, omschrijvingVoorwaarden="Niet doorsturen.")

    assert zgw.delete(path(first["url"])).status_code == 204
    assert zgw.get(url).json()["indicatieGebruiksrecht"] is True
    assert zgw.delete(path(second["url"])).status_code == 204
    after = zgw.get(url).json()
    assert after["indicatieGebruiksrecht"] is None
    # The indicatie changes on the document as it is, not as a new version.
    assert after["versie"] == 1


def test_drc006_the_indicatie_stays_while_there_are_gebruiksrechten(zgw, cat):
    document = create(zgw, cat)
    rights(zgw, document)

    response = zgw.patch(
        path(document["url"]),
        {"indicatieGebruiksrecht": False, "lock": lock(zgw, document)},
    )

    assert response.status_code == 400
    assert response.json()["invalidParams"][0] == {
        "name": "indicatieGebruiksrecht",
        "code": "existing-gebruiksrechten",
        "reason": response.json()["invalidParams"][0]["reason"],
    }


def test_gebruiksrechten_are_read_filtered_and_changed(zgw, cat):
    document = create(zgw, cat)
    other = create(zgw, cat, soort="Besluit")
    early = rights(zgw, document, startdatum="2026-01-01T00:00:00Z")
    late = rights(zgw, document, startdatum="2026-06-01T00:00:00Z")
    rights(zgw, other)

    mine = zgw.get(GEBRUIKSRECHTEN, {"informatieobject": document["url"]}).json()
    after_march = zgw.get(
        GEBRUIKSRECHTEN,
        {"informatieobject": document["url"], "startdatum__gte": "2026-03-01"},
    ).json()
    patched = zgw.patch(path(early["url"]), {"einddatum": "2026-12-31T23:59:00+01:00"})
    put = zgw.put(
        path(late["url"]),
        {
            "informatieobject": document["url"],
            "startdatum": "2026-07-01T00:00:00Z",
            "omschrijvingVoorwaarden": "Gewijzigd.",
        },
    )
    moved = zgw.patch(path(late["url"]), {"informatieobject": other["url"]})

    assert {r["url"] for r in mine} == {early["url"], late["url"]}
    assert [r["url"] for r in after_march] == [late["url"]]
    assert patched.status_code == 200
    assert patched.json()["einddatum"].startswith("2026-12-31T22:59")
    assert put.json()["omschrijvingVoorwaarden"] == "Gewijzigd."
    assert moved.status_code == 400
    assert moved.json()["invalidParams"][0]["code"] == "wijzigen-niet-toegelaten"
    assert zgw.get(path(late["url"])).json()["informatieobject"] == document["url"]


def test_gebruiksrechten_expand_to_the_document_and_its_type(zgw, cat):
    document = create(zgw, cat)
    created = rights(zgw, document)

    detail = zgw.get(
        path(created["url"]), {"expand": "informatieobject.informatieobjecttype"}
    ).json()
    listed = zgw.get(GEBRUIKSRECHTEN, {"expand": "informatieobject"}).json()

    expanded = detail["_expand"]["informatieobject"]
    assert expanded["url"] == document["url"]
    assert expanded["_expand"]["informatieobjecttype"]["omschrijving"] == "Aanvraag"
    assert listed[0]["_expand"]["informatieobject"]["titel"] == document["titel"]
    assert "_expand" not in listed[0]["_expand"]["informatieobject"]


def test_gebruiksrechten_need_a_document_of_this_api(zgw, cat):
    response = zgw.post(
        GEBRUIKSRECHTEN,
        {
            "informatieobject": "https://drc.example.org/api/v1/"
            "enkelvoudiginformatieobjecten/6e4b0ae1-8b5e-4c8a-9d1f-0b9a3f7a1c11",
            "startdatum": "2026-03-01T00:00:00Z",
            "omschrijvingVoorwaarden": "Alleen voor intern gebruik.",
        },
    )

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "informatieobject"
    assert response.json()["invalidParams"][0]["code"] == "bad-url"
