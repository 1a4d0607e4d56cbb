"""Keeps ``Behandeling`` (the werkplek's read model) in step with the Zaken
register: every change Loket publishes on the kanaal ``zaken`` that touches what a
queue shows (the zaak, a status, a rol, the resultaat) rebuilds the zaak's row,
inside the transaction of the change."""

from loket.organisaties.models import Medewerker, Team
from loket.werkplek.models import Behandeling, Fase, Routering
from loket.zgw.catalogi.choices import RolOmschrijving, Vertrouwelijkheid
from loket.zgw.zaken import selectors as zaken
from loket.zgw.zaken.choices import BetrokkeneType

RESOURCES = {"zaak", "status", "rol", "resultaat"}
MEDEWERKER_PREFIX = "medewerker-"
VELDEN = [f.name for f in Behandeling._meta.concrete_fields if not f.primary_key]


def on_notificatie(notificatie) -> None:
    if notificatie.kanaal != "zaken" or notificatie.resource not in RESOURCES:
        return
    if notificatie.resource == "zaak" and notificatie.actie == "destroy":
        return  # the row went with the zaak
    bijwerken(notificatie.hoofd_object.rstrip("/").rsplit("/", 1)[-1])


def bijwerken(zaak_uuid) -> Behandeling | None:
    """Rebuild the row of one zaak from the register."""
    zaak = zaken.zaak_met_rollen(zaak_uuid)
    if zaak is None:
        return None
    rij = behandeling_van(zaak)
    Behandeling.objects.bulk_create(
        [rij], update_conflicts=True, unique_fields=["zaak"], update_fields=VELDEN
    )
    return rij


def behandeling_van(zaak) -> Behandeling:
    rollen = list(zaak.rollen.all())
    behandelaars = [
        r for r in rollen if r.omschrijving_generiek == RolOmschrijving.BEHANDELAAR
    ]
    initiator = next(
        (r for r in rollen if r.omschrijving_generiek == RolOmschrijving.INITIATOR),
        None,
    )
    team_id = _team(zaak, behandelaars)
    behandelaar_id = _medewerker(behandelaars)
    if zaak.einddatum:
        fase = Fase.AFGEHANDELD
    elif zaak.opschorting_indicatie:
        fase = Fase.OPGESCHORT
    elif behandelaar_id:
        fase = Fase.IN_BEHANDELING
    else:
        fase = Fase.NIEUW
    naam = initiator.naam() if initiator else ""
    adres = initiator.adres() if initiator else ""
    bsn = initiator.inp_bsn if initiator else ""
    kvk = initiator.kvk_nummer if initiator else ""
    return Behandeling(
        zaak_id=zaak.pk,
        gemeente_id=zaak.gemeente_id,
        zaaktype_id=zaak.zaaktype_id,
        vertrouwelijkheid=Vertrouwelijkheid.rank(zaak.vertrouwelijkheidaanduiding),
        team_id=team_id,
        behandelaar_id=behandelaar_id,
        fase=fase,
        status=zaak.status.statustype.omschrijving[:80] if zaak.status else "",
        identificatie=zaak.identificatie,
        omschrijving=zaak.omschrijving,
        registratiedatum=zaak.registratiedatum,
        uiterste_datum=zaak.uiterlijke_einddatum_afdoening or zaak.einddatum_gepland,
        einddatum=zaak.einddatum,
        initiator_naam=naam[:200],
        initiator_bsn=bsn,
        initiator_kvk=kvk,
        initiator_adres=adres[:200],
        zoektekst=" ".join(
            d
            for d in (zaak.identificatie, zaak.omschrijving, naam, adres, bsn, kvk)
            if d
        ),
    )


def _team(zaak, behandelaars) -> int | None:
    """The team named as organisatorische eenheid in the newest behandelaar rol,
    among the teams of the organisations serving the zaak's gemeente; without one,
    the team the zaaktype is routed to."""
    for rol in reversed(behandelaars):
        if rol.betrokkene_type == BetrokkeneType.ORGANISATORISCHE_EENHEID:
            team = (
                Team.objects.filter(
                    code=rol.organisatorische_eenheid_identificatie,
                    organisatie__gemeenten=zaak.gemeente_id,
                )
                .values_list("pk", flat=True)
                .first()
            )
            if team:
                return team
    return (
        Routering.objects.filter(
            organisatie__gemeenten=zaak.gemeente_id,
            zaaktype_identificatie=zaak.zaaktype.identificatie,
        )
        .values_list("team_id", flat=True)
        .first()
    )


def _medewerker(behandelaars) -> int | None:
    """The staff member named in the newest behandelaar rol of type medewerker."""
    for rol in reversed(behandelaars):
        ident = rol.medewerker_identificatie
        if rol.betrokkene_type == BetrokkeneType.MEDEWERKER and ident.startswith(
            MEDEWERKER_PREFIX
        ):
            pk = ident.removeprefix(MEDEWERKER_PREFIX)
            if pk.isdigit() and Medewerker.objects.filter(pk=int(pk)).exists():
                return int(pk)
    return None
