"""The types below one version of a zaaktype: statustypen, resultaattypen, roltypen,
eigenschappen, zaaktype-informatieobjecttypen and zaakobjecttypen.

They change only while their zaaktype is a concept (ztc-010, ztc-011a). A correction
(scope catalogi.geforceerd-schrijven) may add or change them on a published zaaktype,
but not remove them.
"""

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from loket.zgw.catalogi.choices import Afleidingswijze
from loket.zgw.catalogi.models import (
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    StatusType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from loket.zgw.catalogi.services import rules
from loket.zgw.catalogi.services.notify import notify


@transaction.atomic
def create_onderdeel(model, *, m2m: dict | None = None, correctie=False, **fields):
    obj = model(**fields)
    if obj.zaaktype_id is None:
        raise rules.error("zaaktype", "required", "Dit veld is verplicht.")
    if not correctie:
        rules.require_concept_zaaktype(obj.zaaktype)
    _validate(obj, m2m or {})
    obj.save()
    _set_m2m(obj, m2m or {})
    notify(obj, "create")
    return obj


@transaction.atomic
def update_onderdeel(obj, fields: dict, *, m2m=None, actie="update", correctie=False):
    new_zaaktype = fields.get("zaaktype", obj.zaaktype)
    if not correctie:
        rules.require_concept_zaaktype(obj.zaaktype)
        rules.require_concept_zaaktype(new_zaaktype)
    elif new_zaaktype != obj.zaaktype:
        raise rules.error(
            "zaaktype",
            rules.NON_CONCEPT,
            "Een correctie mag een onderdeel niet naar een ander zaaktype verplaatsen.",
        )
    for name, value in fields.items():
        setattr(obj, name, value)
    _validate(obj, m2m or {})
    obj.save()
    if m2m is not None:
        _set_m2m(obj, m2m)
    notify(obj, actie)
    return obj


@transaction.atomic
def delete_onderdeel(obj) -> None:
    rules.require_concept_zaaktype(obj.zaaktype)
    notify(obj, "destroy")
    obj.delete()


def _set_m2m(obj, m2m: dict) -> None:
    for name, values in m2m.items():
        getattr(obj, name).set(values)


# -- validation per type --


def _validate(obj, m2m: dict) -> None:
    zaaktype: ZaakType = obj.zaaktype
    for name, values in m2m.items():
        _same_zaaktype_or_catalogus(obj, name, values)
    validator = _VALIDATORS.get(type(obj))
    if validator:
        validator(obj)
    obj.full_clean(exclude=["zaaktype", *_FK_EXCLUDES.get(type(obj), ())])
    statustype_id = getattr(obj, "statustype_id", None)
    if statustype_id and obj.statustype.zaaktype_id != zaaktype.pk:
        raise rules.error(
            "statustype",
            rules.RELATIONS_INCORRECT_CATALOGUS,
            "Het statustype hoort bij een ander zaaktype.",
        )


_FK_EXCLUDES = {
    ResultaatType: ("resultaattypeomschrijving", "selectielijstklasse"),
    Eigenschap: ("statustype",),
    ZaakTypeInformatieObjectType: ("statustype",),
}


def _same_zaaktype_or_catalogus(obj, name: str, values) -> None:
    for value in values:
        if isinstance(value, InformatieObjectType):
            wrong = value.catalogus_id != obj.zaaktype.catalogus_id
        else:
            wrong = value.zaaktype_id != obj.zaaktype_id
        if wrong:
            raise rules.error(
                name,
                rules.RELATIONS_INCORRECT_CATALOGUS,
                "Deze relatie moet binnen hetzelfde zaaktype (of dezelfde catalogus) "
                "blijven.",
            )


def _statustype(obj: StatusType) -> None:
    rules.check_durations({"doorlooptijd": obj.doorlooptijd})
    clash = StatusType.objects.filter(
        zaaktype=obj.zaaktype_id, volgnummer=obj.volgnummer
    ).exclude(pk=obj.pk)
    if clash.exists():
        raise rules.error(
            "volgnummer",
            "unique",
            f"Dit zaaktype heeft al een statustype met volgnummer {obj.volgnummer}.",
        )


def _ziot(obj: ZaakTypeInformatieObjectType) -> None:
    exists = InformatieObjectType.objects.filter(
        catalogus=obj.zaaktype.catalogus_id,
        omschrijving=obj.informatieobjecttype_omschrijving,
    ).exists()
    if not exists:
        raise rules.error(
            "informatieobjecttype_omschrijving",
            rules.BAD_URL,
            "Er is geen informatieobjecttype met deze omschrijving in de catalogus "
            "van het zaaktype.",
        )
    clash = ZaakTypeInformatieObjectType.objects.filter(
        zaaktype=obj.zaaktype_id, volgnummer=obj.volgnummer
    ).exclude(pk=obj.pk)
    if clash.exists():
        raise rules.error(
            "volgnummer",
            "unique",
            f"Dit zaaktype heeft al een documenttype met volgnummer {obj.volgnummer}.",
        )


_LENGTE = re.compile(r"^\d+([.,]\d+)?$")
_KARDINALITEIT = re.compile(r"^(\d+|N)$")


def _eigenschap(obj: Eigenschap) -> None:
    errors = {}
    if not _LENGTE.match(obj.lengte or ""):
        errors["lengte"] = ValidationError(
            "Geef de lengte als getal, met eventueel decimalen: 10 of 8,2.",
            code="invalid",
        )
    if not _KARDINALITEIT.match(obj.kardinaliteit or ""):
        errors["kardinaliteit"] = ValidationError(
            "Geef de kardinaliteit als getal of N (onbeperkt).", code="invalid"
        )
    if errors:
        raise ValidationError(errors)


def _resultaattype(obj: ResultaatType) -> None:
    klasse = obj.selectielijstklasse
    procestype = obj.zaaktype.selectielijst_procestype_id
    if procestype and klasse.proces_type_id != procestype:
        raise rules.error(
            "selectielijstklasse",
            "procestype-mismatch",
            "Deze selectielijstklasse hoort niet bij het selectielijst-procestype van "
            "het zaaktype.",
        )
    if not obj.archiefnominatie:
        obj.archiefnominatie = klasse.waardering
    if not obj.archiefactietermijn and klasse.bewaartermijn:
        obj.archiefactietermijn = klasse.bewaartermijn
    rules.check_durations(
        {
            "archiefactietermijn": obj.archiefactietermijn,
            "procestermijn": obj.procestermijn,
            "brondatum_procestermijn": obj.brondatum_procestermijn,
        }
    )
    _brondatum(obj, klasse)


# ztc-004 .. ztc-008: which brondatum fields each afleidingswijze needs or forbids.
_NEEDS = {
    "brondatum_datumkenmerk": {
        Afleidingswijze.EIGENSCHAP,
        Afleidingswijze.ZAAKOBJECT,
        Afleidingswijze.ANDER_DATUMKENMERK,
    },
    "brondatum_objecttype": {
        Afleidingswijze.ZAAKOBJECT,
        Afleidingswijze.ANDER_DATUMKENMERK,
    },
    "brondatum_registratie": {Afleidingswijze.ANDER_DATUMKENMERK},
    "brondatum_procestermijn": {Afleidingswijze.TERMIJN},
}


def _brondatum(obj: ResultaatType, klasse) -> None:
    wijze = obj.brondatum_afleidingswijze
    if not wijze:
        return
    errors = {}
    if klasse.procestermijn == "nihil" and wijze != Afleidingswijze.AFGEHANDELD:
        errors["brondatum_afleidingswijze"] = ValidationError(
            "Bij een selectielijstklasse met procestermijn 'nihil' is de "
            "afleidingswijze 'afgehandeld'.",
            code="invalid-afleidingswijze-for-procestermijn",
        )
    if (
        klasse.procestermijn == "ingeschatte_bestaansduur_procesobject"
        and wijze != Afleidingswijze.TERMIJN
    ):
        errors["brondatum_afleidingswijze"] = ValidationError(
            "Bij een selectielijstklasse met procestermijn 'ingeschatte bestaansduur "
            "procesobject' is de afleidingswijze 'termijn'.",
            code="invalid-afleidingswijze-for-procestermijn",
        )
    for field, needed_by in _NEEDS.items():
        value = getattr(obj, field)
        if wijze in needed_by and not value:
            errors[field] = ValidationError(
                f"Verplicht bij afleidingswijze '{wijze}'.", code="required"
            )
        elif wijze not in needed_by and value:
            errors[field] = ValidationError(
                f"Moet leeg zijn bij afleidingswijze '{wijze}'.", code="must-be-empty"
            )
    if obj.brondatum_einddatum_bekend and wijze in (
        Afleidingswijze.AFGEHANDELD,
        Afleidingswijze.TERMIJN,
    ):
        errors["brondatum_einddatum_bekend"] = ValidationError(
            f"Moet leeg zijn bij afleidingswijze '{wijze}'.", code="must-be-empty"
        )
    if errors:
        raise ValidationError(errors)


_VALIDATORS = {
    StatusType: _statustype,
    ZaakTypeInformatieObjectType: _ziot,
    Eigenschap: _eigenschap,
    ResultaatType: _resultaattype,
}
