"""Who handles a zaak: taking it, assigning it, giving it back, and which team a
zaaktype goes to. Each change is a rol in the Zaken register (omschrijving generiek
*behandelaar*: a medewerker for the person, an organisatorische eenheid for the
team), made through the Zaken services; the read model follows by itself."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from loket.organisaties.models import Medewerker, Organisatie, Team
from loket.werkplek import toegang
from loket.werkplek.models import Behandeling, Fase, Routering
from loket.werkplek.services import actor
from loket.zgw.catalogi.choices import RolOmschrijving, Vertrouwelijkheid
from loket.zgw.zaken import selectors as zaken_selectors
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.choices import BetrokkeneType
from loket.zgw.zaken.models import Zaak

GEEN_TOEGANG = "U mag deze zaak niet behandelen."
GEEN_TOEWIJZING = "Alleen de teamleider van het team van deze zaak mag haar toewijzen."


@transaction.atomic
def neem(behandeling_of_zaak, *, medewerker) -> Behandeling:
    """``medewerker`` takes the zaak: they become its behandelaar. A zaak that
    someone else already handles can only be taken over by a teamleider."""
    rij = _vergrendel(behandeling_of_zaak)
    if not toegang.mag_behandelen(medewerker, rij):
        raise PermissionDenied(GEEN_TOEGANG)
    _moet_open_zijn(rij)
    if rij.behandelaar_id == medewerker.pk:
        return rij
    if rij.behandelaar_id and not toegang.mag_toewijzen(medewerker, rij):
        raise ValidationError(
            f"{rij.behandelaar.naam} behandelt deze zaak al. Vraag de teamleider "
            "als u haar wilt overnemen."
        )
    _zet_behandelaar(rij, medewerker, actor(medewerker, "Zaak in behandeling genomen"))
    return _opnieuw(rij)


@transaction.atomic
def wijs_toe(
    behandeling_of_zaak,
    *,
    door,
    medewerker: Medewerker | None = None,
    team: Team | None = None,
) -> Behandeling:
    """The teamleider ``door`` assigns the zaak to a person (who becomes its
    behandelaar) or to a team (the zaak goes to that team's queue, without a
    behandelaar)."""
    if (medewerker is None) == (team is None):
        raise ValidationError("Kies één medewerker of één team.")
    rij = _vergrendel(behandeling_of_zaak)
    if not toegang.mag_toewijzen(door, rij):
        raise PermissionDenied(GEEN_TOEWIJZING)
    _moet_open_zijn(rij)
    if medewerker is not None:
        _mag_behandelaar_worden(rij, medewerker, door)
        if rij.behandelaar_id != medewerker.pk:
            _zet_behandelaar(
                rij, medewerker, actor(door, f"Zaak toegewezen aan {medewerker.naam}")
            )
    else:
        _mag_team_worden(rij, team, door)
        _zet_team(rij, team, actor(door, f"Zaak toegewezen aan team {team.naam}"))
    return _opnieuw(rij)


@transaction.atomic
def geef_terug(behandeling_of_zaak, *, medewerker) -> Behandeling:
    """The zaak goes back to its team's queue, without a behandelaar: by the
    person handling it, or by the teamleider."""
    rij = _vergrendel(behandeling_of_zaak)
    mag = (
        rij.behandelaar_id == medewerker.pk and toegang.mag_behandelen(medewerker, rij)
    ) or toegang.mag_toewijzen(medewerker, rij)
    if not mag:
        raise PermissionDenied(GEEN_TOEGANG)
    _moet_open_zijn(rij)
    if rij.behandelaar_id is None:
        raise ValidationError("Deze zaak heeft geen behandelaar.")
    if rij.team_id is None:
        raise ValidationError(
            "Deze zaak hoort bij geen team. Wijs haar toe aan een team in plaats "
            "van haar terug te geven."
        )
    zaak = _zaak(rij)
    for rol in _behandelaarrollen(zaak, BetrokkeneType.MEDEWERKER):
        zaken.delete_rol(rol, actor=actor(medewerker, "Zaak teruggegeven aan team"))
    return _opnieuw(rij)


@transaction.atomic
def routeer(
    organisatie: Organisatie, zaaktype_identificatie: str, team: Team
) -> tuple[Routering, bool]:
    """New zaken of this zaaktype (any version) without a team go to ``team``.
    Keeps an existing routering as it is; returns it and whether it is new."""
    if team.organisatie_id != organisatie.pk:
        raise ValidationError(
            {"team": f"Team {team.naam} hoort niet bij {organisatie.naam}."}
        )
    routering = Routering.objects.filter(
        organisatie=organisatie, zaaktype_identificatie=zaaktype_identificatie
    ).first()
    if routering is not None:
        return routering, False
    routering = Routering(
        organisatie=organisatie,
        zaaktype_identificatie=zaaktype_identificatie,
        team=team,
    )
    routering.full_clean()
    routering.save()
    return routering, True


@transaction.atomic
def bewaar_routering(routering: Routering) -> Routering:
    """Save a routering made or changed in the beheer: the team must belong to
    the organisation."""
    if routering.team.organisatie_id != routering.organisatie_id:
        raise ValidationError(
            {"team": f"Team {routering.team.naam} hoort niet bij deze organisatie."}
        )
    routering.full_clean()
    routering.save()
    return routering


# -- rules ---------------------------------------------------------------------------


def _moet_open_zijn(rij: Behandeling) -> None:
    if rij.fase == Fase.AFGEHANDELD:
        raise ValidationError("Deze zaak is al afgehandeld.")


def _mag_behandelaar_worden(rij: Behandeling, medewerker: Medewerker, door) -> None:
    naam = medewerker.naam
    if not (medewerker.is_active and medewerker.rolcodes & toegang.BEHANDELROLLEN):
        raise ValidationError(
            f"{naam} kan geen zaken behandelen: deze medewerker heeft niet de rol "
            "behandelaar of teamleider."
        )
    if medewerker.organisatie_id is None or (
        not door.is_superuser and medewerker.organisatie_id != door.organisatie_id
    ):
        raise ValidationError(f"{naam} werkt niet bij uw organisatie.")
    if not medewerker.teams.filter(organisatie=medewerker.organisatie_id).exists():
        raise ValidationError(f"{naam} zit nog niet in een team.")
    if not Organisatie.objects.filter(
        pk=medewerker.organisatie_id, gemeenten=rij.gemeente_id
    ).exists():
        raise ValidationError(f"{naam} werkt niet voor de gemeente van deze zaak.")
    if rij.vertrouwelijkheid > Vertrouwelijkheid.rank(medewerker.max_vertrouwelijkheid):
        raise ValidationError(
            f"{naam} mag zaken met deze vertrouwelijkheid niet inzien."
        )


def _mag_team_worden(rij: Behandeling, team: Team, door) -> None:
    if not door.is_superuser and team.organisatie_id != door.organisatie_id:
        raise ValidationError(f"Team {team.naam} hoort niet bij uw organisatie.")
    if not Organisatie.objects.filter(
        pk=team.organisatie_id, gemeenten=rij.gemeente_id
    ).exists():
        raise ValidationError(
            f"Team {team.naam} werkt niet voor de gemeente van deze zaak."
        )


# -- the rollen ------------------------------------------------------------------------


def _vergrendel(behandeling_of_zaak) -> Behandeling:
    """The zaak's row, locked until the end of the transaction, so two people
    taking the same zaak at once are handled one after the other."""
    pk = behandeling_of_zaak.pk
    return (
        Behandeling.objects.select_for_update(of=("self",))
        .select_related("behandelaar", "zaak")
        .get(pk=pk)
    )


def _opnieuw(rij: Behandeling) -> Behandeling:
    return Behandeling.objects.select_related("behandelaar", "team").get(pk=rij.pk)


def _zaak(rij: Behandeling) -> Zaak:
    zaak = zaken_selectors.zaak_met_rollen(rij.zaak.uuid)
    if zaak is None:  # pragma: no cover - the row goes with the zaak
        raise ValidationError("Deze zaak bestaat niet meer.")
    return zaak


def _behandelaarrollen(zaak: Zaak, betrokkene_type: str) -> list:
    return [
        r
        for r in zaak.rollen.all()
        if r.omschrijving_generiek == RolOmschrijving.BEHANDELAAR
        and r.betrokkene_type == betrokkene_type
    ]


def _roltype(zaak: Zaak):
    roltype = (
        zaak.zaaktype.roltypen.filter(omschrijving_generiek=RolOmschrijving.BEHANDELAAR)
        .order_by("pk")
        .first()
    )
    if roltype is None:
        raise ValidationError(
            f"Het zaaktype {zaak.zaaktype.omschrijving} heeft geen roltype "
            "'behandelaar'. Vraag de functioneel beheerder om het toe te voegen."
        )
    return roltype


def _zet_behandelaar(rij: Behandeling, medewerker: Medewerker, wie) -> None:
    zaak = _zaak(rij)
    roltype = _roltype(zaak)
    for rol in _behandelaarrollen(zaak, BetrokkeneType.MEDEWERKER):
        zaken.delete_rol(rol, actor=wie)
    zaken.add_rol(
        zaak,
        actor=wie,
        roltype=roltype,
        betrokkene_type=BetrokkeneType.MEDEWERKER,
        betrokkene_identificatie={
            "identificatie": medewerker.zgw_identificatie,
            "achternaam": medewerker.naam[:200],
            "voorletters": "",
            "voorvoegselAchternaam": "",
        },
    )


def _zet_team(rij: Behandeling, team: Team, wie) -> None:
    zaak = _zaak(rij)
    roltype = _roltype(zaak)
    for rol in [
        *_behandelaarrollen(zaak, BetrokkeneType.MEDEWERKER),
        *_behandelaarrollen(zaak, BetrokkeneType.ORGANISATORISCHE_EENHEID),
    ]:
        zaken.delete_rol(rol, actor=wie)
    zaken.add_rol(
        zaak,
        actor=wie,
        roltype=roltype,
        betrokkene_type=BetrokkeneType.ORGANISATORISCHE_EENHEID,
        betrokkene_identificatie={
            "identificatie": team.code,
            "naam": team.naam[:50],
            "isGehuisvestIn": "",
        },
    )
