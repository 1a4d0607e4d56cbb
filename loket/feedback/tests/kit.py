"""Test data for the survey: the contact centre's world (a werkorganisatie
serving Duinwaard and Lindebroek, a third gemeente it does not serve, staff with
roles and teams), a catalogue in Duinwaard, and zaken of a person that close."""

from dataclasses import dataclass

from django.utils import timezone

from loket.feedback import services
from loket.klantcontact.tests import kit as klantcontact
from loket.organisaties import services as organisaties
from loket.organisaties.roles import Rolcode
from loket.zgw.referentielijsten.models import Communicatiekanaal
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.models import Resultaat
from tests import factories, zgw_data

BSN = klantcontact.BSN  # Floris Kierkegaard
ANDER_BSN = klantcontact.ANDER_BSN  # Suzanne Moulin
EMAIL = "floris@example.nl"


@dataclass
class Wereld:
    duinwaard: object
    lindebroek: object
    elders: object
    organisatie: object
    klantcontactcentrum: object  # the team that calls back
    kcc: object
    teamleider: object
    bestuurder: object
    behandelaar: object
    cat: object  # the parkeervergunning catalogue of Duinwaard


def wereld() -> Wereld:
    basis = klantcontact.wereld()
    team = organisaties.create_team(
        organisatie=basis.organisatie,
        naam="Klantcontactcentrum",
        emailadres="kcc@test.nl",
    )
    teamleider = factories.medewerker(
        basis.organisatie, rollen=(Rolcode.TEAMLEIDER,), naam="Tessa Leider"
    )
    bestuurder = factories.medewerker(
        basis.organisatie, rollen=(Rolcode.BESTUURDER,), naam="Ruud Raadslid"
    )
    return Wereld(
        duinwaard=basis.duinwaard,
        lindebroek=basis.lindebroek,
        elders=basis.elders,
        organisatie=basis.organisatie,
        klantcontactcentrum=team,
        kcc=basis.kcc,
        teamleider=teamleider,
        bestuurder=bestuurder,
        behandelaar=basis.behandelaar,
        cat=zgw_data.catalogue(basis.duinwaard),
    )


def zaak(
    w: Wereld,
    *,
    bsn: str = BSN,
    emailadres: str = EMAIL,
    telefoonnummer: str = "",
    kanaal: str = "Balie",
):
    """An open zaak of the person ``bsn`` that came in by ``kanaal``, with the
    e-mail address given with the request."""
    communicatiekanaal, _ = Communicatiekanaal.objects.get_or_create(
        naam=kanaal, defaults={"omschrijving": kanaal}
    )
    nieuw = zgw_data.zaak(w.cat, communicatiekanaal=communicatiekanaal)
    contact = {"emailadres": emailadres, "telefoonnummer": telefoonnummer}
    zgw_data.initiator(
        w.cat,
        nieuw,
        bsn=bsn,
        geslachtsnaam="Kierkegaard",
        voorletters="F.",
        contactpersoon_rol={k: v for k, v in contact.items() if v},
    )
    return nieuw


def sluit(w: Wereld, zaak, moment=None):
    """Close the zaak: a resultaat (if it has none), then the end status (now,
    or at ``moment``)."""
    if not Resultaat.objects.filter(zaak=zaak).exists():
        zaken.set_resultaat(
            zaak, actor=LOKET, resultaattype=w.cat.resultaattypen["Verleend"]
        )
    zaken.set_status(
        zaak,
        actor=LOKET,
        statustype=w.cat.statustypen["Afgehandeld"],
        datum_status_gezet=moment or timezone.now(),
    )
    zaak.refresh_from_db()
    return zaak


def uitnodiging(w: Wereld, **velden):
    """An invitation about a contact, straight through ``nodig_uit``."""
    velden = {
        "gemeente": w.duinwaard,
        "bron": "contactmoment",
        "bron_id": "1",
        "onderwerp": "Uw contact met de gemeente op 3 december 2026",
        "kanaal": "balie",
        "product": "PARKEER",
        "bsn": BSN,
        "naam": "F. Kierkegaard",
        "emailadres": EMAIL,
        "mailen": False,
        **velden,
    }
    return services.nodig_uit(**velden)
