"""Every change to the product catalogue goes through here.

A definition is written once for its organisation; publishing puts it on the
website of one gemeente the organisation serves, where it may be specialised
(overrides) or taken offline again. Before anything is saved the rules are
checked on the product as it will apply in each gemeente concerned: its UPL
name is a municipal product, its zaaktype is in that gemeente's catalogus, and a
product that can be requested online has a zaaktype and the online channel.
"""

import logging
from collections.abc import Iterable

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from loket.producten import upl
from loket.producten.models import (
    Gemeenteproduct,
    Kanaal,
    Levensgebeurtenis,
    Productdefinitie,
)

logger = logging.getLogger(__name__)

DEFINITIE_VELDEN = frozenset(
    {
        "upl_uri",
        "naam",
        "slug",
        "samenvatting",
        "beschrijving",
        "voorwaarden",
        "kosten",
        "uitkomst",
        "servicenorm_dagen",
        "kanalen",
        "online_aanvraagbaar",
        "doelgroep",
        "zoekwoorden",
        "zaaktype_identificatie",
    }
)
# A gemeente may give every field its own value, except what identifies the product.
OVERRIDE_VELDEN = DEFINITIE_VELDEN - {"upl_uri", "slug"}


def _ordered_kanalen(kanalen) -> list[str]:
    """The chosen channels in a fixed order; unknown values are kept so that the
    field's validator names them."""
    kanalen = list(kanalen or [])
    known = [k for k in Kanaal.values if k in kanalen]
    return known + [k for k in kanalen if k not in Kanaal.values]


def _unknown_fields(changes: dict, allowed: frozenset[str]) -> None:
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"Onbekende velden: {', '.join(sorted(unknown))}")


def _set_upl(definitie: Productdefinitie) -> None:
    found = upl.zoek_uri(definitie.upl_uri or "")
    if found is None:
        raise ValidationError(
            {
                "upl_uri": "Kies een naam van de Uniforme Productnamenlijst die "
                "gemeenten aanbieden. Dit webadres staat daar niet bij."
            },
            code="upl",
        )
    definitie.upl_uri, definitie.upl_naam = found.uri, found.naam


def _effective(gemeenteproduct: Gemeenteproduct, name: str):
    value = getattr(gemeenteproduct, name)
    if value in ("", None, []):
        return getattr(gemeenteproduct.definitie, name)
    return value


def _zaaktype_in_catalogus(gemeente, identificatie: str) -> bool | None:
    """Whether the gemeente's catalogus has a published, current zaaktype with
    this identificatie; None when the gemeente has no catalogus to check."""
    from loket.zgw.catalogi import selectors as catalogi

    catalogus = catalogi.catalogus_of(gemeente)
    if catalogus is None:
        return None
    return catalogi.zaaktype_version(catalogus, identificatie) is not None


def _publication_errors(gemeenteproduct: Gemeenteproduct) -> dict[str, list[str]]:
    """The rules for the product as it applies in its gemeente, by field."""
    errors: dict[str, list[str]] = {}
    gemeente = gemeenteproduct.gemeente
    zaaktype = _effective(gemeenteproduct, "zaaktype_identificatie")
    online = _effective(gemeenteproduct, "online_aanvraagbaar")
    kanalen = _effective(gemeenteproduct, "kanalen")
    if zaaktype and _zaaktype_in_catalogus(gemeente, zaaktype) is False:
        errors.setdefault("zaaktype_identificatie", []).append(
            f"Zaaktype {zaaktype} staat niet gepubliceerd in de catalogus van "
            f"gemeente {gemeente.naam}. Kies een zaaktype uit die catalogus."
        )
    if online and not zaaktype:
        errors.setdefault("zaaktype_identificatie", []).append(
            "Een product dat helemaal online aan te vragen is, heeft een zaaktype "
            "nodig: de aanvraag wordt een zaak van dat type."
        )
    if online and Kanaal.ONLINE not in kanalen:
        errors.setdefault("kanalen", []).append(
            "Kies ook het kanaal 'Online': het product is online aan te vragen."
        )
    return errors


def _check_publication(gemeenteproduct: Gemeenteproduct) -> None:
    errors = _publication_errors(gemeenteproduct)
    if errors:
        raise ValidationError(errors)


def _check_served(definitie: Productdefinitie, gemeente) -> None:
    if not definitie.organisatie.gemeenten.filter(pk=gemeente.pk).exists():
        raise ValidationError(
            {
                "gemeente": f"{definitie.organisatie} werkt niet voor gemeente "
                f"{gemeente.naam}. Publiceer het product alleen in gemeenten van de "
                "eigen organisatie."
            },
            code="gemeente",
        )


def _check_zaaktype_known(definitie: Productdefinitie) -> None:
    """A zaaktype of a definition must be in the catalogus of at least one of the
    organisation's gemeenten (when any of them has a catalogus)."""
    if not definitie.zaaktype_identificatie:
        return
    answers = [
        _zaaktype_in_catalogus(gemeente, definitie.zaaktype_identificatie)
        for gemeente in definitie.organisatie.gemeenten.all()
    ]
    checked = [a for a in answers if a is not None]
    if checked and not any(checked):
        raise ValidationError(
            {
                "zaaktype_identificatie": f"Zaaktype "
                f"{definitie.zaaktype_identificatie} staat in geen enkele catalogus "
                "van de gemeenten van uw organisatie."
            },
            code="zaaktype",
        )


def _check_published_everywhere(definitie: Productdefinitie) -> None:
    """After a change of the definition: the rules in every gemeente where it is
    published, with the gemeente's name in front of each message."""
    messages = []
    for gp in definitie.gemeenteproducten.filter(gepubliceerd=True).select_related(
        "gemeente"
    ):
        gp.definitie = definitie
        for field_errors in _publication_errors(gp).values():
            messages += [f"In gemeente {gp.gemeente.naam}: {e}" for e in field_errors]
    if messages:
        raise ValidationError({NON_FIELD_ERRORS: messages})


def _sync_slug(definitie: Productdefinitie) -> None:
    for gp in definitie.gemeenteproducten.select_related("gemeente"):
        if gp.slug != definitie.slug:
            gp.slug = definitie.slug
            gp.full_clean()
            gp.save(update_fields=["slug", "gewijzigd_op"])


@transaction.atomic
def create_definitie(
    *,
    organisatie,
    upl_uri: str,
    naam: str,
    slug: str,
    samenvatting: str,
    beschrijving: str,
    levensgebeurtenissen: Iterable[Levensgebeurtenis] = (),
    **velden,
) -> Productdefinitie:
    """Define a product for an organisation (once for all its gemeenten). Other
    fields: voorwaarden, kosten, uitkomst, servicenorm_dagen, kanalen,
    online_aanvraagbaar, doelgroep, zoekwoorden, zaaktype_identificatie."""
    _unknown_fields(velden, DEFINITIE_VELDEN)
    if "kanalen" in velden:
        velden["kanalen"] = _ordered_kanalen(velden["kanalen"])
    definitie = Productdefinitie(
        organisatie=organisatie,
        upl_uri=upl_uri,
        naam=naam,
        slug=slug,
        samenvatting=samenvatting,
        beschrijving=beschrijving,
        **velden,
    )
    _set_upl(definitie)
    definitie.full_clean()
    _check_definition_rules(definitie)
    definitie.save()
    definitie.levensgebeurtenissen.set(levensgebeurtenissen)
    logger.info("productdefinitie aangemaakt", extra={"product": definitie.slug})
    return definitie


def _check_definition_rules(definitie: Productdefinitie) -> None:
    errors = {}
    if definitie.online_aanvraagbaar and not definitie.zaaktype_identificatie:
        errors["zaaktype_identificatie"] = (
            "Een product dat helemaal online aan te vragen is, heeft een zaaktype "
            "nodig: de aanvraag wordt een zaak van dat type."
        )
    if definitie.online_aanvraagbaar and Kanaal.ONLINE not in definitie.kanalen:
        errors["kanalen"] = (
            "Kies ook het kanaal 'Online': het product is online aan te vragen."
        )
    if errors:
        raise ValidationError(errors)
    _check_zaaktype_known(definitie)


@transaction.atomic
def update_definitie(
    definitie: Productdefinitie,
    *,
    levensgebeurtenissen: Iterable[Levensgebeurtenis] | None = None,
    **changes,
) -> Productdefinitie:
    """Change a definition; the change applies in every gemeente where it is
    published, except where that gemeente overrides the field."""
    _unknown_fields(changes, DEFINITIE_VELDEN)
    for name, value in changes.items():
        if name == "kanalen":
            value = _ordered_kanalen(value)
        setattr(definitie, name, value)
    _set_upl(definitie)
    definitie.full_clean()
    _check_definition_rules(definitie)
    definitie.save()
    if levensgebeurtenissen is not None:
        definitie.levensgebeurtenissen.set(levensgebeurtenissen)
    _sync_slug(definitie)
    _check_published_everywhere(definitie)
    logger.info("productdefinitie gewijzigd", extra={"product": definitie.slug})
    return definitie


def _apply_overrides(gemeenteproduct: Gemeenteproduct, overrides: dict) -> None:
    _unknown_fields(overrides, OVERRIDE_VELDEN)
    for name, value in overrides.items():
        if name == "kanalen":
            value = _ordered_kanalen(value)
        setattr(gemeenteproduct, name, value)


@transaction.atomic
def publiceer(
    *,
    definitie: Productdefinitie,
    gemeente,
    levensgebeurtenissen: Iterable[Levensgebeurtenis] | None = None,
    **overrides,
) -> Gemeenteproduct:
    """Put a product on the website of a gemeente its organisation serves, with
    what differs there (``overrides``: any field of the definition except its UPL
    name and web address; empty means "as the definition says"). A product taken
    offline before comes back with its earlier specialisation."""
    _check_served(definitie, gemeente)
    gemeenteproduct = Gemeenteproduct.objects.filter(
        definitie=definitie, gemeente=gemeente
    ).first() or Gemeenteproduct(definitie=definitie, gemeente=gemeente)
    gemeenteproduct.slug = definitie.slug
    gemeenteproduct.gepubliceerd = True
    _apply_overrides(gemeenteproduct, overrides)
    gemeenteproduct.full_clean()
    _check_publication(gemeenteproduct)
    gemeenteproduct.save()
    if levensgebeurtenissen is not None:
        gemeenteproduct.levensgebeurtenissen.set(levensgebeurtenissen)
    logger.info(
        "product gepubliceerd",
        extra={"product": definitie.slug, "gemeente": gemeente.slug},
    )
    return gemeenteproduct


@transaction.atomic
def specialiseer(
    gemeenteproduct: Gemeenteproduct,
    *,
    levensgebeurtenissen: Iterable[Levensgebeurtenis] | None = None,
    **overrides,
) -> Gemeenteproduct:
    """Change what differs in this gemeente; an empty value (or no life events)
    goes back to the definition's."""
    _apply_overrides(gemeenteproduct, overrides)
    gemeenteproduct.full_clean()
    if gemeenteproduct.gepubliceerd:
        _check_publication(gemeenteproduct)
    gemeenteproduct.save()
    if levensgebeurtenissen is not None:
        gemeenteproduct.levensgebeurtenissen.set(levensgebeurtenissen)
    return gemeenteproduct


@transaction.atomic
def depubliceer(gemeenteproduct: Gemeenteproduct) -> Gemeenteproduct:
    """Take a product off the gemeente's website; its specialisation is kept for
    when it is published again."""
    gemeenteproduct.gepubliceerd = False
    gemeenteproduct.save(update_fields=["gepubliceerd", "gewijzigd_op"])
    logger.info(
        "product niet meer gepubliceerd",
        extra={
            "product": gemeenteproduct.slug,
            "gemeente": gemeenteproduct.gemeente.slug,
        },
    )
    return gemeenteproduct


@transaction.atomic
def zorg_voor_levensgebeurtenissen() -> int:
    """Create the fixed life events that are missing (see
    ``levensgebeurtenissen.py``); returns how many were created."""
    from loket.producten.levensgebeurtenissen import LEVENSGEBEURTENISSEN

    created = 0
    for volgorde, (slug, naam, uitleg) in enumerate(LEVENSGEBEURTENISSEN, start=1):
        _, new = Levensgebeurtenis.objects.get_or_create(
            slug=slug, defaults={"naam": naam, "uitleg": uitleg, "volgorde": volgorde}
        )
        created += new
    return created


@transaction.atomic
def create_levensgebeurtenis(
    *, slug: str, naam: str, uitleg: str, volgorde: int = 0
) -> Levensgebeurtenis:
    levensgebeurtenis = Levensgebeurtenis(
        slug=slug, naam=naam, uitleg=uitleg, volgorde=volgorde
    )
    levensgebeurtenis.full_clean()
    levensgebeurtenis.save()
    return levensgebeurtenis


@transaction.atomic
def update_levensgebeurtenis(
    levensgebeurtenis: Levensgebeurtenis, **changes
) -> Levensgebeurtenis:
    _unknown_fields(changes, frozenset({"slug", "naam", "uitleg", "volgorde"}))
    for name, value in changes.items():
        setattr(levensgebeurtenis, name, value)
    levensgebeurtenis.full_clean()
    levensgebeurtenis.save()
    return levensgebeurtenis
