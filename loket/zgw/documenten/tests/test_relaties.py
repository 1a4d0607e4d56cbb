"""Objectinformatieobjecten: the mirror of a document's relation to a zaak or
besluit (drc-002, drc-004), and a document that belongs to one (drc-008)."""

from datetime import date

from django.utils import timezone

import pytest

from loket.zgw.besluiten.models import Besluit, BesluitInformatieObject
from loket.zgw.documenten import services
from loket.zgw.documenten.models import InformatieObject, ObjectInformatieObject
from loket.zgw.documenten.tests.conftest import API, HOST, create, path
from loket.zgw.zaken.models import Zaak, ZaakInformatieObject

OIO = f"{API}/objectinformatieobjecten"


# The Zaken and Besluiten services (written alongside) keep these relations and
# call relate_object/unrelate_object in their transaction. Here the rows are made
# directly, so these tests depend only on the models and the Documenten services.


def zaak(cat, nummer: int = 1) -> Zaak:
    return Zaak.objects.create(
        identificatie=f"ZAAK-{nummer}",
        bronorganisatie=cat.rsin,
        zaaktype=cat.zaaktype,
        registratiedatum=date(2026, 3, 1),
        verantwoordelijke_organisatie=cat.rsin,
        startdatum=date(2026, 3, 1),
        vertrouwelijkheidaanduiding="openbaar",
    )


def besluit(cat) -> Besluit:
    return Besluit.objects.create(
        identificatie="BESLUIT-1",
        verantwoordelijke_organisatie=cat.rsin,
        besluittype=cat.besluittype,
        datum=date(2026, 3, 1),
        ingangsdatum=date(2026, 3, 2),
    )


def document_of(document: dict) -> InformatieObject:
    return InformatieObject.objects.get(uuid=document["url"].rsplit("/", 1)[1])


def add_to_zaak(document: dict, target: Zaak) -> None:
    informatieobject = document_of(document)
    ZaakInformatieObject.objects.create(
        zaak=target, informatieobject=informatieobject, registratiedatum=timezone.now()
    )
    services.relate_object(informatieobject, zaak=target)


def zaak_url(target: Zaak) -> str:
    return f"{HOST}/zaken/api/v1/zaken/{target.uuid}"


@pytest.fixture
def related(zgw, cat):
    document = create(zgw, cat)
    target = zaak(cat)
    add_to_zaak(document, target)
    return document, target


def test_drc008_a_document_of_a_zaak_is_not_destroyed(zgw, related):
    document, _ = related

    response = zgw.delete(path(document["url"]))

    # The file documents no 400 for this DELETE; the refusal is its 409.
    assert response.status_code == 409
    assert response.json()["code"] == "pending-relations"
    assert "zaak" in response.json()["detail"]
    assert zgw.get(path(document["url"])).status_code == 200


def test_the_mirror_is_listed_and_found_by_object_and_document(zgw, cat, related):
    document, target = related
    create(zgw, cat)  # a document without relations

    by_object = zgw.get(OIO, {"object": zaak_url(target)}).json()
    by_document = zgw.get(OIO, {"informatieobject": document["url"]}).json()
    nothing = zgw.get(OIO, {"object": f"{HOST}/elders/{target.uuid}"}).json()
    detail = zgw.get(path(by_object[0]["url"]), {"expand": "informatieobject"})

    assert by_object == by_document
    assert by_object[0]["object"] == zaak_url(target)
    assert by_object[0]["objectType"] == "zaak"
    assert by_object[0]["informatieobject"] == document["url"]
    assert nothing == []
    assert detail.json()["_expand"]["informatieobject"]["url"] == document["url"]


def test_posting_an_existing_relation_answers_with_the_mirror_loket_keeps(zgw, related):
    document, target = related
    mirror = zgw.get(OIO).json()[0]

    response = zgw.post(
        OIO,
        {
            "informatieobject": document["url"],
            "object": zaak_url(target),
            "objectType": "zaak",
        },
    )

    assert response.status_code == 201
    assert response.json() == mirror
    assert ObjectInformatieObject.objects.count() == 1


def test_drc004_a_relation_the_zaak_does_not_have_is_refused(zgw, cat):
    document = create(zgw, cat)
    other = zaak(cat, 2)

    missing = zgw.post(
        OIO,
        {
            "informatieobject": document["url"],
            "object": zaak_url(other),
            "objectType": "zaak",
        },
    )
    unknown = zgw.post(
        OIO,
        {
            "informatieobject": document["url"],
            "object": "https://zrc.example.org/api/v1/zaken/"
            "6e4b0ae1-8b5e-4c8a-9d1f-0b9a3f7a1c11",
            "objectType": "zaak",
        },
    )

    assert missing.status_code == 400
    assert missing.json()["invalidParams"][0]["code"] == "inconsistent-relation"
    assert unknown.status_code == 400
    assert unknown.json()["invalidParams"][0] == {
        "name": "object",
        "code": "bad-url",
        "reason": unknown.json()["invalidParams"][0]["reason"],
    }
    assert not ObjectInformatieObject.objects.exists()


def test_a_relation_the_zaak_has_gets_its_mirror_through_the_api(zgw, cat):
    """A zaakinformatieobject without mirror (made before Loket mirrored them, or
    by hand) gets one when another register asks for it."""
    document = create(zgw, cat)
    target = zaak(cat)
    ZaakInformatieObject.objects.create(
        zaak=target,
        informatieobject=document_of(document),
        registratiedatum=timezone.now(),
    )

    response = zgw.post(
        OIO,
        {
            "informatieobject": document["url"],
            "object": zaak_url(target),
            "objectType": "zaak",
        },
    )

    assert response.status_code == 201
    assert response["Location"] == response.json()["url"]
    assert ObjectInformatieObject.objects.get().zaak == target


def test_a_mirror_goes_only_with_its_source_relation(zgw, related):
    document, target = related
    mirror = zgw.get(OIO).json()[0]

    refused = zgw.delete(path(mirror["url"]))
    ZaakInformatieObject.objects.filter(zaak=target).delete()
    allowed = zgw.delete(path(mirror["url"]))

    assert refused.status_code == 409  # DELETE documents no 400
    assert refused.json()["code"] == "inconsistent-relation"
    assert allowed.status_code == 204
    assert zgw.get(OIO).json() == []
    assert zgw.delete(path(document["url"])).status_code == 204


def test_a_document_of_a_besluit_is_mirrored_with_the_besluit_url(zgw, cat):
    document = create(zgw, cat, soort="Besluit")
    target = besluit(cat)
    informatieobject = document_of(document)
    BesluitInformatieObject.objects.create(
        besluit=target, informatieobject=informatieobject
    )

    response = zgw.post(
        OIO,
        {
            "informatieobject": document["url"],
            "object": f"{HOST}/besluiten/api/v1/besluiten/{target.uuid}",
            "objectType": "besluit",
        },
    )
    listed = zgw.get(
        OIO, {"object": f"{HOST}/besluiten/api/v1/besluiten/{target.uuid}"}
    )

    assert response.status_code == 201
    assert response.json()["objectType"] == "besluit"
    assert listed.json() == [response.json()]
    services.unrelate_object(informatieobject, besluit=target)
    assert zgw.get(OIO).json() == []


def test_drc008_also_a_zaak_relation_without_mirror_keeps_the_document(zgw, cat):
    document = create(zgw, cat)
    ZaakInformatieObject.objects.create(
        zaak=zaak(cat),
        informatieobject=document_of(document),
        registratiedatum=timezone.now(),
    )

    response = zgw.delete(path(document["url"]))

    assert response.status_code == 409
    assert response.json()["code"] == "pending-relations"
