"""Keeps the counts of zaken in step with the Zaken register. Every change Loket
publishes on the kanaal ``zaken`` to a zaak itself recomputes the zaak's
``Zaakfeit`` inside the transaction of the change, and moves the zaak's counts
from the buckets of the old feit to those of the new one: applying the same change
twice changes nothing, and reopening and closing again leaves one count.

Only the zaak's own notificaties are read: a status that closes or reopens the
zaak changes the zaak (its einddatum) and is announced as a change of the zaak
too, and any other status, a resultaat or a rol changes nothing that is counted."""

from collections import Counter

from loket.sturing import kanalen
from loket.sturing.meetpunten import van_feit
from loket.sturing.models import Soort, Zaakfeit
from loket.sturing.services import tel_sleutels
from loket.zgw.zaken.models import Zaak
from loket.zgw.zaken.termijnen import add_duration

RESOURCES = {"zaak"}
VELDEN = [f.name for f in Zaakfeit._meta.concrete_fields if not f.primary_key]
# What ``feit_van`` reads of a zaak, its zaaktype and communicatiekanaal (this
# runs with every change of a zaak: not the hundred-odd columns of all three).
FEITVELDEN = (
    "gemeente_id",
    "startdatum",
    "einddatum",
    "zaaktype__identificatie",
    "zaaktype__omschrijving",
    "zaaktype__omschrijving_generiek",
    "zaaktype__trefwoorden",
    "zaaktype__servicenorm",
    "zaaktype__doorlooptijd",
    "zaaktype__begin_geldigheid",
    "communicatiekanaal__naam",
)


def on_notificatie(notificatie) -> None:
    if notificatie.kanaal != "zaken" or notificatie.resource not in RESOURCES:
        return
    zaak_uuid = notificatie.hoofd_object.rstrip("/").rsplit("/", 1)[-1]
    if notificatie.resource == "zaak" and notificatie.actie == "destroy":
        # Announced before the delete: take the zaak (and its deelzaken, which
        # go with it) out of the counts while their feiten are still there.
        vergeet(zaak_uuid)
    else:
        # A zaak just created has no feit yet: no need to look for one.
        bijwerken(zaak_uuid, nieuw_in_register=notificatie.actie == "create")


def soort_van(zaaktype) -> str:
    """A klacht or bezwaar: the word in the zaaktype's omschrijving, generic
    omschrijving or trefwoorden (the indicator definitions say so)."""
    woorden = " ".join(
        [
            zaaktype.omschrijving or "",
            zaaktype.omschrijving_generiek or "",
            *(str(t) for t in (zaaktype.trefwoorden or [])),
        ]
    ).lower()
    for soort in (Soort.KLACHT, Soort.BEZWAAR):
        if soort.value in woorden:
            return soort.value
    return Soort.ZAAK.value


def norm_van(zaaktype) -> str | None:
    """The zaaktype's servicenorm, else its doorlooptijd (ISO 8601 durations);
    None when neither can be read."""
    for duur in (zaaktype.servicenorm, zaaktype.doorlooptijd):
        if duur:
            try:
                add_duration(zaaktype.begin_geldigheid, duur)
            except (ValueError, TypeError, ArithmeticError):
                continue
            return duur
    return None


def feit_van(
    zaak, *, soort: str | None = None, norm: str | None = ""
) -> Zaakfeit | None:
    """What is counted of ``zaak`` (its zaaktype and communicatiekanaal loaded);
    None for a zaak outside any gemeente. ``soort`` and ``norm`` may be given
    when the caller knows them per zaaktype."""
    if zaak.gemeente_id is None:
        return None
    zaaktype = zaak.zaaktype
    if norm == "":
        norm = norm_van(zaaktype)
    feit = Zaakfeit(
        zaak_id=zaak.pk,
        gemeente_id=zaak.gemeente_id,
        product=zaaktype.identificatie[:50],
        kanaal=kanalen.van_zaak(zaak),
        soort=soort_van(zaaktype) if soort is None else soort,
        gestart=zaak.startdatum,
    )
    if zaak.einddatum is not None:
        feit.afgerond = zaak.einddatum
        feit.doorlooptijd_dagen = (zaak.einddatum - zaak.startdatum).days
        feit.binnen_norm = norm is not None and zaak.einddatum <= add_duration(
            zaak.startdatum, norm
        )
    return feit


def _gelijk(a: Zaakfeit | None, b: Zaakfeit | None) -> bool:
    if a is None or b is None:
        return a is b
    return all(getattr(a, v) == getattr(b, v) for v in VELDEN)


def verschuif(oud: Zaakfeit | None, nieuw: Zaakfeit | None) -> None:
    """Take the counts of ``oud`` away and add those of ``nieuw``; rows that both
    have are not touched."""
    delta: Counter = Counter()
    norm: Counter = Counter()
    for sleutel, binnen in van_feit(oud):
        delta[sleutel] -= 1
        norm[sleutel] -= int(binnen)
    for sleutel, binnen in van_feit(nieuw):
        delta[sleutel] += 1
        norm[sleutel] += int(binnen)
    tel_sleutels({s: (delta[s], norm[s]) for s in delta})


def bijwerken(zaak_uuid, *, nieuw_in_register: bool = False) -> Zaakfeit | None:
    """Recompute the feit of one zaak and move its counts along."""
    zaak = (
        Zaak.objects.select_related("zaaktype", "communicatiekanaal")
        .only(*FEITVELDEN)
        .filter(uuid=zaak_uuid)
        .first()
    )
    if zaak is None:
        return None
    nieuw = feit_van(zaak)
    oud = (
        None
        if nieuw_in_register
        else Zaakfeit.objects.select_for_update().filter(zaak_id=zaak.pk).first()
    )
    if _gelijk(oud, nieuw):
        return nieuw
    verschuif(oud, nieuw)
    if nieuw is None:
        Zaakfeit.objects.filter(zaak_id=zaak.pk).delete()
    else:
        Zaakfeit.objects.bulk_create(
            [nieuw], update_conflicts=True, unique_fields=["zaak"], update_fields=VELDEN
        )
    return nieuw


def vergeet(zaak_uuid) -> None:
    """Take a zaak about to be destroyed, and its deelzaken, out of the counts."""
    zaak_id = Zaak.objects.filter(uuid=zaak_uuid).values_list("pk", flat=True).first()
    if zaak_id is None:
        return
    feiten = Zaakfeit.objects.select_for_update().filter(
        zaak_id__in=[
            zaak_id,
            *Zaak.objects.filter(hoofdzaak_id=zaak_id).values_list("pk", flat=True),
        ]
    )
    for feit in feiten:
        verschuif(feit, None)
    feiten.delete()
