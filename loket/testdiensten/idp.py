"""The test identity provider: OpenID Connect with DigiD and eHerkenning test
identities, for the demo and the tests only (every view behind ``testdienst``).

A real protocol flow: discovery, JWKS, authorization code with PKCE (S256) and
state/nonce passed through, token endpoint with client authentication, userinfo,
end_session. Its clients are the ``OidcKoppeling``s whose issuer is this provider;
their redirect URI is Loket's callback of that gemeente, matched exactly. Every
screen says it is a test provider.
"""

import base64
import hashlib
import hmac
import secrets
import time
from datetime import timedelta
from urllib.parse import unquote_plus, urlencode

from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

import jwt
from jwt.algorithms import RSAAlgorithm

from loket.identiteit import oidc, selectors
from loket.testdiensten import keys, testdata
from loket.testdiensten.guard import testdienst
from loket.testdiensten.models import Autorisatiecode

CODE_SECONDS = 60
TOKEN_SECONDS = 300
SESSION_KEY = "testdiensten_idp"
PARAMS = (
    "client_id",
    "redirect_uri",
    "response_type",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
)

NIVEAUS = {
    "digid": [
        (
            "basis",
            "Basis (gebruikersnaam en wachtwoord)",
            "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
        ),
        (
            "midden",
            "Midden (sms-controle)",
            "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
        ),
        (
            "substantieel",
            "Substantieel (DigiD app met identiteitsbewijs)",
            "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
        ),
        (
            "hoog",
            "Hoog (identiteitskaart)",
            "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI",
        ),
    ],
    "eherkenning": [
        ("basis", "EH2 (basis)", "urn:etoegang:core:assurance-class:loa2"),
        ("midden", "EH2+ (midden)", "urn:etoegang:core:assurance-class:loa2plus"),
        (
            "substantieel",
            "EH3 (substantieel)",
            "urn:etoegang:core:assurance-class:loa3",
        ),
        ("hoog", "EH4 (hoog)", "urn:etoegang:core:assurance-class:loa4"),
    ],
}


def _url(name: str) -> str:
    return f"{keys.issuer()}/{name}"


def _client(client_id: str):
    return selectors.oidc_koppeling_by_client(keys.issuer(), client_id)


def _sign(claims: dict) -> str:
    key = keys.signing_key()
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": keys.key_id(key)})


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _no_store(response):
    response["Cache-Control"] = "no-store"
    response["Pragma"] = "no-cache"
    return response


# -- discovery and keys ---------------------------------------------------------------


@testdienst
@require_GET
def discovery(request):
    return JsonResponse(
        {
            "issuer": keys.issuer(),
            "authorization_endpoint": _url("authorize"),
            "token_endpoint": _url("token"),
            "userinfo_endpoint": _url("userinfo"),
            "jwks_uri": _url("jwks"),
            "end_session_endpoint": _url("end_session"),
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": [
                "client_secret_basic",
                "client_secret_post",
            ],
            "scopes_supported": ["openid"],
        }
    )


@testdienst
@require_GET
def jwks(request):
    key = keys.signing_key()
    jwk = RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
    jwk.update(kid=keys.key_id(key), use="sig", alg="RS256")
    return JsonResponse({"keys": [jwk]})


# -- authorize ------------------------------------------------------------------------


def _fout(request, tekst: str, status: int = 400):
    return render(
        request, "testdiensten/idp_fout.html", {"tekst": tekst}, status=status
    )


def _back(redirect_uri: str, **params):
    params = {k: v for k, v in params.items() if v}
    if not params:
        return redirect(redirect_uri)
    separator = "&" if "?" in redirect_uri else "?"
    return redirect(f"{redirect_uri}{separator}{urlencode(params)}")


def _claims(koppeling, keuze: dict) -> dict | None:
    """The identity claims for a choice on the page, under the claim names the
    koppeling expects; None when the choice is not a test identity."""
    levels = {code: urn for code, _, urn in NIVEAUS[koppeling.middel]}
    urn = levels.get(keuze.get("niveau", ""))
    if urn is None:
        return None
    claims = {}
    if koppeling.claim_niveau:
        claims[koppeling.claim_niveau] = urn
    if koppeling.middel == "digid":
        persoon = testdata.personen().get(keuze.get("bsn", ""))
        if persoon is None:
            return None
        claims[koppeling.claim_bsn] = persoon.bsn
        naam, subject = persoon.korte_naam, persoon.bsn
    else:
        kvk, _, vestiging = keuze.get("bedrijf", "").partition(":")
        profiel = testdata.basisprofiel(kvk)
        nummers = [v.vestigingsnummer for v in testdata.vestigingen(kvk)]
        if profiel is None or (vestiging and vestiging not in nummers):
            return None
        claims[koppeling.claim_kvk] = kvk
        if vestiging and koppeling.claim_vestiging:
            claims[koppeling.claim_vestiging] = vestiging
        naam, subject = profiel["naam"], f"{kvk}:{vestiging}"
    if koppeling.claim_naam:
        claims[koppeling.claim_naam] = naam
    # Pairwise subject: the same person gets another sub at every client.
    claims["sub"] = hashlib.sha256(
        f"{koppeling.client_id}|{subject}".encode()
    ).hexdigest()
    return claims


def _bedrijf_keuzes() -> list[dict]:
    keuzes = []
    for kvk, profiel in testdata.basisprofielen().items():
        keuzes.append(
            {
                "waarde": f"{kvk}:",
                "tekst": f"{profiel['naam']} (KvK {kvk}), de hele onderneming",
            }
        )
        for vestiging in testdata.vestigingen(kvk):
            soort = "hoofdvestiging" if vestiging.hoofdvestiging else "nevenvestiging"
            keuzes.append(
                {
                    "waarde": f"{kvk}:{vestiging.vestigingsnummer}",
                    "tekst": f"{profiel['naam']} (KvK {kvk}), {soort} "
                    f"{vestiging.vestigingsnummer}",
                }
            )
    return keuzes


@never_cache
@testdienst
@require_http_methods(["GET", "POST"])
def authorize(request):
    data = request.POST if request.method == "POST" else request.GET
    params = {name: data.get(name, "") for name in PARAMS}
    koppeling = _client(params["client_id"])
    if koppeling is None:
        return _fout(
            request, "Deze client is niet bekend bij de test-identiteitsprovider."
        )
    if params["redirect_uri"] != oidc.redirect_uri(koppeling.gemeente.slug):
        return _fout(
            request,
            "Het terugkeeradres (redirect_uri) is niet geregistreerd voor deze client.",
        )
    state = params["state"]
    if params["response_type"] != "code" or "openid" not in params["scope"].split():
        return _back(params["redirect_uri"], error="invalid_request", state=state)
    if params["code_challenge_method"] != "S256" or len(params["code_challenge"]) < 43:
        return _back(
            params["redirect_uri"],
            error="invalid_request",
            error_description="PKCE S256 is verplicht",
            state=state,
        )
    onthouden = request.session.get(SESSION_KEY, {}).get(koppeling.client_id)
    fout = ""
    if request.method == "POST":
        actie = data.get("actie", "")
        if actie == "annuleren":
            return _back(params["redirect_uri"], error="access_denied", state=state)
        keuze = (
            onthouden
            if actie == "doorgaan" and onthouden
            else {
                "bsn": data.get("bsn", ""),
                "bedrijf": data.get("bedrijf", ""),
                "niveau": data.get("niveau", ""),
            }
        )
        claims = _claims(koppeling, keuze)
        if claims is not None:
            if params["nonce"]:
                claims["nonce"] = params["nonce"]
            code = secrets.token_urlsafe(32)
            Autorisatiecode.objects.create(
                code_hash=hashlib.sha256(code.encode()).hexdigest(),
                client_id=koppeling.client_id,
                redirect_uri=params["redirect_uri"],
                code_challenge=params["code_challenge"],
                claims=claims,
            )
            sessie = request.session.get(SESSION_KEY, {})
            sessie[koppeling.client_id] = keuze
            request.session[SESSION_KEY] = sessie
            return _back(params["redirect_uri"], code=code, state=state)
        fout = (
            "Kies een testpersoon en een betrouwbaarheidsniveau."
            if koppeling.middel == "digid"
            else "Kies een testbedrijf en een betrouwbaarheidsniveau."
        )
    zoek = data.get("zoek", "").strip()
    context = {
        "koppeling": koppeling,
        "params": params,
        "fout": fout,
        "zoek": zoek,
        "niveaus": [(code, tekst) for code, tekst, _ in NIVEAUS[koppeling.middel]],
        "standaard_niveau": koppeling.minimum_niveau,
        "onthouden": _beschrijf(koppeling, onthouden) if onthouden else "",
    }
    if koppeling.middel == "digid":
        context["personen"] = testdata.zoek_personen(zoek)
    else:
        context["bedrijven"] = _bedrijf_keuzes()
    return render(
        request, "testdiensten/idp_authorize.html", context, status=400 if fout else 200
    )


def _beschrijf(koppeling, keuze: dict) -> str:
    if koppeling.middel == "digid":
        persoon = testdata.personen().get(keuze.get("bsn", ""))
        return f"{persoon.korte_naam} (BSN {persoon.bsn})" if persoon else ""
    kvk = keuze.get("bedrijf", "").partition(":")[0]
    profiel = testdata.basisprofiel(kvk)
    return f"{profiel['naam']} (KvK {kvk})" if profiel else ""


# -- token and userinfo ---------------------------------------------------------------


def _token_error(error: str, status: int = 400, description: str = ""):
    body = {
        "error": error,
        **({"error_description": description} if description else {}),
    }
    response = JsonResponse(body, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Basic realm="test-identiteitsprovider"'
    return _no_store(response)


def _client_credentials(request) -> tuple[str, str]:
    header = request.headers.get("Authorization", "")
    if header.startswith("Basic "):
        try:
            decoded = base64.b64decode(header[6:], validate=True).decode()
        except (ValueError, UnicodeDecodeError):
            return "", ""
        client_id, _, secret = decoded.partition(":")
        return unquote_plus(client_id), unquote_plus(secret)
    return request.POST.get("client_id", ""), request.POST.get("client_secret", "")


@csrf_exempt
@testdienst
@require_http_methods(["POST"])
def token(request):
    client_id, secret = _client_credentials(request)
    koppeling = _client(client_id) if client_id else None
    if koppeling is None or not hmac.compare_digest(
        secret.encode(), keys.client_secret(client_id).encode()
    ):
        return _token_error("invalid_client", 401)
    if request.POST.get("grant_type") != "authorization_code":
        return _token_error("unsupported_grant_type")
    code = request.POST.get("code", "")
    code_hash = hashlib.sha256(code.encode()).hexdigest()
    fresh = timezone.now() - timedelta(seconds=CODE_SECONDS)
    with transaction.atomic():
        # Single use: only the request that flips gebruikt gets the tokens.
        taken = Autorisatiecode.objects.filter(
            code_hash=code_hash, gebruikt=False, aangemaakt__gte=fresh
        ).update(gebruikt=True)
        row = Autorisatiecode.objects.filter(code_hash=code_hash).first()
    if not taken or row is None:
        return _token_error(
            "invalid_grant", description="De code is onbekend, verlopen of al gebruikt."
        )
    if row.client_id != client_id or row.redirect_uri != request.POST.get(
        "redirect_uri"
    ):
        return _token_error(
            "invalid_grant", description="Andere client of redirect_uri."
        )
    verifier = request.POST.get("code_verifier", "")
    expected = _b64(hashlib.sha256(verifier.encode()).digest())
    if not verifier or not hmac.compare_digest(expected, row.code_challenge):
        return _token_error("invalid_grant", description="PKCE-controle mislukt.")
    now = int(time.time())
    id_token = _sign(
        {
            **row.claims,
            "iss": keys.issuer(),
            "aud": client_id,
            "iat": now,
            "exp": now + TOKEN_SECONDS,
            "auth_time": now,
        }
    )
    claims = {k: v for k, v in row.claims.items() if k != "nonce"}
    access_token = _sign(
        {
            **claims,
            "iss": keys.issuer(),
            "aud": _url("userinfo"),
            "client_id": client_id,
            "iat": now,
            "exp": now + TOKEN_SECONDS,
        }
    )
    return _no_store(
        JsonResponse(
            {
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": TOKEN_SECONDS,
                "id_token": id_token,
            }
        )
    )


def _verify(token_: str, audience: str, *, verify_exp: bool = True) -> dict | None:
    try:
        return jwt.decode(
            token_,
            keys.signing_key().public_key(),
            algorithms=["RS256"],
            audience=audience,
            issuer=keys.issuer(),
            options={"verify_exp": verify_exp},
        )
    except jwt.InvalidTokenError:
        return None


@csrf_exempt
@testdienst
@require_http_methods(["GET", "POST"])
def userinfo(request):
    header = request.headers.get("Authorization", "")
    claims = (
        _verify(header[7:], _url("userinfo")) if header.startswith("Bearer ") else None
    )
    if claims is None:
        response = JsonResponse({"error": "invalid_token"}, status=401)
        response["WWW-Authenticate"] = 'Bearer error="invalid_token"'
        return response
    for name in ("iss", "aud", "iat", "exp", "client_id"):
        claims.pop(name, None)
    return _no_store(JsonResponse(claims))


# -- logout ---------------------------------------------------------------------------


@never_cache
@testdienst
@require_GET
def end_session(request):
    """Forget the identity chosen here for the client in the id_token_hint, then
    go back to the client's registered post-logout address."""
    hint = request.GET.get("id_token_hint", "")
    client_id = request.GET.get("client_id", "")
    try:
        unverified = (
            jwt.decode(hint, options={"verify_signature": False}) if hint else {}
        )
    except jwt.InvalidTokenError:
        unverified = {}
    audience = unverified.get("aud") or client_id
    claims = _verify(hint, audience, verify_exp=False) if hint and audience else None
    koppeling = _client(claims["aud"] if claims else client_id)
    sessie = request.session.get(SESSION_KEY, {})
    if koppeling is not None and claims is not None:
        sessie.pop(koppeling.client_id, None)
        request.session[SESSION_KEY] = sessie
        target = request.GET.get("post_logout_redirect_uri", "")
        if target and target == oidc.post_logout_redirect_uri(koppeling.gemeente.slug):
            return _back(target, state=request.GET.get("state", ""))
    return render(request, "testdiensten/idp_uitgelogd.html", {})
