"""Documents through the API: creating, the rules of the standard (drc-001,
drc-005, drc-007, drc-009, drc-010), versions, downloading, filters, expand."""

import re
from datetime import UTC, date, datetime, timedelta

from django.core.files.storage import default_storage

import pytest

from loket.zgw.catalogi import services as catalogi
from loket.zgw.documenten.models import EnkelvoudigInformatieObject
from loket.zgw.documenten.tests.conftest import (
    DOCUMENTEN,
    PDF,
    b64,
    body,
    create,
    iot_url,
    lock,
    path,
    restricted,
)


def content(response) -> bytes:
    return b"".join(response.streaming_content)


def codes(response) -> dict:
    return {p["name"]: p["code"] for p in response.json()["invalidParams"]}


def test_a_new_document_keeps_its_content_and_gets_an_identificatie(zgw, cat):
    response = zgw.post(DOCUMENTEN, body(cat))

    assert response.status_code == 201
    document = response.json()
    assert response["Location"] == document["url"]
    assert re.fullmatch(r"DOCUMENT-\d{4}-0000000001", document["identificatie"])
    assert document["versie"] == 1
    assert document["bestandsomvang"] == len(PDF)
    assert document["locked"] is False
    assert document["inhoud"] == f"{document['url']}/download?versie=1"
    assert content(zgw.get(path(document["inhoud"]))) == PDF


def test_an_identificatie_is_unique_within_the_bronorganisatie(zgw, cat):
    create(zgw, cat, identificatie="BRIEF-1")

    taken = zgw.post(DOCUMENTEN, body(cat, identificatie="BRIEF-1"))
    elsewhere = zgw.post(
        DOCUMENTEN, body(cat, identificatie="BRIEF-1", bronorganisatie="123456782")
    )
    generated = create(zgw, cat)

    assert taken.status_code == 400
    assert codes(taken) == {"identificatie": "identificatie-niet-uniek"}
    assert elsewhere.status_code == 201
    assert generated["identificatie"] != "BRIEF-1"


def test_drc001_the_informatieobjecttype_is_a_published_one_of_this_installation(
    zgw, cat
):
    concept = catalogi.create_informatieobjecttype(
        catalogus=cat.catalogus,
        omschrijving="Ontwerp",
        vertrouwelijkheidaanduiding="openbaar",
        informatieobjectcategorie="Ontwerp",
        begin_geldigheid=date(2026, 1, 1),
    )

    elsewhere = zgw.post(
        DOCUMENTEN,
        body(
            cat,
            informatieobjecttype="https://ztc.example.org/api/v1/informatieobjecttypen/"
            "6e4b0ae1-8b5e-4c8a-9d1f-0b9a3f7a1c11",
        ),
    )
    unpublished = zgw.post(DOCUMENTEN, body(cat, informatieobjecttype=iot_url(concept)))

    assert elsewhere.status_code == 400
    assert codes(elsewhere) == {"informatieobjecttype": "bad-url"}
    assert unpublished.status_code == 400
    assert codes(unpublished) == {"informatieobjecttype": "not-published"}
    assert not EnkelvoudigInformatieObject.objects.exists()


def test_drc005_a_received_document_is_not_in_bewerking(zgw, cat):
    refused = zgw.post(
        DOCUMENTEN, body(cat, status="in_bewerking", ontvangstdatum="2026-03-02")
    )
    document = create(zgw, cat, status="in_bewerking")
    patched = zgw.patch(
        path(document["url"]),
        {"ontvangstdatum": "2026-03-02", "lock": lock(zgw, document)},
    )

    assert refused.status_code == 400
    assert codes(refused) == {"status": "invalid_for_received"}
    assert patched.status_code == 400
    assert codes(patched) == {"status": "invalid_for_received"}


def test_drc007_without_a_vertrouwelijkheidaanduiding_the_types_applies(zgw, cat):
    derived = create(zgw, cat)
    given = create(zgw, cat, vertrouwelijkheidaanduiding="openbaar")
    blank = create(zgw, cat, vertrouwelijkheidaanduiding="")

    assert derived["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"
    assert given["vertrouwelijkheidaanduiding"] == "openbaar"
    assert blank["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"


def test_every_change_is_a_new_version_and_old_versions_stay_readable(zgw, cat):
    document = create(zgw, cat, titel="Eerste")
    url = path(document["url"])
    key = lock(zgw, document)

    patched = zgw.patch(url, {"titel": "Tweede", "lock": key})
    replaced = zgw.put(
        url,
        {
            **body(cat, titel="Derde", bestandsnaam="nieuw.txt"),
            "inhoud": b64(b"nieuwe inhoud"),
            "lock": key,
        },
    )

    assert patched.status_code == 200
    assert patched.json()["versie"] == 2
    # What did not change is copied, the file included.
    assert patched.json()["bestandsomvang"] == len(PDF)
    assert content(zgw.get(path(patched.json()["inhoud"]))) == PDF
    assert replaced.status_code == 200
    assert replaced.json()["versie"] == 3
    assert zgw.get(url).json()["titel"] == "Derde"
    assert zgw.get(url, {"versie": 1}).json()["titel"] == "Eerste"
    assert content(zgw.get(f"{url}/download", {"versie": 1})) == PDF
    assert content(zgw.get(f"{url}/download")) == b"nieuwe inhoud"
    assert zgw.get(url, {"versie": 9}).status_code == 404
    assert EnkelvoudigInformatieObject.objects.filter(laatste=True).count() == 1


def test_a_moment_gives_the_version_registered_then(zgw, cat):
    document = create(zgw, cat, titel="Eerste")
    url = path(document["url"])
    zgw.patch(url, {"titel": "Tweede", "lock": lock(zgw, document)})
    # Instead of waiting: put the registrations on two known moments.
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    for version in EnkelvoudigInformatieObject.objects.all():
        version.begin_registratie = start + timedelta(days=version.versie)
        version.save()

    between = zgw.get(url, {"registratieOp": "2026-03-02T12:00:00Z"})
    later = zgw.get(url, {"registratieOp": "2026-03-05T12:00:00+01:00"})
    before = zgw.get(url, {"registratieOp": "2026-03-01T12:00:00Z"})

    malformed = zgw.get(url, {"registratieOp": "gisteren"})

    assert between.json()["titel"] == "Eerste"
    # A detail GET documents no 400: a malformed moment is its documented 409.
    assert malformed.status_code == 409
    assert malformed.json()["code"] == "invalid"
    assert later.json()["titel"] == "Tweede"
    assert before.status_code == 404


def test_drc009_a_change_needs_the_lock(zgw, cat):
    document = create(zgw, cat)
    url = path(document["url"])

    unlocked = zgw.patch(url, {"titel": "Zonder slot", "lock": "iets"})
    key = lock(zgw, document)
    again = zgw.post(f"{url}/lock")
    missing = zgw.patch(url, {"titel": "Zonder slot"})
    wrong = zgw.patch(url, {"titel": "Ander slot", "lock": "0" * 32})
    wrong_unlock = zgw.post(f"{url}/unlock", {"lock": "0" * 32})

    assert len(key) >= 32
    assert zgw.get(url).json()["locked"] is True
    assert unlocked.status_code == 400
    assert codes(unlocked) == {"nonFieldErrors": "unlocked"}
    assert again.status_code == 400
    assert codes(again) == {"nonFieldErrors": "existing-lock"}
    assert codes(missing) == {"nonFieldErrors": "missing-lock-id"}
    assert codes(wrong) == {"nonFieldErrors": "incorrect-lock-id"}
    assert codes(wrong_unlock) == {"nonFieldErrors": "incorrect-lock-id"}
    assert zgw.get(url).json()["versie"] == 1

    assert zgw.post(f"{url}/unlock", {"lock": key}).status_code == 204
    assert zgw.get(url).json()["locked"] is False
    assert lock(zgw, document) != key  # a new lock each time


def test_drc009_only_a_client_with_the_scope_forces_an_unlock(client, zgw, cat):
    document = create(zgw, cat)
    url = path(document["url"])
    lock(zgw, document)
    aanvraag = cat.informatieobjecttypen["Aanvraag"]
    locker = restricted(
        client,
        "Vergrendelaar",
        "documenten.lock",
        iotype=aanvraag,
        level="zaakvertrouwelijk",
    )
    beheerder = restricted(
        client,
        "Beheerder",
        "documenten.geforceerd-unlock",
        iotype=aanvraag,
        level="zaakvertrouwelijk",
    )

    refused = locker.post(f"{url}/unlock", {})
    forced = beheerder.post(f"{url}/unlock", {})

    assert refused.status_code == 400
    assert codes(refused) == {"nonFieldErrors": "incorrect-lock-id"}
    assert forced.status_code == 204
    assert zgw.get(url).json()["locked"] is False


def test_download_gives_the_file_with_its_name(zgw, cat):
    document = create(zgw, cat)
    empty = create(zgw, cat, inhoud=None, bestandsnaam="", bestandsomvang=0)

    response = zgw.get(path(document["inhoud"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="aanvraag.pdf"'
    assert response["Content-Length"] == str(len(PDF))
    assert content(response) == PDF
    assert empty["inhoud"] is None
    assert empty["locked"] is False
    assert zgw.get(f"{path(empty['url'])}/download").status_code == 404


def test_a_destroyed_document_leaves_nothing_behind(
    zgw, cat, django_capture_on_commit_callbacks
):
    document = create(zgw, cat)
    url = path(document["url"])
    zgw.post(
        "/documenten/api/v1/gebruiksrechten",
        {
            "informatieobject": document["url"],
            "startdatum": "2026-03-01T00:00:00Z",
            "omschrijvingVoorwaarden": "Niet publiceren.",
        },
    )
    name = EnkelvoudigInformatieObject.objects.get().inhoud.name
    assert default_storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        response = zgw.delete(url)

    assert response.status_code == 204
    assert zgw.get(url).status_code == 404
    assert not default_storage.exists(name)
    assert zgw.get("/documenten/api/v1/gebruiksrechten").json() == []
    from loket.zgw.registers.models import AuditTrail

    assert not AuditTrail.objects.filter(bron="drc").exists()


def test_head_and_if_none_match_follow_the_etag(zgw, cat):
    url = path(create(zgw, cat)["url"])

    head = zgw.head(url)
    get = zgw.get(url)
    cached = zgw.get(url, HTTP_IF_NONE_MATCH=get["ETag"])

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert cached.status_code == 304


def test_the_list_filters_and_counts_only_latest_versions(zgw, cat):
    first = create(zgw, cat, identificatie="A-1", trefwoorden=["parkeren", "auto"])
    create(zgw, cat, identificatie="A-2", trefwoorden=["fiets"])
    create(zgw, cat, identificatie="A-3", bronorganisatie="123456782")
    zgw.patch(path(first["url"]), {"titel": "Nieuw", "lock": lock(zgw, first)})

    def identificaties(**params):
        response = zgw.get(DOCUMENTEN, params)
        assert response.status_code == 200
        return sorted(d["identificatie"] for d in response.json()["results"])

    assert identificaties() == ["A-1", "A-2", "A-3"]
    assert identificaties(identificatie="A-2") == ["A-2"]
    assert identificaties(bronorganisatie="123456782") == ["A-3"]
    assert identificaties(trefwoorden="fiets,auto") == ["A-1", "A-2"]
    assert identificaties(trefwoorden="boot") == []


def test_zoek_finds_documents_by_uuid(zgw, cat):
    wanted = [create(zgw, cat), create(zgw, cat)]
    create(zgw, cat)
    uuids = [d["url"].rsplit("/", 1)[1] for d in wanted]

    response = zgw.post(
        f"{DOCUMENTEN}/_zoek", {"uuid_In": uuids, "expand": "informatieobjecttype"}
    )

    assert response.status_code == 200
    assert response.json()["count"] == 2
    assert {d["url"] for d in response.json()["results"]} == {d["url"] for d in wanted}
    expanded = response.json()["results"][0]["_expand"]["informatieobjecttype"]
    assert expanded["omschrijving"] == "Aanvraag"


def test_expand_gives_the_informatieobjecttype_and_refuses_what_is_not_there(zgw, cat):
    document = create(zgw, cat, soort="Besluit")
    url = path(document["url"])

    detail = zgw.get(url, {"expand": "informatieobjecttype"})
    listed = zgw.get(DOCUMENTEN, {"expand": "informatieobjecttype"})
    unknown_detail = zgw.get(url, {"expand": "zaak"})
    unknown_list = zgw.get(DOCUMENTEN, {"expand": "zaak"})

    expanded = detail.json()["_expand"]["informatieobjecttype"]
    assert expanded["url"] == document["informatieobjecttype"]
    assert expanded["omschrijving"] == "Besluit"
    assert listed.json()["results"][0]["_expand"] == detail.json()["_expand"]
    assert unknown_detail.status_code == 404  # drc-013
    assert unknown_list.status_code == 400


def test_drc006_the_indicatie_is_not_set_directly(zgw, cat):
    response = zgw.post(DOCUMENTEN, body(cat, indicatieGebruiksrecht=True))
    document = create(zgw, cat, indicatieGebruiksrecht=False)

    assert response.status_code == 400
    assert codes(response) == {"indicatieGebruiksrecht": "missing-gebruiksrechten"}
    assert document["indicatieGebruiksrecht"] is False


def test_ondertekening_and_integriteit_are_kept_as_groups(zgw, cat):
    document = create(
        zgw,
        cat,
        ondertekening={"soort": "digitaal", "datum": "2026-03-01"},
        integriteit={"algoritme": "sha_256", "waarde": "abc", "datum": "2026-03-01"},
    )
    url = path(document["url"])
    cleared = zgw.patch(url, {"ondertekening": None, "lock": lock(zgw, document)})

    assert document["ondertekening"] == {"soort": "digitaal", "datum": "2026-03-01"}
    assert document["integriteit"]["algoritme"] == "sha_256"
    assert cleared.json()["ondertekening"] is None
    assert cleared.json()["integriteit"] == document["integriteit"]


@pytest.mark.parametrize("method", ["put", "patch"])
def test_a_change_to_another_type_is_allowed_with_the_lock(zgw, cat, method):
    document = create(zgw, cat)
    besluit = iot_url(cat.informatieobjecttypen["Besluit"])
    data = {"informatieobjecttype": besluit, "lock": lock(zgw, document)}
    if method == "put":
        data = {**body(cat), **data}

    response = getattr(zgw, method)(path(document["url"]), data)

    assert response.status_code == 200
    assert response.json()["informatieobjecttype"] == besluit


def test_every_detail_answers_head_with_the_etag_of_its_get(zgw, cat):
    from loket.zgw.documenten.tests.test_relaties import add_to_zaak, zaak
    from loket.zgw.documenten.tests.test_verzendingen import verzending

    document = create(zgw, cat)
    rights = zgw.post(
        "/documenten/api/v1/gebruiksrechten",
        {
            "informatieobject": document["url"],
            "startdatum": "2026-03-01T00:00:00Z",
            "omschrijvingVoorwaarden": "Intern.",
        },
    ).json()
    sent = zgw.post("/documenten/api/v1/verzendingen", verzending(document)).json()
    add_to_zaak(document, zaak(cat))
    mirror = zgw.get("/documenten/api/v1/objectinformatieobjecten").json()[0]

    for resource in (document, rights, sent, mirror):
        url = path(resource["url"])
        head, get = zgw.head(url), zgw.get(url)
        assert head.status_code == 200, url
        assert head["ETag"] == get["ETag"], url
        assert get.json()["url"] == resource["url"]
