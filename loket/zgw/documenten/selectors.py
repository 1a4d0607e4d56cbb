"""Reading documents, for the Documenten API and for the rest of Loket.

The authorisation of an API client is part of the query: a client never sees a
row, or a count, of a document whose latest version has an informatieobjecttype
or confidentiality it may not read. Gebruiksrechten, verzendingen and
objectinformatieobjecten are seen through their document.
"""

from datetime import datetime
from uuid import UUID

from django.db.models import QuerySet

from loket.zgw.api.auth import ApiClient
from loket.zgw.documenten.models import (
    EnkelvoudigInformatieObject,
    Gebruiksrechten,
    InformatieObject,
    ObjectInformatieObject,
    Verzending,
)
from loket.zgw.registers import tellingen
from loket.zgw.registers.models import Telling

READ = "documenten.lezen"


def _latest() -> QuerySet[EnkelvoudigInformatieObject]:
    return EnkelvoudigInformatieObject.objects.filter(laatste=True).select_related(
        "informatieobject", "informatieobjecttype__catalogus"
    )


def documents_for(
    client: ApiClient | None, scope: str = READ
) -> QuerySet[EnkelvoudigInformatieObject]:
    """The latest version of every document ``client`` may use ``scope`` on, oldest
    document first; None is Loket itself (everything)."""
    queryset = _latest().order_by("informatieobject_id")
    condition = _condition(client, scope)
    return queryset if condition is None else queryset.filter(condition)


def documents_count(client: ApiClient | None, scope: str = READ) -> int:
    """How many documents ``documents_for(client, scope)`` holds, from the kept
    counts (of latest versions)."""
    return tellingen.total(Telling.Soort.DOCUMENT, _condition(client, scope, cell=True))


def _condition(
    client: ApiClient | None, scope: str, prefix: str = "", *, cell: bool = False
):
    """The client's visibility on versions (``prefix`` for a relation to them),
    or on the cells of ``Telling`` with ``cell``."""
    if client is None:
        return None
    return client.visible(
        "drc",
        scope,
        type_field="type_id" if cell else f"{prefix}informatieobjecttype_id",
        confidentiality_field=f"{prefix}vertrouwelijkheidaanduiding",
    )


def _visible_documents(client: ApiClient | None, scope: str):
    """The ids of the documents ``client`` may use ``scope`` on, as a subquery;
    None when there is no limit."""
    condition = _condition(client, scope)
    if condition is None:
        return None
    return (
        EnkelvoudigInformatieObject.objects.filter(laatste=True)
        .filter(condition)
        .values("informatieobject_id")
    )


def may(client: ApiClient | None, scope: str, version: EnkelvoudigInformatieObject):
    """May ``client`` use ``scope`` on a document with this version's type and
    confidentiality?"""
    return client is None or client.may(
        "drc",
        scope,
        type_id=version.informatieobjecttype_id,
        vertrouwelijkheidaanduiding=version.vertrouwelijkheidaanduiding,
    )


def document_by_uuid(uuid: UUID | str) -> InformatieObject | None:
    """The document with this UUID (the one in its API URL), or None."""
    return InformatieObject.objects.filter(uuid=uuid).first()


def latest_version(
    informatieobject: InformatieObject,
) -> EnkelvoudigInformatieObject:
    return _latest().get(informatieobject=informatieobject)


def latest_versions(informatieobject_ids) -> QuerySet[EnkelvoudigInformatieObject]:
    """The latest version of each of these documents (ids of
    :class:`InformatieObject`), with document and informatieobjecttype loaded."""
    return _latest().filter(informatieobject_id__in=list(informatieobject_ids))


def version_of(
    informatieobject: InformatieObject,
    *,
    versie: int | None = None,
    registratie_op: datetime | None = None,
) -> EnkelvoudigInformatieObject | None:
    """One version: number ``versie``, or the one registered last at the moment
    ``registratie_op``, or (neither given) the latest. None if there is none."""
    queryset = EnkelvoudigInformatieObject.objects.filter(
        informatieobject=informatieobject
    ).select_related("informatieobject", "informatieobjecttype__catalogus")
    if versie is not None:
        queryset = queryset.filter(versie=versie)
    if registratie_op is not None:
        queryset = queryset.filter(begin_registratie__lte=registratie_op)
    if versie is None and registratie_op is None:
        queryset = queryset.filter(laatste=True)
    return queryset.order_by("-versie").first()


def versions_by_uuid(
    client: ApiClient | None, uuids, scope: str = READ
) -> QuerySet[EnkelvoudigInformatieObject]:
    """The latest versions of the documents with these UUIDs that ``client`` may
    see (``POST /enkelvoudiginformatieobjecten/_zoek``)."""
    return documents_for(client, scope).filter(informatieobject__uuid__in=list(uuids))


def _through_document(queryset: QuerySet, client: ApiClient | None, scope: str):
    documents = _visible_documents(client, scope)
    if documents is None:
        return queryset
    return queryset.filter(informatieobject_id__in=documents)


def gebruiksrechten_for(
    client: ApiClient | None, scope: str = READ
) -> QuerySet[Gebruiksrechten]:
    """The gebruiksrechten of the documents ``client`` may use ``scope`` on."""
    queryset = Gebruiksrechten.objects.select_related("informatieobject")
    return _through_document(queryset, client, scope)


def verzendingen_for(client: ApiClient | None, scope: str = READ) -> QuerySet:
    """The verzendingen of the documents ``client`` may use ``scope`` on."""
    queryset = Verzending.objects.select_related("informatieobject").order_by("pk")
    return _through_document(queryset, client, scope)


def objectinformatieobjecten_for(
    client: ApiClient | None, scope: str = READ
) -> QuerySet[ObjectInformatieObject]:
    """The relations to zaken and besluiten of the documents ``client`` may use
    ``scope`` on."""
    queryset = ObjectInformatieObject.objects.select_related(
        "informatieobject", "zaak", "besluit"
    )
    return _through_document(queryset, client, scope)
