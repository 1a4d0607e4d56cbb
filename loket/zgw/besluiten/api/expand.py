"""The ``expand`` parameter: related resources inline, under ``_expand``.

A besluit expands its ``besluittype`` (as the Catalogi API shows it) and its
``zaak`` (as the Zaken API shows it); a besluitinformatieobject its
``informatieobject`` (as the Documenten API shows it) and its ``besluit``, itself
expandable one level further (``besluit.besluittype``). Only what the client may
also read is expanded: a besluittype without ``catalogi.lezen``, a zaak or a
document it may not see is left out. A reference that is empty expands to ``{}``
(the file's EmptyObject). A page is expanded in a fixed number of queries.
"""

import dataclasses

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.views import Call
from loket.zgw.besluiten.models import Besluit
from loket.zgw.besluiten.representation import besluit_dicts
from loket.zgw.catalogi.api.besluittypen import besluittype_dicts
from loket.zgw.catalogi.models import BesluitType
from loket.zgw.documenten import selectors as documenten_selectors
from loket.zgw.documenten.representation import informatieobject_dicts
from loket.zgw.zaken.representation import zaak_dicts, zaak_queryset

BESLUIT = ("besluittype", "zaak")
BESLUITINFORMATIEOBJECT = (
    "informatieobject",
    "besluit",
    *(f"besluit.{path}" for path in BESLUIT),
)


def requested(call: Call, allowed: tuple[str, ...]) -> set[str]:
    """The expand paths the client asked for; an unknown path is refused."""
    raw = call.params.get("expand") or ""
    paths = {part.strip() for part in raw.split(",") if part.strip()}
    unknown = sorted(paths - set(allowed))
    if unknown:
        raise errors.field_error(
            "expand",
            "invalid",
            f"Deze velden kunnen niet geëxpandeerd worden: {', '.join(unknown)}. "
            f"Kies uit: {', '.join(allowed)}.",
        )
    return paths


def besluiten(call: Call, besluiten: list, dicts: list[dict], paths: set[str]):
    """Add ``_expand`` to the dicts of ``besluiten`` (same order)."""
    if not paths:
        return dicts
    embedded = [{} for _ in besluiten]
    if "besluittype" in paths and _may_read_catalogi(call):
        by_pk = _besluittypen(call, {b.besluittype_id for b in besluiten})
        for each, b in zip(embedded, besluiten, strict=True):
            each["besluittype"] = by_pk[b.besluittype_id]
    if "zaak" in paths:
        by_pk = _zaken(call, {b.zaak_id for b in besluiten if b.zaak_id})
        for each, b in zip(embedded, besluiten, strict=True):
            if b.zaak_id is None:
                each["zaak"] = {}  # the standard's EmptyObject for "no reference"
            elif b.zaak_id in by_pk:
                each["zaak"] = by_pk[b.zaak_id]
    for data, each in zip(dicts, embedded, strict=True):
        data["_expand"] = each
    return dicts


def besluitinformatieobjecten(call: Call, bios: list, dicts: list, paths: set[str]):
    """Add ``_expand`` to the dicts of ``bios`` (same order)."""
    if not paths:
        return dicts
    embedded = [{} for _ in bios]
    if "informatieobject" in paths:
        by_pk = _informatieobjecten(call, {b.informatieobject_id for b in bios})
        for each, b in zip(embedded, bios, strict=True):
            if b.informatieobject_id in by_pk:
                each["informatieobject"] = by_pk[b.informatieobject_id]
    besluit_paths = {p.removeprefix("besluit.") for p in paths if "." in p}
    if "besluit" in paths or besluit_paths:
        rows = list(Besluit.objects.filter(pk__in={b.besluit_id for b in bios}))
        expanded = besluiten(call, rows, besluit_dicts(call.urls, rows), besluit_paths)
        by_pk = {row.pk: data for row, data in zip(rows, expanded, strict=True)}
        for each, b in zip(embedded, bios, strict=True):
            each["besluit"] = by_pk[b.besluit_id]
    for data, each in zip(dicts, embedded, strict=True):
        data["_expand"] = each
    return dicts


def _may_read_catalogi(call: Call) -> bool:
    return call.client is None or call.client.has_scope("catalogi.lezen")


def _besluittypen(call: Call, ids: set[int]) -> dict:
    """Besluittypen as the Catalogi API itself shows them (URLs on its root)."""
    rows = list(BesluitType.objects.select_related("catalogus").filter(pk__in=ids))
    catalogi = dataclasses.replace(
        call, api=apis.CATALOGI, root=call.urls.root(apis.CATALOGI)
    )
    return {
        row.pk: data
        for row, data in zip(rows, besluittype_dicts(catalogi, rows), strict=True)
    }


def _zaken(call: Call, ids: set[int]) -> dict:
    """The zaken the client may read (zaken.lezen for their zaaktype and
    confidentiality), as the Zaken API shows them."""
    if not ids:
        return {}
    queryset = zaak_queryset().filter(pk__in=ids)
    if call.client is not None:
        condition = call.client.visible(
            "zrc",
            "zaken.lezen",
            type_field="zaaktype_id",
            confidentiality_field="vertrouwelijkheidaanduiding",
        )
        if condition is not None:
            queryset = queryset.filter(condition)
    rows = list(queryset)
    return {
        row.pk: data
        for row, data in zip(rows, zaak_dicts(call.urls, rows), strict=True)
    }


def _informatieobjecten(call: Call, ids: set[int]) -> dict:
    """The latest versions of the documents the client may read, as the
    Documenten API shows them, by informatieobject."""
    if not ids:
        return {}
    versions = list(
        documenten_selectors.documents_for(call.client).filter(informatieobject__in=ids)
    )
    return {
        version.informatieobject_id: data
        for version, data in zip(
            versions, informatieobject_dicts(call.urls, versions), strict=True
        )
    }
