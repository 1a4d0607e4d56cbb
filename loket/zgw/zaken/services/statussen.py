"""Setting a status, which closes a zaak at its end status and reopens it at any
other (zrc-007, zrc-008, zrc-016, zrc-021)."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from loket.zgw.registers.services import Actor, Subject
from loket.zgw.zaken import archief, representation
from loket.zgw.zaken.models import Rol, Status, Zaak
from loket.zgw.zaken.services import base


def is_end_status(statustype) -> bool:
    """The end status of a zaaktype is its statustype with the highest volgnummer."""
    last = (
        type(statustype)
        .objects.filter(zaaktype_id=statustype.zaaktype_id)
        .order_by("-volgnummer")
        .values_list("pk", flat=True)
        .first()
    )
    return last == statustype.pk


@transaction.atomic
def set_status(
    zaak: Zaak,
    *,
    actor: Actor,
    statustype,
    datum_status_gezet: datetime | None = None,
    statustoelichting: str = "",
    gezetdoor: Rol | None = None,
) -> Status:
    """Give the zaak a status of its zaaktype.

    The end status closes the zaak: it needs a resultaat, and every document of the
    zaak must say whether gebruiksrechten apply; the zaak gets its einddatum and
    archiving dates from the resultaat. Any other status on a closed zaak reopens
    it, clearing einddatum, archiefnominatie and archiefactiedatum."""
    zaak = (
        Zaak.objects.select_for_update(of=("self",))
        .select_related("zaaktype")
        .get(pk=zaak.pk)
    )
    base.same_zaaktype(zaak, statustype, "statustype", "statustype")
    if gezetdoor is not None and gezetdoor.zaak_id != zaak.pk:
        raise base.invalid(
            "gezetdoor", "Deze rol hoort niet bij de zaak.", "zaak-mismatch"
        )
    datum_status_gezet = datum_status_gezet or timezone.now()
    was_closed = zaak.einddatum is not None
    einde = is_end_status(statustype)
    # Closing and reopening change the zaak itself; only then its history needs
    # the zaak as it was.
    oud = base.zaak_state(zaak) if einde or was_closed else None
    _check_required_eigenschappen(zaak, statustype)
    status = Status.objects.create(
        zaak=zaak,
        statustype=statustype,
        datum_status_gezet=datum_status_gezet,
        statustoelichting=statustoelichting,
        gezetdoor=gezetdoor,
    )
    current = zaak.status
    if current is None or datum_status_gezet >= current.datum_status_gezet:
        zaak.status = status
    if einde:
        _close(zaak, datum_status_gezet)
    elif zaak.einddatum is not None:
        zaak.einddatum = None
        zaak.archiefnominatie = ""
        zaak.archiefactiedatum = None
        # Derived at closing from the resultaat; closing again derives it anew.
        zaak.startdatum_bewaartermijn = None
    if einde or was_closed:
        zaak.save()
    else:  # the common step: only the current status changes
        zaak.save(update_fields=["status"])
    base.changed(
        zaak=zaak,
        actie="create",
        actor=actor,
        resource="status",
        subject=Subject("/statussen", status.uuid, "status", str(statustype)),
        nieuw=representation.status_dicts(base.urls(), [status])[0],
    )
    if einde or was_closed:
        # Closing and reopening change the zaak itself: its history shows that too.
        base.changed(
            zaak=zaak,
            actie="partial_update",
            actor=actor,
            resource="zaak",
            subject=base.zaak_subject(zaak),
            oud=oud,
            nieuw=base.zaak_state(zaak),
        )
    return status


def _close(zaak: Zaak, datum_status_gezet: datetime) -> None:
    from loket.zgw.documenten.selectors import latest_versions

    resultaat = getattr(zaak, "resultaat", None)
    if resultaat is None:
        raise ValidationError(
            "Een zaak kan pas afgesloten worden als zij een resultaat heeft.",
            code="resultaat-does-not-exist",
        )
    ids = list(
        zaak.zaakinformatieobjecten.values_list("informatieobject_id", flat=True)
    )
    if any(v.indicatie_gebruiksrecht is None for v in latest_versions(ids)):
        raise ValidationError(
            "Geef bij elk document van de zaak aan of er gebruiksrechten gelden "
            "(indicatieGebruiksrecht) voordat u de zaak afsluit.",
            code="indicatiegebruiksrecht-unset",
        )
    einddatum = timezone.localtime(datum_status_gezet).date()
    zaak.einddatum = einddatum
    for name, value in archief.on_closing(
        zaak, resultaat.resultaattype, einddatum
    ).items():
        setattr(zaak, name, value)


def _check_required_eigenschappen(zaak: Zaak, statustype) -> None:
    """The eigenschappen the catalogue marks as required before this status."""
    required = set(statustype.eigenschappen.values_list("naam", flat=True))
    present = set(zaak.zaakeigenschappen.values_list("naam", flat=True))
    missing = sorted(required - present)
    if missing:
        raise ValidationError(
            "Deze status kan pas gezet worden als de zaak een waarde heeft voor: "
            f"{', '.join(missing)}.",
            code="eigenschap-ontbreekt",
        )
