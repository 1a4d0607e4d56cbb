"""Test data for the contact centre: a werkorganisatie serving two gemeenten, a
third gemeente it does not serve, staff with roles and teams, zaken with an
initiator, and a BRP that answers without HTTP."""

from dataclasses import dataclass
from datetime import date

from loket.identiteit.prefill import Adres, Persoon
from loket.organisaties import services as organisaties
from loket.organisaties.roles import Rolcode
from tests import factories, zgw_data

BSN = "999991097"
ANDER_BSN = "999993653"


@dataclass
class Wereld:
    duinwaard: object
    lindebroek: object
    elders: object  # a gemeente the werkorganisatie does not serve
    organisatie: object
    vergunningen: object  # team
    burgerzaken: object  # team
    kcc: object
    behandelaar: object  # team Vergunningen
    collega: object  # team Burgerzaken


def wereld() -> Wereld:
    duinwaard = factories.gemeente(naam="Duinwaard", slug="duinwaard")
    lindebroek = factories.gemeente(naam="Lindebroek", slug="lindebroek")
    elders = factories.gemeente(naam="Elders", slug="elders")
    organisatie = factories.organisatie(duinwaard, lindebroek)
    factories.organisatie(elders)
    vergunningen = organisaties.create_team(
        organisatie=organisatie, naam="Vergunningen", emailadres="vergunningen@test.nl"
    )
    burgerzaken = organisaties.create_team(organisatie=organisatie, naam="Burgerzaken")
    kcc = factories.medewerker(
        organisatie, rollen=(Rolcode.KCC_MEDEWERKER,), naam="Sanne Jansen"
    )
    behandelaar = factories.medewerker(
        organisatie, rollen=(Rolcode.BEHANDELAAR,), naam="Jeroen de Vries"
    )
    behandelaar.teams.add(vergunningen)
    collega = factories.medewerker(organisatie, rollen=(Rolcode.BEHANDELAAR,))
    collega.teams.add(burgerzaken)
    return Wereld(
        duinwaard,
        lindebroek,
        elders,
        organisatie,
        vergunningen,
        burgerzaken,
        kcc,
        behandelaar,
        collega,
    )


def zaak(cat, bsn: str = BSN, omschrijving: str = "Evenement op het strand"):
    """A zaak with a person as initiator (the werkplek read model follows)."""
    nieuw = zgw_data.zaak(cat, omschrijving=omschrijving)
    zgw_data.initiator(
        cat, nieuw, bsn=bsn, geslachtsnaam="Kierkegaard", voornamen="Floris"
    )
    return nieuw


def persoon(bsn: str = BSN, naam: str = "Kierkegaard") -> Persoon:
    return Persoon(
        bsn=bsn,
        voornamen="Floris",
        voorvoegsel="",
        geslachtsnaam=naam,
        geboortedatum=date(1959, 2, 7),
        adres=Adres("Mimosastraat", 130, "", "", "2555DT", "Duinwaard"),
    )
