"""What a handler does with a zaak from its page: status, suspension and
extension, besluit, resultaat and closing, documents, letters, messages and notes.

Each function checks ``toegang.mag_behandelen`` (PermissionDenied otherwise), is one
transaction, changes the registers through their own services on behalf of the
staff member (``actor``), and writes the processing log entry for the persons and
companies of the zaak."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from loket.portaal import services as portaal
from loket.verwerkingen.models import Activiteit, Doel
from loket.werkplek import brieven, dossier, toegang
from loket.werkplek.models import Behandeling, Briefsjabloon, Notitie
from loket.werkplek.services import actor
from loket.zgw.besluiten import services as besluiten
from loket.zgw.catalogi.choices import Vertrouwelijkheid
from loket.zgw.documenten import services as documenten
from loket.zgw.documenten.choices import DocumentStatus
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken import termijnen

TAAL = "dut"  # ISO 639-2/B
PDF = "application/pdf"
MAX_NOTITIE = 5000


def _mag(medewerker, behandeling: Behandeling) -> None:
    if not toegang.mag_behandelen(medewerker, behandeling):
        raise PermissionDenied(
            "U mag deze zaak bekijken, maar niet behandelen. Dat mag de behandelaar "
            "of het team van de zaak."
        )


def _open(behandeling: Behandeling) -> None:
    if behandeling.zaak.einddatum is not None:
        raise ValidationError(
            "Deze zaak is al afgesloten; er kan niets meer aan veranderen.",
            code="zaak-afgesloten",
        )


def _log(medewerker, behandeling: Behandeling, activiteit, toelichting="") -> None:
    dossier.leg_vast(
        medewerker,
        behandeling.zaak,
        activiteit,
        doel=Doel.BEHANDELEN,
        toelichting=toelichting,
    )


def _verplicht(tekst: str, veld: str, melding: str) -> str:
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({veld: melding}, code="required")
    return tekst


# -- status -------------------------------------------------------------------------


@transaction.atomic
def zet_status(medewerker, behandeling: Behandeling, *, statustype, toelichting=""):
    """Move the zaak to a next status of its zaaktype (not the end status: that
    is :func:`sluit_af`)."""
    _mag(medewerker, behandeling)
    _open(behandeling)
    zaak = behandeling.zaak
    huidig = zaak.status.statustype.volgnummer if zaak.status_id else 0
    if statustype.zaaktype_id != zaak.zaaktype_id or statustype.volgnummer <= huidig:
        raise ValidationError(
            {"statustype": "Kies een van de volgende statussen van deze zaak."}
        )
    if zaken.is_end_status(statustype):
        raise ValidationError(
            {
                "statustype": "De eindstatus zet u met Resultaat en afsluiten, "
                "samen met het resultaat."
            }
        )
    toelichting = (toelichting or "").strip()[:1000]
    status = zaken.set_status(
        zaak,
        actor=actor(medewerker, toelichting),
        statustype=statustype,
        statustoelichting=toelichting,
    )
    _log(medewerker, behandeling, Activiteit.ZAAK_GEWIJZIGD, "Status gewijzigd")
    return status


@transaction.atomic
def sluit_af(medewerker, behandeling: Behandeling, *, resultaattype, toelichting=""):
    """Give the zaak its resultaat (if it has none yet) and its end status, in one
    transaction: if closing is refused, no resultaat stays behind."""
    _mag(medewerker, behandeling)
    _open(behandeling)
    zaak = behandeling.zaak
    toelichting = (toelichting or "").strip()[:1000]
    wie = actor(medewerker, toelichting or "Zaak afgesloten")
    eind = zaak.zaaktype.statustypen.order_by("-volgnummer").first()
    if eind is None:
        raise ValidationError("Het zaaktype van deze zaak heeft geen statussen.")
    if getattr(zaak, "resultaat", None) is None:
        zaken.set_resultaat(
            zaak, actor=wie, resultaattype=resultaattype, toelichting=toelichting
        )
    status = zaken.set_status(
        zaak, actor=wie, statustype=eind, statustoelichting=toelichting
    )
    _log(medewerker, behandeling, Activiteit.ZAAK_GEWIJZIGD, "Zaak afgesloten")
    return status


# -- termijn ------------------------------------------------------------------------


@transaction.atomic
def schort_op(medewerker, behandeling: Behandeling, *, reden: str):
    """Stop the clock (e.g. while waiting for the applicant), with a reason."""
    _mag(medewerker, behandeling)
    reden = _verplicht(reden, "reden", "Geef de reden van de opschorting.")
    zaak = zaken.suspend_zaak(
        behandeling.zaak, actor=actor(medewerker, reden), reden=reden
    )
    _log(medewerker, behandeling, Activiteit.ZAAK_GEWIJZIGD, "Zaak opgeschort")
    return zaak


@transaction.atomic
def hervat(medewerker, behandeling: Behandeling):
    """Start the clock again; the deadline moves by the days it stood still."""
    _mag(medewerker, behandeling)
    zaak = zaken.resume_zaak(
        behandeling.zaak, actor=actor(medewerker, "Behandeling hervat")
    )
    _log(medewerker, behandeling, Activiteit.ZAAK_GEWIJZIGD, "Zaak hervat")
    return zaak


def max_verlenging_dagen(zaaktype, op: date) -> int | None:
    """The zaaktype's verlengingstermijn in days, counted from ``op``."""
    if not zaaktype.verlengingstermijn:
        return None
    return (termijnen.add_duration(op, zaaktype.verlengingstermijn) - op).days


@transaction.atomic
def verleng(medewerker, behandeling: Behandeling, *, reden: str, dagen: int):
    """Extend the term once by ``dagen`` (within the zaaktype's
    verlengingstermijn); the deadlines move with it."""
    _mag(medewerker, behandeling)
    reden = _verplicht(reden, "reden", "Geef de reden van de verlenging.")
    if dagen < 1:
        raise ValidationError({"dagen": "Verleng met ten minste 1 dag."})
    zaak = zaken.extend_zaak(
        behandeling.zaak,
        actor=actor(medewerker, reden),
        reden=reden,
        duur=f"P{dagen}D",
    )
    _log(medewerker, behandeling, Activiteit.ZAAK_GEWIJZIGD, "Termijn verlengd")
    return zaak


# -- besluit ------------------------------------------------------------------------


@transaction.atomic
def leg_besluit_vast(
    medewerker,
    behandeling: Behandeling,
    *,
    besluittype,
    datum: date,
    ingangsdatum: date,
    toelichting: str = "",
):
    """Record a besluit of a besluittype of the zaak's zaaktype, as its outcome."""
    _mag(medewerker, behandeling)
    _open(behandeling)
    zaak = behandeling.zaak
    besluit = besluiten.create_besluit(
        actor=actor(medewerker, "Besluit vastgelegd"),
        besluittype=besluittype,
        verantwoordelijke_organisatie=zaak.verantwoordelijke_organisatie,
        datum=datum,
        ingangsdatum=ingangsdatum,
        zaak=zaak,
        toelichting=(toelichting or "").strip(),
    )
    _log(medewerker, behandeling, Activiteit.ZAAK_GEWIJZIGD, "Besluit vastgelegd")
    return besluit


# -- documents ----------------------------------------------------------------------


@dataclass(frozen=True)
class Bestand:
    """An uploaded file, checked for its type by the form."""

    naam: str
    formaat: str
    inhoud: bytes


def _check_vertrouwelijkheid(medewerker, aanduiding: str) -> None:
    if Vertrouwelijkheid.rank(aanduiding) > dossier.max_rang(medewerker):
        raise ValidationError(
            {
                "vertrouwelijkheidaanduiding": "Zo vertrouwelijk mag u geen "
                "document maken: u zou het daarna zelf niet meer kunnen zien."
            }
        )


@transaction.atomic
def voeg_document_toe(
    medewerker,
    behandeling: Behandeling,
    *,
    bestand: Bestand,
    titel: str,
    informatieobjecttype,
    vertrouwelijkheidaanduiding: str = "",
    beschrijving: str = "",
):
    """Store an uploaded file as a new document of the zaak. The Documenten
    services check its size and refuse programs; the zaaktype must allow its
    type."""
    _mag(medewerker, behandeling)
    _open(behandeling)
    zaak = behandeling.zaak
    aanduiding = documenten.vertrouwelijkheid(
        informatieobjecttype, vertrouwelijkheidaanduiding
    )
    _check_vertrouwelijkheid(medewerker, aanduiding)
    wie = actor(medewerker, "Document toegevoegd")
    titel = _verplicht(titel, "titel", "Geef het document een titel.")[:200]
    versie = documenten.create_document(
        actor=wie,
        informatieobjecttype=informatieobjecttype,
        bronorganisatie=zaak.bronorganisatie,
        titel=titel,
        auteur=medewerker.naam[:200],
        taal=TAAL,
        creatiedatum=timezone.localdate(),
        inhoud=bestand.inhoud,
        bestandsnaam=bestand.naam[-255:],
        formaat=bestand.formaat,
        vertrouwelijkheidaanduiding=aanduiding,
        beschrijving=(beschrijving or "").strip()[:1000],
        indicatie_gebruiksrecht=False,
    )
    zaken.add_document(
        zaak, actor=wie, informatieobject=versie.informatieobject, titel=titel
    )
    _log(medewerker, behandeling, Activiteit.ZAAK_GEWIJZIGD, "Document toegevoegd")
    return versie


@transaction.atomic
def nieuwe_versie(medewerker, behandeling: Behandeling, informatieobject, *, bestand):
    """A new version of a document of the zaak with this file as its content:
    lock, change, unlock, as the Documenten API asks of every client."""
    _mag(medewerker, behandeling)
    _open(behandeling)
    zaak = behandeling.zaak
    if not zaak.zaakinformatieobjecten.filter(
        informatieobject=informatieobject
    ).exists():
        raise ValidationError("Dit document hoort niet bij deze zaak.")
    if informatieobject.lock:
        raise ValidationError(
            "Dit document is vergrendeld: iemand anders werkt het bij. Probeer "
            "het later opnieuw.",
            code="existing-lock",
        )
    wie = actor(medewerker, "Nieuwe versie van een document")
    lock = documenten.lock_document(informatieobject, actor=wie)
    versie = documenten.update_document(
        informatieobject,
        actor=wie,
        lock=lock,
        inhoud=bestand.inhoud,
        bestandsnaam=bestand.naam[-255:],
        formaat=bestand.formaat,
    )
    documenten.unlock_document(informatieobject, actor=wie, lock=lock)
    _log(medewerker, behandeling, Activiteit.ZAAK_GEWIJZIGD, "Nieuwe documentversie")
    return versie


# -- letters ------------------------------------------------------------------------


def brief_waarden(medewerker, behandeling: Behandeling) -> dict:
    """The values of the invulvelden for a letter about this zaak."""
    zaak = behandeling.zaak
    return brieven.waarden(
        zaak=zaak,
        behandeling=behandeling,
        initiator=dossier.initiator(zaak.rollen.order_by("registratiedatum", "pk")),
        medewerker=medewerker,
        vandaag=timezone.localdate(),
    )


def _brieftype(behandeling: Behandeling, sjabloon):
    """The sjabloon's document type, or else the zaaktype's first outgoing one
    (else its first)."""
    zaak = behandeling.zaak
    gewenst = sjabloon.informatieobjecttype_omschrijving
    if gewenst:
        typen = [
            t for t in dossier.informatieobjecttypen(zaak) if t.omschrijving == gewenst
        ]
    else:
        typen = dossier.informatieobjecttypen(
            zaak, "uitgaand"
        ) or dossier.informatieobjecttypen(zaak)
    if not typen:
        raise ValidationError(
            "Bij het zaaktype van deze zaak hoort geen documenttype voor deze brief"
            + (f" ({gewenst})" if gewenst else "")
            + ". Kies een ander sjabloon, of vraag de functioneel beheerder het "
            "sjabloon of het zaaktype aan te passen.",
            code="geen-documenttype",
        )
    return typen[0]


@transaction.atomic
def maak_brief(
    medewerker, behandeling: Behandeling, *, sjabloon, onderwerp: str, tekst: str
):
    """Write the letter (the merged text the handler saw and may have changed) as
    a PDF document of the zaak."""
    _mag(medewerker, behandeling)
    _open(behandeling)
    if (
        not dossier.briefsjablonen(medewerker, behandeling.zaak)
        .filter(pk=sjabloon.pk)
        .exists()
    ):
        raise PermissionDenied("Dit briefsjabloon is niet van uw organisatie.")
    onderwerp = _verplicht(onderwerp, "onderwerp", "Geef de brief een onderwerp.")
    tekst = _verplicht(tekst, "tekst", "De brief is leeg.")
    brief = brieven.Brief(onderwerp=onderwerp[:200], tekst=tekst)
    zaak = behandeling.zaak
    iotype = _brieftype(behandeling, sjabloon)
    aanduiding = iotype.vertrouwelijkheidaanduiding
    _check_vertrouwelijkheid(medewerker, aanduiding)
    nu = timezone.now()
    wie = actor(medewerker, f"Brief {sjabloon.naam}")
    versie = documenten.create_document(
        actor=wie,
        informatieobjecttype=iotype,
        bronorganisatie=zaak.bronorganisatie,
        titel=brief.onderwerp,
        auteur=medewerker.naam[:200],
        taal=TAAL,
        creatiedatum=timezone.localdate(),
        inhoud=brief.pdf(auteur=medewerker.naam, gemaakt=nu),
        bestandsnaam=f"{_slug(sjabloon.naam)}-{zaak.identificatie}.pdf",
        formaat=PDF,
        status=DocumentStatus.DEFINITIEF,
        indicatie_gebruiksrecht=False,
    )
    zaken.add_document(
        zaak, actor=wie, informatieobject=versie.informatieobject, titel=brief.onderwerp
    )
    _log(medewerker, behandeling, Activiteit.BRIEF, sjabloon.naam)
    return versie


def _slug(naam: str) -> str:
    return slugify(naam)[:60] or "brief"


# -- messages and notes ---------------------------------------------------------------


@transaction.atomic
def stuur_bericht(medewerker, behandeling: Behandeling, *, onderwerp: str, tekst: str):
    """A message to the initiator in Mijn Loket (they get an e-mail that it is
    there)."""
    _mag(medewerker, behandeling)
    bericht = portaal.stuur_bericht(
        behandeling.zaak, medewerker=medewerker, onderwerp=onderwerp, tekst=tekst
    )
    _log(medewerker, behandeling, Activiteit.BERICHT, bericht.onderwerp)
    return bericht


@transaction.atomic
def voeg_notitie_toe(medewerker, behandeling: Behandeling, *, tekst: str) -> Notitie:
    """An internal note on the zaak; the resident never sees it."""
    _mag(medewerker, behandeling)
    tekst = _verplicht(tekst, "tekst", "Schrijf de notitie.")
    if len(tekst) > MAX_NOTITIE:
        raise ValidationError(
            {"tekst": f"De notitie is te lang: maximaal {MAX_NOTITIE} tekens."}
        )
    return Notitie.objects.create(
        zaak=behandeling.zaak,
        medewerker=medewerker,
        medewerker_naam=medewerker.naam[:150],
        tekst=tekst,
    )


# -- letter templates ---------------------------------------------------------------


@transaction.atomic
def bewaar_briefsjabloon(
    *,
    organisatie,
    naam: str,
    onderwerp: str,
    tekst: str,
    informatieobjecttype_omschrijving: str = "",
    sjabloon: Briefsjabloon | None = None,
) -> Briefsjabloon:
    """Create or change an organisation's letter template: ``sjabloon`` (as the
    beheer edits it), else the one with this naam, else a new one. An invulveld
    Loket does not know is refused."""
    for veld, waarde in (("onderwerp", onderwerp), ("tekst", tekst)):
        try:
            brieven.controleer(waarde)
        except ValidationError as error:
            raise ValidationError({veld: error}) from None
    sjabloon = (
        sjabloon
        or Briefsjabloon.objects.filter(organisatie=organisatie, naam=naam).first()
        or Briefsjabloon()
    )
    sjabloon.organisatie, sjabloon.naam = organisatie, naam
    sjabloon.onderwerp = onderwerp
    sjabloon.tekst = tekst
    sjabloon.informatieobjecttype_omschrijving = informatieobjecttype_omschrijving
    sjabloon.full_clean()
    sjabloon.save()
    return sjabloon
