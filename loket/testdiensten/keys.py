"""Secrets shared by Loket and its own test services, and the test IdP's key.

Why derived from SECRET_KEY: the test services run inside the same installation
as the relying party and the prefill clients, so both sides can compute the same
client secret and API keys without storing a secret in the database or asking the
demo for extra environment variables. Outsiders cannot compute them (SECRET_KEY is
secret), and they only work while LOKET_TESTDIENSTEN is on. Real connections
never use these: their secrets come from the environment.

The signing key of the test identity provider is an RSA key in
``VAR_DIR/testdiensten/idp-sleutel.pem`` (mode 0600), created on first use. A file,
not memory, because ``make run`` serves with several processes that must all sign
with (and publish) the same key. Tests get a fresh one: they run with a temporary
VAR_DIR.
"""

import hashlib
import hmac
import os
import threading
import time
from functools import cache

from django.conf import settings

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

TEST_SERVER_PATHS = {
    "brp": "/testdiensten/brp",
    "kvk": "/testdiensten/kvk/api",
    "bag": "/testdiensten/bag",
}
IDP_PATH = "/testdiensten/idp"


def _derive(purpose: str) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), purpose.encode(), hashlib.sha256
    ).hexdigest()
    return digest[:40]


def api_key(service: str) -> str:
    """The API key the test server of ``service`` ("brp", "kvk", "bag") accepts."""
    return _derive(f"loket.testdiensten.api-key:{service}")


def client_secret(client_id: str) -> str:
    """The client secret of a relying party at the test identity provider."""
    return _derive(f"loket.testdiensten.idp.client-secret:{client_id}")


def issuer() -> str:
    return settings.BASE_URL.rstrip("/") + IDP_PATH


_lock = threading.Lock()


def signing_key() -> rsa.RSAPrivateKey:
    return _load_or_create(str(settings.VAR_DIR))


@cache
def _load_or_create(var_dir: str) -> rsa.RSAPrivateKey:
    path = os.path.join(var_dir, "testdiensten", "idp-sleutel.pem")
    with _lock:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        try:
            # O_EXCL: of two processes starting at once, one writes, one reads.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return _read(path)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        with os.fdopen(fd, "wb") as new:
            new.write(pem)
        return key


def _read(path: str) -> rsa.RSAPrivateKey:
    # Another process may have created the file a moment ago and still be writing.
    for _ in range(50):
        with open(path, "rb") as existing:
            pem = existing.read()
        if pem.rstrip().endswith(b"-----END PRIVATE KEY-----"):
            return serialization.load_pem_private_key(pem, password=None)
        time.sleep(0.05)
    raise RuntimeError(f"{path} is geen leesbare sleutel; verwijder het bestand.")


def key_id(key: rsa.RSAPrivateKey) -> str:
    """A stable kid: the SHA-256 of the public key."""
    der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()[:16]
