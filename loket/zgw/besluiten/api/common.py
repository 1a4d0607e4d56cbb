"""What the Besluiten API resources share: reading URL references in a body and in
filters, the authorisation of one object, and the rule for besluiten of a closed
zaak."""

from loket.zgw.api import references
from loket.zgw.api.errors import ApiError
from loket.zgw.api.references import uuid_from_url
from loket.zgw.api.views import Call

BRC = "brc"


References = references.References


def url_filter(call: Call, queryset, param: str, *, api, path: str, lookup: str):
    """Filter on a URL reference; a URL that is not one of this installation's
    resources matches nothing."""
    value = call.params.get(param)
    if not value:
        return queryset
    object_uuid = uuid_from_url(value, api, path)
    if object_uuid is None:
        return queryset.none()
    return queryset.filter(**{lookup: object_uuid})


def forbidden(detail: str = "") -> ApiError:
    return ApiError(
        403,
        "permission_denied",
        detail or "U heeft geen toestemming om deze actie uit te voeren.",
    )


def require(call: Call, scope: str, besluittype_id: int) -> None:
    """A 403 unless the client may use ``scope`` on besluiten of this type."""
    if call.client is not None and not call.client.may(
        BRC, scope, type_id=besluittype_id
    ):
        raise forbidden(
            f"U heeft geen toestemming ({scope}) voor besluiten van dit besluittype."
        )


def require_open_zaak(call: Call, zaak) -> None:
    """A besluit of a closed zaak changes only by a client that may force changes
    to closed zaken of that zaaktype (zaken.geforceerd-bijwerken)."""
    if zaak is None or zaak.einddatum is None or call.client is None:
        return
    if not call.client.may(
        "zrc",
        "zaken.geforceerd-bijwerken",
        type_id=zaak.zaaktype_id,
        vertrouwelijkheidaanduiding=zaak.vertrouwelijkheidaanduiding,
    ):
        raise forbidden(
            "De zaak van dit besluit is afgesloten. Alleen een applicatie die "
            "afgesloten zaken van dit zaaktype geforceerd mag bijwerken, kan het "
            "besluit nog aanmaken of wijzigen."
        )
