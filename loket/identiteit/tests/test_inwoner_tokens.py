"""ID token checks of the relying party, with tokens the test provider's key (or
another) signs: expiry, signature, unknown key, audience, issuer; and claims to
Inwoner (elfproef, KvK number, levels)."""

import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from loket.identiteit import oidc
from loket.identiteit.models import OidcKoppeling
from loket.testdiensten import keys
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def koppeling(testdiensten):
    return testdiensten.koppel(factories.gemeente(), "digid")


def token(koppeling, key=None, kid=None, **overrides):
    key = key or keys.signing_key()
    now = int(time.time())
    claims = {
        "iss": keys.issuer(),
        "aud": koppeling.client_id,
        "sub": "x",
        "iat": now,
        "exp": now + 300,
        "nonce": "n",
        "bsn": "999993653",
        "loa": "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
    }
    claims.update(overrides)
    kid = kid or keys.key_id(keys.signing_key())
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})


def test_valid_token(koppeling):
    claims = oidc.validate_id_token(koppeling, token(koppeling), nonce="n")
    resident = oidc.inwoner_from_claims(koppeling, claims)
    assert (resident.bsn, resident.betrouwbaarheidsniveau) == (
        "999993653",
        "substantieel",
    )


@pytest.mark.parametrize(
    "overrides",
    [
        # Times relative to when the test runs, not to when it was collected: a
        # long suite would otherwise let "the future" pass.
        lambda now: {"exp": now - 120},  # expired (beyond the leeway)
        lambda now: {"iat": now + 600},  # issued in the future
        lambda now: {"aud": "iemand-anders"},
        lambda now: {"iss": "http://elders.example/idp"},
        lambda now: {"nonce": "andere"},
    ],
    ids=["verlopen", "uit-de-toekomst", "ander-publiek", "andere-uitgever", "nonce"],
)
def test_invalid_claims_are_refused(koppeling, overrides):
    claims = overrides(int(time.time()))
    with pytest.raises(oidc.OidcError) as error:
        oidc.validate_id_token(koppeling, token(koppeling, **claims), nonce="n")
    assert error.value.reden == "token"


def test_small_clock_difference_is_accepted(koppeling):
    late = token(koppeling, exp=int(time.time()) - 30)
    assert oidc.validate_id_token(koppeling, late, nonce="n")["bsn"] == "999993653"


def test_wrong_signature_key(koppeling):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(oidc.OidcError, match="InvalidSignature"):
        oidc.validate_id_token(koppeling, token(koppeling, key=other), nonce="n")


def test_unknown_key_id_refetches_then_refuses(koppeling, testdiensten):
    oidc.validate_id_token(koppeling, token(koppeling), nonce="n")  # JWKS cached
    fetched = oidc._jwks[oidc.provider(koppeling).jwks_uri][0]
    oidc._jwks[oidc.provider(koppeling).jwks_uri] = (fetched - 60, {})
    # An empty cache (as after key rotation): the kid is found by fetching again.
    assert oidc.validate_id_token(koppeling, token(koppeling), nonce="n")
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with pytest.raises(oidc.OidcError, match="unknown key"):
        oidc.validate_id_token(
            koppeling, token(koppeling, key=other, kid="onbekend"), nonce="n"
        )


def test_hs256_is_refused(koppeling):
    forged = jwt.encode(
        {"iss": keys.issuer(), "aud": koppeling.client_id},
        "geheim" * 6,
        algorithm="HS256",
    )
    with pytest.raises(oidc.OidcError, match="alg"):
        oidc.validate_id_token(koppeling, forged, nonce="n")


def test_claims_to_inwoner(db):
    digid = OidcKoppeling(middel="digid", minimum_niveau="midden")
    with pytest.raises(oidc.OidcError) as error:
        oidc.inwoner_from_claims(digid, {"bsn": "999993654", "loa": "midden"})
    assert error.value.reden == "token"  # fails the elfproef
    with pytest.raises(oidc.OidcError) as error:
        oidc.inwoner_from_claims(digid, {"bsn": "999993653", "loa": "basis"})
    assert error.value.reden == "niveau"
    with pytest.raises(oidc.OidcError) as error:
        oidc.inwoner_from_claims(digid, {"bsn": "999993653"})
    assert error.value.reden == "niveau"  # level missing
    eherkenning = OidcKoppeling(middel="eherkenning", minimum_niveau="basis")
    loa = "urn:etoegang:core:assurance-class:loa2plus"
    with pytest.raises(oidc.OidcError):
        oidc.inwoner_from_claims(eherkenning, {"kvk": "1234567", "loa": loa})
    bedrijf = oidc.inwoner_from_claims(
        eherkenning, {"kvk": "69599084", "vestiging": "000038509504", "loa": loa}
    )
    assert (bedrijf.kvk, bedrijf.betrouwbaarheidsniveau) == ("69599084", "midden")
    nested = OidcKoppeling(
        middel="digid", minimum_niveau="basis", claim_bsn="urn.bsn", claim_niveau=""
    )
    assert oidc.inwoner_from_claims(nested, {"urn": {"bsn": "999993653"}}).bsn


def test_levels():
    assert oidc.niveau("urn:etoegang:core:assurance-class:loa3") == "substantieel"
    assert oidc.niveau("http://eidas.europa.eu/LoA/high") == "hoog"
    assert oidc.niveau("onbekend") == ""
