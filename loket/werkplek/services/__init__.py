"""Every change the werkplek makes goes through the registers' services, on behalf
of the staff member: ``toewijzing`` (take, assign) and ``dossier`` (status,
suspension, besluit, resultaat, documents, letters, notes, messages)."""

from loket.zgw.registers.services import Actor

BRON = "Loket werkplek"


def actor(medewerker, toelichting: str = "") -> Actor:
    """The staff member as the audit trail names them."""
    return Actor(
        applicatie_weergave=BRON,
        gebruikers_id=medewerker.email,
        gebruikers_weergave=medewerker.naam,
        toelichting=toelichting[:1000],
    )
