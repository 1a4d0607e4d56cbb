"""Test kit for the ZGW APIs: a client that signs its requests with a JWT, and the
conformance check that every response is validated against the official spec."""

import json as jsonlib

from loket.zgw.api.auth import make_token
from loket.zgw.autorisaties import services as autorisatie_services
from loket.zgw.autorisaties.models import Client

SECRET = "een-geheim-voor-tests-0123456789"


class ConformanceLog:
    """Collects every way a response deviates from the specification."""

    def __init__(self):
        self.problems: list[str] = []
        self.checked = 0

    def __call__(self, operation, request, response):
        if operation is None or response.status_code == 304:
            return
        self.checked += 1
        content_type = response.get("Content-Type", "")
        if request.method == "HEAD":
            if str(response.status_code) not in operation.responses:
                self.problems.append(
                    f"{operation}: HEAD {response.status_code} undocumented"
                )
            return
        if getattr(response, "streaming", False) or (
            content_type and "json" not in content_type
        ):
            # A file (a document's content): its status and media type must be
            # documented; there is no JSON to check.
            documented = operation.responses.get(str(response.status_code)) or {}
            media = content_type.split(";")[0].strip()
            if media not in (documented.get("content") or {}):
                self.problems.append(
                    f"{operation}: {response.status_code} {media} undocumented"
                )
            return
        body = jsonlib.loads(response.content) if response.content else None
        self.problems += operation.response_problems(
            response.status_code, content_type, body
        )


def applicatie(*, label="Testapplicatie", client_id=None, alles=True, autorisaties=()):
    """An application with a client id and secret, made through the service."""
    client_id = client_id or f"test-{label.lower().replace(' ', '-')}"
    app = autorisatie_services.create_applicatie(
        label=label,
        client_ids=[client_id],
        heeft_alle_autorisaties=alles,
        autorisaties=autorisaties,
    )
    autorisatie_services.set_secret(Client.objects.get(client_id=client_id), SECRET)
    return app


class ZgwClient:
    """Django's test client, speaking JSON with a signed JWT."""

    def __init__(self, django_client, client_id: str | None, secret: str = SECRET):
        self.client = django_client
        self.client_id = client_id
        self.secret = secret

    def headers(self) -> dict:
        # The Zaken API asks every request with geometry to name its coordinate
        # system; the other APIs ignore these headers.
        crs = {"HTTP_ACCEPT_CRS": "EPSG:4326", "HTTP_CONTENT_CRS": "EPSG:4326"}
        if self.client_id is None:
            return crs
        token = make_token(
            self.client_id, self.secret, user_id="test", user_representation="Test"
        )
        return {**crs, "HTTP_AUTHORIZATION": f"Bearer {token}"}

    def _extra(self, extra: dict) -> dict:
        """The signed headers plus the test's own; a header given as None is left
        out (to test what happens without it)."""
        merged = {**self.headers(), **extra}
        return {k: v for k, v in merged.items() if v is not None}

    def get(self, url, params=None, **extra):
        return self.client.get(url, params or {}, **self._extra(extra))

    def head(self, url, **extra):
        return self.client.head(url, **self._extra(extra))

    def delete(self, url, **extra):
        return self.client.delete(url, **self._extra(extra))

    def post(self, url, data=None, **extra):
        return self._send("post", url, data, extra)

    def put(self, url, data=None, **extra):
        return self._send("put", url, data, extra)

    def patch(self, url, data=None, **extra):
        return self._send("patch", url, data, extra)

    def _send(self, method, url, data, extra):
        return getattr(self.client, method)(
            url,
            jsonlib.dumps(data if data is not None else {}),
            content_type="application/json",
            **self._extra(extra),
        )
