"""Rollen, zaakobjecten, zaakeigenschappen, klantcontacten, contactmomenten,
verzoeken and zaakbesluiten (zrc-018, zrc-019, zrc-023)."""

from datetime import date

import pytest

from loket.zgw.besluiten import services as besluiten
from loket.zgw.registers.services import LOKET
from tests import zgw_data

from .kit import API, HOST, catalogi_url, invalid_params, rol_body, zaak_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def cat():
    return zgw_data.catalogue()


@pytest.fixture
def zaak(cat):
    return zgw_data.zaak(cat)


def test_a_rol_takes_its_description_from_the_roltype(zgw, cat, zaak):
    created = zgw.post(f"{API}/rollen", rol_body(zaak, cat.roltypen["Aanvrager"]))

    assert created.status_code == 201, created.json()
    data = created.json()
    assert data["omschrijving"] == "Aanvrager"
    assert data["omschrijvingGeneriek"] == "initiator"
    assert data["betrokkeneIdentificatie"]["inpBsn"] == "111222333"
    assert zgw.get(zaak_url(zaak)).json()["rollen"] == [data["url"]]


def test_rollen_are_found_by_bsn_and_kvk(zgw, cat, zaak):
    zgw.post(
        f"{API}/rollen", rol_body(zaak, cat.roltypen["Aanvrager"], bsn="999990019")
    )
    company = zgw.post(
        f"{API}/rollen",
        rol_body(
            zaak,
            cat.roltypen["Aanvrager"],
            betrokkeneType="vestiging",
            betrokkeneIdentificatie={
                "vestigingsNummer": "000012345678",
                "kvkNummer": "12345678",
            },
        ),
    ).json()

    by_bsn = zgw.get(
        f"{API}/rollen",
        {"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999990019"},
    ).json()
    assert by_bsn["count"] == 1
    by_vestiging = zgw.get(
        f"{API}/rollen",
        {"betrokkeneIdentificatie__vestiging__vestigingsNummer": "000012345678"},
    ).json()
    assert [r["url"] for r in by_vestiging["results"]] == [company["url"]]
    assert (
        zgw.get(f"{API}/rollen", {"omschrijvingGeneriek": "behandelaar"}).json()[
            "count"
        ]
        == 0
    )


def test_a_rol_needs_a_roltype_of_the_zaaktype_and_a_betrokkene(zgw, cat, zaak):
    other = zgw_data.catalogue()
    wrong = zgw.post(f"{API}/rollen", rol_body(zaak, other.roltypen["Aanvrager"]))
    assert invalid_params(wrong) == {("roltype", "zaaktype-mismatch")}

    nobody = rol_body(zaak, cat.roltypen["Aanvrager"])
    del nobody["betrokkeneIdentificatie"]
    refused = zgw.post(f"{API}/rollen", nobody)
    assert invalid_params(refused) == {("nonFieldErrors", "invalid-betrokkene")}


def test_a_rol_can_be_removed(zgw, cat, zaak):
    url = zgw.post(f"{API}/rollen", rol_body(zaak, cat.roltypen["Aanvrager"])).json()[
        "url"
    ]
    assert zgw.delete(url).status_code == 204
    assert zgw.get(url).status_code == 404


def test_a_zaakobject_describes_what_the_zaak_is_about(zgw, cat, zaak):
    body = {
        "zaak": zaak_url(zaak),
        "objectType": "adres",
        "relatieomschrijving": "Parkeeradres",
        "objectIdentificatie": {
            "identificatie": "0518200000000001",
            "wplWoonplaatsNaam": "Duinwaard",
            "gorOpenbareRuimteNaam": "Dorpsstraat",
            "huisnummer": 12,
        },
    }
    created = zgw.post(f"{API}/zaakobjecten", body)
    assert created.status_code == 201, created.json()
    url = created.json()["url"]

    changed = zgw.patch(url, {"relatieomschrijving": "Woonadres"})
    assert changed.json()["relatieomschrijving"] == "Woonadres"
    fixed = zgw.patch(url, {"objectType": "pand"})
    assert invalid_params(fixed) == {("objectType", "wijzigen-niet-toegelaten")}
    listed = zgw.get(f"{API}/zaakobjecten", {"objectType": "adres"}).json()
    assert listed["count"] == 1
    assert zgw.delete(url).status_code == 204


def test_an_invalid_object_identification_is_refused_by_the_schema(zgw, zaak):
    refused = zgw.post(
        f"{API}/zaakobjecten",
        {"zaak": zaak_url(zaak), "objectType": "adres", "objectIdentificatie": {}},
    )
    assert refused.status_code == 400
    assert ("objectIdentificatie.identificatie", "required") in invalid_params(refused)


def test_a_zaakeigenschap_is_of_the_zaaktype_and_only_its_value_changes(zgw, cat, zaak):
    eigenschap = catalogi_url("eigenschappen", cat.eigenschappen["kenteken"])
    base = f"{zaak_url(zaak)}/zaakeigenschappen"
    created = zgw.post(
        base, {"zaak": zaak_url(zaak), "eigenschap": eigenschap, "waarde": "AB-123-C"}
    )
    assert created.status_code == 201, created.json()
    data = created.json()
    assert data["naam"] == "kenteken"
    assert zgw.get(zaak_url(zaak)).json()["eigenschappen"] == [data["url"]]

    changed = zgw.patch(data["url"], {"waarde": "XY-987-Z"})
    assert changed.json()["waarde"] == "XY-987-Z"
    assert [e["waarde"] for e in zgw.get(base).json()] == ["XY-987-Z"]

    other = zgw_data.catalogue()
    wrong = zgw.post(
        base,
        {
            "zaak": zaak_url(zaak),
            "eigenschap": catalogi_url(
                "eigenschappen", other.eigenschappen["kenteken"]
            ),
            "waarde": "x",
        },
    )
    assert invalid_params(wrong) == {("eigenschap", "zaaktype-mismatch")}
    assert zgw.delete(data["url"]).status_code == 204


def test_klantcontacten_contactmomenten_and_verzoeken(zgw, zaak):
    klantcontact = zgw.post(
        f"{API}/klantcontacten",
        {
            "zaak": zaak_url(zaak),
            "datumtijd": "2026-03-02T10:00:00Z",
            "kanaal": "balie",
        },
    )
    assert klantcontact.status_code == 201, klantcontact.json()
    assert klantcontact.json()["identificatie"].startswith("KC")

    moment = "https://klantcontact.example/api/v1/contactmomenten/1"
    zcm = zgw.post(
        f"{API}/zaakcontactmomenten", {"zaak": zaak_url(zaak), "contactmoment": moment}
    ).json()
    assert [m["url"] for m in zgw.get(f"{API}/zaakcontactmomenten").json()] == [
        zcm["url"]
    ]
    assert zgw.delete(zcm["url"]).status_code == 204

    verzoek = "https://verzoeken.example/api/v1/verzoeken/1"
    zv = zgw.post(f"{API}/zaakverzoeken", {"zaak": zaak_url(zaak), "verzoek": verzoek})
    assert zv.status_code == 201
    assert (
        zgw.get(f"{API}/zaakverzoeken", {"verzoek": verzoek}).json()[0]["url"]
        == (zv.json()["url"])
    )


def test_a_zaakbesluit_is_the_besluit_of_the_zaak(zgw, cat, zaak):
    besluit = besluiten.create_besluit(
        actor=LOKET,
        besluittype=cat.besluittype,
        verantwoordelijke_organisatie=cat.rsin,
        datum=date(2026, 4, 1),
        ingangsdatum=date(2026, 4, 2),
        zaak=zaak,
    )
    listed = zgw.get(f"{zaak_url(zaak)}/besluiten").json()
    besluit_url = f"{HOST}/besluiten/api/v1/besluiten/{besluit.uuid}"
    assert [b["besluit"] for b in listed] == [besluit_url]
    assert zgw.get(listed[0]["url"]).status_code == 200

    confirmed = zgw.post(f"{zaak_url(zaak)}/besluiten", {"besluit": besluit_url})
    assert confirmed.status_code == 201
    elsewhere = zgw_data.zaak(cat)
    refused = zgw.post(f"{zaak_url(elsewhere)}/besluiten", {"besluit": besluit_url})
    assert invalid_params(refused) == {("besluit", "inconsistent-relation")}

    trail = zgw.get(f"{zaak_url(zaak)}/audittrail").json()
    assert [e["resource"] for e in trail] == ["zaak", "zaakbesluit"]


def test_the_service_refuses_an_identification_the_api_would_refuse(cat, zaak):
    from django.core.exceptions import ValidationError

    from loket.zgw.zaken import services

    with pytest.raises(ValidationError) as error:
        services.add_rol(
            zaak,
            actor=LOKET,
            roltype=cat.roltypen["Aanvrager"],
            betrokkene_type="natuurlijk_persoon",
            betrokkene_identificatie={"inpBsn": "999990019", "voorletters": "A" * 21},
        )
    assert "voorletters" in str(error.value)
