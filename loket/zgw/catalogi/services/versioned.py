"""What informatieobjecttypen and besluittypen share: versions by omschrijving
within a catalogus, concept until published, only the end date of a published
version may change (or a correction with catalogi.geforceerd-schrijven)."""

from django.db import transaction

from loket.zgw.catalogi.services import rules
from loket.zgw.catalogi.services.notify import notify


def validate_version(obj, *, label: str, durations: dict) -> None:
    rules.check_durations(durations)
    rules.check_period(obj.begin_geldigheid, obj.einde_geldigheid)
    obj.full_clean(exclude=["catalogus"])
    if not obj.concept:
        _check_overlap(obj, label=label, field="einde_geldigheid")


def _check_overlap(obj, *, label: str, field: str) -> None:
    versions = (
        type(obj)
        .objects.filter(catalogus=obj.catalogus_id, omschrijving=obj.omschrijving)
        .exclude(pk=obj.pk)
    )
    rules.check_no_overlap(
        versions, obj.begin_geldigheid, obj.einde_geldigheid, field, label
    )


def check_published_change(obj, fields: dict, *, label: str, correctie: bool) -> None:
    if obj.concept:
        return
    changed = {name for name, value in fields.items() if getattr(obj, name) != value}
    if not correctie:
        if changed - {"einde_geldigheid"}:
            rules.require_concept(obj, label)
        return
    identity = changed & {"catalogus", "omschrijving", "begin_geldigheid"}
    if identity:
        raise rules.error(
            sorted(identity)[0],
            rules.NON_CONCEPT,
            "Een correctie mag de identiteit van een gepubliceerde versie niet "
            "veranderen.",
        )


@transaction.atomic
def publish(obj, *, label: str):
    if not obj.concept:
        from django.core.exceptions import ValidationError

        raise ValidationError(
            f"Dit {label} is al gepubliceerd.", code=rules.NON_CONCEPT
        )
    _check_overlap(obj, label=label, field="begin_geldigheid")
    obj.concept = False
    obj.save(update_fields=["concept"])
    notify(obj, "publish")
    return obj


@transaction.atomic
def delete(obj, *, label: str) -> None:
    rules.require_concept(obj, label)
    notify(obj, "destroy")
    obj.delete()
