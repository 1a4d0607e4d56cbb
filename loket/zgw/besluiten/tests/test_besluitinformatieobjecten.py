"""The documents that lay down a besluit: brc-003, brc-004, brc-005, brc-008 and
brc-009 as a client notices them."""

import pytest

from loket.zgw.besluiten import selectors
from loket.zgw.besluiten.models import Besluit
from loket.zgw.besluiten.tests import besluit_data as data
from loket.zgw.besluiten.tests.besluit_data import BIOS, path
from loket.zgw.notificaties.models import Notificatie
from tests import zgw_data

pytestmark = pytest.mark.django_db

OIOS = "/documenten/api/v1/objectinformatieobjecten"


@pytest.fixture
def cat():
    return zgw_data.catalogue()


@pytest.fixture
def besluit(zgw, cat):
    return data.create_besluit(zgw, cat)


def codes(response) -> dict:
    return {p["name"]: p["code"] for p in response.json()["invalidParams"]}


def link(zgw, besluit: dict, informatieobject) -> dict:
    response = zgw.post(
        BIOS,
        {
            "besluit": besluit["url"],
            "informatieobject": data.document_url(informatieobject),
        },
    )
    assert response.status_code == 201, response.json()
    return response.json()


def mirrors(zgw, informatieobject) -> list[tuple[str, str]]:
    """The document's relations as the Documenten API shows them: (objectType,
    object) per objectinformatieobject."""
    response = zgw.get(OIOS, {"informatieobject": data.document_url(informatieobject)})
    assert response.status_code == 200, response.json()
    return [(oio["objectType"], oio["object"]) for oio in response.json()]


def test_a_document_is_linked_and_read_back(zgw, cat, besluit):
    document = data.document(cat)

    created = link(zgw, besluit, document)

    assert created["besluit"] == besluit["url"]
    assert created["informatieobject"] == data.document_url(document)
    assert zgw.get(path(created["url"])).json() == created


def test_brc003_the_document_must_exist_in_this_installation(zgw, besluit):
    missing = (
        "http://testserver/documenten/api/v1/enkelvoudiginformatieobjecten/"
        "5d1a3c6e-2a4b-4c8d-9e0f-1a2b3c4d5e6f"
    )

    response = zgw.post(BIOS, {"besluit": besluit["url"], "informatieobject": missing})

    assert response.status_code == 400
    assert codes(response) == {"informatieobject": "bad-url"}


def test_the_besluit_must_exist(zgw, cat):
    missing = (
        "http://testserver/besluiten/api/v1/besluiten/"
        "5d1a3c6e-2a4b-4c8d-9e0f-1a2b3c4d5e6f"
    )
    document = data.document_url(data.document(cat))

    response = zgw.post(BIOS, {"besluit": missing, "informatieobject": document})

    assert response.status_code == 400
    assert codes(response) == {"besluit": "bad-url"}


def test_brc004_brc005_the_relation_is_mirrored_in_the_documenten_api(
    zgw, cat, besluit
):
    document = data.document(cat)

    link(zgw, besluit, document)

    # The Besluiten file of 1.1.0 has no aardRelatie any more; the relation is
    # "legt_vast", the mirror's objectType "besluit".
    assert mirrors(zgw, document) == [("besluit", besluit["url"])]


def test_brc005_removing_the_relation_removes_the_mirror(zgw, cat, besluit):
    document = data.document(cat)
    bio = link(zgw, besluit, document)

    response = zgw.delete(path(bio["url"]))

    assert response.status_code == 204
    assert zgw.get(path(bio["url"])).status_code == 404
    assert mirrors(zgw, document) == []


def test_brc008_the_informatieobjecttype_must_belong_to_the_besluittype(
    zgw, cat, besluit
):
    aanvraag = data.document(cat, informatieobjecttype="Aanvraag")

    response = zgw.post(
        BIOS,
        {"besluit": besluit["url"], "informatieobject": data.document_url(aanvraag)},
    )

    assert response.status_code == 400
    assert codes(response) == {
        "nonFieldErrors": "missing-besluittype-informatieobjecttype-relation"
    }
    assert mirrors(zgw, aanvraag) == []


def test_brc008_a_type_of_the_same_name_in_another_catalogus_is_not_enough(
    zgw, cat, besluit
):
    elsewhere = data.document(zgw_data.catalogue())

    response = zgw.post(
        BIOS,
        {"besluit": besluit["url"], "informatieobject": data.document_url(elsewhere)},
    )

    assert response.status_code == 400


def test_a_document_is_linked_to_a_besluit_once(zgw, cat, besluit):
    document = data.document(cat)
    link(zgw, besluit, document)

    again = zgw.post(
        BIOS,
        {"besluit": besluit["url"], "informatieobject": data.document_url(document)},
    )

    assert again.status_code == 400
    assert codes(again) == {"nonFieldErrors": "unique"}


def test_the_list_filters_on_besluit_and_informatieobject(zgw, cat, besluit):
    other = data.create_besluit(zgw, cat)
    first, second = data.document(cat), data.document(cat)
    a = link(zgw, besluit, first)
    b = link(zgw, besluit, second)
    c = link(zgw, other, first)

    def urls(**params):
        response = zgw.get(BIOS, params)
        assert response.status_code == 200
        return [bio["url"] for bio in response.json()]

    assert urls() == [a["url"], b["url"], c["url"]]
    assert urls(besluit=besluit["url"]) == [a["url"], b["url"]]
    assert urls(informatieobject=data.document_url(first)) == [a["url"], c["url"]]
    assert urls(besluit=other["url"], informatieobject=data.document_url(second)) == []


def test_linking_and_unlinking_is_in_the_besluits_history_and_announced(
    zgw, cat, besluit
):
    bio = link(zgw, besluit, data.document(cat))
    zgw.delete(path(bio["url"]))

    trail = zgw.get(f"{path(besluit['url'])}/audittrail").json()
    sent = Notificatie.objects.filter(
        kanaal="besluiten", resource="besluitinformatieobject"
    ).order_by("pk")

    assert [(e["resource"], e["actie"]) for e in trail[1:]] == [
        ("besluitinformatieobject", "create"),
        ("besluitinformatieobject", "destroy"),
    ]
    assert trail[1]["resourceUrl"] == bio["url"]
    assert trail[1]["hoofdObject"] == besluit["url"]
    assert [n.actie for n in sent] == ["create", "destroy"]
    assert all(path(n.hoofd_object) == path(besluit["url"]) for n in sent)


def test_brc009_deleting_a_besluit_deletes_its_documents_relations(zgw, cat, besluit):
    document = data.document(cat)
    bio = link(zgw, besluit, document)

    response = zgw.delete(path(besluit["url"]))

    assert response.status_code == 204
    assert zgw.get(path(bio["url"])).status_code == 404
    assert mirrors(zgw, document) == []


def test_has_informatieobject_tells_whether_a_document_lays_down_a_besluit(
    zgw, cat, besluit
):
    linked, unlinked = data.document(cat), data.document(cat)
    link(zgw, besluit, linked)
    row = Besluit.objects.get(uuid=besluit["url"].rsplit("/", 1)[1])

    assert selectors.has_informatieobject(row, linked) is True
    assert selectors.has_informatieobject(row, unlinked) is False
