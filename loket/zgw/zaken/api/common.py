"""What the Zaken API resources share: authorisation per zaak (zrc-006, zrc-007),
reading URL references in request bodies, and dates in query parameters."""

import dataclasses
from datetime import date, datetime

from django.utils import dateparse

from loket.zgw import apis
from loket.zgw.api import errors, references
from loket.zgw.api.errors import ApiError
from loket.zgw.api.views import Call
from loket.zgw.registers.services import Actor
from loket.zgw.zaken import selectors
from loket.zgw.zaken.models import Zaak

COMPONENT = "zrc"


def actor(call: Call) -> Actor:
    return Actor.for_call(call)


def catalogi_call(call: Call) -> Call:
    """The same call as the Catalogi API would see it, to render its types."""
    return dataclasses.replace(
        call, api=apis.CATALOGI, root=call.urls.root(apis.CATALOGI)
    )


def forbidden(detail: str = "") -> ApiError:
    return ApiError(
        403,
        "permission_denied",
        detail or "U heeft geen toestemming voor deze zaak.",
    )


def may(call: Call, zaak: Zaak, *scopes: str) -> bool:
    """May this client use one of ``scopes`` on this zaak (its zaaktype, up to its
    confidentiality)?"""
    client = call.client
    if client is None or client.heeft_alle_autorisaties:
        return True
    return any(
        client.may(
            COMPONENT,
            scope,
            type_id=zaak.zaaktype_id,
            vertrouwelijkheidaanduiding=zaak.vertrouwelijkheidaanduiding,
        )
        for scope in scopes
    )


def operation_scopes(call: Call) -> list[str]:
    return sorted({s for group in call.operation.scopes.groups for s in group})


def require_read(call: Call, zaak: Zaak) -> None:
    if not may(call, zaak, "zaken.lezen"):
        raise forbidden()


def require_write(call: Call, zaak: Zaak, scopes: list[str] | None = None) -> None:
    """The operation's scopes for this zaak; on a closed zaak only a correction
    with ``zaken.geforceerd-bijwerken`` (zrc-007)."""
    scopes = scopes if scopes is not None else operation_scopes(call)
    if not may(call, zaak, *scopes):
        raise forbidden(
            "U heeft voor het zaaktype van deze zaak niet de nodige autorisatie "
            f"({' of '.join(scopes)})."
        )
    require_open_or_forced(call, zaak)


def require_open_or_forced(call: Call, zaak: Zaak) -> None:
    if zaak.einddatum is not None and not may(call, zaak, "zaken.geforceerd-bijwerken"):
        raise forbidden(
            "Deze zaak is afgesloten; alleen een correctie met de scope "
            "zaken.geforceerd-bijwerken kan haar nog wijzigen."
        )


def visible_zaken(call: Call, scope: str = "zaken.lezen"):
    return selectors.zaken_for(call.client, scope)


def get_zaak(call: Call, uuid) -> Zaak:
    """A zaak by UUID for a detail operation: 404 when it does not exist, 403 when
    this client may not read it."""
    zaak = Zaak.objects.select_related("zaaktype").filter(uuid=uuid).first()
    if zaak is None:
        raise errors.not_found()
    require_read(call, zaak)
    return zaak


def sub_get(call: Call, queryset, uuid):
    """An object below a zaak by UUID: 404 or 403 as for its zaak."""
    obj = queryset.select_related("zaak", "zaak__zaaktype").filter(uuid=uuid).first()
    if obj is None:
        raise errors.not_found()
    require_read(call, obj.zaak)
    return obj


def sub_visible(call: Call, queryset, prefix: str = "zaak__"):
    """Objects below zaken, limited to the zaken this client may read."""
    condition = (
        call.client.visible(
            COMPONENT,
            "zaken.lezen",
            type_field=f"{prefix}zaaktype_id",
            confidentiality_field=f"{prefix}vertrouwelijkheidaanduiding",
        )
        if call.client is not None
        else None
    )
    return queryset if condition is None else queryset.filter(condition)


class References(references.References):
    """URL references in a Zaken API request body (see the shared class)."""

    def __init__(self, call: Call):
        super().__init__()
        self.call = call

    def one(
        self, value, name: str, model, api, path: str, *, required=False, queryset=None
    ):
        return super().one(
            value,
            queryset if queryset is not None else model.objects.all(),
            name=name,
            api=api,
            path=path,
            what=model._meta.verbose_name,
            required=required,
        )

    def zaak(self, value, name: str = "zaak", *, required=True) -> Zaak | None:
        return self.one(
            value,
            name,
            Zaak,
            apis.ZAKEN,
            "/zaken",
            required=required,
            queryset=Zaak.objects.select_related("zaaktype"),
        )


def parse_day(value, name: str) -> date:
    """A date in a filter; clients also send a date-time there."""
    if isinstance(value, date):
        return value
    parsed = dateparse.parse_date(value) if isinstance(value, str) else None
    if parsed is None and isinstance(value, str):
        moment = dateparse.parse_datetime(value)
        parsed = moment.date() if moment else None
    if parsed is None:
        raise errors.field_error(name, "invalid", "Geef een datum (JJJJ-MM-DD).")
    return parsed


def parse_moment(value, name: str) -> datetime:
    moment = dateparse.parse_datetime(value) if isinstance(value, str) else None
    if moment is None:
        raise errors.field_error(name, "invalid", "Geef een datum met tijd (ISO 8601).")
    return moment


def parse_bool(value, name: str) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "True", "1"):
        return True
    if value in ("false", "False", "0"):
        return False
    raise errors.field_error(name, "invalid", "Geef true of false.")
