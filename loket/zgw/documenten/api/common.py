"""What the Documenten API resources share: reading URLs and moments from a
request, the authorisation of one document, and ``expand``."""

import dataclasses
from datetime import datetime

from django.utils import dateparse, timezone

from loket.zgw import apis
from loket.zgw.api import errors, references
from loket.zgw.api.errors import ApiError
from loket.zgw.api.references import uuid_from_url
from loket.zgw.api.views import Call
from loket.zgw.catalogi.models import InformatieObjectType
from loket.zgw.documenten import representation, selectors
from loket.zgw.documenten.models import EnkelvoudigInformatieObject, InformatieObject
from loket.zgw.registers.services import Actor


def actor(call: Call) -> Actor:
    return Actor.for_call(call)


def forbidden() -> ApiError:
    return ApiError(
        403,
        "permission_denied",
        "U heeft geen toestemming voor documenten van dit informatieobjecttype of "
        "deze vertrouwelijkheid.",
    )


def require(call: Call, scopes, version: EnkelvoudigInformatieObject) -> None:
    """403 unless the client may use one of ``scopes`` on a document with this
    version's type and confidentiality."""
    require_type(
        call,
        scopes,
        version.informatieobjecttype_id,
        version.vertrouwelijkheidaanduiding,
    )


def require_type(call: Call, scopes, type_id: int, vertrouwelijkheidaanduiding: str):
    """403 unless the client may use one of ``scopes`` on a document of this
    informatieobjecttype and confidentiality."""
    scopes = (scopes,) if isinstance(scopes, str) else scopes
    client = call.client
    if client is not None and not any(
        client.may(
            "drc",
            scope,
            type_id=type_id,
            vertrouwelijkheidaanduiding=vertrouwelijkheidaanduiding,
        )
        for scope in scopes
    ):
        raise forbidden()


def document(uuid) -> InformatieObject:
    found = selectors.document_by_uuid(uuid)
    if found is None:
        raise errors.not_found("Er is geen document met deze UUID.")
    return found


def readable(call: Call, uuid, scopes=selectors.READ):
    """A document and its latest version, for a client that may use one of
    ``scopes`` on it (404 when there is none, 403 when the client may not)."""
    found = document(uuid)
    latest = selectors.latest_version(found)
    require(call, scopes, latest)
    return found, latest


class References(references.References):
    """URL references in a Documenten API request body (see the shared class)."""

    def __init__(self, call: Call):
        super().__init__()
        self.call = call

    def informatieobjecttype(self, value, name="informatieobjecttype"):
        """drc-001: an informatieobjecttype of this installation's Catalogi API
        (that it is published, the service checks)."""
        return self.one(
            value,
            InformatieObjectType.objects.select_related("catalogus"),
            name=name,
            api=apis.CATALOGI,
            path="/informatieobjecttypen",
            what="informatieobjecttype",
            required=True,
        )

    def informatieobject(self, value, name="informatieobject"):
        return self.one(
            value,
            InformatieObject.objects.all(),
            name=name,
            api=apis.DOCUMENTEN,
            path=representation.DOCUMENTEN,
            what="document",
            required=True,
        )


def document_filter(queryset, url: str | None, field: str = "informatieobject"):
    """Filter on a document URL; one that is not a document gives an empty list."""
    if not url:
        return queryset
    object_uuid = uuid_from_url(url, apis.DOCUMENTEN, representation.DOCUMENTEN)
    if object_uuid is None:
        return queryset.none()
    return queryset.filter(**{f"{field}__uuid": object_uuid})


def moment(call: Call, name: str) -> datetime | None:
    """A date-time query parameter (ISO 8601); a date alone means its start."""
    raw = call.params.get(name)
    if raw is None:
        return None
    try:
        value = dateparse.parse_datetime(raw) or datetime.combine(
            dateparse.parse_date(raw), datetime.min.time()
        )
    except (TypeError, ValueError):  # parse_date gave None, or no real date
        raise errors.field_error(
            name, "invalid", "Geef een datum en tijd in ISO 8601-formaat."
        ) from None
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


# -- expand ----------------------------------------------------------------------------


def expansions(call: Call, allowed: tuple[str, ...], raw=None) -> set[str]:
    """The expand paths asked for (drc-011 … drc-014). One this resource does not
    have is refused: a 404 on a single object, as drc-013 says; a 400 on a list,
    which documents no 404."""
    raw = call.params.get("expand") if raw is None else raw
    if not raw:
        return set()
    paths = {part.strip() for part in raw.split(",") if part.strip()}
    unknown = sorted(paths - set(allowed))
    if unknown:
        reason = (
            f"Kan {', '.join(unknown)} niet uitbreiden; mogelijk is "
            f"{' of '.join(allowed)}."
        )
        if call.operation.path.endswith("{uuid}"):
            raise errors.not_found(reason)
        raise errors.field_error("expand", "invalid", reason)
    return paths


def expanded_types(call: Call, versions: list[EnkelvoudigInformatieObject]) -> dict:
    """informatieobjecttype id → the Catalogi API's own rendering of it."""
    from loket.zgw.catalogi.api.informatieobjecttypen import iot_dicts

    iotypen = list(
        InformatieObjectType.objects.select_related("catalogus").filter(
            pk__in={v.informatieobjecttype_id for v in versions}
        )
    )
    catalogi = dataclasses.replace(
        call, api=apis.CATALOGI, root=call.urls.root(apis.CATALOGI)
    )
    return {
        iot.pk: data
        for iot, data in zip(iotypen, iot_dicts(catalogi, iotypen), strict=True)
    }


def document_dicts(
    call: Call, versions: list[EnkelvoudigInformatieObject], expand: set[str]
) -> list[dict]:
    """Versions as the API shows them, with ``_expand.informatieobjecttype`` when
    asked."""
    result = representation.informatieobject_dicts(call.urls, versions)
    if "informatieobjecttype" in expand:
        types = expanded_types(call, versions)
        for version, data in zip(versions, result, strict=True):
            data["_expand"] = {
                "informatieobjecttype": types[version.informatieobjecttype_id]
            }
    return result


def expand_documents(call: Call, items: list, dicts: list[dict], expand: set[str]):
    """``_expand.informatieobject`` (and its ``informatieobjecttype``) on the
    gebruiksrechten, verzendingen or objectinformatieobjecten of a response."""
    if "informatieobject" not in expand and not any(
        path.startswith("informatieobject.") for path in expand
    ):
        return dicts
    versions = list(
        selectors.latest_versions({item.informatieobject_id for item in items})
    )
    nested = (
        {"informatieobjecttype"}
        if ("informatieobject.informatieobjecttype" in expand)
        else set()
    )
    documents = dict(
        zip(
            (v.informatieobject_id for v in versions),
            document_dicts(call, versions, nested),
            strict=True,
        )
    )
    for item, data in zip(items, dicts, strict=True):
        data["_expand"] = {"informatieobject": documents[item.informatieobject_id]}
    return dicts


RELATED_EXPAND = ("informatieobject", "informatieobject.informatieobjecttype")
