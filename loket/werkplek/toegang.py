"""Who sees and does what in the werkplek, in one place.

- Everybody sees only zaken of the gemeenten their organisation serves, and only up
  to their own ``max_vertrouwelijkheid``.
- A behandelaar or teamleider sees the zaken of their teams and the zaken assigned
  to them; a KCC-medewerker sees every zaak (to answer questions about it) but
  handles none. Other roles have no werkplek.
- Handling (status, besluit, documents, ...) is for a behandelaar or teamleider of
  the zaak's team, or the person it is assigned to; assigning to someone else is for
  the teamleider.
- Platform beheerders (superusers) see and do everything.
"""

from django.db.models import Q, QuerySet

from loket.organisaties import selectors as organisaties
from loket.organisaties.roles import Rolcode
from loket.werkplek.models import Behandeling
from loket.zgw.catalogi.choices import Vertrouwelijkheid

BEHANDELROLLEN = frozenset({Rolcode.BEHANDELAAR, Rolcode.TEAMLEIDER})
WERKPLEKROLLEN = BEHANDELROLLEN | {Rolcode.KCC_MEDEWERKER}


def heeft_werkplek(medewerker) -> bool:
    return medewerker.is_active and (
        medewerker.is_superuser or bool(medewerker.rolcodes & WERKPLEKROLLEN)
    )


def is_kcc(medewerker) -> bool:
    return medewerker.is_superuser or Rolcode.KCC_MEDEWERKER in medewerker.rolcodes


def _eenmaal(medewerker, sleutel: str, maak):
    """Computed once per staff member object (``request.user`` lives as long as
    the request), so several checks in one request ask the database once."""
    cache = medewerker.__dict__.setdefault("_toegang", {})
    if sleutel not in cache:
        cache[sleutel] = maak()
    return cache[sleutel]


def team_ids(medewerker) -> frozenset[int]:
    return _eenmaal(
        medewerker,
        "teams",
        lambda: frozenset(medewerker.teams.values_list("pk", flat=True)),
    )


def gemeente_ids(medewerker) -> frozenset[int]:
    return _eenmaal(
        medewerker,
        "gemeenten",
        lambda: frozenset(
            organisaties.gemeenten_for(medewerker).values_list("pk", flat=True)
        ),
    )


def zichtbaar(medewerker, *, teams=None) -> QuerySet[Behandeling]:
    """The zaken (their werkplek rows) this staff member may see; with ``teams``
    (ids) only those in these teams (queues: an index answers it without the
    condition on the handler)."""
    rijen = Behandeling.objects.all()
    if teams is not None:
        teams = set(teams)
        rijen = rijen.filter(team__in=teams)
    if medewerker.is_superuser:
        return rijen
    if not heeft_werkplek(medewerker):
        return rijen.none()
    rijen = rijen.filter(
        gemeente__in=organisaties.gemeenten_for(medewerker).values("pk"),
        vertrouwelijkheid__lte=Vertrouwelijkheid.rank(medewerker.max_vertrouwelijkheid),
    )
    if Rolcode.KCC_MEDEWERKER in medewerker.rolcodes:
        return rijen
    eigen = set(team_ids(medewerker))
    if teams is not None:
        anders = teams - eigen
        return rijen.filter(
            Q(team__in=teams & eigen) | Q(team__in=anders, behandelaar=medewerker)
        )
    return rijen.filter(Q(team__in=eigen) | Q(behandelaar=medewerker))


def mag_zien(medewerker, behandeling: Behandeling) -> bool:
    """The rules of ``zichtbaar`` for one row already loaded (a test holds the two
    to the same answer)."""
    if medewerker.is_superuser:
        return True
    if not heeft_werkplek(medewerker):
        return False
    if behandeling.gemeente_id not in gemeente_ids(
        medewerker
    ) or behandeling.vertrouwelijkheid > Vertrouwelijkheid.rank(
        medewerker.max_vertrouwelijkheid
    ):
        return False
    if Rolcode.KCC_MEDEWERKER in medewerker.rolcodes:
        return True
    return (
        behandeling.team_id in team_ids(medewerker)
        or behandeling.behandelaar_id == medewerker.pk
    )


def mag_behandelen(medewerker, behandeling: Behandeling) -> bool:
    """May change the zaak: its team's behandelaar or teamleider, or its handler."""
    if medewerker.is_superuser:
        return True
    if not (medewerker.is_active and medewerker.rolcodes & BEHANDELROLLEN):
        return False
    if not mag_zien(medewerker, behandeling):
        return False
    return behandeling.behandelaar_id == medewerker.pk or (
        behandeling.team_id is not None and behandeling.team_id in team_ids(medewerker)
    )


def mag_toewijzen(medewerker, behandeling: Behandeling) -> bool:
    """May assign the zaak to another person or team: the teamleider of its team."""
    if medewerker.is_superuser:
        return True
    return Rolcode.TEAMLEIDER in medewerker.rolcodes and mag_behandelen(
        medewerker, behandeling
    )
