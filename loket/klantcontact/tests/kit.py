"""Test data for the contact centre: a werkorganisatie serving two gemeenten, a
third gemeente it does not serve, staff with roles and teams, zaken with an
initiator, and the test persons of the BRP test server (``loket.testdiensten``,
the RvIG test set) as that server answers for them."""

from dataclasses import dataclass
from datetime import date

from loket.identiteit.prefill import Adres, Persoon
from loket.organisaties import services as organisaties
from loket.organisaties.roles import Rolcode
from tests import factories, zgw_data

BSN = "999991097"  # Floris Kierkegaard, Mimosastraat 130 (with Karin Kierkegaard)
ANDER_BSN = "999993653"  # Suzanne Moulin, the only one at Boterdiep 31
# Two test persons with the same surname and date of birth.
NAAMGENOTEN = ("999991243", "999992594")  # Remi and Romeo Zaal, 2 February 2002


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
    wie = PERSONEN.get(bsn, PERSONEN[BSN])
    zgw_data.initiator(
        cat, nieuw, bsn=bsn, geslachtsnaam=wie.geslachtsnaam, voornamen=wie.voornamen
    )
    return nieuw


# What the BRP test server answers for ``BSN`` and ``ANDER_BSN``.
PERSONEN = {
    BSN: Persoon(
        bsn=BSN,
        voornamen="Floris",
        voorvoegsel="",
        geslachtsnaam="Kierkegaard",
        geboortedatum=date(1959, 2, 7),
        adres=Adres("Mimosastraat", 130, "", "", "2555DT", ""),  # no woonplaats
    ),
    ANDER_BSN: Persoon(
        bsn=ANDER_BSN,
        voornamen="Suzanne",
        voorvoegsel="",
        geslachtsnaam="Moulin",
        geboortedatum=date(1985, 12, 1),
        adres=Adres("Boterdiep", 31, "", "", "3077AW", "Rotterdam"),
    ),
}


def persoon(bsn: str = BSN) -> Persoon:
    return PERSONEN[bsn]
