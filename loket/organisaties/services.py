"""Every change to gemeenten, organisations, teams and staff goes through here."""

import logging
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from loket.organisaties.models import (
    Gemeente,
    Medewerker,
    Organisatie,
    Roltoekenning,
    Team,
    team_code,
)
from loket.organisaties.roles import Rolcode
from loket.organisaties.validators import validate_logo

logger = logging.getLogger(__name__)


# -- gemeenten --


@transaction.atomic
def create_gemeente(
    *, naam: str, slug: str, gemeentecode: str, rsin: str, **details
) -> Gemeente:
    """Register a municipality as a tenant of this installation."""
    gemeente = Gemeente(
        naam=naam, slug=slug, gemeentecode=gemeentecode, rsin=rsin, **details
    )
    gemeente.full_clean()
    gemeente.save()
    logger.info("gemeente aangemaakt", extra={"gemeente": gemeente.slug})
    return gemeente


@transaction.atomic
def update_gemeente(gemeente: Gemeente, **changes) -> Gemeente:
    """Change a municipality's details or branding; removes a replaced logo file."""
    previous_logo = (
        Gemeente.objects.filter(pk=gemeente.pk).values_list("logo", flat=True).first()
    )
    for field, value in changes.items():
        setattr(gemeente, field, value)
    gemeente.full_clean()
    gemeente.save()
    if previous_logo and previous_logo != gemeente.logo.name:
        storage = gemeente.logo.storage
        transaction.on_commit(lambda: storage.delete(previous_logo))
    return gemeente


def set_logo(gemeente: Gemeente, *, filename: str, content: bytes) -> Gemeente:
    """Replace the logo with a file's content, checked like an upload."""
    upload = ContentFile(content, name=filename)
    validate_logo(upload)
    gemeente.logo.save(filename, upload, save=False)
    return update_gemeente(gemeente)


# -- organisaties --


def check_gemeenten(soort: str, gemeenten: Iterable[Gemeente]) -> None:
    """An organisation serves at least one gemeente; a gemeente's own organisation
    serves exactly that one."""
    count = len(list(gemeenten))
    if count == 0:
        raise ValidationError(
            {"gemeenten": "Kies de gemeente(n) waarvoor deze organisatie werkt."}
        )
    if soort == Organisatie.Soort.GEMEENTE and count != 1:
        raise ValidationError(
            {
                "gemeenten": "Een gemeentelijke organisatie werkt voor precies één "
                "gemeente. Kies 'Werkorganisatie' als zij voor meer gemeenten werkt."
            }
        )


@transaction.atomic
def create_organisatie(
    *, naam: str, soort: str, gemeenten: Iterable[Gemeente], rsin: str = ""
) -> Organisatie:
    gemeenten = list(gemeenten)
    check_gemeenten(soort, gemeenten)
    organisatie = Organisatie(naam=naam, soort=soort, rsin=rsin)
    organisatie.full_clean()
    organisatie.save()
    organisatie.gemeenten.set(gemeenten)
    return organisatie


# -- teams --


@transaction.atomic
def create_team(
    *,
    organisatie: Organisatie,
    naam: str,
    omschrijving: str = "",
    emailadres="",
    code: str = "",
) -> Team:
    team = Team(
        organisatie=organisatie,
        naam=naam,
        code=code or team_code(naam),
        omschrijving=omschrijving,
        emailadres=emailadres,
    )
    team.full_clean()
    team.save()
    return team


@transaction.atomic
def update_team(team: Team, **changes) -> Team:
    for field, value in changes.items():
        setattr(team, field, value)
    team.full_clean()
    team.save()
    return team


# -- medewerkers --


def check_teams(organisatie: Organisatie | None, teams: Iterable[Team]) -> None:
    strangers = [
        t.naam for t in teams if t.organisatie_id != getattr(organisatie, "pk", None)
    ]
    if strangers:
        raise ValidationError(
            {
                "teams": "Deze teams horen bij een andere organisatie: "
                + ", ".join(sorted(strangers))
            }
        )


@transaction.atomic
def create_medewerker(
    *,
    email: str,
    naam: str,
    organisatie: Organisatie | None,
    rollen: Iterable[Rolcode | str] = (),
    teams: Iterable[Team] = (),
    password: str | None = None,
    is_superuser: bool = False,
    is_active: bool = True,
    is_demo: bool = False,
    max_vertrouwelijkheid: str = "",
) -> Medewerker:
    """Create a staff account. Without a password the person sets one through the
    invitation that ``identiteit.services.invite`` sends."""
    teams = list(teams)
    check_teams(organisatie, teams)
    medewerker = Medewerker(
        email=email,
        naam=naam,
        organisatie=organisatie,
        is_superuser=is_superuser,
        is_active=is_active,
        is_demo=is_demo,
    )
    if max_vertrouwelijkheid:
        medewerker.max_vertrouwelijkheid = max_vertrouwelijkheid
    if password:
        medewerker.set_password(password)
    else:
        medewerker.set_unusable_password()
    medewerker.full_clean()
    medewerker.save()
    _set_roles(medewerker, rollen)
    medewerker.teams.set(teams)
    logger.info(
        "medewerker aangemaakt",
        extra={"medewerker": str(medewerker.uuid), "organisatie": str(organisatie)},
    )
    return medewerker


@transaction.atomic
def update_medewerker(
    medewerker: Medewerker,
    *,
    rollen: Iterable[Rolcode | str] | None = None,
    teams: Iterable[Team] | None = None,
    **changes,
) -> Medewerker:
    for field, value in changes.items():
        setattr(medewerker, field, value)
    medewerker.full_clean()
    if teams is not None:
        teams = list(teams)
        check_teams(medewerker.organisatie, teams)
    medewerker.save()
    if rollen is not None:
        _set_roles(medewerker, rollen)
    if teams is not None:
        medewerker.teams.set(teams)
    return medewerker


def _set_roles(medewerker: Medewerker, rollen: Iterable[Rolcode | str]) -> None:
    wanted = {Rolcode(r) for r in rollen}
    current = set(medewerker.roltoekenningen.values_list("rol", flat=True))
    medewerker.roltoekenningen.exclude(rol__in=wanted).delete()
    Roltoekenning.objects.bulk_create(
        Roltoekenning(medewerker=medewerker, rol=rol) for rol in wanted - current
    )
    medewerker.__dict__.pop("rolcodes", None)
    if wanted != current:
        logger.info(
            "rollen gewijzigd",
            extra={"medewerker": str(medewerker.uuid), "rollen": sorted(wanted)},
        )
