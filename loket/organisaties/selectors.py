"""Reads of gemeenten, organisations, teams and staff, limited to what a staff member
may see: the gemeenten their organisation serves, and their own organisation."""

from django.db.models import QuerySet
from django.http import Http404

from loket.organisaties.models import Gemeente, Medewerker, Organisatie, Team


def public_gemeenten() -> QuerySet[Gemeente]:
    return Gemeente.objects.filter(actief=True).order_by("naam")


def public_gemeente(slug: str) -> Gemeente | None:
    return Gemeente.objects.filter(slug=slug, actief=True).first()


def public_gemeente_or_404(slug: str) -> Gemeente:
    """For a page under /<gemeente>/: the gemeente, or the 404 page."""
    gemeente = public_gemeente(slug)
    if gemeente is None:
        raise Http404("Deze gemeente bestaat niet in Loket.")
    return gemeente


def gemeenten_for(medewerker: Medewerker) -> QuerySet[Gemeente]:
    """The gemeenten a staff member works for."""
    if medewerker.is_superuser:
        return Gemeente.objects.all()
    if not medewerker.is_active or medewerker.organisatie_id is None:
        return Gemeente.objects.none()
    return Gemeente.objects.filter(organisaties=medewerker.organisatie_id)


def organisaties_for(medewerker: Medewerker) -> QuerySet[Organisatie]:
    if medewerker.is_superuser:
        return Organisatie.objects.all()
    return Organisatie.objects.filter(pk=medewerker.organisatie_id)


def teams_for(medewerker: Medewerker) -> QuerySet[Team]:
    if medewerker.is_superuser:
        return Team.objects.select_related("organisatie")
    return Team.objects.filter(organisatie=medewerker.organisatie_id).select_related(
        "organisatie"
    )


def medewerkers_for(medewerker: Medewerker) -> QuerySet[Medewerker]:
    if medewerker.is_superuser:
        return Medewerker.objects.select_related("organisatie")
    return Medewerker.objects.filter(
        organisatie=medewerker.organisatie_id
    ).select_related("organisatie")
