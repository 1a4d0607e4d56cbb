"""The document format: which fields of which model, under which key, and the
envelope check. Described for people in docs/catalogus-uitwisseling.md."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models

from loket.zgw.catalogi.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)

FORMAAT = "loket-catalogus"
VERSIE = 1


def camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.capitalize() for part in rest)


@dataclass(frozen=True)
class Spec:
    """How one model appears in the document: its plain fields (exported under
    their camelCase name unless renamed) and the relations handled by hand."""

    model: type[models.Model]
    fields: tuple[str, ...]
    renamed: dict[str, str] = field(default_factory=dict)
    # Model fields and relations this module writes and reads itself.
    handled: tuple[str, ...] = ()

    def key(self, name: str) -> str:
        return self.renamed.get(name, camel(name))

    def keys(self) -> set[str]:
        return {self.key(name) for name in self.fields} | set(self.extra_keys)

    @property
    def extra_keys(self) -> tuple[str, ...]:
        return tuple(camel(name) for name in self.handled)


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GELDIG = "begin_geldigheid einde_geldigheid begin_object einde_object"

CATALOGUS = Spec(
    Catalogus,
    _names(
        """domein rsin naam versie begindatum_versie contactpersoon_beheer_naam
        contactpersoon_beheer_telefoonnummer contactpersoon_beheer_emailadres"""
    ),
)
INFORMATIEOBJECTTYPE = Spec(
    InformatieObjectType,
    _names(
        f"""omschrijving vertrouwelijkheidaanduiding informatieobjectcategorie
        trefwoord omschrijving_generiek omschrijving_generiek_definitie
        omschrijving_generiek_herkomst omschrijving_generiek_hierarchie
        omschrijving_generiek_opmerking {GELDIG} concept"""
    ),
)
BESLUITTYPE = Spec(
    BesluitType,
    _names(
        f"""omschrijving omschrijving_generiek besluitcategorie reactietermijn
        publicatie_indicatie publicatietekst publicatietermijn toelichting
        informatieobjecttype_omschrijvingen {GELDIG} concept"""
    ),
    renamed={"informatieobjecttype_omschrijvingen": "informatieobjecttypen"},
)
ZAAKTYPE = Spec(
    ZaakType,
    _names(
        f"""identificatie omschrijving omschrijving_generiek
        vertrouwelijkheidaanduiding doel aanleiding toelichting
        indicatie_intern_of_extern handeling_initiator onderwerp
        handeling_behandelaar doorlooptijd servicenorm
        opschorting_en_aanhouding_mogelijk verlenging_mogelijk verlengingstermijn
        trefwoorden publicatie_indicatie publicatietekst verantwoordingsrelatie
        producten_of_diensten referentieproces_naam referentieproces_link
        verantwoordelijke broncatalogus_url broncatalogus_domein broncatalogus_rsin
        bronzaaktype_url bronzaaktype_identificatie bronzaaktype_omschrijving
        besluittype_omschrijvingen {GELDIG} versiedatum concept"""
    ),
    renamed={"besluittype_omschrijvingen": "besluittypen"},
    handled=_names(
        """selectielijst_procestype deelzaaktypen gerelateerde_zaaktypen statustypen
        resultaattypen roltypen eigenschappen informatieobjecttypen zaakobjecttypen"""
    ),
)
STATUSTYPE = Spec(
    StatusType,
    _names(
        """omschrijving omschrijving_generiek statustekst volgnummer informeren
        doorlooptijd toelichting checklistitems"""
    ),
    renamed={"checklistitems": "checklistitemStatustype"},
    handled=("eigenschappen",),
)
RESULTAATTYPE = Spec(
    ResultaatType,
    _names(
        """omschrijving toelichting archiefnominatie archiefactietermijn
        brondatum_afleidingswijze brondatum_datumkenmerk brondatum_einddatum_bekend
        brondatum_objecttype brondatum_registratie brondatum_procestermijn
        procesobjectaard indicatie_specifiek procestermijn besluittype_omschrijvingen"""
    ),
    renamed={"besluittype_omschrijvingen": "besluittypen"},
    handled=(
        "resultaattypeomschrijving",
        "selectielijstklasse",
        "informatieobjecttypen",
    ),
)
ROLTYPE = Spec(RolType, ("omschrijving", "omschrijving_generiek"))
EIGENSCHAP = Spec(
    Eigenschap,
    _names(
        """naam definitie toelichting groep formaat lengte kardinaliteit
        waardenverzameling"""
    ),
    handled=("statustype",),
)
ZAAKTYPE_INFORMATIEOBJECTTYPE = Spec(
    ZaakTypeInformatieObjectType,
    ("informatieobjecttype_omschrijving", "volgnummer", "richting"),
    renamed={"informatieobjecttype_omschrijving": "informatieobjecttype"},
    handled=("statustype",),
)
ZAAKOBJECTTYPE = Spec(
    ZaakObjectType,
    ("ander_objecttype", "objecttype", "relatie_omschrijving"),
    handled=("statustypen", "resultaattypen"),
)
SPECS = (
    CATALOGUS,
    INFORMATIEOBJECTTYPE,
    BESLUITTYPE,
    ZAAKTYPE,
    STATUSTYPE,
    RESULTAATTYPE,
    ROLTYPE,
    EIGENSCHAP,
    ZAAKTYPE_INFORMATIEOBJECTTYPE,
    ZAAKOBJECTTYPE,
)


def read_document(raw: bytes | str) -> dict:
    """Parse a file and check that it is a catalogus document this Loket knows."""
    try:
        document = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValidationError(
            f"Dit bestand is geen geldige JSON: {exc}.", code="invalid"
        ) from None
    check_document(document)
    return document


def check_document(document) -> None:
    """The envelope: formaat, versie and the lists; the rest is checked on import."""
    if not isinstance(document, dict) or document.get("formaat") != FORMAAT:
        raise ValidationError(
            f'Dit bestand is geen Loket-catalogus: "formaat" moet "{FORMAAT}" zijn.',
            code="invalid",
        )
    versie = document.get("versie")
    if versie != VERSIE:
        raise ValidationError(
            f"Dit bestand heeft versie {versie} van het formaat; deze Loket leest "
            f"versie {VERSIE}. Exporteer het opnieuw of werk Loket bij.",
            code="invalid",
        )
    for key in ("informatieobjecttypen", "besluittypen", "zaaktypen"):
        if not isinstance(document.get(key, []), list):
            raise ValidationError(f'"{key}" moet een lijst zijn.', code="invalid")
    if not isinstance(document.get("catalogus", {}), dict):
        raise ValidationError('"catalogus" moet een object zijn.', code="invalid")
