"""The Autorisaties API 1.0.0, and the JWT check every ZGW API shares."""

import time

import jwt
import pytest

from loket.zgw.autorisaties import services
from loket.zgw.autorisaties.models import Applicatie
from loket.zgw.notificaties.models import Notificatie
from tests import zgw as kit

pytestmark = pytest.mark.django_db

BASE = "/autorisaties/api/v1"


def test_create_and_read_an_applicatie(zgw):
    response = zgw.post(
        f"{BASE}/applicaties",
        {
            "clientIds": ["zaaksysteem"],
            "label": "Zaaksysteem",
            "heeftAlleAutorisaties": False,
            "autorisaties": [
                {"component": "ztc", "scopes": ["catalogi.lezen"]},
            ],
        },
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["clientIds"] == ["zaaksysteem"]
    assert data["autorisaties"] == [
        {
            "component": "ztc",
            "componentWeergave": "Catalogi API",
            "scopes": ["catalogi.lezen"],
        }
    ]
    assert response["API-version"] == "1.0.0"
    detail = zgw.get(data["url"].split("testserver")[1])
    assert detail.json() == data


def test_every_change_is_announced_on_the_autorisaties_kanaal(zgw):
    url = zgw.post(
        f"{BASE}/applicaties",
        {"clientIds": ["app-a"], "label": "A", "heeftAlleAutorisaties": True},
    ).json()["url"]
    path = url.split("testserver")[1]
    zgw.patch(path, {"clientIds": ["app-a"], "label": "A2"})
    zgw.delete(path)
    messages = [
        n.message()
        for n in Notificatie.objects.filter(hoofd_object__endswith=path).order_by("pk")
    ]
    assert [m["actie"] for m in messages] == ["create", "partial_update", "destroy"]
    assert all(m["kanaal"] == "autorisaties" for m in messages)
    assert all(m["resource"] == "applicatie" for m in messages)
    assert messages[0]["hoofdObject"].endswith(path)


def test_a_client_id_belongs_to_one_applicatie_only(zgw):
    body = {"clientIds": ["dubbel"], "label": "Eerste", "heeftAlleAutorisaties": True}
    assert zgw.post(f"{BASE}/applicaties", body).status_code == 201
    response = zgw.post(f"{BASE}/applicaties", {**body, "label": "Tweede"})
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "clientIds"


def test_all_rights_and_separate_autorisaties_exclude_each_other(zgw):
    response = zgw.post(
        f"{BASE}/applicaties",
        {
            "clientIds": ["beide"],
            "label": "Beide",
            "heeftAlleAutorisaties": True,
            "autorisaties": [{"component": "ztc", "scopes": ["catalogi.lezen"]}],
        },
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "nonFieldErrors"


def test_zaken_scopes_need_a_zaaktype_and_a_confidentiality(zgw):
    response = zgw.post(
        f"{BASE}/applicaties",
        {
            "clientIds": ["zonder-zaaktype"],
            "label": "Zonder zaaktype",
            "autorisaties": [{"component": "zrc", "scopes": ["zaken.lezen"]}],
        },
    )
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert names == {
        "autorisaties.0.zaaktype",
        "autorisaties.0.maxVertrouwelijkheidaanduiding",
    }


def test_consumer_finds_the_applicatie_of_a_client_id(zgw):
    zgw.post(
        f"{BASE}/applicaties",
        {
            "clientIds": ["consument"],
            "label": "Consument",
            "heeftAlleAutorisaties": True,
        },
    )
    response = zgw.get(f"{BASE}/applicaties/consumer", {"clientId": "consument"})
    assert response.status_code == 200
    assert [a["label"] for a in response.json()] == ["Consument"]
    assert (
        zgw.get(f"{BASE}/applicaties/consumer", {"clientId": "niemand"}).status_code
        == 404
    )


def test_list_is_paginated_and_filters_on_client_ids(zgw):
    for n in range(3):
        zgw.post(
            f"{BASE}/applicaties",
            {
                "clientIds": [f"app-{n}"],
                "label": f"App {n}",
                "heeftAlleAutorisaties": True,
            },
        )
    everything = zgw.get(f"{BASE}/applicaties").json()
    assert everything["count"] == 4  # and the test client itself
    assert everything["next"] is None and everything["previous"] is None
    some = zgw.get(f"{BASE}/applicaties", {"clientIds": "app-0,app-2"}).json()
    assert sorted(a["label"] for a in some["results"]) == ["App 0", "App 2"]


def test_unknown_query_parameters_are_refused(zgw):
    response = zgw.get(f"{BASE}/applicaties", {"zoek": "x"})
    assert response.status_code == 400
    assert response.json()["invalidParams"] == [
        {
            "name": "nonFieldErrors",
            "code": "unknown-parameters",
            "reason": "Onbekende query-parameters: zoek.",
        }
    ]


def test_invalid_body_lists_every_problem(zgw):
    response = zgw.post(f"{BASE}/applicaties", {"clientIds": "geen-lijst", "label": ""})
    assert response.status_code == 400
    problems = {(p["name"], p["code"]) for p in response.json()["invalidParams"]}
    assert ("clientIds", "invalid") in problems
    assert ("label", "blank") in problems
    assert response["Content-Type"] == "application/problem+json"


def test_malformed_json_is_a_400(zgw, client):
    response = client.post(
        f"{BASE}/applicaties",
        "{niet json",
        content_type="application/json",
        **zgw.headers(),
    )
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


# -- authentication and authorisation (shared by every ZGW API) -----------------------


def refused(response, code: str) -> bool:
    return response.status_code == 403 and response.json()["code"] == code


def test_no_token_is_refused(client):
    missing = client.get(f"{BASE}/applicaties")
    assert missing.status_code == 401
    assert missing.json()["code"] == "not_authenticated"
    assert missing["WWW-Authenticate"] == "Bearer"
    other_scheme = client.get(f"{BASE}/applicaties", HTTP_AUTHORIZATION="Basic eDp5")
    assert refused(other_scheme, "permission_denied")
    garbage = client.get(f"{BASE}/applicaties", HTTP_AUTHORIZATION="Bearer xyz")
    assert refused(garbage, "jwt-decode-error")


def test_a_token_with_a_wrong_secret_is_refused(client, zgw):
    intruder = kit.ZgwClient(
        client, "test-alles", secret="niet-het-geheim-maar-wel-lang-genoeg-0123"
    )
    assert refused(intruder.get(f"{BASE}/applicaties"), "invalid-jwt-signature")


def test_a_token_of_an_unknown_client_is_refused(client, zgw):
    stranger = kit.ZgwClient(client, "onbekend")
    assert refused(stranger.get(f"{BASE}/applicaties"), "invalid-client-identifier")


def test_a_token_without_client_id_or_iat_is_refused(client, zgw):
    no_client = jwt.encode({"iat": int(time.time())}, kit.SECRET, algorithm="HS256")
    response = client.get(
        f"{BASE}/applicaties", HTTP_AUTHORIZATION=f"Bearer {no_client}"
    )
    assert refused(response, "missing-client-identifier")
    no_iat = jwt.encode({"client_id": "test-alles"}, kit.SECRET, algorithm="HS256")
    response = client.get(f"{BASE}/applicaties", HTTP_AUTHORIZATION=f"Bearer {no_iat}")
    assert refused(response, "jwt-missing-iat-claim")


def test_an_old_token_is_refused(client, zgw, settings):
    old = jwt.encode(
        {
            "client_id": "test-alles",
            "iat": int(time.time()) - settings.JWT_MAX_AGE_SECONDS - 120,
        },
        kit.SECRET,
        algorithm="HS256",
    )
    response = client.get(f"{BASE}/applicaties", HTTP_AUTHORIZATION=f"Bearer {old}")
    assert refused(response, "jwt-expired")


def test_a_token_from_the_future_is_refused(client, zgw, settings):
    future = jwt.encode(
        {
            "client_id": "test-alles",
            "iat": int(time.time()) + settings.JWT_LEEWAY_SECONDS + 300,
        },
        kit.SECRET,
        algorithm="HS256",
    )
    response = client.get(f"{BASE}/applicaties", HTTP_AUTHORIZATION=f"Bearer {future}")
    assert refused(response, "jwt-not-valid-yet")


def test_a_token_signed_with_another_algorithm_is_refused(client, zgw):
    token = jwt.encode(
        {"client_id": "test-alles", "iat": int(time.time())},
        kit.SECRET * 2,
        algorithm="HS512",
    )
    response = client.get(f"{BASE}/applicaties", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 403


def test_scopes_of_the_operation_are_required(client, db):
    from loket.zgw.autorisaties.services import AutorisatieSpec

    kit.applicatie(
        label="Lezer",
        client_id="lezer",
        alles=False,
        autorisaties=[AutorisatieSpec("ac", ["autorisaties.lezen"])],
    )
    reader = kit.ZgwClient(client, "lezer")
    assert reader.get(f"{BASE}/applicaties").status_code == 200
    response = reader.post(
        f"{BASE}/applicaties",
        {"clientIds": ["x"], "label": "X", "heeftAlleAutorisaties": True},
    )
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert not Applicatie.objects.filter(label="X").exists()


# The demo secret is short on purpose (the README publishes it); PyJWT warns.
@pytest.mark.filterwarnings("ignore:The HMAC key is")
def test_demo_client_is_refused_outside_demo_mode(client, db, settings):
    from loket.zgw.autorisaties.models import Client

    kit.applicatie(label="Demo", client_id="demo-x")
    services.set_secret(
        Client.objects.get(client_id="demo-x"), "kort-demo-geheim", is_demo=True
    )
    demo = kit.ZgwClient(client, "demo-x", secret="kort-demo-geheim")
    assert demo.get(f"{BASE}/applicaties").status_code == 403
    settings.DEMO = True
    assert demo.get(f"{BASE}/applicaties").status_code == 200


def test_a_real_secret_has_at_least_32_characters(db):
    from django.core.exceptions import ValidationError

    from loket.zgw.autorisaties.models import Client

    kit.applicatie(label="Echt", client_id="echt")
    client = Client.objects.get(client_id="echt")
    with pytest.raises(ValidationError, match="minstens 32 tekens"):
        services.set_secret(client, "kort-geheim")
    services.set_secret(client, "x" * 32)
    client.refresh_from_db()
    assert client.secret == "x" * 32
    assert not client.is_demo


def test_content_negotiation(zgw):
    assert zgw.get(f"{BASE}/applicaties", HTTP_ACCEPT="text/html").status_code == 406
    response = zgw.client.post(
        f"{BASE}/applicaties", "label=x", content_type="text/plain", **zgw.headers()
    )
    assert response.status_code == 415


def test_the_official_specification_is_served(client):
    response = client.get(f"{BASE}/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["info"]["version"] == "1.0.0"
    assert document["servers"] == [{"url": "http://testserver/autorisaties/api/v1"}]
    assert client.get(f"{BASE}/openapi.yaml").status_code == 200
