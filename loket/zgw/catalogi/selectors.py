"""Reading the catalogue: how the rest of Loket (forms, werkplek, beheer) finds
catalogi, zaaktypen and their parts without HTTP. The Catalogi API uses the same
filters.

A zaaktype (like an informatieobjecttype or besluittype) has versions: rows with
the same ``identificatie`` in one catalogus and consecutive validity periods.
Outside the beheer only published versions count (``concept=False``).
"""

from datetime import date

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from loket.organisaties.selectors import gemeenten_for
from loket.zgw.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    ResultaatType,
    StatusType,
    ZaakType,
    geldig_op,
)

STATUS_VALUES = ("alles", "concept", "definitief")


def catalogussen_for(medewerker) -> QuerySet[Catalogus]:
    """The catalogi a staff member may see: those of the gemeenten their
    organisation serves (platform beheerders: all). A catalogus without a gemeente
    (an RSIN of no gemeente in this installation) is for platform beheerders only."""
    if medewerker.is_superuser:
        return Catalogus.objects.select_related("gemeente")
    return Catalogus.objects.filter(
        gemeente__in=gemeenten_for(medewerker)
    ).select_related("gemeente")


def catalogus_of(gemeente) -> Catalogus | None:
    """The catalogus of a gemeente (the first, if it keeps several)."""
    return Catalogus.objects.filter(gemeente=gemeente).order_by("pk").first()


def with_status(queryset: QuerySet, status: str, prefix: str = "") -> QuerySet:
    """Filter on ``concept`` as the API's ``status`` parameter means it:
    ``concept``, ``definitief`` (published) or ``alles``."""
    if status == "concept":
        return queryset.filter(**{f"{prefix}concept": True})
    if status == "definitief":
        return queryset.filter(**{f"{prefix}concept": False})
    return queryset


def valid_on(queryset: QuerySet, day: date | None, prefix: str = "") -> QuerySet:
    """The versions valid on ``day`` (all of them when ``day`` is None)."""
    if day is None:
        return queryset
    return queryset.filter(geldig_op(day, prefix))


def zaaktypen(
    catalogus: Catalogus, *, day: date | None = None, status: str = "definitief"
) -> QuerySet[ZaakType]:
    """The zaaktypen of a catalogus; with ``day`` only the version valid then."""
    queryset = ZaakType.objects.filter(catalogus=catalogus).order_by(
        "identificatie", "begin_geldigheid"
    )
    return valid_on(with_status(queryset, status), day)


def current_zaaktypen(catalogus: Catalogus) -> QuerySet[ZaakType]:
    """The published zaaktypen valid today: what a new zaak can be of."""
    return zaaktypen(catalogus, day=timezone.localdate())


def zaaktype_version(
    catalogus: Catalogus, identificatie: str, day: date | None = None
) -> ZaakType | None:
    """The published version of a zaaktype valid on ``day`` (today by default)."""
    day = day or timezone.localdate()
    return zaaktypen(catalogus, day=day).filter(identificatie=identificatie).first()


def zaaktype_with_parts(zaaktype_uuid) -> ZaakType | None:
    """A zaaktype with its statustypen (in order), resultaattypen, roltypen,
    eigenschappen and document types fetched in one go."""
    return (
        ZaakType.objects.filter(uuid=zaaktype_uuid)
        .select_related("catalogus", "selectielijst_procestype")
        .prefetch_related(
            Prefetch("statustypen", StatusType.objects.order_by("volgnummer")),
            Prefetch(
                "resultaattypen",
                ResultaatType.objects.select_related("selectielijstklasse"),
            ),
            "roltypen",
            "eigenschappen",
            "informatieobjecttypen",
        )
        .first()
    )


def informatieobjecttypen(
    catalogus: Catalogus, *, day: date | None = None, status: str = "definitief"
) -> QuerySet[InformatieObjectType]:
    queryset = InformatieObjectType.objects.filter(catalogus=catalogus).order_by(
        "omschrijving", "begin_geldigheid"
    )
    return valid_on(with_status(queryset, status), day)


def besluittypen(
    catalogus: Catalogus, *, day: date | None = None, status: str = "definitief"
) -> QuerySet[BesluitType]:
    queryset = BesluitType.objects.filter(catalogus=catalogus).order_by(
        "omschrijving", "begin_geldigheid"
    )
    return valid_on(with_status(queryset, status), day)
