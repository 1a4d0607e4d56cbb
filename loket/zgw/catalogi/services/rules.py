"""The rules of the Catalogi standard that several types share, with the error codes
clients see (as ``invalidParams[].code``)."""

from datetime import date

from django.core.exceptions import ValidationError

from loket.zgw.api.formats import is_duration

# Error codes, in one place.
NON_CONCEPT = "non-concept-object"
NON_CONCEPT_ZAAKTYPE = "non-concept-zaaktype"
NON_CONCEPT_RELATION = "non-concept-relation"
CONCEPT_RELATION = "concept-relation"
OVERLAP = "overlap"
RELATIONS_INCORRECT_CATALOGUS = "relations-incorrect-catalogus"
DATE_MISMATCH = "date-mismatch"
BAD_URL = "bad-url"


def error(field: str, code: str, message: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def require_concept(obj, what: str) -> None:
    """ztc-009: a published version is not changed or removed."""
    if not obj.concept:
        raise ValidationError(
            f"Dit {what} is gepubliceerd en kan niet meer gewijzigd of verwijderd "
            "worden. Maak een nieuwe versie, of corrigeer met de scope "
            "catalogi.geforceerd-schrijven.",
            code=NON_CONCEPT,
        )


def require_concept_zaaktype(zaaktype, field: str = "zaaktype") -> None:
    """ztc-010/011a: the types below a published zaaktype stay as they are."""
    if not zaaktype.concept:
        raise error(
            field,
            NON_CONCEPT_ZAAKTYPE,
            "Het zaaktype is gepubliceerd: onderdelen kunnen alleen bij een concept "
            "(een nieuwe versie) toegevoegd, gewijzigd of verwijderd worden.",
        )


def check_period(begin: date, einde: date | None) -> None:
    if einde is not None and einde < begin:
        raise error(
            "einde_geldigheid",
            DATE_MISMATCH,
            "De einddatum van de geldigheid ligt vóór de begindatum.",
        )


def check_no_overlap(queryset, begin: date, einde: date | None, field: str, label: str):
    """Published versions of one type in one catalogus may not be valid at the same
    time. Concepts may overlap: the next version is prepared as a concept while the
    current one is still open-ended, then the current one gets its end date and the
    concept is published."""
    for other in queryset.filter(concept=False):
        other_end = other.einde_geldigheid or date.max
        this_end = einde or date.max
        if other.begin_geldigheid <= this_end and begin <= other_end:
            raise error(
                field,
                OVERLAP,
                f"Er bestaat al een versie van dit {label} die geldig is in (een deel "
                f"van) deze periode (vanaf {other.begin_geldigheid}). Zet eerst de "
                "einddatum van die versie.",
            )


def check_durations(values: dict[str, str | None]) -> None:
    errors = {
        name: ValidationError(
            "Geef een duur volgens ISO 8601, bijvoorbeeld P8W of P1Y.", code="invalid"
        )
        for name, value in values.items()
        if value not in (None, "") and not is_duration(value)
    }
    if errors:
        raise ValidationError(errors)
