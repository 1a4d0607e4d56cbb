"""OpenID Connect relying party: Loket logs residents in at a DigiD or eHerkenning
provider (a broker), with the authorization code flow, state, nonce and PKCE.

Each ``OidcKoppeling`` names an issuer; the rest comes from its discovery document
(cached an hour). ID tokens are RS256, checked against the provider's JWKS (cached,
fetched again when a token names an unknown key). Everything that goes wrong raises
an ``OidcError`` whose ``reden`` picks the page the resident sees; nothing here
logs personal data.
"""

import base64
import hashlib
import hmac
import logging
import re
import secrets
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings

import jwt
import orjson
import urllib3

from loket.identiteit.inwoner import NIVEAUS, Inwoner
from loket.identiteit.models import OidcKoppeling

logger = logging.getLogger("loket.identiteit.oidc")

DISCOVERY_SECONDS = 3600
JWKS_SECONDS = 3600
JWKS_MIN_REFETCH_SECONDS = 10
LEEWAY_SECONDS = 60
_pool = urllib3.PoolManager(
    retries=False, timeout=urllib3.Timeout(connect=3.0, read=10.0)
)
_lock = threading.Lock()
_discovery: dict[str, tuple[float, "Provider"]] = {}
_jwks: dict[str, tuple[float, dict[str, jwt.PyJWK]]] = {}


class OidcError(Exception):
    """``reden``: onbereikbaar | geannuleerd | sessie | token | niveau | instelling."""

    def __init__(self, reden: str, detail: str):
        super().__init__(detail)
        self.reden = reden


@dataclass(frozen=True)
class Provider:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    end_session_endpoint: str = ""


def clear_caches() -> None:
    with _lock:
        _discovery.clear()
        _jwks.clear()


def _get_json(url: str, *, what: str, **kwargs) -> tuple[int, dict]:
    try:
        response = _pool.request(kwargs.pop("method", "GET"), url, **kwargs)
    except urllib3.exceptions.HTTPError as exc:
        raise OidcError("onbereikbaar", f"{what}: {type(exc).__name__}") from None
    try:
        data = orjson.loads(response.data)
    except orjson.JSONDecodeError:
        data = None
    if not isinstance(data, dict):
        raise OidcError("onbereikbaar", f"{what}: no JSON object ({response.status})")
    return response.status, data


def provider(koppeling: OidcKoppeling) -> Provider:
    issuer = koppeling.issuer.rstrip("/")
    now = time.monotonic()
    cached = _discovery.get(issuer)
    if cached and now - cached[0] < DISCOVERY_SECONDS:
        return cached[1]
    status, doc = _get_json(
        f"{issuer}/.well-known/openid-configuration", what="discovery"
    )
    if status != 200:
        raise OidcError("onbereikbaar", f"discovery answered {status}")
    if doc.get("issuer", "").rstrip("/") != issuer:
        raise OidcError("instelling", "discovery names another issuer")
    try:
        found = Provider(
            issuer=doc["issuer"],
            authorization_endpoint=doc["authorization_endpoint"],
            token_endpoint=doc["token_endpoint"],
            jwks_uri=doc["jwks_uri"],
            end_session_endpoint=doc.get("end_session_endpoint", ""),
        )
    except KeyError as exc:
        raise OidcError("instelling", f"discovery lacks {exc.args[0]}") from None
    with _lock:
        _discovery[issuer] = (now, found)
    return found


def client_secret(koppeling: OidcKoppeling) -> str:
    """From the environment variable the koppeling names; for the local test
    identity provider (test services on), derived from SECRET_KEY."""
    from loket.testdiensten import keys

    if koppeling.client_secret_env:
        secret = settings.OIDC_CLIENT_SECRETS.get(koppeling.client_secret_env, "")
        if secret:
            return secret
        raise OidcError("instelling", f"{koppeling.client_secret_env} is not set")
    if settings.TESTDIENSTEN and koppeling.issuer.rstrip("/") == keys.issuer():
        return keys.client_secret(koppeling.client_id)
    raise OidcError("instelling", "no client secret configured")


def redirect_uri(gemeente_slug: str) -> str:
    from django.urls import reverse

    path = reverse("gemeente:inwoner:callback", kwargs={"gemeente_slug": gemeente_slug})
    return settings.BASE_URL.rstrip("/") + path


def post_logout_redirect_uri(gemeente_slug: str) -> str:
    from django.urls import reverse

    path = reverse(
        "gemeente:inwoner:uitgelogd", kwargs={"gemeente_slug": gemeente_slug}
    )
    return settings.BASE_URL.rstrip("/") + path


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def authorization_request(koppeling: OidcKoppeling) -> tuple[str, dict]:
    """The URL to send the resident to, and what the callback needs to check the
    answer (kept in the session): state, nonce and the PKCE verifier."""
    found = provider(koppeling)
    state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    verifier = secrets.token_urlsafe(64)
    challenge = _b64(hashlib.sha256(verifier.encode()).digest())
    scopes = koppeling.scopes.split()
    if "openid" not in scopes:
        scopes.insert(0, "openid")
    params = {
        "response_type": "code",
        "client_id": koppeling.client_id,
        "redirect_uri": redirect_uri(koppeling.gemeente.slug),
        "scope": " ".join(scopes),
        "state": state,
        "nonce": nonce,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    separator = "&" if "?" in found.authorization_endpoint else "?"
    url = f"{found.authorization_endpoint}{separator}{urlencode(params)}"
    return url, {"state": state, "nonce": nonce, "verifier": verifier}


def exchange_code(koppeling: OidcKoppeling, *, code: str, verifier: str) -> dict:
    """The token response for an authorization code (client_secret_basic)."""
    found = provider(koppeling)
    secret = client_secret(koppeling)
    body = urlencode(
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri(koppeling.gemeente.slug),
            "code_verifier": verifier,
        }
    )
    credentials = base64.b64encode(
        f"{_form(koppeling.client_id)}:{_form(secret)}".encode()
    ).decode()
    status, data = _get_json(
        found.token_endpoint,
        what="token",
        method="POST",
        body=body,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Authorization": f"Basic {credentials}",
            "Accept": "application/json",
        },
    )
    if status != 200:
        raise OidcError("token", f"token endpoint: {data.get('error', status)}")
    if not isinstance(data.get("id_token"), str):
        raise OidcError("token", "token response without id_token")
    return data


def _form(value: str) -> str:
    # RFC 6749 2.3.1: client id and secret are form-encoded before Basic auth.
    from urllib.parse import quote_plus

    return quote_plus(value)


def _keys(jwks_uri: str, *, refresh: bool) -> dict[str, jwt.PyJWK]:
    now = time.monotonic()
    cached = _jwks.get(jwks_uri)
    if cached and (
        (not refresh and now - cached[0] < JWKS_SECONDS)
        or (refresh and now - cached[0] < JWKS_MIN_REFETCH_SECONDS)
    ):
        return cached[1]
    status, data = _get_json(jwks_uri, what="jwks")
    if status != 200:
        raise OidcError("onbereikbaar", f"jwks answered {status}")
    keys = {}
    for entry in data.get("keys", []):
        if entry.get("kty") == "RSA" and entry.get("use", "sig") == "sig":
            try:
                keys[entry.get("kid", "")] = jwt.PyJWK(entry, algorithm="RS256")
            except jwt.PyJWKError:
                continue
    with _lock:
        _jwks[jwks_uri] = (now, keys)
    return keys


def validate_id_token(koppeling: OidcKoppeling, id_token: str, *, nonce: str) -> dict:
    """The claims of a valid ID token for this koppeling; OidcError("token")
    otherwise."""
    found = provider(koppeling)
    try:
        header = jwt.get_unverified_header(id_token)
    except jwt.InvalidTokenError:
        raise OidcError("token", "id token unreadable") from None
    if header.get("alg") != "RS256":
        raise OidcError("token", f"id token alg {header.get('alg')!r}")
    kid = header.get("kid", "")
    key = _keys(found.jwks_uri, refresh=False).get(kid)
    if key is None:  # the provider may have rotated its key
        key = _keys(found.jwks_uri, refresh=True).get(kid)
    if key is None:
        raise OidcError("token", "id token signed with an unknown key")
    try:
        claims = jwt.decode(
            id_token,
            key=key,
            algorithms=["RS256"],
            audience=koppeling.client_id,
            issuer=found.issuer,
            leeway=LEEWAY_SECONDS,
            options={"require": ["iss", "aud", "exp", "iat", "sub", "nonce"]},
        )
    except jwt.InvalidTokenError as exc:
        raise OidcError("token", f"id token: {type(exc).__name__}") from None
    if claims["iat"] > time.time() + LEEWAY_SECONDS:
        raise OidcError("token", "id token issued in the future")
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if len(audiences) > 1 and claims.get("azp") != koppeling.client_id:
        raise OidcError("token", "id token azp is not this client")
    if not hmac.compare_digest(str(claims["nonce"]), nonce):
        raise OidcError("token", "id token nonce differs")
    return claims


# -- from claims to Inwoner --------------------------------------------------------

# DigiD (SAML authentication contexts), eHerkenning (LoA), eIDAS: to Loket's levels.
NIVEAU_WAARDEN = {
    "urn:oasis:names:tc:saml:2.0:ac:classes:passwordprotectedtransport": "basis",
    "urn:oasis:names:tc:saml:2.0:ac:classes:mobiletwofactorcontract": "midden",
    "urn:oasis:names:tc:saml:2.0:ac:classes:smartcard": "substantieel",
    "urn:oasis:names:tc:saml:2.0:ac:classes:smartcardpki": "hoog",
    "urn:etoegang:core:assurance-class:loa1": "basis",
    "urn:etoegang:core:assurance-class:loa2": "basis",
    "urn:etoegang:core:assurance-class:loa2plus": "midden",
    "urn:etoegang:core:assurance-class:loa3": "substantieel",
    "urn:etoegang:core:assurance-class:loa4": "hoog",
    "http://eidas.europa.eu/loa/low": "basis",
    "http://eidas.europa.eu/loa/substantial": "substantieel",
    "http://eidas.europa.eu/loa/high": "hoog",
    **{niveau: niveau for niveau in NIVEAUS},
}


def niveau(value) -> str:
    """Loket's name for an assurance level claim value, "" when unknown."""
    return NIVEAU_WAARDEN.get(str(value or "").strip().lower(), "")


def is_valid_bsn(bsn: str) -> bool:
    """Nine digits that pass the elfproef (the last weighs -1)."""
    if not re.fullmatch(r"[0-9]{9}", bsn) or bsn == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(d) * w for d, w in zip(bsn, weights, strict=True)) % 11 == 0


def _claim(claims: dict, name: str) -> str:
    """A claim by name; a dotted name reaches into nested objects."""
    if not name:
        return ""
    value = claims.get(name)
    if value is None and "." in name:
        value = claims
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
    return str(value).strip() if value not in (None, "") else ""


def inwoner_from_claims(koppeling: OidcKoppeling, claims: dict) -> Inwoner:
    level = niveau(_claim(claims, koppeling.claim_niveau))
    if koppeling.claim_niveau and not level:
        raise OidcError("niveau", "assurance level missing or unknown")
    if level and NIVEAUS.index(level) < NIVEAUS.index(koppeling.minimum_niveau):
        raise OidcError("niveau", f"assurance level {level} too low")
    naam = _claim(claims, koppeling.claim_naam)
    if koppeling.middel == OidcKoppeling.Middel.DIGID:
        bsn = _claim(claims, koppeling.claim_bsn)
        if not is_valid_bsn(bsn):
            raise OidcError("token", "bsn claim missing or fails the elfproef")
        return Inwoner(middel="digid", bsn=bsn, naam=naam, betrouwbaarheidsniveau=level)
    kvk = _claim(claims, koppeling.claim_kvk)
    if not re.fullmatch(r"[0-9]{8}", kvk):
        raise OidcError("token", "kvk claim missing or not 8 digits")
    vestiging = _claim(claims, koppeling.claim_vestiging)
    if vestiging and not re.fullmatch(r"[0-9]{12}", vestiging):
        raise OidcError("token", "vestiging claim not 12 digits")
    return Inwoner(
        middel="eherkenning",
        kvk=kvk,
        vestigingsnummer=vestiging,
        naam=naam,
        betrouwbaarheidsniveau=level,
    )


def end_session_url(
    end_session_endpoint: str, *, id_token: str, gemeente_slug: str, client_id: str
) -> str:
    """Where to send the resident to log out at the provider too ("" if the
    provider does not offer it)."""
    if not end_session_endpoint:
        return ""
    params = urlencode(
        {
            "id_token_hint": id_token,
            "post_logout_redirect_uri": post_logout_redirect_uri(gemeente_slug),
            "client_id": client_id,
        }
    )
    separator = "&" if "?" in end_session_endpoint else "?"
    return f"{end_session_endpoint}{separator}{params}"
