"""Who calls a ZGW API, and what it may do: the JWT (HS256) of the standard, checked
against the applications in the Autorisaties API.

A token carries ``client_id``, ``iat``, ``user_id`` and
``user_representation``; it is signed with the secret of that client id. Tokens
older than LOKET_JWT_MAX_AGE_SECONDS, or issued in the future beyond the clock
leeway, are refused.
"""

import time
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.db.models import Q

import jwt

from loket.zgw.api.errors import ApiError
from loket.zgw.api.spec import Scopes


@dataclass(frozen=True)
class Grant:
    """One autorisatie: scopes for a component, maybe limited to a type and a
    maximum confidentiality."""

    component: str
    scopes: frozenset[str]
    zaaktype_id: int | None = None
    informatieobjecttype_id: int | None = None
    besluittype_id: int | None = None
    max_vertrouwelijkheidaanduiding: str = ""


@dataclass
class ApiClient:
    client_id: str
    applicatie_id: int
    label: str
    heeft_alle_autorisaties: bool
    grants: tuple[Grant, ...] = ()
    user_id: str = ""
    user_representation: str = ""
    claims: dict = field(default_factory=dict, repr=False)

    @cached_property
    def scopes(self) -> frozenset[str]:
        result: set[str] = set()
        for grant in self.grants:
            result |= grant.scopes
        return frozenset(result)

    def allows(self, required: Scopes) -> bool:
        return self.heeft_alle_autorisaties or required.satisfied_by(self.scopes)

    def has_scope(self, scope: str) -> bool:
        return self.heeft_alle_autorisaties or scope in self.scopes

    def grants_with(self, component: str, scope: str) -> list[Grant]:
        return [
            g for g in self.grants if g.component == component and scope in g.scopes
        ]

    def visible(
        self,
        component: str,
        scope: str,
        *,
        type_field: str,
        confidentiality_field: str | None = None,
    ) -> Q | None:
        """The objects this client may touch with ``scope``, as one filter for the
        query (the standard's zrc-006, drc and brc equivalents): per autorisatie the
        type, and up to its maximum confidentiality. None: no limit at all."""
        if self.heeft_alle_autorisaties:
            return None
        # Types grouped by the levels they allow: one ``type IN (…) AND level IN
        # (…)`` per group, which the (type, level) indexes answer directly.
        groups: dict[tuple[str, ...], set[int]] = {}
        for grant in self.grants_with(component, scope):
            type_id = _type_id(grant, component)
            if type_id is None:
                continue
            levels = up_to(grant.max_vertrouwelijkheidaanduiding)
            groups.setdefault(levels if confidentiality_field else (), set()).add(
                type_id
            )
        condition = Q(pk__in=[])
        for levels, type_ids in sorted(groups.items()):
            # ``= ANY(array)``: one parameter however many types (PostgreSQL).
            allowed = Q(**{f"{type_field}__any": sorted(type_ids)})
            if confidentiality_field:
                allowed &= Q(**{f"{confidentiality_field}__any": list(levels)})
            condition |= allowed
        return condition

    def visible_types(self, component: str, scope: str) -> set[int] | None:
        """The types whose objects this client may touch with ``scope`` (each up
        to some confidentiality); None: every type."""
        if self.heeft_alle_autorisaties:
            return None
        return {
            type_id
            for grant in self.grants_with(component, scope)
            if (type_id := _type_id(grant, component)) is not None
        }

    def may(
        self,
        component: str,
        scope: str,
        *,
        type_id: int,
        vertrouwelijkheidaanduiding: str | None = None,
    ) -> bool:
        """May this client use ``scope`` on one object of this type and level?"""
        if self.heeft_alle_autorisaties:
            return True
        return any(
            _type_id(grant, component) == type_id
            and (
                vertrouwelijkheidaanduiding is None
                or vertrouwelijkheidaanduiding
                in up_to(grant.max_vertrouwelijkheidaanduiding)
            )
            for grant in self.grants_with(component, scope)
        )


_TYPE_ATTRIBUTES = {
    "zrc": "zaaktype_id",
    "drc": "informatieobjecttype_id",
    "brc": "besluittype_id",
}


def _type_id(grant: Grant, component: str) -> int | None:
    return getattr(grant, _TYPE_ATTRIBUTES[component])


def up_to(maximum: str) -> tuple[str, ...]:
    """The confidentiality levels from openbaar up to and including ``maximum``."""
    from loket.zgw.catalogi.choices import Vertrouwelijkheid

    levels = list(Vertrouwelijkheid.values)
    if maximum not in levels:
        return ()
    return tuple(levels[: levels.index(maximum) + 1])


def _refused(code: str, detail: str) -> ApiError:
    """Credentials that do not hold are a 403 with their own code, as in the rest
    of the ZGW ecosystem (clients are written against those codes)."""
    return ApiError(403, code, detail)


class MissingCredentials(ApiError):
    """No credentials at all: 401, with the scheme to use."""

    def response(self, request):
        response = super().response(request)
        response["WWW-Authenticate"] = "Bearer"
        return response


def authenticate(request, api) -> ApiClient:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if not header:
        raise MissingCredentials(
            401,
            "not_authenticated",
            "Authenticatiegegevens ontbreken: stuur een JWT in de header "
            "'Authorization: Bearer <token>'.",
        )
    if scheme.lower() != "bearer" or not token:
        raise _refused(
            "permission_denied", "Gebruik de header 'Authorization: Bearer <token>'."
        )
    try:
        unverified = jwt.decode(token, options={"verify_signature": False})
        algorithm = jwt.get_unverified_header(token).get("alg")
    except jwt.PyJWTError:
        raise _refused(
            "jwt-decode-error", "Het JWT kan niet gelezen worden (kopieerfout?)."
        ) from None
    client_id = unverified.get("client_id") if isinstance(unverified, dict) else None
    if not isinstance(client_id, str) or not client_id:
        raise _refused(
            "missing-client-identifier", "Het JWT bevat geen claim 'client_id'."
        )
    if algorithm != "HS256":
        raise _refused(
            "invalid-jwt-signature", "Het JWT moet met HS256 ondertekend zijn."
        )

    from loket.zgw.autorisaties.selectors import client_for_jwt

    client = client_for_jwt(client_id)
    if client is None or not client.secret or (client.is_demo and not settings.DEMO):
        raise _refused(
            "invalid-client-identifier",
            f"Client-id {client_id!r} is niet bekend of heeft geen geheim.",
        )
    try:
        claims = jwt.decode(
            token,
            client.secret,
            algorithms=["HS256"],
            options={"require": ["iat"], "verify_aud": False},
            leeway=settings.JWT_LEEWAY_SECONDS,
        )
    except jwt.ImmatureSignatureError:
        raise _refused(
            "jwt-not-valid-yet", "Het JWT is uitgegeven in de toekomst (claim 'iat')."
        ) from None
    except jwt.MissingRequiredClaimError:
        raise _refused(
            "jwt-missing-iat-claim", "Het JWT mist de claim 'iat'."
        ) from None
    except jwt.InvalidSignatureError:
        raise _refused(
            "invalid-jwt-signature", "De ondertekening van het JWT klopt niet."
        ) from None
    except jwt.PyJWTError:
        raise _refused("jwt-decode-error", "Het JWT is ongeldig.") from None
    issued = claims.get("iat")
    if not isinstance(issued, int | float):
        raise _refused(
            "jwt-missing-iat-claim", "De claim 'iat' moet een tijdstip (seconden) zijn."
        )
    max_age = settings.JWT_MAX_AGE_SECONDS + settings.JWT_LEEWAY_SECONDS
    if time.time() - issued >= max_age:
        raise _refused("jwt-expired", "Het JWT is verlopen; maak een nieuw token.")

    grants = tuple(
        Grant(**{**a, "scopes": frozenset(a["scopes"])}) for a in client.autorisaties
    )
    return ApiClient(
        client_id=client.client_id,
        applicatie_id=client.applicatie_id,
        label=client.label,
        heeft_alle_autorisaties=client.heeft_alle_autorisaties,
        grants=grants,
        user_id=str(claims.get("user_id", ""))[:255],
        user_representation=str(claims.get("user_representation", ""))[:255],
        claims=claims,
    )


def make_token(
    client_id: str, secret: str, *, user_id="", user_representation=""
) -> str:
    """A token as a client would make it (for tests, the demo and tooling)."""
    now = int(time.time())
    return jwt.encode(
        {
            "iss": client_id,
            "iat": now,
            "client_id": client_id,
            "user_id": user_id,
            "user_representation": user_representation,
        },
        secret,
        algorithm="HS256",
    )
