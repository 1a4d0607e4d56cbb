"""The Notificaties API 1.0.0 as a client sees it: kanalen, abonnementen and
publishing (every response is also checked against the specification by the
zgw_conformance fixture)."""

import pytest

from loket.zgw.notificaties.models import Notificatie
from loket.zgw.notificaties.tests.conftest import API, nrc_client

pytestmark = pytest.mark.django_db

CATALOGUS = "https://loket.example.nl/catalogi/api/v1/catalogussen/0d0c4a5e-1111-4e3c-9f4b-2f5e0c4c8a11"


def abonnement_body(**overrides) -> dict:
    body = {
        "callbackUrl": "https://zaaksysteem.example.nl/api/v1/notificaties",
        "auth": "Bearer geheim-van-de-abonnee",
        "kanalen": [{"naam": "zaaktypen", "filters": {"catalogus": CATALOGUS}}],
    }
    return {**body, **overrides}


def message(**overrides) -> dict:
    body = {
        "kanaal": "zaaktypen",
        "hoofdObject": "https://bron.example.nl/api/v1/zaaktypen/1",
        "resource": "zaaktype",
        "resourceUrl": "https://bron.example.nl/api/v1/zaaktypen/1",
        "actie": "create",
        "aanmaakdatum": "2026-03-01T12:30:00Z",
        "kenmerken": {"catalogus": CATALOGUS},
    }
    return {**body, **overrides}


def invalid_params(response) -> set[tuple[str, str]]:
    return {(p["name"], p["code"]) for p in response.json()["invalidParams"]}


def test_loket_kanalen_are_listed_as_a_plain_array_and_filter_on_naam(zgw):
    response = zgw.get(f"{API}/kanaal")

    assert response.status_code == 200
    by_name = {kanaal["naam"]: kanaal for kanaal in response.json()}
    assert {
        "autorisaties",
        "zaaktypen",
        "besluittypen",
        "informatieobjecttypen",
    } <= set(by_name)
    assert by_name["zaaktypen"]["filters"] == ["catalogus"]
    assert by_name["zaaktypen"]["documentatieLink"].endswith(
        "/catalogi/api/v1/openapi.yaml"
    )

    only = zgw.get(f"{API}/kanaal", {"naam": "besluittypen"}).json()
    assert [k["naam"] for k in only] == ["besluittypen"]
    assert zgw.get(f"{API}/kanaal", {"naam": "bestaat-niet"}).json() == []


def test_a_kanaal_is_registered_once_by_name(publisher):
    body = {
        "naam": "klanten",
        "documentatieLink": "https://klanten.example.nl/api/v1/openapi.yaml",
        "filters": ["bronorganisatie", "zaaktype"],
    }
    created = publisher.post(f"{API}/kanaal", body)

    assert created.status_code == 201
    url = created.json()["url"]
    assert created["Location"] == url
    detail = publisher.get(url).json()
    assert {k: detail[k] for k in body} == body

    again = publisher.post(f"{API}/kanaal", body)
    assert again.status_code == 400
    assert invalid_params(again) == {("naam", "unique")}


def test_a_kanaal_link_is_a_url_or_absent(publisher):
    empty = publisher.post(f"{API}/kanaal", {"naam": "klanten", "documentatieLink": ""})
    assert empty.status_code == 400
    assert invalid_params(empty) == {("documentatieLink", "invalid")}
    absent = publisher.post(f"{API}/kanaal", {"naam": "klanten"})
    assert absent.status_code == 201
    assert "documentatieLink" not in absent.json()


def test_a_consumer_manages_its_abonnement(consumer):
    created = consumer.post(f"{API}/abonnement", abonnement_body())
    assert created.status_code == 201
    url = created.json()["url"]
    assert created.json()["kanalen"] == abonnement_body()["kanalen"]
    assert [a["url"] for a in consumer.get(f"{API}/abonnement").json()] == [url]

    changed = abonnement_body(
        callbackUrl="https://nieuw.example.nl/callback",
        kanalen=[{"naam": "besluittypen", "filters": {}}, {"naam": "autorisaties"}],
    )
    assert consumer.put(url, changed).status_code == 200
    detail = consumer.get(url).json()
    assert detail["callbackUrl"] == "https://nieuw.example.nl/callback"
    assert detail["kanalen"] == [
        {"naam": "besluittypen", "filters": {}},
        {"naam": "autorisaties", "filters": {}},
    ]

    patched = consumer.patch(url, abonnement_body(auth="Token nieuw"))
    assert patched.status_code == 200
    assert patched.json()["auth"] == "Token nieuw"

    assert consumer.delete(url).status_code == 204
    assert consumer.get(url).status_code == 404


def test_a_patch_or_put_without_a_body_is_refused(consumer):
    """Zero bytes are no JSON: a PATCH that changes nothing sends {}; a PUT
    without a body is refused the same way."""
    url = consumer.post(f"{API}/abonnement", abonnement_body()).json()["url"]
    empty = consumer.client.generic(
        "PATCH", url, b"", content_type="application/json", **consumer._extra({})
    )
    assert empty.status_code == 400
    assert empty.json()["code"] == "parse_error"
    assert consumer.patch(url, {}).status_code == 200
    put = consumer.client.generic(
        "PUT", url, b"", content_type="application/json", **consumer._extra({})
    )
    assert put.status_code == 400
    assert put.json()["code"] == "parse_error"


def test_an_abonnement_needs_existing_kanalen_and_their_filters(consumer):
    unknown = consumer.post(
        f"{API}/abonnement", abonnement_body(kanalen=[{"naam": "bestaat-niet"}])
    )
    assert unknown.status_code == 400
    assert invalid_params(unknown) == {("kanalen.0.naam", "does_not_exist")}

    wrong_filter = consumer.post(
        f"{API}/abonnement",
        abonnement_body(kanalen=[{"naam": "zaaktypen", "filters": {"zaaktype": "x"}}]),
    )
    assert wrong_filter.status_code == 400
    assert invalid_params(wrong_filter) == {
        ("kanalen.0.filters", "kenmerken_inconsistent")
    }

    not_http = consumer.post(
        f"{API}/abonnement", abonnement_body(callbackUrl="ftp://example.nl/x")
    )
    assert not_http.status_code == 400
    assert {name for name, _ in invalid_params(not_http)} == {"callbackUrl"}


def test_an_application_sees_only_its_own_abonnementen(client, consumer, zgw):
    url = consumer.post(f"{API}/abonnement", abonnement_body()).json()["url"]
    other = nrc_client(client, "Ander systeem", "notificaties.consumeren")

    assert other.get(f"{API}/abonnement").json() == []
    assert other.get(url).status_code == 404
    assert other.delete(url).status_code == 404
    assert [a["url"] for a in zgw.get(f"{API}/abonnement").json()] == [url]


def test_scopes_come_from_the_specification(publisher, consumer):
    assert publisher.post(f"{API}/abonnement", abonnement_body()).status_code == 403
    assert consumer.post(f"{API}/kanaal", {"naam": "zaken"}).status_code == 403
    assert consumer.get(f"{API}/kanaal").status_code == 200
    assert publisher.get(f"{API}/abonnement").status_code == 200


def test_a_published_message_is_stored_unchanged_for_delivery(publisher):
    sent = message(aanmaakdatum="2026-03-01T13:30:00+01:00")

    response = publisher.post(f"{API}/notificaties", sent)

    assert response.status_code == 200
    assert response.json() == {**sent, "aanmaakdatum": "2026-03-01T12:30:00Z"}
    notificatie = Notificatie.objects.get(bron=publisher.client_id)
    assert notificatie.message() == response.json()


def test_a_message_on_an_unknown_kanaal_is_refused(publisher, zgw_conformance):
    response = publisher.post(f"{API}/notificaties", message(kanaal="bestaat-niet"))

    assert response.status_code == 400
    assert invalid_params(response) == {("kanaal", "does_not_exist")}
    assert not Notificatie.objects.filter(bron=publisher.client_id).exists()
    # The specification documents only 200 for this operation, not even the errors
    # every other operation has; refusing is still better than accepting.
    assert zgw_conformance.problems == [
        "status 400 is not documented for POST Notificaties API /notificaties"
    ]
    zgw_conformance.problems.clear()
