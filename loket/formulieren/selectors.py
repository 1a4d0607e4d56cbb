"""Reads of formulieren for pages and for other apps (Mijn Loket)."""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils import timezone

from loket.formulieren.models import Concept, Doelgroep, Formulier, Inzending


@dataclass(frozen=True)
class ConceptView:
    """An unsent draft as Mijn Loket lists it."""

    formulier_naam: str
    gemeente_slug: str
    gemeente_naam: str
    laatst_gewijzigd: datetime
    hervat_url: str
    verloopt_op: datetime


def open_concepten(inwoner) -> list[ConceptView]:
    """A resident's unsent, unexpired drafts in all gemeenten, newest first: for a
    person (DigiD) those of their BSN, for a company (eHerkenning) those of its
    KvK number and vestiging. Drafts staff fill in for them are not theirs to
    resume."""
    concepten = Concept.objects.filter(
        inzending__isnull=True,
        medewerker__isnull=True,
        verloopt_op__gt=timezone.now(),
    )
    if getattr(inwoner, "kvk", ""):
        concepten = concepten.filter(
            kvk=inwoner.kvk, vestigingsnummer=inwoner.vestigingsnummer or ""
        )
    elif getattr(inwoner, "bsn", ""):
        concepten = concepten.filter(bsn=inwoner.bsn, kvk="")
    else:
        return []
    return [
        ConceptView(
            formulier_naam=c.formulier.naam,
            gemeente_slug=c.formulier.gemeente.slug,
            gemeente_naam=c.formulier.gemeente.naam,
            laatst_gewijzigd=c.gewijzigd_op,
            hervat_url=hervat_url(c),
            verloopt_op=c.verloopt_op,
        )
        for c in concepten.select_related("formulier__gemeente").order_by(
            "-gewijzigd_op"
        )
    ]


def hervat_url(concept: Concept) -> str:
    formulier = concept.formulier
    return reverse(
        "gemeente:formulieren:hervat",
        kwargs={
            "gemeente_slug": formulier.gemeente.slug,
            "product_slug": formulier.product_slug,
            "token": concept.token,
        },
    )


def formulier(gemeente, product_slug: str) -> Formulier | None:
    """The active form of a product in a gemeente."""
    return (
        Formulier.objects.filter(
            gemeente=gemeente, product_slug=product_slug, actief=True
        )
        .select_related("gemeente")
        .first()
    )


def inzending(uuid) -> Inzending | None:
    return (
        Inzending.objects.filter(uuid=uuid)
        .select_related("formulier__gemeente", "concept")
        .first()
    )


@dataclass(frozen=True)
class NamensFormulier:
    gemeente_naam: str
    gemeente_slug: str
    product_slug: str
    naam: str


def namens_formulieren(medewerker, *, bedrijf: bool) -> list[NamensFormulier]:
    """The forms a staff member may fill in for this person or company, in the
    gemeenten their organisation serves (one query)."""
    from loket.organisaties import selectors as organisaties
    from loket.organisaties.roles import NAMENS_INWONER

    if not medewerker.is_superuser and not (medewerker.rolcodes & NAMENS_INWONER):
        return []
    doelgroepen = [Doelgroep.BEIDE, Doelgroep.BEDRIJF if bedrijf else Doelgroep.BURGER]
    rijen = (
        Formulier.objects.filter(
            actief=True,
            doelgroep__in=doelgroepen,
            gemeente__in=organisaties.gemeenten_for(medewerker).values("pk"),
        )
        .order_by("gemeente__naam", "naam", "product_slug")
        .values_list("gemeente__naam", "gemeente__slug", "product_slug", "naam")
    )
    return [
        NamensFormulier(g, s, p, n or p.replace("-", " ").capitalize())
        for g, s, p, n in rijen
    ]
