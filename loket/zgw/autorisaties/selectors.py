from dataclasses import dataclass

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
    request asks this)."""
    rows = list(
        Client.objects.filter(client_id=client_id)
        .order_by("applicatie__autorisaties__pk")
        .values_list(
            "secret",
            "is_demo",
            "applicatie_id",
            "applicatie__label",
            "applicatie__heeft_alle_autorisaties",
            *(f"applicatie__autorisaties__{name}" for name in _AUTORISATIE),
        )
    )
    if not rows:
        return None
    secret, is_demo, applicatie_id, label, alles = rows[0][:5]
    return JwtClient(
        client_id=client_id,
        secret=secret,
        is_demo=is_demo,
        applicatie_id=applicatie_id,
        label=label,
        heeft_alle_autorisaties=alles,
        autorisaties=tuple(
            dict(zip(_AUTORISATIE, row[5:], strict=True))
            for row in rows
            if row[5] is not None  # an application without autorisaties
        ),
    )


def applicaties():
    return Applicatie.objects.prefetch_related("clients", "autorisaties")
