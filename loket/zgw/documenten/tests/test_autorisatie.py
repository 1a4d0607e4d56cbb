"""A client limited to informatieobjecttypen and a maximum confidentiality never
sees, counts or changes other documents, nor what hangs on them."""

import json

import pytest

from loket.zgw.documenten.tests.conftest import (
    API,
    DOCUMENTEN,
    body,
    create,
    iot_url,
    lock,
    path,
    restricted,
)
from loket.zgw.documenten.tests.test_relaties import add_to_zaak, zaak
from loket.zgw.documenten.tests.test_verzendingen import verzending
from tests import zgw_data


@pytest.fixture
def documents(zgw, cat):
    """One document the restricted client may read, two it may not."""
    visible = create(zgw, cat, titel="Zichtbaar")
    too_secret = create(zgw, cat, titel="Geheim", vertrouwelijkheidaanduiding="geheim")
    other_type = create(
        zgw,
        cat,
        soort="Besluit",
        titel="Besluit",
        vertrouwelijkheidaanduiding="openbaar",
    )
    for document in (visible, too_secret, other_type):
        zgw.post(
            f"{API}/gebruiksrechten",
            {
                "informatieobject": document["url"],
                "startdatum": "2026-03-01T00:00:00Z",
                "omschrijvingVoorwaarden": "Intern.",
            },
        )
        zgw.post(f"{API}/verzendingen", verzending(document))
        add_to_zaak(document, zaak(cat, len(document["titel"])))
    return visible, too_secret, other_type


@pytest.fixture
def reader(client, cat):
    return restricted(
        client,
        "Lezer",
        "documenten.lezen",
        "audittrails.lezen",
        iotype=cat.informatieobjecttypen["Aanvraag"],
        level="zaakvertrouwelijk",
    )


def test_a_restricted_client_sees_and_counts_only_its_documents(documents, reader):
    visible, too_secret, other_type = documents
    uuids = [d["url"].rsplit("/", 1)[1] for d in documents]

    listed = reader.get(DOCUMENTEN).json()
    found = reader.post(f"{DOCUMENTEN}/_zoek", {"uuid_In": uuids}).json()

    assert listed["count"] == 1
    assert [d["url"] for d in listed["results"]] == [visible["url"]]
    assert found["count"] == 1
    assert [d["url"] for d in found["results"]] == [visible["url"]]
    assert reader.get(path(visible["url"])).status_code == 200
    assert reader.get(f"{path(visible['url'])}/download").status_code == 200
    for hidden in (too_secret, other_type):
        url = path(hidden["url"])
        assert reader.get(url).status_code == 403
        assert reader.get(f"{url}/download").status_code == 403
        assert reader.get(f"{url}/audittrail").status_code == 403


def test_a_restricted_client_sees_only_what_hangs_on_its_documents(documents, reader):
    visible, too_secret, _ = documents

    rights = reader.get(f"{API}/gebruiksrechten").json()
    sent = reader.get(f"{API}/verzendingen").json()
    relations = reader.get(f"{API}/objectinformatieobjecten").json()
    filtered = reader.get(
        f"{API}/gebruiksrechten", {"informatieobject": too_secret["url"]}
    ).json()

    assert [r["informatieobject"] for r in rights] == [visible["url"]]
    assert sent["count"] == 1
    assert [v["informatieobject"] for v in sent["results"]] == [visible["url"]]
    assert [r["informatieobject"] for r in relations] == [visible["url"]]
    assert filtered == []


def test_the_audit_trail_of_a_document_the_client_may_read(documents, reader):
    visible, _, _ = documents

    trail = reader.get(f"{path(visible['url'])}/audittrail")
    entry = reader.get(f"{path(visible['url'])}/audittrail/{trail.json()[0]['uuid']}")

    assert trail.status_code == 200
    assert trail.json()[0]["actie"] == "create"
    assert entry.json() == trail.json()[0]


def test_a_client_creates_and_changes_only_its_types_and_levels(client, zgw, cat):
    writer = restricted(
        client,
        "Schrijver",
        "documenten.lezen",
        "documenten.aanmaken",
        "documenten.bijwerken",
        "documenten.lock",
        iotype=cat.informatieobjecttypen["Aanvraag"],
        level="zaakvertrouwelijk",
    )
    besluit = iot_url(cat.informatieobjecttypen["Besluit"])

    other_type = writer.post(DOCUMENTEN, body(cat, soort="Besluit"))
    too_secret = writer.post(
        DOCUMENTEN, body(cat, vertrouwelijkheidaanduiding="geheim")
    )
    mine = writer.post(DOCUMENTEN, body(cat, vertrouwelijkheidaanduiding="intern"))
    document = mine.json()
    key = lock(writer, document)
    to_secret = writer.patch(
        path(document["url"]), {"vertrouwelijkheidaanduiding": "geheim", "lock": key}
    )
    to_other_type = writer.patch(
        path(document["url"]), {"informatieobjecttype": besluit, "lock": key}
    )
    someone_elses = create(zgw, cat, soort="Besluit")
    locking = writer.post(f"{path(someone_elses['url'])}/lock")
    deleting = writer.delete(path(document["url"]))

    assert other_type.status_code == 403
    assert too_secret.status_code == 403
    assert mine.status_code == 201
    assert to_secret.status_code == 403
    assert to_other_type.status_code == 403
    assert locking.status_code == 403
    assert deleting.status_code == 403  # no scope documenten.verwijderen
    assert zgw.get(path(document["url"])).json()["versie"] == 1


def test_the_audit_trail_leaves_out_a_version_the_client_may_not_read(zgw, cat, reader):
    """An older version beyond the client's maximum stays out of the document's
    history, as it stays out of GET ?versie= (found by the property tests in
    tests/zgw_authorisation)."""
    document = create(zgw, cat, vertrouwelijkheidaanduiding="geheim")
    url = path(document["url"])
    key = lock(zgw, document)
    zgw.patch(url, {"vertrouwelijkheidaanduiding": "openbaar", "lock": key})
    zgw.post(f"{url}/unlock", {"lock": key})

    everything = zgw.get(f"{url}/audittrail").json()
    shown = reader.get(f"{url}/audittrail").json()
    hidden = [entry for entry in everything if entry not in shown]

    assert reader.get(url).status_code == 200
    assert reader.get(url, {"versie": 1}).status_code == 403
    assert [entry["actie"] for entry in hidden] == ["create", "partial_update"]
    assert [entry["actie"] for entry in shown] == ["lock", "unlock"]
    assert "geheim" not in json.dumps(shown)
    refused = reader.get(f"{url}/audittrail/{hidden[0]['uuid']}")
    assert refused.status_code == 403
    assert hidden[0]["uuid"] not in refused.content.decode()


def test_the_audit_trail_of_a_document_names_no_zaak_the_client_may_not_see(
    zgw, cat, reader
):
    document = create(zgw, cat)
    target = zgw_data.zaak(cat)
    add_to_zaak(document, target)

    trail = reader.get(f"{path(document['url'])}/audittrail").json()

    relation = next(e for e in trail if e["resource"] == "objectinformatieobject")
    assert reader.get(f"/zaken/api/v1/zaken/{target.uuid}").status_code == 403
    assert relation["wijzigingen"]["nieuw"]["object"].endswith(str(target.uuid))
    assert target.identificatie not in json.dumps(trail)
