"""The documents' side of their relations to zaken and besluiten.

The zaakinformatieobject (Zaken API) and besluitinformatieobject (Besluiten API)
lead; an objectinformatieobject is their mirror here (zrc-005, brc-005). Loket
keeps the mirror itself: the Zaken and Besluiten services call
:func:`relate_object` and :func:`unrelate_object` inside their own transaction, so
the two sides cannot disagree. The Documenten API's own endpoints for
objectinformatieobjecten (meant for other registers) check the source relation
(drc-004) and answer with the mirror that is already there.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from loket.zgw.documenten import representation
from loket.zgw.documenten.choices import ObjectType
from loket.zgw.documenten.models import InformatieObject, ObjectInformatieObject
from loket.zgw.documenten.services.base import changed, latest, urls
from loket.zgw.registers.services import LOKET, Actor, Subject

RESOURCE = "objectinformatieobject"


@transaction.atomic
def relate_object(
    informatieobject: InformatieObject, *, zaak=None, besluit=None, actor=LOKET
) -> ObjectInformatieObject:
    """The mirror of this document's relation to ``zaak`` or ``besluit`` (one of
    the two): made once, returned as it is when it exists already."""
    target = _target(zaak, besluit)
    existing = ObjectInformatieObject.objects.filter(
        informatieobject=informatieobject, **target
    ).first()
    if existing is not None:
        return existing
    oio = ObjectInformatieObject.objects.create(
        informatieobject=informatieobject,
        object_type=ObjectType.ZAAK if zaak is not None else ObjectType.BESLUIT,
        **target,
    )
    _changed(oio, "create", actor, oud=None, nieuw=_dict(oio))
    return oio


@transaction.atomic
def unrelate_object(
    informatieobject: InformatieObject, *, zaak=None, besluit=None, actor=LOKET
) -> None:
    """Remove the mirror of this document's relation to ``zaak`` or ``besluit``
    (nothing happens when there is none)."""
    oio = ObjectInformatieObject.objects.filter(
        informatieobject=informatieobject, **_target(zaak, besluit)
    ).first()
    if oio is None:
        return
    _changed(oio, "destroy", actor, oud=_dict(oio), nieuw=None)
    oio.delete()


@transaction.atomic
def mirror_relation(
    *, actor: Actor, informatieobject: InformatieObject, zaak=None, besluit=None
) -> ObjectInformatieObject:
    """``POST /objectinformatieobjecten``: only for a relation the zaak or besluit
    has (drc-004); the mirror Loket already keeps is the answer, not a copy."""
    if not _source_exists(informatieobject, zaak, besluit):
        raise ValidationError(
            {
                "object": ValidationError(
                    "Dit document hoort (nog) niet bij deze "
                    f"{'zaak' if zaak is not None else 'besluit'}. Leg de relatie "
                    "eerst vast in de Zaken API (zaakinformatieobject) of de "
                    "Besluiten API (besluitinformatieobject).",
                    code="inconsistent-relation",
                )
            }
        )
    return relate_object(informatieobject, zaak=zaak, besluit=besluit, actor=actor)


@transaction.atomic
def delete_mirror(oio: ObjectInformatieObject, *, actor: Actor) -> None:
    """``DELETE /objectinformatieobjecten/{uuid}``: only once the zaak or besluit
    no longer has the relation."""
    if _source_exists(oio.informatieobject, oio.zaak, oio.besluit):
        raise ValidationError(
            "Deze relatie bestaat nog in de Zaken API of Besluiten API; verwijder "
            "daar het zaakinformatieobject of besluitinformatieobject, dan gaat "
            "deze relatie vanzelf mee.",
            code="inconsistent-relation",
        )
    unrelate_object(
        oio.informatieobject, zaak=oio.zaak, besluit=oio.besluit, actor=actor
    )


def _target(zaak, besluit) -> dict:
    if (zaak is None) == (besluit is None):
        raise TypeError("geef een zaak of een besluit")
    return {"zaak": zaak} if zaak is not None else {"besluit": besluit}


def _source_exists(informatieobject, zaak, besluit) -> bool:
    if zaak is not None:
        from loket.zgw.zaken.selectors import has_informatieobject

        return has_informatieobject(zaak, informatieobject)
    from loket.zgw.besluiten.selectors import has_informatieobject

    return has_informatieobject(besluit, informatieobject)


def _subject(oio: ObjectInformatieObject) -> Subject:
    # The zaak or besluit by its UUID (which its URL shows anyway), not by its
    # identificatie: whoever may read this document's history need not be allowed
    # to see that zaak or besluit.
    target = oio.zaak or oio.besluit
    return Subject(
        representation.OBJECTINFORMATIEOBJECTEN,
        oio.uuid,
        RESOURCE,
        f"{oio.get_object_type_display()} {target.uuid}",
    )


def _dict(oio: ObjectInformatieObject) -> dict:
    return representation.objectinformatieobject_dicts(urls(), [oio])[0]


def _changed(oio, actie: str, actor: Actor, *, oud, nieuw) -> None:
    changed(
        version=latest(oio.informatieobject),
        actie=actie,
        actor=actor,
        subject=_subject(oio),
        oud=oud,
        nieuw=nieuw,
    )
