"""``expand``: related resources inline, as their own API shows them."""

import pytest

from loket.zgw.besluiten.tests import besluit_data as data
from loket.zgw.besluiten.tests.besluit_data import BESLUITEN, BIOS, path
from tests import zgw_data

pytestmark = pytest.mark.django_db

CATALOGI = "/catalogi/api/v1"
ZAKEN = "/zaken/api/v1"


@pytest.fixture
def cat():
    return zgw_data.catalogue()


def test_expand_besluittype_is_the_catalogi_apis_own_besluittype(zgw, cat):
    besluit = data.create_besluit(zgw, cat)

    expanded = zgw.get(path(besluit["url"]), {"expand": "besluittype"}).json()
    catalogi = zgw.get(path(besluit["besluittype"])).json()

    assert expanded["_expand"] == {"besluittype": catalogi}
    assert {k: v for k, v in expanded.items() if k != "_expand"} == besluit


def test_expand_zaak_is_the_zaken_apis_own_zaak(zgw, cat):
    zaak = data.zaak(cat)
    with_zaak = data.create_besluit(zgw, cat, zaak=data.zaak_url(zaak))
    without = data.create_besluit(zgw, cat)

    results = zgw.get(BESLUITEN, {"expand": "zaak"}).json()["results"]
    by_url = {b["url"]: b["_expand"] for b in results}

    assert by_url[with_zaak["url"]]["zaak"]["url"] == data.zaak_url(zaak)
    assert by_url[with_zaak["url"]]["zaak"]["identificatie"] == zaak.identificatie
    assert by_url[without["url"]] == {"zaak": {}}


def test_without_expand_there_is_no_expand_section(zgw, cat):
    besluit = data.create_besluit(zgw, cat)

    assert "_expand" not in zgw.get(path(besluit["url"])).json()
    assert "_expand" not in zgw.get(BESLUITEN).json()["results"][0]


def test_an_unknown_expand_is_refused_in_a_list(zgw, cat):
    data.create_besluit(zgw, cat)

    response = zgw.get(BESLUITEN, {"expand": "besluittype,zaaktype"})

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "expand"


def test_a_besluitinformatieobject_expands_its_besluit_and_deeper(zgw, cat):
    besluit = data.create_besluit(zgw, cat)
    document = data.document(cat)
    bio = zgw.post(
        BIOS,
        {"besluit": besluit["url"], "informatieobject": data.document_url(document)},
    ).json()

    expanded = zgw.get(
        path(bio["url"]), {"expand": "besluit,besluit.besluittype,informatieobject"}
    ).json()["_expand"]

    assert {k: v for k, v in expanded["besluit"].items() if k != "_expand"} == besluit
    assert (
        expanded["besluit"]["_expand"]["besluittype"]["url"] == besluit["besluittype"]
    )
    assert expanded["informatieobject"]["url"] == data.document_url(document)
    assert expanded["informatieobject"]["titel"] == "Besluit parkeervergunning"
