"""Reading zaken, for the Zaken API and for the rest of Loket. The authorisation of
an API client is part of the query (zrc-006): a client never sees a row, or a
count, of a zaaktype or confidentiality it may not see."""

from datetime import timedelta

from django.db.models import Prefetch
from django.utils import timezone

from loket.zgw.catalogi.choices import RolOmschrijving
from loket.zgw.catalogi.models import StatusType
from loket.zgw.registers import tellingen
from loket.zgw.registers.models import Telling
from loket.zgw.zaken.models import Rol, Status, Zaak, ZaakInformatieObject


def zaken_for(client, scope: str = "zaken.lezen"):
    """The zaken an API client may use ``scope`` on (None: Loket itself)."""
    zaken = Zaak.objects.all()
    if client is None:
        return zaken
    condition = client.visible(
        "zrc",
        scope,
        type_field="zaaktype_id",
        confidentiality_field="vertrouwelijkheidaanduiding",
    )
    return zaken if condition is None else zaken.filter(condition)


def zaken_count(client, scope: str = "zaken.lezen") -> int:
    """How many zaken ``zaken_for(client, scope)`` holds, from the kept counts."""
    condition = (
        client.visible(
            "zrc",
            scope,
            type_field="type_id",
            confidentiality_field="vertrouwelijkheidaanduiding",
        )
        if client is not None
        else None
    )
    return tellingen.total(Telling.Soort.ZAAK, condition)


def has_informatieobject(zaak, informatieobject) -> bool:
    """Is this document related to this zaak (a zaakinformatieobject)?"""
    return ZaakInformatieObject.objects.filter(
        zaak=zaak, informatieobject=informatieobject
    ).exists()


# -- for residents (Mijn Loket) ------------------------------------------------------


def _initiator_rollen(*, bsn: str = "", kvk: str = ""):
    if bool(bsn) == bool(kvk):
        raise ValueError("geef een BSN of een KvK-nummer")
    rollen = Rol.objects.filter(omschrijving_generiek=RolOmschrijving.INITIATOR)
    return rollen.filter(inp_bsn=bsn) if bsn else rollen.filter(kvk_nummer=kvk)


def zaken_of_initiator(*, bsn: str = "", kvk: str = ""):
    """The zaken, in every gemeente, that this person (BSN) or company (KvK number)
    started: the initiator rol names them. Newest first, with what a list shows."""
    return (
        Zaak.objects.filter(
            pk__in=_initiator_rollen(bsn=bsn, kvk=kvk).values("zaak_id")
        )
        .select_related("zaaktype", "gemeente", "status__statustype")
        .order_by("-startdatum", "-pk")
    )


def zaak_of_initiator(uuid, *, bsn: str = "", kvk: str = "") -> Zaak | None:
    """One zaak of this initiator with its statussen and statustypen loaded, or
    None (also when the zaak exists but is someone else's)."""
    return (
        zaken_of_initiator(bsn=bsn, kvk=kvk)
        .filter(uuid=uuid)
        .prefetch_related(
            Prefetch(
                "statussen",
                queryset=Status.objects.select_related("statustype").order_by(
                    "datum_status_gezet", "pk"
                ),
            ),
            Prefetch(
                "zaaktype__statustypen",
                queryset=StatusType.objects.order_by("volgnummer"),
            ),
        )
        .first()
    )


def initiator(zaak_id: int) -> Rol | None:
    """The (first) initiator rol of a zaak."""
    return (
        Rol.objects.filter(
            zaak_id=zaak_id, omschrijving_generiek=RolOmschrijving.INITIATOR
        )
        .order_by("pk")
        .first()
    )


def status_by_uuid(uuid) -> Status | None:
    return (
        Status.objects.filter(uuid=uuid)
        .select_related("statustype", "zaak__zaaktype", "zaak__gemeente")
        .first()
    )


# A status dated longer ago than this is history being registered (an import, a
# migration of old zaken), not news: nobody is mailed or invited about it.
NIEUWS = timedelta(days=1)


def nieuwe_status(notificatie) -> Status | None:
    """The status a notificatie announces as just set on a zaak (kanaal zaken,
    resource status, actie create), if it is news (set within ``NIEUWS``);
    else None. For the parts of Loket that act on a new status: read once per
    notificatie, however many of them ask."""
    if not hasattr(notificatie, "_nieuwe_status"):
        notificatie._nieuwe_status = _nieuwe_status(notificatie)
    return notificatie._nieuwe_status


def _nieuwe_status(notificatie) -> Status | None:
    if not (
        notificatie.kanaal == "zaken"
        and notificatie.resource == "status"
        and notificatie.actie == "create"
    ):
        return None
    status = status_by_uuid(notificatie.resource_url.rstrip("/").rsplit("/", 1)[-1])
    if status is None or status.datum_status_gezet < timezone.now() - NIEUWS:
        return None
    return status


def informatieobject_ids(zaak) -> list[int]:
    """The documents related to a zaak, oldest relation first."""
    return list(
        ZaakInformatieObject.objects.filter(zaak=zaak)
        .order_by("registratiedatum", "pk")
        .values_list("informatieobject_id", flat=True)
    )


def zaak_met_rollen(uuid, velden: tuple[str, ...] = ()) -> Zaak | None:
    """A zaak with its zaaktype, last status and all its rollen, for read models
    that follow the register (the werkplek). ``velden``: only these fields (of the
    zaak, ``zaaktype__…``, ``status__statustype__…``), for a read model that runs
    with every write and needs a few of the hundred-odd columns."""
    zaken = Zaak.objects.filter(uuid=uuid).select_related(
        "zaaktype", "status__statustype"
    )
    if velden:
        zaken = zaken.only(*velden)
    return zaken.prefetch_related(
        Prefetch("rollen", queryset=Rol.objects.order_by("pk"))
    ).first()
