"""Reading zaken, for the Zaken API and for the rest of Loket. The authorisation of
an API client is part of the query (zrc-006): a client never sees a row, or a
count, of a zaaktype or confidentiality it may not see."""

from loket.zgw.registers import tellingen
from loket.zgw.registers.models import Telling
from loket.zgw.zaken.models import Zaak, ZaakInformatieObject


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
