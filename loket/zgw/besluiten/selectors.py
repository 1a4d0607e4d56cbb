"""Reading besluiten, for the Besluiten API and for the rest of Loket.

The authorisation of an API client is part of the query: a client never sees a
row, or a count, of a besluittype it may not read (besluiten autorisaties name a
besluittype; besluiten have no confidentiality)."""

from loket.zgw.api.auth import ApiClient
from loket.zgw.besluiten.models import Besluit, BesluitInformatieObject
from loket.zgw.registers import tellingen
from loket.zgw.registers.models import Telling

READ = "besluiten.lezen"


def besluiten_for(client: ApiClient | None, scope: str = READ):
    """The besluiten ``client`` may use ``scope`` on; None is Loket itself."""
    queryset = Besluit.objects.all()
    condition = (
        client.visible("brc", scope, type_field="besluittype_id")
        if client is not None
        else None
    )
    return queryset if condition is None else queryset.filter(condition)


def besluiten_count(client: ApiClient | None, scope: str = READ) -> int:
    """How many besluiten ``besluiten_for(client, scope)`` holds, from the kept
    counts."""
    condition = (
        client.visible("brc", scope, type_field="type_id")
        if client is not None
        else None
    )
    return tellingen.total(Telling.Soort.BESLUIT, condition)


def besluitinformatieobjecten_for(client: ApiClient | None, scope: str = READ):
    """The besluitinformatieobjecten of the besluiten ``client`` may read."""
    queryset = BesluitInformatieObject.objects.all()
    condition = (
        client.visible("brc", scope, type_field="besluit__besluittype_id")
        if client is not None
        else None
    )
    return queryset if condition is None else queryset.filter(condition)


def has_informatieobject(besluit, informatieobject) -> bool:
    """Is this document related to this besluit (a besluitinformatieobject)?"""
    return BesluitInformatieObject.objects.filter(
        besluit=besluit, informatieobject=informatieobject
    ).exists()


def besluiten_of_zaak(zaak):
    """The besluiten that are an outcome of ``zaak`` (its zaakbesluiten), oldest
    first; the Zaken API's archiving reads their ingangsdatum and vervaldatum."""
    return Besluit.objects.filter(zaak=zaak).order_by("pk")
