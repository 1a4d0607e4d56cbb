"""The test identity provider's protocol rules, and the guard of all test
services."""

import base64
import hashlib
import secrets

import pytest

from loket.testdiensten import keys
from loket.testdiensten.models import Autorisatiecode
from tests import factories


@pytest.fixture
def koppeling(db, settings):
    from loket.testdiensten.fixtures import Testdiensten

    settings.TESTDIENSTEN = True
    return Testdiensten(url=settings.BASE_URL).koppel(factories.gemeente(), "digid")


def authorize(client, koppeling, verifier, **extra):
    from loket.identiteit import oidc

    challenge = (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        .rstrip(b"=")
        .decode()
    )
    params = {
        "client_id": koppeling.client_id,
        "redirect_uri": oidc.redirect_uri(koppeling.gemeente.slug),
        "response_type": "code",
        "scope": "openid",
        "state": "s",
        "nonce": "n",
        "code_challenge": challenge,
        "code_challenge_method": "S256",
        **extra,
    }
    return client.post(
        "/testdiensten/idp/authorize",
        {**params, "actie": "inloggen", "bsn": "999993653", "niveau": "midden"},
    )


def code_of(response) -> str:
    return response["Location"].split("code=")[1].split("&")[0]


def token(client, koppeling, code, verifier, secret=None):
    from loket.identiteit import oidc

    return client.post(
        "/testdiensten/idp/token",
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": oidc.redirect_uri(koppeling.gemeente.slug),
            "code_verifier": verifier,
            "client_id": koppeling.client_id,
            "client_secret": secret or keys.client_secret(koppeling.client_id),
        },
    )


def test_code_is_single_use_and_pkce_checked(client, koppeling):
    verifier = secrets.token_urlsafe(50)
    code = code_of(authorize(client, koppeling, verifier))
    assert (
        token(client, koppeling, code, "ander" * 10).json()["error"] == "invalid_grant"
    )
    code = code_of(authorize(client, koppeling, verifier))
    response = token(client, koppeling, code, verifier)
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    access = response.json()["access_token"]
    info = client.get(
        "/testdiensten/idp/userinfo", headers={"Authorization": f"Bearer {access}"}
    )
    assert info.json()["bsn"] == "999993653"
    assert token(client, koppeling, code, verifier).json()["error"] == "invalid_grant"


def test_code_expires(client, koppeling):
    verifier = secrets.token_urlsafe(50)
    code = code_of(authorize(client, koppeling, verifier))
    row = Autorisatiecode.objects.get()
    Autorisatiecode.objects.filter(pk=row.pk).update(
        aangemaakt=row.aangemaakt.replace(year=2020)
    )
    assert token(client, koppeling, code, verifier).status_code == 400


def test_client_must_authenticate(client, koppeling):
    verifier = secrets.token_urlsafe(50)
    code = code_of(authorize(client, koppeling, verifier))
    response = token(client, koppeling, code, verifier, secret="fout")
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


def test_redirect_uri_must_match_exactly(client, koppeling):
    response = authorize(
        client, koppeling, "v" * 50, redirect_uri="http://evil.example/terug/"
    )
    assert response.status_code == 400
    assert "niet geregistreerd" in response.content.decode()


def test_pkce_is_required(client, koppeling):
    response = authorize(client, koppeling, "v" * 50, code_challenge_method="plain")
    assert "error=invalid_request" in response["Location"]


@pytest.mark.parametrize(
    "path",
    [
        "/testdiensten/idp/.well-known/openid-configuration",
        "/testdiensten/idp/jwks",
        "/testdiensten/idp/authorize",
        "/testdiensten/kvk/api/v1/basisprofielen/69599084",
        "/testdiensten/bag/adressen",
    ],
)
def test_off_without_the_setting(client, settings, path):
    settings.TESTDIENSTEN = False
    assert client.get(path).status_code == 404


def test_key_file_is_private(settings):
    import os

    keys.signing_key()
    path = settings.VAR_DIR / "testdiensten" / "idp-sleutel.pem"
    assert os.stat(path).st_mode & 0o777 == 0o600
