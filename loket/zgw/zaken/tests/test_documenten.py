"""Documents of a zaak: the zaakinformatieobject and its mirror in the Documenten
API (zrc-003 … zrc-005, zrc-017), and what documents mean for closing and
archiving a zaak (zrc-007, zrc-022)."""

from datetime import date

import pytest

from loket.zgw.documenten import services as documenten
from loket.zgw.registers.services import LOKET
from tests import zgw_data

from .kit import API, HOST, catalogi_url, invalid_params, status_body, zaak_url

pytestmark = pytest.mark.django_db
DOCUMENTEN = f"{HOST}/documenten/api/v1"


@pytest.fixture
def cat():
    return zgw_data.catalogue()


def document(cat, soort="Aanvraag", **fields):
    version = documenten.create_document(
        actor=LOKET,
        informatieobjecttype=cat.informatieobjecttypen[soort],
        bronorganisatie=cat.rsin,
        titel=f"{soort} parkeervergunning",
        auteur="Aanvrager",
        taal="dut",
        creatiedatum=date(2026, 3, 2),
        inhoud=b"%PDF-1.7 aanvraag",
        bestandsnaam="aanvraag.pdf",
        formaat="application/pdf",
        **fields,
    )
    return version.informatieobject


def document_url(informatieobject) -> str:
    return f"{DOCUMENTEN}/enkelvoudiginformatieobjecten/{informatieobject.uuid}"


def relate(zgw, zaak, informatieobject, **extra):
    return zgw.post(
        f"{API}/zaakinformatieobjecten",
        {
            "zaak": zaak_url(zaak),
            "informatieobject": document_url(informatieobject),
            "titel": "De aanvraag",
            **extra,
        },
    )


def mirrors(zgw, informatieobject) -> list[str]:
    response = zgw.get(
        f"{DOCUMENTEN}/objectinformatieobjecten",
        {"informatieobject": document_url(informatieobject)},
    )
    assert response.status_code == 200, response.json()
    return [m["object"] for m in response.json()]


def test_a_document_in_a_zaak_is_mirrored_in_the_documenten_api(zgw, cat):
    zaak, aanvraag = zgw_data.zaak(cat), document(cat)

    created = relate(zgw, zaak, aanvraag)

    assert created.status_code == 201, created.json()
    data = created.json()
    assert data["aardRelatieWeergave"] == "Hoort bij, omgekeerd: kent"
    assert data["registratiedatum"]
    assert mirrors(zgw, aanvraag) == [zaak_url(zaak)]
    assert zgw.get(zaak_url(zaak)).json()["zaakinformatieobjecten"] == [data["url"]]
    listed = zgw.get(f"{API}/zaakinformatieobjecten", {"zaak": zaak_url(zaak)})
    assert [z["url"] for z in listed.json()] == [data["url"]]

    assert zgw.delete(data["url"]).status_code == 204
    assert mirrors(zgw, aanvraag) == []


def test_a_document_is_in_a_zaak_once(zgw, cat):
    zaak, aanvraag = zgw_data.zaak(cat), document(cat)
    relate(zgw, zaak, aanvraag)
    again = relate(zgw, zaak, aanvraag)
    assert again.status_code == 400
    assert invalid_params(again) == {("nonFieldErrors", "unique")}


def test_the_document_type_must_belong_to_the_zaaktype(zgw, cat):
    other = zgw_data.catalogue()
    refused = relate(zgw, zgw_data.zaak(cat), document(other))
    assert refused.status_code == 400
    assert invalid_params(refused) == {
        ("informatieobject", "missing-zaaktype-informatieobjecttype-relation")
    }


def test_the_relation_itself_cannot_change(zgw, cat):
    zaak, aanvraag = zgw_data.zaak(cat), document(cat)
    url = relate(zgw, zaak, aanvraag).json()["url"]
    changed = zgw.patch(url, {"titel": "Aanvraagformulier"})
    assert changed.json()["titel"] == "Aanvraagformulier"
    moved = zgw.patch(url, {"zaak": zaak_url(zgw_data.zaak(cat))})
    assert invalid_params(moved) == {("zaak", "wijzigen-niet-toegelaten")}


def test_closing_needs_the_gebruiksrecht_indication_of_every_document(zgw, cat):
    zaak = zgw_data.zaak(cat)
    relate(zgw, zaak, document(cat))
    zgw.post(
        f"{API}/resultaten",
        {
            "zaak": zaak_url(zaak),
            "resultaattype": catalogi_url(
                "resultaattypen", cat.resultaattypen["Geweigerd"]
            ),
        },
    )
    end = status_body(zaak, cat.statustypen["Afgehandeld"])

    refused = zgw.post(f"{API}/statussen", end)
    assert refused.status_code == 400
    assert invalid_params(refused) == {
        ("nonFieldErrors", "indicatiegebruiksrecht-unset")
    }

    relate(zgw, zaak, document(cat, "Besluit", indicatie_gebruiksrecht=False))
    for zio in zaak.zaakinformatieobjecten.select_related("informatieobject"):
        version = zio.informatieobject.versies.get(laatste=True)
        if version.indicatie_gebruiksrecht is None:
            lock = documenten.lock_document(zio.informatieobject, actor=LOKET)
            documenten.update_document(
                zio.informatieobject,
                actor=LOKET,
                lock=lock,
                indicatie_gebruiksrecht=False,
            )
            documenten.unlock_document(zio.informatieobject, actor=LOKET, lock=lock)
    assert zgw.post(f"{API}/statussen", end).status_code == 201


def test_a_zaak_is_archived_only_with_archived_documents(zgw, cat):
    zaak = zgw_data.zaak(cat)
    relate(zgw, zaak, document(cat, status="definitief"))
    archived = {
        "archiefstatus": "gearchiveerd",
        "archiefnominatie": "vernietigen",
        "archiefactiedatum": "2040-01-01",
    }
    refused = zgw.patch(zaak_url(zaak), archived)
    assert refused.status_code == 400
    assert invalid_params(refused) == {("archiefstatus", "documents-not-archived")}
