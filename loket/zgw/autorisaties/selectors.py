import functools
import json
from dataclasses import dataclass

from django.db import connection

from loket.zgw.autorisaties.models import Applicatie, Client


@dataclass(frozen=True)
class JwtClient:
    """What checking a JWT and building an ``ApiClient`` needs of a client."""

    client_id: str
    secret: str
    is_demo: bool
    applicatie_id: int
    label: str
    heeft_alle_autorisaties: bool
    autorisaties: tuple[dict, ...]


_AUTORISATIE = (
    "component",
    "scopes",
    "zaaktype_id",
    "informatieobjecttype_id",
    "besluittype_id",
    "max_vertrouwelijkheidaanduiding",
)


def client_for_jwt(client_id: str) -> JwtClient | None:
    """The client with its application and autorisaties, in one query (every API
    request asks this: the query is compiled once, not with every request)."""
    with connection.cursor() as cursor:
        cursor.execute(_client_sql(connection.vendor), [client_id])
        rows = cursor.fetchall()
    if not rows:
        return None
    secret, is_demo, applicatie_id, label, alles = rows[0][:5]
    return JwtClient(
        client_id=client_id,
        secret=secret,
        is_demo=bool(is_demo),
        applicatie_id=applicatie_id,
        label=label,
        heeft_alle_autorisaties=bool(alles),
        autorisaties=tuple(
            _autorisatie(row[5:])
            for row in rows
            if row[5] is not None  # an application without autorisaties
        ),
    )


_MARKER = "client-id"


@functools.cache
def _client_sql(vendor: str) -> str:
    sql, params = (
        Client.objects.filter(client_id=_MARKER)
        .order_by("applicatie__autorisaties__pk")
        .values_list(
            "secret",
            "is_demo",
            "applicatie_id",
            "applicatie__label",
            "applicatie__heeft_alle_autorisaties",
            *(f"applicatie__autorisaties__{name}" for name in _AUTORISATIE),
        )
        .query.sql_with_params()
    )
    assert params == (_MARKER,), params  # noqa: S101 - the one parameter
    return sql


def _autorisatie(values) -> dict:
    autorisatie = dict(zip(_AUTORISATIE, values, strict=True))
    if isinstance(autorisatie["scopes"], str):  # JSON as the database gives it
        autorisatie["scopes"] = json.loads(autorisatie["scopes"])
    return autorisatie


def applicaties():
    return Applicatie.objects.prefetch_related("clients", "autorisaties")
