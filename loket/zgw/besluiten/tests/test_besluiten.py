"""The Besluiten API's besluiten as a client notices them: the resource itself and
the rules brc-001, brc-002, brc-006, brc-007 and brc-009."""

from datetime import date, timedelta

from django.utils import timezone

import pytest

from loket.zgw.besluiten.tests import besluit_data as data
from loket.zgw.besluiten.tests.besluit_data import BESLUITEN, BIOS, path
from loket.zgw.catalogi import services as catalogi
from loket.zgw.notificaties.models import Notificatie
from loket.zgw.registers.models import AuditTrail
from tests import zgw_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def cat():
    return zgw_data.catalogue()


def codes(response) -> dict:
    return {p["name"]: p["code"] for p in response.json()["invalidParams"]}


# -- the resource ----------------------------------------------------------------------


def test_a_besluit_is_stored_and_read_back_as_sent(zgw, cat):
    response = zgw.post(
        BESLUITEN,
        data.besluit_body(
            cat,
            toelichting="Vergunning verleend.",
            bestuursorgaan="College van B&W",
            vervaldatum="2027-02-15",
            vervalreden="tijdelijk",
            publicatiedatum="2026-02-02",
            verzenddatum="2026-02-03",
            uiterlijkeReactiedatum="2026-03-17",
        ),
    )

    assert response.status_code == 201, response.json()
    created = response.json()
    assert response["Location"] == created["url"]
    read = zgw.get(path(created["url"])).json()
    assert read == created
    assert read["besluittype"] == data.besluittype_url(cat.besluittype)
    assert read["verantwoordelijkeOrganisatie"] == cat.rsin
    assert read["zaak"] == ""
    assert read["datum"] == "2026-02-01"
    assert read["vervaldatum"] == "2027-02-15"
    assert read["vervalreden"] == "tijdelijk"
    assert read["vervalredenWeergave"] == "Besluit met tijdelijke werking"
    assert read["uiterlijkeReactiedatum"] == "2026-03-17"


def test_a_besluit_without_vervalreden_leaves_it_out(zgw, cat):
    besluit = data.create_besluit(zgw, cat)

    assert "vervalreden" not in besluit
    assert "vervalredenWeergave" not in besluit
    assert besluit["vervaldatum"] is None


def test_an_unknown_besluit_is_a_404(zgw, cat):
    response = zgw.get(f"{BESLUITEN}/8b7f1c34-5f0e-4f57-a0c4-5a3a3f1b8c11")

    assert response.status_code == 404


def test_the_list_filters_on_each_documented_parameter(zgw, cat):
    other = zgw_data.catalogue()
    zaak = data.zaak(cat)
    first = data.create_besluit(zgw, cat, identificatie="B-1", zaak=data.zaak_url(zaak))
    second = data.create_besluit(zgw, cat, identificatie="B-2")
    third = data.create_besluit(zgw, other, identificatie="B-1")

    def urls(**params):
        response = zgw.get(BESLUITEN, params)
        assert response.status_code == 200, response.json()
        return {b["url"] for b in response.json()["results"]}

    assert urls() == {first["url"], second["url"], third["url"]}
    assert urls(identificatie="B-1") == {first["url"], third["url"]}
    assert urls(verantwoordelijkeOrganisatie=other.rsin) == {third["url"]}
    assert urls(besluittype=data.besluittype_url(other.besluittype)) == {third["url"]}
    assert urls(zaak=data.zaak_url(zaak)) == {first["url"]}
    assert urls(zaak="https://elders.example/zaken/api/v1/zaken/1") == set()


def test_the_list_is_paginated_by_100(zgw, cat):
    for _ in range(101):
        data.create_besluit(zgw, cat)

    first = zgw.get(BESLUITEN).json()
    second = zgw.get(path(first["next"])).json()

    assert first["count"] == 101
    assert len(first["results"]) == 100
    assert len(second["results"]) == 1
    assert second["next"] is None
    assert second["previous"] is not None


def test_an_unknown_query_parameter_is_refused(zgw, cat):
    response = zgw.get(BESLUITEN, {"onbekend": "1"})

    assert response.status_code == 400
    assert codes(response) == {"nonFieldErrors": "unknown-parameters"}


def test_put_replaces_what_it_names_and_needs_the_required_fields(zgw, cat):
    besluit = data.create_besluit(zgw, cat, toelichting="Eerste versie.")

    incomplete = zgw.put(path(besluit["url"]), {"toelichting": "Zonder datum."})
    complete = zgw.put(
        path(besluit["url"]),
        data.besluit_body(cat, toelichting="Tweede versie.", ingangsdatum="2026-03-01"),
    )

    assert incomplete.status_code == 400
    assert codes(incomplete)["datum"] == "required"
    assert complete.status_code == 200, complete.json()
    assert complete.json()["toelichting"] == "Tweede versie."
    assert complete.json()["ingangsdatum"] == "2026-03-01"
    assert complete.json()["identificatie"] == besluit["identificatie"]


def test_patch_changes_only_what_it_names(zgw, cat):
    besluit = data.create_besluit(zgw, cat, toelichting="Blijft.")

    response = zgw.patch(path(besluit["url"]), {"vervaldatum": "2027-01-01"})

    assert response.status_code == 200, response.json()
    assert response.json() == {**besluit, "vervaldatum": "2027-01-01"}


def test_the_beslisdatum_may_not_lie_in_the_future(zgw, cat):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    created = zgw.post(BESLUITEN, data.besluit_body(cat, datum=tomorrow))
    besluit = data.create_besluit(zgw, cat)
    changed = zgw.patch(path(besluit["url"]), {"datum": tomorrow})

    assert created.status_code == 400
    assert codes(created) == {"datum": "future-not-allowed"}
    assert changed.status_code == 400
    assert codes(changed) == {"datum": "future-not-allowed"}


@pytest.mark.parametrize(
    ("rsin", "code"),
    [
        ("12345678", "invalid-length"),
        ("12345678a", "only-digits"),
        ("123456789", "invalid"),
    ],
)
def test_the_verantwoordelijke_organisatie_must_be_a_valid_rsin(zgw, cat, rsin, code):
    response = zgw.post(
        BESLUITEN, data.besluit_body(cat, verantwoordelijkeOrganisatie=rsin)
    )

    assert response.status_code == 400
    assert codes(response) == {"verantwoordelijkeOrganisatie": code}


# -- brc-001 ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://testserver/catalogi/api/v1/besluittypen/"
        "5d1a3c6e-2a4b-4c8d-9e0f-1a2b3c4d5e6f",
        "https://elders.example/api/v1/besluittypen/1",
    ],
)
def test_brc001_the_besluittype_must_exist_in_this_installation(zgw, cat, url):
    response = zgw.post(BESLUITEN, data.besluit_body(cat, besluittype=url))

    assert response.status_code == 400
    assert codes(response) == {"besluittype": "bad-url"}


def test_brc001_a_zaaktype_is_not_a_besluittype(zgw, cat):
    zaaktype = data.url_of(data.apis.CATALOGI, "/zaaktypen", cat.zaaktype)

    response = zgw.post(BESLUITEN, data.besluit_body(cat, besluittype=zaaktype))

    assert response.status_code == 400
    assert codes(response) == {"besluittype": "bad-url"}


def test_brc001_the_besluittype_must_be_published(zgw, cat):
    concept = catalogi.create_besluittype(
        catalogus=cat.catalogus,
        omschrijving="Nog in ontwerp",
        begin_geldigheid=date(2026, 1, 1),
    )

    response = zgw.post(
        BESLUITEN, data.besluit_body(cat, besluittype=data.besluittype_url(concept))
    )

    assert response.status_code == 400
    assert codes(response) == {"besluittype": "not-published"}


@pytest.mark.parametrize("method", ["put", "patch"])
def test_brc001_the_besluittype_cannot_change(zgw, cat, method):
    other = zgw_data.catalogue()
    besluit = data.create_besluit(zgw, cat)
    send = getattr(zgw, method)

    same = send(path(besluit["url"]), data.besluit_body(cat))
    changed = send(
        path(besluit["url"]),
        data.besluit_body(cat, besluittype=data.besluittype_url(other.besluittype)),
    )

    assert same.status_code == 200, same.json()
    assert changed.status_code == 400
    assert codes(changed) == {"besluittype": "wijzigen-niet-toegelaten"}
    read = zgw.get(path(besluit["url"])).json()
    assert read["besluittype"] == besluit["besluittype"]


# -- brc-002 ---------------------------------------------------------------------------


def test_brc002_a_missing_identificatie_is_generated_unique_per_organisation(zgw, cat):
    first = data.create_besluit(zgw, cat)
    second = data.create_besluit(zgw, cat)
    # A client may choose the next number itself; generation skips it.
    taken = data.create_besluit(zgw, cat, identificatie="BESLUIT-2026-0000000003")
    third = data.create_besluit(zgw, cat)

    assert first["identificatie"] == "BESLUIT-2026-0000000001"
    assert second["identificatie"] == "BESLUIT-2026-0000000002"
    assert taken["identificatie"] == "BESLUIT-2026-0000000003"
    assert third["identificatie"] == "BESLUIT-2026-0000000004"


def test_brc002_identificatie_is_unique_within_the_organisation(zgw, cat):
    other = zgw_data.catalogue()
    data.create_besluit(zgw, cat, identificatie="BESLUIT-A")

    again = zgw.post(BESLUITEN, data.besluit_body(cat, identificatie="BESLUIT-A"))
    elsewhere = zgw.post(BESLUITEN, data.besluit_body(other, identificatie="BESLUIT-A"))

    assert again.status_code == 400
    assert codes(again) == {"identificatie": "identificatie-niet-uniek"}
    assert elsewhere.status_code == 201


@pytest.mark.parametrize(
    "change",
    [{"identificatie": "ANDERS"}, {"verantwoordelijkeOrganisatie": "100000009"}],
)
def test_brc002_identificatie_and_organisation_cannot_change(zgw, cat, change):
    besluit = data.create_besluit(zgw, cat)

    response = zgw.patch(path(besluit["url"]), change)

    assert response.status_code == 400
    assert codes(response) == {next(iter(change)): "wijzigen-niet-toegelaten"}
    assert zgw.get(path(besluit["url"])).json() == besluit


# -- brc-006 and brc-007 ---------------------------------------------------------------


def test_brc006_the_zaak_must_exist_in_this_installation(zgw, cat):
    missing = (
        "http://testserver/zaken/api/v1/zaken/5d1a3c6e-2a4b-4c8d-9e0f-1a2b3c4d5e6f"
    )

    response = zgw.post(BESLUITEN, data.besluit_body(cat, zaak=missing))

    assert response.status_code == 400
    assert codes(response) == {"zaak": "bad-url"}


def test_brc006_a_besluit_of_a_zaak_is_announced_as_zaakbesluit(zgw, cat):
    zaak = data.zaak(cat)

    besluit = data.create_besluit(zgw, cat, zaak=data.zaak_url(zaak))

    assert besluit["zaak"] == data.zaak_url(zaak)
    zaakbesluiten = zgw.get(f"/zaken/api/v1/zaken/{zaak.uuid}/besluiten").json()
    assert [z["besluit"] for z in zaakbesluiten] == [besluit["url"]]
    zaakbesluit = AuditTrail.objects.get(
        bron="zrc", hoofd_object_uuid=zaak.uuid, resource="zaakbesluit"
    )
    assert zaakbesluit.actie == "create"
    assert path(zaakbesluit.nieuw["besluit"]) == path(besluit["url"])
    assert Notificatie.objects.filter(
        kanaal="zaken", resource="zaakbesluit", actie="create"
    ).exists()


@pytest.mark.parametrize("change", ["other-zaak", "no-zaak"])
def test_brc006_the_zaak_cannot_change(zgw, cat, change):
    zaak = data.zaak(cat)
    besluit = data.create_besluit(zgw, cat, zaak=data.zaak_url(zaak))
    value = data.zaak_url(data.zaak(cat)) if change == "other-zaak" else ""

    response = zgw.patch(path(besluit["url"]), {"zaak": value})
    same = zgw.patch(path(besluit["url"]), {"zaak": data.zaak_url(zaak)})

    assert response.status_code == 400
    assert codes(response) == {"zaak": "wijzigen-niet-toegelaten"}
    assert same.status_code == 200


def test_brc006_a_besluit_without_zaak_cannot_get_one_later(zgw, cat):
    besluit = data.create_besluit(zgw, cat)

    response = zgw.patch(path(besluit["url"]), {"zaak": data.zaak_url(data.zaak(cat))})

    assert response.status_code == 400
    assert codes(response) == {"zaak": "wijzigen-niet-toegelaten"}


def test_brc007_the_besluittype_must_belong_to_the_zaaktype(zgw, cat):
    other = zgw_data.catalogue()
    zaak_elsewhere = data.zaak(other)

    response = zgw.post(
        BESLUITEN, data.besluit_body(cat, zaak=data.zaak_url(zaak_elsewhere))
    )

    assert response.status_code == 400
    assert codes(response) == {"nonFieldErrors": "zaaktype-mismatch"}
    assert not AuditTrail.objects.filter(bron="brc").exists()


def test_brc007_a_besluittype_the_zaaktype_does_not_name_is_refused(zgw, cat):
    unnamed = catalogi.create_besluittype(
        catalogus=cat.catalogus,
        omschrijving="Ander besluit",
        begin_geldigheid=date(2026, 1, 1),
    )
    catalogi.publish_besluittype(unnamed)
    zaak = data.zaak(cat)

    response = zgw.post(
        BESLUITEN,
        data.besluit_body(
            cat, besluittype=data.besluittype_url(unnamed), zaak=data.zaak_url(zaak)
        ),
    )

    assert response.status_code == 400
    assert codes(response) == {"nonFieldErrors": "zaaktype-mismatch"}


# -- besluiten of a closed zaak --------------------------------------------------------


def test_a_besluit_of_a_closed_zaak_needs_geforceerd_bijwerken(client, zgw, cat):
    from loket.zgw.autorisaties.services import AutorisatieSpec
    from tests import zgw as kit

    brc = AutorisatieSpec(
        component="brc",
        scopes=["besluiten.lezen", "besluiten.aanmaken", "besluiten.bijwerken"],
        besluittype=cat.besluittype,
    )
    forced = AutorisatieSpec(
        component="zrc",
        scopes=["zaken.lezen", "zaken.geforceerd-bijwerken"],
        zaaktype=cat.zaaktype,
        max_vertrouwelijkheidaanduiding="zeer_geheim",
    )
    kit.applicatie(label="Gewoon", alles=False, autorisaties=[brc])
    kit.applicatie(label="Geforceerd", alles=False, autorisaties=[brc, forced])
    ordinary = kit.ZgwClient(client, "test-gewoon")
    forcing = kit.ZgwClient(client, "test-geforceerd")
    open_zaak = data.zaak(cat)
    besluit = data.create_besluit(zgw, cat, zaak=data.zaak_url(open_zaak))
    closed = data.close(cat, data.zaak(cat))
    data.close(cat, open_zaak)

    document = data.document_url(data.document(cat))
    bio = {"besluit": besluit["url"], "informatieobject": document}

    still_open = ordinary.post(
        BESLUITEN, data.besluit_body(cat, zaak=data.zaak_url(data.zaak(cat)))
    )
    refused = ordinary.post(
        BESLUITEN, data.besluit_body(cat, zaak=data.zaak_url(closed))
    )
    refused_change = ordinary.patch(path(besluit["url"]), {"toelichting": "Nee."})
    refused_document = ordinary.post(BIOS, bio)
    allowed = forcing.post(
        BESLUITEN, data.besluit_body(cat, zaak=data.zaak_url(closed))
    )
    allowed_change = forcing.patch(path(besluit["url"]), {"toelichting": "Ja."})
    allowed_document = forcing.post(BIOS, bio)

    assert still_open.status_code == 201, still_open.json()
    assert refused.status_code == 403
    assert refused_change.status_code == 403
    assert refused_document.status_code == 403
    assert allowed.status_code == 201, allowed.json()
    assert allowed_change.status_code == 200, allowed_change.json()
    assert allowed_document.status_code == 201, allowed_document.json()


# -- brc-009 ---------------------------------------------------------------------------


def test_brc009_deleting_a_besluit_destroys_it_and_its_history(zgw, cat):
    zaak = data.zaak(cat)
    besluit = data.create_besluit(zgw, cat, zaak=data.zaak_url(zaak))
    zgw.patch(path(besluit["url"]), {"toelichting": "Gewijzigd."})
    trail = f"{path(besluit['url'])}/audittrail"
    assert len(zgw.get(trail).json()) == 2

    response = zgw.delete(path(besluit["url"]))

    assert response.status_code == 204
    assert zgw.get(path(besluit["url"])).status_code == 404
    assert zgw.get(trail).json() == []
    uuid = besluit["url"].rsplit("/", 1)[1]
    assert not AuditTrail.objects.filter(bron="brc", hoofd_object_uuid=uuid).exists()
    assert zgw.get(f"/zaken/api/v1/zaken/{zaak.uuid}/besluiten").json() == []
    gone = AuditTrail.objects.get(
        bron="zrc", resource="zaakbesluit", actie="destroy", resource_uuid=uuid
    )
    assert path(gone.oud["besluit"]) == path(besluit["url"])


# -- notificaties and audit trail ------------------------------------------------------


def test_every_change_is_announced_on_the_kanaal_besluiten(zgw, cat):
    besluit = data.create_besluit(zgw, cat)
    zgw.put(path(besluit["url"]), data.besluit_body(cat, toelichting="Opnieuw."))
    zgw.patch(path(besluit["url"]), {"toelichting": "Deels."})
    zgw.delete(path(besluit["url"]))

    sent = Notificatie.objects.filter(kanaal="besluiten").order_by("pk")

    assert [n.actie for n in sent] == ["create", "update", "partial_update", "destroy"]
    for notificatie in sent:
        assert notificatie.resource == "besluit"
        assert path(notificatie.hoofd_object) == path(besluit["url"])
        assert notificatie.resource_url == notificatie.hoofd_object
        assert notificatie.kenmerken == {
            "verantwoordelijke_organisatie": cat.rsin,
            "besluittype": notificatie.kenmerken["besluittype"],
        }
        assert path(notificatie.kenmerken["besluittype"]) == path(
            data.besluittype_url(cat.besluittype)
        )


def test_the_audit_trail_shows_who_changed_what(zgw, cat):
    besluit = data.create_besluit(zgw, cat, toelichting="Eerst.")
    zgw.patch(
        path(besluit["url"]),
        {"toelichting": "Daarna."},
        HTTP_X_AUDIT_TOELICHTING="Typefout hersteld",
    )
    trail = f"{path(besluit['url'])}/audittrail"

    entries = zgw.get(trail).json()
    detail = zgw.get(f"{trail}/{entries[1]['uuid']}")

    assert [e["actie"] for e in entries] == ["create", "partial_update"]
    create, change = entries
    assert create["bron"] == "brc"
    assert create["applicatieId"] == "test-alles"
    assert create["gebruikersWeergave"] == "Test"
    assert create["resourceUrl"] == besluit["url"]
    assert create["hoofdObject"] == besluit["url"]
    assert create["resourceWeergave"] == besluit["identificatie"]
    assert "oud" not in create["wijzigingen"]
    assert change["toelichting"] == "Typefout hersteld"
    assert change["wijzigingen"]["oud"]["toelichting"] == "Eerst."
    assert change["wijzigingen"]["nieuw"]["toelichting"] == "Daarna."
    assert detail.status_code == 200
    assert detail.json() == change


def test_an_audit_trail_entry_of_another_besluit_is_a_404(zgw, cat):
    first = data.create_besluit(zgw, cat)
    second = data.create_besluit(zgw, cat)
    entry = zgw.get(f"{path(first['url'])}/audittrail").json()[0]

    response = zgw.get(f"{path(second['url'])}/audittrail/{entry['uuid']}")

    assert response.status_code == 404


# -- HTTP caching ----------------------------------------------------------------------


def test_http_caching_applies_to_no_resource_the_file_names(zgw, cat):
    # The standard asks for ETag caching on the resources its file marks; the
    # Besluiten 1.1.0 file marks none (no ETag header, no HEAD, no 304), so a
    # conditional request is answered in full.
    besluit = data.create_besluit(zgw, cat)

    response = zgw.get(path(besluit["url"]), HTTP_IF_NONE_MATCH="*")

    assert response.status_code == 200
    assert "ETag" not in response
    assert zgw.head(path(besluit["url"])).status_code == 405
