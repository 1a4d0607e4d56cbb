"""Zaaktypen: create a version, change it while it is a concept, publish it, and
correct a published version (scope catalogi.geforceerd-schrijven)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from loket.zgw.catalogi.models import (
    BesluitType,
    InformatieObjectType,
    ZaakType,
    ZaakTypenRelatie,
    geldig_op,
)
from loket.zgw.catalogi.services import rules
from loket.zgw.catalogi.services.notify import notify

# Fields that identify the version; a correction may not change them.
IDENTITY = ("catalogus", "identificatie", "begin_geldigheid")
# Relations that a correction may extend but not shrink.
GROWING = ("besluittype_omschrijvingen", "deelzaaktype_identificaties", "trefwoorden")


@transaction.atomic
def create_zaaktype(*, gerelateerde_zaaktypen=(), **fields) -> ZaakType:
    """A new concept version; the same ``identificatie`` in the same catalogus makes
    it a new version of an existing zaaktype."""
    zaaktype = ZaakType(**fields, concept=True)
    _validate(zaaktype)
    zaaktype.save()
    _set_relaties(zaaktype, gerelateerde_zaaktypen)
    notify(zaaktype, "create")
    return zaaktype


@transaction.atomic
def update_zaaktype(
    zaaktype: ZaakType,
    fields: dict,
    *,
    gerelateerde_zaaktypen=None,
    actie: str = "update",
    correctie: bool = False,
) -> ZaakType:
    """Change a concept. A published version only takes a new end date, unless this
    is a correction, which may extend it but not remove or re-identify anything."""
    if not zaaktype.concept:
        _check_published_change(zaaktype, fields, gerelateerde_zaaktypen, correctie)
    for name, value in fields.items():
        setattr(zaaktype, name, value)
    _validate(zaaktype)
    zaaktype.save()
    if gerelateerde_zaaktypen is not None:
        zaaktype.gerelateerde_zaaktypen.all().delete()
        _set_relaties(zaaktype, gerelateerde_zaaktypen)
    notify(zaaktype, actie)
    return zaaktype


@transaction.atomic
def publish_zaaktype(zaaktype: ZaakType) -> ZaakType:
    """ztc-012: only when the besluittypen and informatieobjecttypen it uses are
    published themselves."""
    if not zaaktype.concept:
        raise ValidationError(
            "Dit zaaktype is al gepubliceerd.", code=rules.NON_CONCEPT
        )
    concepts = _concept_relations(zaaktype)
    if concepts:
        raise ValidationError(
            "Publiceer eerst de besluittypen en informatieobjecttypen die dit "
            f"zaaktype gebruikt: {', '.join(concepts)}.",
            code=rules.CONCEPT_RELATION,
        )
    _check_overlap(zaaktype, "begin_geldigheid")
    zaaktype.concept = False
    zaaktype.save(update_fields=["concept"])
    notify(zaaktype, "publish")
    return zaaktype


@transaction.atomic
def delete_zaaktype(zaaktype: ZaakType) -> None:
    rules.require_concept(zaaktype, "zaaktype")
    notify(zaaktype, "destroy")
    zaaktype.delete()


# -- checks ---------------------------------------------------------------------------


def _validate(zaaktype: ZaakType) -> None:
    rules.check_durations(
        {
            "doorlooptijd": zaaktype.doorlooptijd,
            "servicenorm": zaaktype.servicenorm,
            "verlengingstermijn": zaaktype.verlengingstermijn,
        }
    )
    rules.check_period(zaaktype.begin_geldigheid, zaaktype.einde_geldigheid)
    if zaaktype.verlenging_mogelijk and not zaaktype.verlengingstermijn:
        raise ValidationError(
            "Geef de verlengingstermijn als verlengen mogelijk is.",
            code="verlenging-mismatch",
        )
    zaaktype.full_clean(exclude=["catalogus", "selectielijst_procestype"])
    if not zaaktype.concept:
        _check_overlap(zaaktype, "einde_geldigheid")
    catalogus = zaaktype.catalogus_id
    unknown = _missing(
        BesluitType.objects.filter(catalogus=catalogus),
        "omschrijving",
        zaaktype.besluittype_omschrijvingen,
    )
    if unknown:
        raise rules.error(
            "besluittype_omschrijvingen",
            rules.BAD_URL,
            "Deze besluittypen bestaan niet in de catalogus van het zaaktype: "
            f"{', '.join(unknown)}.",
        )
    unknown = _missing(
        ZaakType.objects.filter(catalogus=catalogus),
        "identificatie",
        zaaktype.deelzaaktype_identificaties,
    )
    if unknown:
        raise rules.error(
            "deelzaaktype_identificaties",
            rules.BAD_URL,
            f"Deze zaaktypen bestaan niet in de catalogus: {', '.join(unknown)}.",
        )


def _check_overlap(zaaktype: ZaakType, field: str) -> None:
    versions = ZaakType.objects.filter(
        catalogus=zaaktype.catalogus_id, identificatie=zaaktype.identificatie
    ).exclude(pk=zaaktype.pk)
    rules.check_no_overlap(
        versions,
        zaaktype.begin_geldigheid,
        zaaktype.einde_geldigheid,
        field,
        "zaaktype",
    )


def _missing(queryset, field: str, wanted: list[str]) -> list[str]:
    found = set(
        queryset.filter(**{f"{field}__in": wanted}).values_list(field, flat=True)
    )
    return [w for w in wanted if w not in found]


def _set_relaties(zaaktype: ZaakType, relaties) -> None:
    relaties = list(relaties)
    identificaties = [r["zaaktype_identificatie"] for r in relaties]
    unknown = _missing(
        ZaakType.objects.filter(catalogus=zaaktype.catalogus_id),
        "identificatie",
        identificaties,
    )
    unknown = [u for u in unknown if u != zaaktype.identificatie]
    if unknown:
        raise rules.error(
            "gerelateerde_zaaktypen",
            rules.BAD_URL,
            f"Deze zaaktypen bestaan niet in de catalogus: {', '.join(unknown)}.",
        )
    ZaakTypenRelatie.objects.bulk_create(
        ZaakTypenRelatie(zaaktype=zaaktype, **relatie) for relatie in relaties
    )


def _check_published_change(zaaktype, fields, gerelateerde, correctie: bool) -> None:
    changed = {
        name for name, value in fields.items() if getattr(zaaktype, name) != value
    }
    if not correctie:
        if changed - {"einde_geldigheid"} or gerelateerde is not None:
            rules.require_concept(zaaktype, "zaaktype")
        return
    if changed & set(IDENTITY):
        raise rules.error(
            sorted(changed & set(IDENTITY))[0],
            rules.NON_CONCEPT,
            "Een correctie mag de identiteit van een gepubliceerde versie "
            "(catalogus, identificatie, begindatum) niet veranderen.",
        )
    for name in GROWING:
        if name in fields and not set(getattr(zaaktype, name)) <= set(fields[name]):
            raise rules.error(
                name,
                rules.NON_CONCEPT,
                "Een correctie mag alleen toevoegen, niets weghalen.",
            )
    if gerelateerde is not None:
        before = {
            (r.zaaktype_identificatie, r.aard_relatie)
            for r in zaaktype.gerelateerde_zaaktypen.all()
        }
        after = {(r["zaaktype_identificatie"], r["aard_relatie"]) for r in gerelateerde}
        if not before <= after:
            raise rules.error(
                "gerelateerde_zaaktypen",
                rules.NON_CONCEPT,
                "Een correctie mag alleen toevoegen, niets weghalen.",
            )


def _concept_relations(zaaktype: ZaakType) -> list[str]:
    day = zaaktype.begin_geldigheid
    problems = []
    related = [
        (BesluitType, "besluittype", zaaktype.besluittype_omschrijvingen),
        (
            InformatieObjectType,
            "informatieobjecttype",
            list(
                zaaktype.informatieobjecttypen.values_list(
                    "informatieobjecttype_omschrijving", flat=True
                )
            ),
        ),
    ]
    for model, label, omschrijvingen in related:
        for omschrijving in omschrijvingen:
            versions = model.objects.filter(
                catalogus=zaaktype.catalogus_id, omschrijving=omschrijving
            )
            relevant = list(versions.filter(geldig_op(day))) or list(versions)
            if any(v.concept for v in relevant):
                problems.append(f"{label} '{omschrijving}'")
    return problems
