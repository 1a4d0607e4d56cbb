from django.db import transaction

from loket.zgw.catalogi.models import InformatieObjectType
from loket.zgw.catalogi.services import versioned
from loket.zgw.catalogi.services.notify import notify

LABEL = "informatieobjecttype"


@transaction.atomic
def create_informatieobjecttype(**fields) -> InformatieObjectType:
    iotype = InformatieObjectType(**fields, concept=True)
    versioned.validate_version(iotype, label=LABEL, durations={})
    iotype.save()
    notify(iotype, "create")
    return iotype


@transaction.atomic
def update_informatieobjecttype(
    iotype: InformatieObjectType, fields: dict, *, actie="update", correctie=False
) -> InformatieObjectType:
    versioned.check_published_change(iotype, fields, label=LABEL, correctie=correctie)
    for name, value in fields.items():
        setattr(iotype, name, value)
    versioned.validate_version(iotype, label=LABEL, durations={})
    iotype.save()
    notify(iotype, actie)
    return iotype


def publish_informatieobjecttype(iotype: InformatieObjectType) -> InformatieObjectType:
    return versioned.publish(iotype, label=LABEL)


def delete_informatieobjecttype(iotype: InformatieObjectType) -> None:
    versioned.delete(iotype, label=LABEL)
