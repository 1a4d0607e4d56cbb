"""Objectinformatieobjecten: the mirror of a document's relation to a zaak or
besluit (drc-002, drc-004), and a document that belongs to one (drc-008)."""

from datetime import date

import pytest

from loket.zgw.besluiten import services as besluiten
from loket.zgw.besluiten.models import Besluit
from loket.zgw.documenten import services
from loket.zgw.documenten.models import InformatieObject, ObjectInformatieObject
from loket.zgw.documenten.tests.conftest import API, HOST, create, path
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.models import Zaak, ZaakInformatieObject
from tests import zgw_data

OIO = f"{API}/objectinformatieobjecten"


# Zaken, besluiten and their documents are made through their own services, which
# keep the mirror here in the same transaction. A relation without its mirror (as
# made before Loket mirrored them, or by another register) is such a relation with
# the mirror taken away by the Documenten service.


def zaak(cat, nummer: int = 1) -> Zaak:
    return zgw_data.zaak(
        cat,
        identificatie=f"ZAAK-{nummer}",
        startdatum=date(2026, 3, 1),
        vertrouwelijkheidaanduiding="openbaar",
    )


def besluit(cat) -> Besluit:
    return besluiten.create_besluit(
        actor=LOKET,
        besluittype=cat.besluittype,
        verantwoordelijke_organisatie=cat.rsin,
        identificatie="BESLUIT-1",
        datum=date(2026, 3, 1),
        ingangsdatum=date(2026, 3, 2),
    )


def document_of(document: dict) -> InformatieObject:
    return InformatieObject.objects.get(uuid=document["url"].rsplit("/", 1)[1])


def add_to_zaak(document: dict, target: Zaak) -> ZaakInformatieObject:
    return zaken.add_document(
        target, actor=LOKET, informatieobject=document_of(document)
    )


def without_mirror(document: dict, *, zaak=None, besluit=None) -> None:
    """Take the mirror of a relation away, the relation itself stays."""
    services.unrelate_object(document_of(document), zaak=zaak, besluit=besluit)


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
    add_to_zaak(document, target)
    without_mirror(document, zaak=target)
    assert not ObjectInformatieObject.objects.exists()

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
    # The source goes while a mirror stays behind (as when the source went some
    # other way than through the Zaken services, which take the mirror along).
    zaken.remove_document(ZaakInformatieObject.objects.get(zaak=target), actor=LOKET)
    services.relate_object(document_of(document), zaak=target)
    stale = zgw.get(OIO).json()[0]
    allowed = zgw.delete(path(stale["url"]))

    assert refused.status_code == 409  # DELETE documents no 400
    assert refused.json()["code"] == "inconsistent-relation"
    assert allowed.status_code == 204
    assert zgw.get(OIO).json() == []
    assert zgw.delete(path(document["url"])).status_code == 204


def test_a_document_of_a_besluit_is_mirrored_with_the_besluit_url(zgw, cat):
    document = create(zgw, cat, soort="Besluit")
    target = besluit(cat)
    informatieobject = document_of(document)
    besluiten.add_document(
        actor=LOKET, besluit=target, informatieobject=informatieobject
    )
    without_mirror(document, besluit=target)
    assert not ObjectInformatieObject.objects.exists()

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
    target = zaak(cat)
    add_to_zaak(document, target)
    without_mirror(document, zaak=target)

    response = zgw.delete(path(document["url"]))

    assert response.status_code == 409
    assert response.json()["code"] == "pending-relations"
