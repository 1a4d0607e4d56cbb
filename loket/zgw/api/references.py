"""URLs of Loket's own ZGW resources: building them, and reading them back.

Responses build URLs from the host the request came in on; notifications and other
messages built outside a request use LOKET_BASE_URL. An incoming URL reference is
accepted when its path points to the expected resource of this installation.
"""

import re
import uuid
from urllib.parse import urlsplit

from django.conf import settings

from loket.zgw.api import errors
from loket.zgw.api.errors import InvalidParam

_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


class Urls:
    """Builds the URLs of Loket's ZGW resources, in any of its APIs, on one host:
    the one a request came in on, or LOKET_BASE_URL for messages built outside a
    request (notificaties, the audit trail)."""

    def __init__(self, host: str):
        self.host = host.rstrip("/")

    @classmethod
    def for_request(cls, request) -> "Urls":
        return cls(request.build_absolute_uri("/"))

    @classmethod
    def base(cls) -> "Urls":
        return cls(settings.BASE_URL)

    def root(self, api) -> str:
        return f"{self.host}/{api.prefix}"

    def __call__(self, api, resource_path: str, object_uuid) -> str:
        return f"{self.host}/{api.prefix}{resource_path}/{object_uuid}"


def base_root(api) -> str:
    return f"{settings.BASE_URL.rstrip('/')}/{api.prefix}"


def resource_url(api, resource_path: str, object_uuid, root: str | None = None) -> str:
    return f"{root or base_root(api)}{resource_path}/{object_uuid}"


def uuid_from_url(url: str, api, resource_path: str) -> uuid.UUID | None:
    """The UUID in a URL of ``resource_path`` in ``api``, or None if it is not one."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    pattern = rf"^/{re.escape(api.prefix)}{re.escape(resource_path)}/({_UUID})/?$"
    match = re.match(pattern, parts.path)
    return uuid.UUID(match.group(1)) if match else None


class References:
    """Reads URL references in a request body back to objects of this installation,
    collecting every problem, so the client hears about all of them at once."""

    def __init__(self):
        self.problems: list[InvalidParam] = []

    def one(
        self, value, queryset, *, name: str, api, path: str, what: str, required=False
    ):
        """The object ``value`` (a URL of ``path`` in ``api``) points to, or None:
        with a ``required`` problem when empty, ``bad-url`` when it points to
        nothing of this installation."""
        if value in (None, ""):
            if required:
                self.add(name, "required", "Dit veld is vereist.")
            return None
        object_uuid = uuid_from_url(value, api, path)
        found = queryset.filter(uuid=object_uuid).first() if object_uuid else None
        if found is None:
            self.add(
                name,
                "bad-url",
                f"De URL {value} verwijst niet naar een bestaand {what} in de "
                f"{api.name} van deze installatie.",
            )
        return found

    def add(self, name: str, code: str, reason: str) -> None:
        self.problems.append(InvalidParam(name, code, reason))

    def check(self) -> None:
        if self.problems:
            raise errors.invalid(self.problems)
