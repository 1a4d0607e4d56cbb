from django.db import transaction

from loket.zgw.catalogi.models import BesluitType, InformatieObjectType
from loket.zgw.catalogi.services import rules, versioned
from loket.zgw.catalogi.services.notify import notify

LABEL = "besluittype"


def _validate(besluittype: BesluitType) -> None:
    versioned.validate_version(
        besluittype,
        label=LABEL,
        durations={
            "reactietermijn": besluittype.reactietermijn,
            "publicatietermijn": besluittype.publicatietermijn,
        },
    )
    wanted = besluittype.informatieobjecttype_omschrijvingen
    found = set(
        InformatieObjectType.objects.filter(
            catalogus=besluittype.catalogus_id, omschrijving__in=wanted
        ).values_list("omschrijving", flat=True)
    )
    unknown = [w for w in wanted if w not in found]
    if unknown:
        raise rules.error(
            "informatieobjecttype_omschrijvingen",
            rules.BAD_URL,
            "Deze informatieobjecttypen bestaan niet in de catalogus van het "
            f"besluittype: {', '.join(unknown)}.",
        )


@transaction.atomic
def create_besluittype(**fields) -> BesluitType:
    besluittype = BesluitType(**fields, concept=True)
    _validate(besluittype)
    besluittype.save()
    notify(besluittype, "create")
    return besluittype


@transaction.atomic
def update_besluittype(
    besluittype: BesluitType, fields: dict, *, actie="update", correctie=False
) -> BesluitType:
    versioned.check_published_change(
        besluittype, fields, label=LABEL, correctie=correctie
    )
    for name, value in fields.items():
        setattr(besluittype, name, value)
    _validate(besluittype)
    besluittype.save()
    notify(besluittype, actie)
    return besluittype


def publish_besluittype(besluittype: BesluitType) -> BesluitType:
    return versioned.publish(besluittype, label=LABEL)


def delete_besluittype(besluittype: BesluitType) -> None:
    versioned.delete(besluittype, label=LABEL)
