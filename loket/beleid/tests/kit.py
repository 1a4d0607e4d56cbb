"""Test data for beleid: a werkorganisatie serving Duinwaard and Lindebroek, a
gemeente it does not serve (Elders) with its own goal and project, staff with
the sturing roles, and a small projectenboek made through the services."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from loket.beleid import services
from loket.demo import data
from loket.organisaties.roles import Rolcode
from tests import factories


@dataclass
class Wereld:
    duinwaard: object
    lindebroek: object
    elders: object
    teamleider: object
    beheerder: object  # functioneel beheerder
    bestuurder: object
    behandelaar: object  # no sturing role
    programma: object  # Digitale dienstverlening, Duinwaard
    doel: object  # 80% online in 2027
    project: object  # Duinwaard
    elders_doel: object
    elders_project: object


def wereld() -> Wereld:
    duinwaard = factories.gemeente(naam="Duinwaard", slug="duinwaard")
    lindebroek = factories.gemeente(naam="Lindebroek", slug="lindebroek")
    elders = factories.gemeente(naam="Elders", slug="elders")
    organisatie = factories.organisatie(duinwaard, lindebroek)
    elders_organisatie = factories.organisatie(elders)

    def medewerker(rol, naam, org=organisatie):
        return factories.medewerker(
            org,
            rollen=(rol,),
            naam=naam,
            email=f"{naam.split()[0].lower()}@beleid.test",
            password=data.DEMO_PASSWORD,
        )

    teamleider = medewerker(Rolcode.TEAMLEIDER, "Tamara Smit")
    beheerder = medewerker(Rolcode.FUNCTIONEEL_BEHEERDER, "Frank Beheer")
    bestuurder = medewerker(Rolcode.BESTUURDER, "Bram Wethouder")
    behandelaar = medewerker(Rolcode.BEHANDELAAR, "Bea Behandel")
    medewerker(Rolcode.TEAMLEIDER, "Eva Elders", elders_organisatie)

    programma = services.create_programma(
        gemeente=duinwaard, naam="Digitale dienstverlening", volgorde=1
    )
    doel = services.create_beleidsdoel(
        programma=programma,
        titel="80% van de aanvragen online in 2027",
        indicator="zaken-online",
        streefwaarde=Decimal(80),
        jaar=2027,
    )
    project = services.create_project(
        gemeente=duinwaard,
        naam="Parkeervergunning online",
        budget=Decimal(125_000),
        doelen=[doel],
    )
    elders_programma = services.create_programma(gemeente=elders, naam="Elders")
    elders_doel = services.create_beleidsdoel(
        programma=elders_programma,
        titel="Elders online",
        indicator="zaken-online",
        streefwaarde=Decimal(50),
        jaar=2027,
    )
    elders_project = services.create_project(
        gemeente=elders, naam="Elders project", budget=Decimal(1000)
    )
    return Wereld(
        duinwaard,
        lindebroek,
        elders,
        teamleider,
        beheerder,
        bestuurder,
        behandelaar,
        programma,
        doel,
        project,
        elders_doel,
        elders_project,
    )


def vandaag() -> date:
    return timezone.localdate()


def dagen(n: int) -> date:
    return vandaag() + timedelta(days=n)
