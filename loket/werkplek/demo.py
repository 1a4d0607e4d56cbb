"""The werkplek in the demo: each demo zaaktype goes to the team that handles it
(``demo.soorten``), so a zaak submitted through a form lands in a team queue."""

from loket.demo.soorten import SOORTEN
from loket.organisaties.models import Gemeente, Organisatie
from loket.werkplek.services import toewijzing


def load(gemeenten: dict[str, Gemeente], report) -> None:
    """Routering per organisation serving the demo gemeenten, for the zaaktypen
    whose team it has. Safe to run again: existing routeringen stay as they are."""
    organisaties = Organisatie.objects.filter(
        gemeenten__in=list(gemeenten.values())
    ).distinct()
    for organisatie in organisaties.prefetch_related("teams"):
        teams = {team.naam: team for team in organisatie.teams.all()}
        for identificatie, soort in SOORTEN.items():
            team = teams.get(soort.team)
            if team is not None:
                _, created = toewijzing.routeer(organisatie, identificatie, team)
                report.note(created, f"routering {identificatie} → {team.naam}")


DEMO_BEHANDELAAR = "behandelaar@werkorganisatie.demo"
DEMO_IN_BEHANDELING = 3


def verdeel(gemeenten: dict[str, Gemeente], report) -> None:
    """After the demo zaken: the demo behandelaar takes the oldest few open zaken
    of their team, so "Mijn zaken" and "In behandeling" are not empty. Safe to run
    again: nothing happens once they handle a zaak."""
    from loket.organisaties.models import Medewerker
    from loket.werkplek.models import Behandeling, Fase

    medewerker = Medewerker.objects.filter(email=DEMO_BEHANDELAAR).first()
    if medewerker is None:
        return
    bezig = Behandeling.objects.filter(behandelaar=medewerker).exists()
    report.note(not bezig, f"werkvoorraad van {medewerker.naam}")
    if bezig:
        return
    rijen = Behandeling.objects.filter(
        fase=Fase.NIEUW,
        team__in=medewerker.teams.all(),
        gemeente__in=list(gemeenten.values()),
    ).order_by("registratiedatum", "zaak_id")[:DEMO_IN_BEHANDELING]
    for rij in rijen:
        toewijzing.neem(rij, medewerker=medewerker)
