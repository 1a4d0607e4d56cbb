"""What hangs below a zaak: rollen, resultaat, zaakobjecten, zaakeigenschappen
(zrc-018 … zrc-020)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from loket.zgw import apis
from loket.zgw.catalogi.choices import Objecttype
from loket.zgw.registers.services import Actor
from loket.zgw.zaken.models import Resultaat, Rol, Zaak, ZaakEigenschap, ZaakObject
from loket.zgw.zaken.services import base

# betrokkeneIdentificatie key → Rol column, per betrokkeneType.
_IDENTIFICATIE = {
    "natuurlijk_persoon": {
        "inpBsn": "inp_bsn",
        "anpIdentificatie": "anp_identificatie",
        "inpA_nummer": "inp_a_nummer",
    },
    "niet_natuurlijk_persoon": {
        "innNnpId": "inn_nnp_id",
        "annIdentificatie": "ann_identificatie",
    },
    "vestiging": {"vestigingsNummer": "vestigings_nummer", "kvkNummer": "kvk_nummer"},
    "medewerker": {"identificatie": "medewerker_identificatie"},
    "organisatorische_eenheid": {
        "identificatie": "organisatorische_eenheid_identificatie"
    },
}


# -- rollen --------------------------------------------------------------------------


@transaction.atomic
def add_rol(
    zaak: Zaak,
    *,
    actor: Actor,
    roltype,
    betrokkene_type: str,
    betrokkene: str = "",
    betrokkene_identificatie: dict | None = None,
    roltoelichting: str = "",
    afwijkende_naam_betrokkene: str = "",
    indicatie_machtiging: str = "",
    contactpersoon_rol: dict | None = None,
) -> Rol:
    """Involve someone in a zaak in a role of its zaaktype (zrc-019): a person by
    BSN, a company by KvK number, a staff member or team. Give the betrokkene as a
    URL in a register, or its identification, or both."""
    base.same_zaaktype(zaak, roltype, "roltype", "roltype")
    _check_betrokkene(betrokkene_type, betrokkene_identificatie)
    if not betrokkene and not betrokkene_identificatie:
        raise ValidationError(
            "Geef de betrokkene (een URL) of de betrokkeneIdentificatie.",
            code="invalid-betrokkene",
        )
    rol = Rol(
        zaak=zaak,
        roltype=roltype,
        omschrijving=roltype.omschrijving,
        omschrijving_generiek=roltype.omschrijving_generiek,
        betrokkene_type=betrokkene_type,
        betrokkene=betrokkene or "",
        betrokkene_identificatie=betrokkene_identificatie,
        roltoelichting=roltoelichting,
        afwijkende_naam_betrokkene=afwijkende_naam_betrokkene,
        indicatie_machtiging=indicatie_machtiging,
        contactpersoon_rol=contactpersoon_rol,
        registratiedatum=timezone.now(),
    )
    for key, column in _IDENTIFICATIE.get(betrokkene_type, {}).items():
        value = (betrokkene_identificatie or {}).get(key) or ""
        setattr(rol, column, str(value)[: Rol._meta.get_field(column).max_length])
    rol.save()
    base.record(rol, "create", actor)
    return rol


def _check_betrokkene(betrokkene_type: str, identificatie: dict | None) -> None:
    """The identification as the Zaken API would accept it, also from Python
    callers (a BRP name longer than the standard allows is refused here, not served
    later in breach of the specification)."""
    schema = _SCHEMAS.get(betrokkene_type)
    if schema is None:
        raise base.invalid(
            "betrokkene_type",
            f"{betrokkene_type!r} is geen geldig betrokkenetype.",
            "invalid_choice",
        )
    if identificatie is None:
        return
    problems = apis.ZAKEN.spec.component_errors(schema, identificatie)
    if problems:
        error = problems[0]
        where = ".".join(str(p) for p in error.absolute_path)
        raise base.invalid(
            "betrokkene_identificatie",
            f"{where or 'betrokkeneIdentificatie'}: {error.message}",
            "invalid",
        )


_SCHEMAS = {
    "natuurlijk_persoon": "RolNatuurlijkPersoon",
    "niet_natuurlijk_persoon": "RolNietNatuurlijkPersoon",
    "vestiging": "RolVestiging",
    "organisatorische_eenheid": "RolOrganisatorischeEenheid",
    "medewerker": "RolMedewerker",
}


@transaction.atomic
def delete_rol(rol: Rol, *, actor: Actor) -> None:
    base.destroy(rol, actor)


# -- resultaat -----------------------------------------------------------------------


@transaction.atomic
def set_resultaat(
    zaak: Zaak, *, actor: Actor, resultaattype, toelichting: str = ""
) -> Resultaat:
    """Record the outcome of a zaak (zrc-020); a zaak has at most one."""
    base.same_zaaktype(zaak, resultaattype, "resultaattype", "resultaattype")
    if Resultaat.objects.filter(zaak=zaak).exists():
        raise base.invalid("zaak", "Deze zaak heeft al een resultaat.", "unique")
    resultaat = Resultaat.objects.create(
        zaak=zaak, resultaattype=resultaattype, toelichting=toelichting
    )
    base.record(resultaat, "create", actor)
    return resultaat


@transaction.atomic
def update_resultaat(
    resultaat: Resultaat,
    *,
    actor: Actor,
    resultaattype=None,
    toelichting: str | None = None,
    partial: bool = True,
) -> Resultaat:
    """Change the toelichting; the resultaattype stays what it was."""
    oud = base.snapshot(resultaat)
    if resultaattype is not None and resultaattype.pk != resultaat.resultaattype_id:
        raise base.invalid(
            "resultaattype",
            "Het resultaattype van een resultaat kan niet veranderen.",
            "wijzigen-niet-toegelaten",
        )
    if toelichting is not None:
        resultaat.toelichting = toelichting
    resultaat.save()
    base.record(resultaat, base.update_actie(partial), actor, oud=oud)
    return resultaat


@transaction.atomic
def delete_resultaat(resultaat: Resultaat, *, actor: Actor) -> None:
    base.destroy(resultaat, actor)


# -- zaakobjecten --------------------------------------------------------------------


@transaction.atomic
def add_zaakobject(
    zaak: Zaak,
    *,
    actor: Actor,
    object_type: str,
    object: str = "",
    object_identificatie: dict | None = None,
    zaakobjecttype=None,
    object_type_overige: str = "",
    object_type_overige_definitie: dict | None = None,
    relatieomschrijving: str = "",
) -> ZaakObject:
    """Relate a zaak to what it is about: an address, a building, a person, an
    object in an Objects API (``object`` URL), or described in place
    (``object_identificatie``)."""
    if zaakobjecttype is not None:
        base.same_zaaktype(zaak, zaakobjecttype, "zaakobjecttype", "zaakobjecttype")
    if not object and object_identificatie is None:
        raise ValidationError(
            "Geef het object (een URL) of de objectIdentificatie.",
            code="invalid-zaakobject",
        )
    if object_type == Objecttype.OVERIGE and not (
        object_type_overige or object_type_overige_definitie
    ):
        raise base.invalid(
            "object_type_overige",
            "Geef bij objectType 'overige' het objectTypeOverige of zijn definitie.",
            "missing-object-type-overige",
        )
    zaakobject = ZaakObject.objects.create(
        zaak=zaak,
        object_type=object_type,
        object=object or "",
        object_identificatie=object_identificatie,
        zaakobjecttype=zaakobjecttype,
        object_type_overige=object_type_overige,
        object_type_overige_definitie=object_type_overige_definitie,
        relatieomschrijving=relatieomschrijving,
    )
    base.record(zaakobject, "create", actor)
    return zaakobject


_ZAAKOBJECT_FIXED = ("zaak", "object", "object_type")


@transaction.atomic
def update_zaakobject(
    zaakobject: ZaakObject, *, actor: Actor, partial: bool = True, **fields
) -> ZaakObject:
    """Change a zaakobject's description; what it relates (zaak, object,
    objectType) stays."""
    oud = base.snapshot(zaakobject)
    for name in _ZAAKOBJECT_FIXED:
        if name in fields and _key(fields[name]) != _key(getattr(zaakobject, name)):
            raise base.invalid(
                name, "Dit gegeven mag niet veranderen.", "wijzigen-niet-toegelaten"
            )
        fields.pop(name, None)
    if fields.get("zaakobjecttype") is not None:
        base.same_zaaktype(
            zaakobject.zaak,
            fields["zaakobjecttype"],
            "zaakobjecttype",
            "zaakobjecttype",
        )
    for name, value in fields.items():
        setattr(zaakobject, name, value)
    zaakobject.save()
    base.record(zaakobject, base.update_actie(partial), actor, oud=oud)
    return zaakobject


@transaction.atomic
def delete_zaakobject(zaakobject: ZaakObject, *, actor: Actor) -> None:
    base.destroy(zaakobject, actor)


def _key(value):
    return getattr(value, "pk", value)


# -- zaakeigenschappen ---------------------------------------------------------------


@transaction.atomic
def add_zaakeigenschap(
    zaak: Zaak, *, actor: Actor, eigenschap, waarde: str
) -> ZaakEigenschap:
    """Give a zaak a value for an eigenschap of its zaaktype (zrc-018)."""
    base.same_zaaktype(zaak, eigenschap, "eigenschap", "eigenschap")
    zaakeigenschap = ZaakEigenschap.objects.create(
        zaak=zaak, eigenschap=eigenschap, naam=eigenschap.naam, waarde=waarde
    )
    base.record(zaakeigenschap, "create", actor)
    return zaakeigenschap


@transaction.atomic
def update_zaakeigenschap(
    zaakeigenschap: ZaakEigenschap,
    *,
    actor: Actor,
    waarde: str,
    eigenschap=None,
    partial: bool = True,
) -> ZaakEigenschap:
    """Only the value of a zaakeigenschap can change."""
    oud = base.snapshot(zaakeigenschap)
    if eigenschap is not None and eigenschap.pk != zaakeigenschap.eigenschap_id:
        raise base.invalid(
            "eigenschap",
            "Alleen de waarde van een zaakeigenschap kan veranderen.",
            "wijzigen-niet-toegelaten",
        )
    zaakeigenschap.waarde = waarde
    zaakeigenschap.save()
    base.record(zaakeigenschap, base.update_actie(partial), actor, oud=oud)
    return zaakeigenschap


@transaction.atomic
def delete_zaakeigenschap(zaakeigenschap: ZaakEigenschap, *, actor: Actor) -> None:
    base.destroy(zaakeigenschap, actor)
