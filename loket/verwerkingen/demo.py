"""Demo for the processing log: a short history for the demo resident Floris
Kierkegaard, so "Wie heeft mijn gegevens bekeken" in Mijn Loket is not empty on a
fresh demo: Loket filled in a form from the BRP, a behandelaar looked at and
handled his zaak, a KCC agent opened his klantbeeld when he called."""

from datetime import timedelta

from django.utils import timezone

from loket.organisaties.models import Medewerker
from loket.verwerkingen.models import Activiteit, Doel
from loket.verwerkingen.selectors import voor_betrokkene
from loket.verwerkingen.services import leg_vast
from loket.zgw.zaken import selectors as zaken

DEMO_BSN = "999991097"  # as in loket/portaal/demo.py
# Other demo parts log for him too; this entry says this history is there.
EERSTE = "Formulier Evenementenvergunning"


def load(gemeenten: dict, report) -> None:
    """Idempotent: once this history is there, nothing is added."""
    wat = f"verwerkingenlog van de demo-inwoner ({DEMO_BSN})"
    if voor_betrokkene(bsn=DEMO_BSN).filter(toelichting=EERSTE).exists():
        report.note(False, wat)
        return
    duinwaard = gemeenten.get("duinwaard") or next(iter(gemeenten.values()))
    staff = {
        m.email: m
        for m in Medewerker.objects.filter(
            email__in=["behandelaar@werkorganisatie.demo", "kcc@werkorganisatie.demo"]
        ).select_related("organisatie")
    }
    behandelaar = staff.get("behandelaar@werkorganisatie.demo")
    kcc = staff.get("kcc@werkorganisatie.demo")
    zaak = next(
        (z for z in zaken.zaken_of_initiator(bsn=DEMO_BSN) if z.einddatum is None),
        None,
    )
    nummer = zaak.identificatie if zaak is not None else ""
    nu = timezone.now()

    def log(dagen: int, medewerker, activiteit, doel, **extra) -> None:
        leg_vast(
            medewerker=medewerker,
            activiteit=activiteit,
            doel=doel,
            bsn=DEMO_BSN,
            gemeente=duinwaard,
            tijdstip=nu - timedelta(days=dagen, hours=dagen % 5),
            **extra,
        )

    log(
        21,
        None,
        Activiteit.BRP_RAADPLEGING,
        Doel.DIENSTVERLENING,
        toelichting=EERSTE,
    )
    if behandelaar is not None and nummer:
        log(
            14,
            behandelaar,
            Activiteit.ZAAK_INGEZIEN,
            Doel.BEHANDELEN,
            zaak_identificatie=nummer,
        )
        log(
            13,
            behandelaar,
            Activiteit.BERICHT,
            Doel.BEHANDELEN,
            zaak_identificatie=nummer,
        )
    if kcc is not None:
        log(
            2,
            kcc,
            Activiteit.KLANTBEELD,
            Doel.KLANTCONTACT,
            toelichting="Inwoner belde met een vraag over zijn aanvraag",
        )
    report.note(True, wat)
