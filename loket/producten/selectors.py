"""Reading the product catalogue: a product as it applies in one gemeente
(``ProductView``: the shared definition with the gemeente's overrides), search
and life events for the public pages, and what a staff member may manage.

A gemeente's products are read in three queries (the products with their
definitions, and the life events of both); everything else on a page is worked
out from that list in Python.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from loket.organisaties.selectors import gemeenten_for, organisaties_for
from loket.producten import zoeken
from loket.producten.models import (
    Doelgroep,
    Gemeenteproduct,
    Kanaal,
    Levensgebeurtenis,
    Productdefinitie,
)

STANDAARD_UITKOMST = "een besluit"


@dataclass(frozen=True)
class LevensgebeurtenisView:
    slug: str
    naam: str
    uitleg: str
    volgorde: int


@dataclass(frozen=True)
class ProductView:
    """The product as it applies in one gemeente."""

    slug: str
    naam: str
    samenvatting: str
    doelgroep: str  # "burger" | "bedrijf" | "beide"
    servicenorm_dagen: int | None  # calendar days
    online_aanvraagbaar: bool
    zaaktype_identificatie: str  # in the gemeente's catalogus, or ""
    kosten: str
    beschrijving: str = ""
    voorwaarden: tuple[str, ...] = ()
    uitkomst: str = STANDAARD_UITKOMST
    kanalen: tuple[str, ...] = ()
    zoekwoorden: tuple[str, ...] = ()
    upl_naam: str = ""
    upl_uri: str = ""
    levensgebeurtenissen: tuple[LevensgebeurtenisView, ...] = ()
    gemeente_slug: str = ""

    @property
    def servicenorm_termijn(self) -> str:
        """The service norm in words: "3 dagen", "1 week", "8 weken"."""
        days = self.servicenorm_dagen
        if days is None:
            return ""
        if days and days % 7 == 0:
            weeks = days // 7
            return "1 week" if weeks == 1 else f"{weeks} weken"
        return "1 dag" if days == 1 else f"{days} dagen"

    @property
    def servicenorm_tekst(self) -> str:
        """E.g. "U krijgt binnen 8 weken een besluit." ("" without a norm)."""
        if self.servicenorm_dagen is None:
            return ""
        return f"U krijgt binnen {self.servicenorm_termijn} {self.uitkomst}."

    @property
    def doelgroep_label(self) -> str:
        return Doelgroep(self.doelgroep).label

    @property
    def kanaal_labels(self) -> list[str]:
        return [Kanaal(k).label for k in self.kanalen]

    def heeft_kanaal(self, kanaal: str) -> bool:
        return kanaal in self.kanalen


def _levensgebeurtenis_view(lg: Levensgebeurtenis) -> LevensgebeurtenisView:
    return LevensgebeurtenisView(lg.slug, lg.naam, lg.uitleg, lg.volgorde)


def resolve(gemeenteproduct: Gemeenteproduct) -> ProductView:
    """The definition with the gemeente's overrides. Expects ``definitie`` and
    both sets of life events to be loaded (see ``_published``)."""
    gp, definitie = gemeenteproduct, gemeenteproduct.definitie

    def pick(name: str):
        value = getattr(gp, name)
        return getattr(definitie, name) if value in ("", None, []) else value

    levensgebeurtenissen = list(gp.levensgebeurtenissen.all()) or list(
        definitie.levensgebeurtenissen.all()
    )
    levensgebeurtenissen.sort(key=lambda lg: (lg.volgorde, lg.naam))
    zoekwoorden = zoeken.zoekwoorden_van(definitie.zoekwoorden)
    zoekwoorden += zoeken.zoekwoorden_van(gp.zoekwoorden)
    voorwaarden = pick("voorwaarden")
    return ProductView(
        slug=gp.slug,
        naam=pick("naam"),
        samenvatting=pick("samenvatting"),
        doelgroep=pick("doelgroep"),
        servicenorm_dagen=pick("servicenorm_dagen"),
        online_aanvraagbaar=pick("online_aanvraagbaar"),
        zaaktype_identificatie=pick("zaaktype_identificatie"),
        kosten=pick("kosten"),
        beschrijving=pick("beschrijving"),
        voorwaarden=tuple(
            line.strip().lstrip("-•* ").strip()
            for line in voorwaarden.splitlines()
            if line.strip()
        ),
        uitkomst=pick("uitkomst") or STANDAARD_UITKOMST,
        kanalen=tuple(pick("kanalen")),
        zoekwoorden=tuple(zoekwoorden),
        upl_naam=definitie.upl_naam,
        upl_uri=definitie.upl_uri,
        levensgebeurtenissen=tuple(
            _levensgebeurtenis_view(lg) for lg in levensgebeurtenissen
        ),
        gemeente_slug=gp.gemeente.slug,
    )


def _published(gemeente) -> QuerySet[Gemeenteproduct]:
    return (
        Gemeenteproduct.objects.filter(gemeente=gemeente, gepubliceerd=True)
        .select_related("definitie", "gemeente")
        .prefetch_related("levensgebeurtenissen", "definitie__levensgebeurtenissen")
    )


def product(gemeente, slug: str) -> ProductView | None:
    """The product with this slug as it applies in the gemeente; None if it is
    not published there."""
    found = _published(gemeente).filter(slug=slug).first()
    return resolve(found) if found else None


def producten_for(gemeente) -> list[ProductView]:
    """The products published in the gemeente, from A to Z."""
    views = [resolve(gp) for gp in _published(gemeente)]
    views.sort(key=lambda view: view.naam.casefold())
    return views


def online_aanvraagbaar_telling(gemeente_ids: list[int]) -> tuple[int, int]:
    """Of the products published in these gemeenten: how many can be requested
    online (the gemeente's setting, else the definition's), and how many there
    are. One query, for the sturing indicator."""
    telling = Gemeenteproduct.objects.filter(
        gemeente_id__in=gemeente_ids, gepubliceerd=True
    ).aggregate(
        online=Count(
            "pk",
            filter=Q(online_aanvraagbaar=True)
            | Q(online_aanvraagbaar__isnull=True, definitie__online_aanvraagbaar=True),
        ),
        totaal=Count("pk"),
    )
    return telling["online"], telling["totaal"]


def zoek_in(producten: list[ProductView], tekst: str) -> list[ProductView]:
    return zoeken.rangschik(producten, tekst)


def zoek(gemeente, tekst: str) -> list[ProductView]:
    """The gemeente's products matching ``tekst``, best first; tolerates typing
    errors ("parkeervergunnig") and other words for a product ("verhuizen")."""
    return zoek_in(producten_for(gemeente), tekst)


def levensgebeurtenissen_in(
    producten: list[ProductView],
) -> list[LevensgebeurtenisView]:
    found = {lg for view in producten for lg in view.levensgebeurtenissen}
    return sorted(found, key=lambda lg: (lg.volgorde, lg.naam))


def levensgebeurtenissen_for(gemeente) -> list[LevensgebeurtenisView]:
    """The life events that have at least one product in the gemeente."""
    return levensgebeurtenissen_in(producten_for(gemeente))


def producten_bij(
    producten: list[ProductView], levensgebeurtenis_slug: str
) -> list[ProductView]:
    return [
        view
        for view in producten
        if any(lg.slug == levensgebeurtenis_slug for lg in view.levensgebeurtenissen)
    ]


def levensgebeurtenis(slug: str) -> LevensgebeurtenisView | None:
    found = Levensgebeurtenis.objects.filter(slug=slug).first()
    return _levensgebeurtenis_view(found) if found else None


def alle_levensgebeurtenissen() -> QuerySet[Levensgebeurtenis]:
    return Levensgebeurtenis.objects.all()


# -- for the beheer --


def productdefinities_for(medewerker) -> QuerySet[Productdefinitie]:
    """The definitions of the staff member's own organisation (platform
    beheerders: all)."""
    return Productdefinitie.objects.filter(
        organisatie__in=organisaties_for(medewerker)
    ).select_related("organisatie")


def gemeenteproducten_for(medewerker) -> QuerySet[Gemeenteproduct]:
    """The products in the gemeenten the staff member works for."""
    return Gemeenteproduct.objects.filter(
        gemeente__in=gemeenten_for(medewerker)
    ).select_related("gemeente", "definitie")
