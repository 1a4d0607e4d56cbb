"""Demo for Mijn Loket: a resident of the RvIG test set who has demo zaken gets an
e-mail address (so status mails reach the test mailbox) and a message from the
gemeente on an open zaak; and one example of an e-mail sjabloon per gemeente."""

from loket.portaal import selectors, services
from loket.portaal.models import Bericht, Mailsjabloon
from loket.zgw.zaken import selectors as zaken

# Floris Kierkegaard: the demo gives him zaken in Duinwaard, one still open.
DEMO_BSN = "999991097"
DEMO_EMAIL = "floris.kierkegaard@example.nl"


def load(gemeenten: dict, report) -> None:
    """Idempotent: what exists is kept."""
    for gemeente in gemeenten.values():
        _, created = Mailsjabloon.objects.get_or_create(
            gebeurtenis=Mailsjabloon.Gebeurtenis.STATUS,
            gemeente=gemeente,
            zaaktype_identificatie="PARKEERVERGUNNING-BEWONERS",
            statustype_omschrijving="",
            defaults={
                "onderwerp": "Uw parkeervergunning {{ zaak }}: {{ status }}",
                "tekst": (
                    "Beste {{ naam }},\n\n"
                    "Er is nieuws over uw aanvraag voor een parkeervergunning "
                    "(zaaknummer {{ zaak }}). De status is nu: {{ status }}.\n\n"
                    "{{ statustekst }}\n\n"
                    "U mag pas in de vergunningzone parkeren als u het besluit "
                    "heeft.\nBekijk uw aanvraag in Mijn Loket:\n{{ link }}\n\n"
                    "Met vriendelijke groet,\n\n"
                    "Team Parkeren, gemeente {{ gemeente }}\n"
                ),
            },
        )
        report.note(created, f"e-mailsjabloon parkeervergunning {gemeente.naam}")

    nieuw = selectors.contactvoorkeur(bsn=DEMO_BSN) is None
    if nieuw:
        services.zet_emailadres(bsn=DEMO_BSN, emailadres=DEMO_EMAIL)
    report.note(nieuw, f"e-mailadres van de demo-inwoner ({DEMO_BSN})")
    open_zaak = next(
        (z for z in zaken.zaken_of_initiator(bsn=DEMO_BSN) if z.einddatum is None),
        None,
    )
    if open_zaak is None:  # the demo without zaken
        return
    if Bericht.objects.filter(zaak=open_zaak).exists():
        report.note(False, f"bericht bij zaak {open_zaak.identificatie}")
        return
    services.stuur_bericht(
        open_zaak,
        medewerker=None,
        onderwerp="Plattegrond van het evenemententerrein",
        tekst=(
            "Beste heer Kierkegaard,\n\n"
            "Bedankt voor uw aanvraag. Om die te beoordelen hebben wij nog een "
            "plattegrond nodig van het terrein, met de plek van de podia, de "
            "nooduitgangen en de toiletten. Wilt u die binnen twee weken sturen? "
            "U kunt hieronder reageren.\n\n"
            "Met vriendelijke groet,\nTeam Vergunningen"
        ),
    )
    report.note(True, f"bericht bij zaak {open_zaak.identificatie}")
