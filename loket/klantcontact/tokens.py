"""Who a klantbeeld or contactmoment page is about, carried in its URL as an
opaque token: encrypted and signed (Fernet, with a key derived from SECRET_KEY and
a purpose) and valid for a few hours. A BSN or KvK number never appears in a URL,
not even base64-encoded as ``django.core.signing`` would leave it."""

import base64
import json
from dataclasses import dataclass

from django.conf import settings
from django.utils.crypto import salted_hmac

from cryptography.fernet import Fernet, InvalidToken

SALT = "loket.klantcontact.klant"
GELDIG_SECONDEN = 4 * 3600


class OngeldigToken(Exception):
    """The token was changed, is too old, or was never made here."""


@dataclass(frozen=True)
class Klant:
    """A person (bsn) or a company (kvk) as the contact centre refers to them."""

    bsn: str = ""
    kvk: str = ""
    naam: str = ""  # as the register gave it, for display

    @property
    def is_bedrijf(self) -> bool:
        return bool(self.kvk)

    @property
    def betrokkene(self) -> tuple[str, str]:
        return (self.bsn, self.kvk)


def _fernet() -> Fernet:
    sleutel = salted_hmac(
        SALT, "fernet", secret=settings.SECRET_KEY, algorithm="sha256"
    ).digest()
    return Fernet(base64.urlsafe_b64encode(sleutel))


def maak(klant: Klant) -> str:
    inhoud = json.dumps({"b": klant.bsn, "k": klant.kvk, "n": klant.naam}).encode()
    return _fernet().encrypt(inhoud).decode()


def lees(token: str) -> Klant:
    try:
        inhoud = json.loads(_fernet().decrypt(token.encode(), ttl=GELDIG_SECONDEN))
        klant = Klant(
            bsn=str(inhoud["b"]), kvk=str(inhoud["k"]), naam=str(inhoud.get("n", ""))
        )
    except (InvalidToken, ValueError, KeyError, TypeError, UnicodeError):
        raise OngeldigToken from None
    if bool(klant.bsn) == bool(klant.kvk):
        raise OngeldigToken
    return klant
