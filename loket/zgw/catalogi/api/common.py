"""What the Catalogi API resources share: URLs in and out, the ``status`` and
``datumGeldigheid`` filters, and resolving name-based relations to versions."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.utils import timezone

from loket.zgw import apis
from loket.zgw.api import errors, references
from loket.zgw.api.query import parse_date
from loket.zgw.api.references import uuid_from_url
from loket.zgw.api.views import Call
from loket.zgw.catalogi.selectors import STATUS_VALUES, valid_on
from loket.zgw.catalogi.services.notify import PATHS


def url(call: Call, obj) -> str:
    """The URL of a catalogue object, or of a :class:`Version` of one."""
    model = obj.model if isinstance(obj, Version) else type(obj)
    return call.url(PATHS[model], obj.uuid)


@dataclass(frozen=True, slots=True)
class Version:
    """What a list shows of a related version: its model and UUID (a page of
    zaaktypen refers to hundreds of them; model instances cost more)."""

    model: type
    uuid: UUID
    catalogus_id: int


def url_for(call: Call, model, object_uuid) -> str:
    return call.url(PATHS[model], object_uuid)


class References(references.References):
    """URL references in a Catalogi API request body (see the shared class)."""

    def __init__(self, call: Call):
        super().__init__()
        self.call = call

    def one(
        self,
        value,
        model,
        name: str,
        *,
        api=apis.CATALOGI,
        path=None,
        queryset=None,
        required=False,
    ):
        return super().one(
            value,
            queryset if queryset is not None else model.objects.all(),
            name=name,
            api=api,
            path=path or PATHS[model],
            what=model._meta.verbose_name,
            required=required,
        )

    def many(self, values, model, name: str):
        found = [self.one(v, model, name) for v in values or []]
        return [f for f in found if f is not None]


def day_param(call: Call, name: str = "datumGeldigheid") -> date | None:
    raw = call.params.get(name)
    if raw is None:
        return None
    if isinstance(raw, date):
        return raw
    try:
        return parse_date(raw)
    except ValueError as error:
        if "400" not in call.operation.responses:
            return None  # a detail GET documents no 400: ignore a malformed date
        raise errors.field_error(name, "invalid", str(error)) from None


def status_param(call: Call) -> str:
    value = call.params.get("status", "definitief")
    if value not in STATUS_VALUES:
        raise errors.field_error(
            "status",
            "invalid_choice",
            f"{value!r} is geen geldige keuze; kies uit alles, concept of definitief.",
        )
    return value


def zaaktype_filter(call: Call, queryset, *, param="zaaktype"):
    """Filter on a zaaktype URL; an URL that is not one gives an empty list."""
    value = call.params.get(param)
    if value:
        object_uuid = uuid_from_url(value, apis.CATALOGI, "/zaaktypen")
        queryset = (
            queryset.filter(zaaktype__uuid=object_uuid)
            if object_uuid
            else queryset.none()
        )
    return queryset


def catalogus_filter(call: Call, queryset, *, prefix=""):
    value = call.params.get("catalogus")
    if value:
        object_uuid = uuid_from_url(value, apis.CATALOGI, "/catalogussen")
        queryset = (
            queryset.filter(**{f"{prefix}catalogus__uuid": object_uuid})
            if object_uuid
            else queryset.none()
        )
    return queryset


def today() -> date:
    return timezone.localdate()


def versions_by_name(model, field: str, keys: set[tuple[int, str]], day: date) -> dict:
    """For (catalogus id, name) pairs: the versions of ``model`` with that name in
    that catalogus that are valid on ``day``, in one query."""
    result: dict = defaultdict(list)
    if not keys:
        return result
    names = {name for _, name in keys}
    catalogi = {catalogus for catalogus, _ in keys}
    queryset = valid_on(
        model.objects.filter(
            catalogus_id__any=catalogi, **{f"{field}__any": sorted(names)}
        ),
        day,
    )
    for uuid, catalogus_id, name in queryset.order_by("begin_geldigheid").values_list(
        "uuid", "catalogus_id", field
    ):
        result[(catalogus_id, name)].append(Version(model, uuid, catalogus_id))
    return result


def date_or_none(value):
    return value.isoformat() if value else None
