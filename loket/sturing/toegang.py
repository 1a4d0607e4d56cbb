"""Who may see and change the sturing information, in one place.

- College members and council members (role *bestuurder*) read the dashboard, the
  council report, goals and projects of the gemeenten their organisation serves;
  they change nothing.
- Management (*teamleider*) and the *functioneel beheerder* read the same and keep
  goals and the projectenboek up to date.
- The public page "Zo doen we het" and open data need no login: they hold
  aggregates only, with small groups suppressed.
"""

from django.http import Http404

from loket.organisaties.models import Gemeente, Medewerker
from loket.organisaties.roles import Rolcode
from loket.organisaties.selectors import gemeenten_for

LEZEN = frozenset(
    {Rolcode.BESTUURDER, Rolcode.TEAMLEIDER, Rolcode.FUNCTIONEEL_BEHEERDER}
)
WIJZIGEN = frozenset({Rolcode.TEAMLEIDER, Rolcode.FUNCTIONEEL_BEHEERDER})


def mag_sturing_zien(medewerker: Medewerker) -> bool:
    return medewerker.is_superuser or bool(medewerker.rolcodes & LEZEN)


def mag_beleid_wijzigen(medewerker: Medewerker) -> bool:
    """Keep goals, programmes and the projectenboek up to date."""
    return medewerker.is_superuser or bool(medewerker.rolcodes & WIJZIGEN)


def gemeenten(medewerker: Medewerker) -> list[Gemeente]:
    """The gemeenten whose sturing information this person sees (empty without a
    sturing role), by name."""
    if not mag_sturing_zien(medewerker):
        return []
    return list(gemeenten_for(medewerker).order_by("naam"))


def mag_gemeente_zien(medewerker: Medewerker, gemeente: Gemeente) -> bool:
    return any(g.pk == gemeente.pk for g in gemeenten(medewerker))


def gemeente_of_404(medewerker: Medewerker, slug: str) -> Gemeente:
    """The gemeente in the address of a sturing or beleid page, if this person may
    see it; any other (or unknown) gemeente is a 404."""
    gemeente = next((g for g in gemeenten(medewerker) if g.slug == slug), None)
    if gemeente is None:
        raise Http404("Deze gemeente is niet gevonden.")
    return gemeente
