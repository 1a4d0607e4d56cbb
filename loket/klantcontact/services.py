"""Writes of the contact centre, one transaction each: receiving and answering a
webvraag, recording a contactmoment (with its ZGW klantcontact on the zaak and an
optional call-back request for a team), handling that request, and the e-mails
(sent by the task worker, once each)."""

import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone

from loket.core.http import absolute_url
from loket.feedback import services as feedback
from loket.klantcontact import selectors, werkdagen
from loket.klantcontact.models import (
    Contactmoment,
    Kanaal,
    Klantcontactinstelling,
    Terugbelverzoek,
    Webvraag,
)
from loket.klantcontact.tokens import Klant
from loket.sturing import services as sturing
from loket.verwerkingen.models import Activiteit, Doel
from loket.verwerkingen.services import leg_vast

logger = logging.getLogger(__name__)

MAX_TEKST = 5000


def _tekst(waarde: str, veld: str, leeg: str, maximum: int = MAX_TEKST) -> str:
    waarde = (waarde or "").strip()
    if not waarde:
        raise ValidationError({veld: leeg}, code="required")
    if len(waarde) > maximum:
        raise ValidationError(
            {veld: f"Dit is te lang: maximaal {maximum} tekens."}, code="max_length"
        )
    return waarde


# Each service that mails takes ``mailen``: False for history loaded afterwards
# (the demo), which mails nobody.


def _queue(taak, *args) -> None:
    from loket.klantcontact import tasks

    getattr(tasks, taak).enqueue(*args)


@transaction.atomic
def zet_norm(gemeente, *, werkdagen_: int) -> Klantcontactinstelling:
    """The answer-time norm for webvragen of a gemeente, in working days."""
    instelling, _ = Klantcontactinstelling.objects.get_or_create(gemeente=gemeente)
    instelling.webvraag_norm_werkdagen = werkdagen_
    instelling.full_clean()
    instelling.save()
    return instelling


# -- webvragen -------------------------------------------------------------------------


@transaction.atomic
def ontvang_webvraag(
    *,
    gemeente,
    naam: str,
    emailadres: str,
    onderwerp: str,
    vraag: str,
    telefoonnummer: str = "",
    bsn: str = "",
    kvk: str = "",
    ontvangen_op=None,
    mailen: bool = True,
) -> Webvraag:
    """A question from the website form. The deadline is fixed now, from the
    gemeente's norm; the asker gets a confirmation e-mail."""
    ontvangen_op = ontvangen_op or timezone.now()
    webvraag = Webvraag(
        gemeente=gemeente,
        naam=_tekst(naam, "naam", "Vul uw naam in.", 200),
        emailadres=(emailadres or "").strip(),
        telefoonnummer=(telefoonnummer or "").strip(),
        onderwerp=_tekst(onderwerp, "onderwerp", "Vul een onderwerp in.", 200),
        vraag=_tekst(vraag, "vraag", "Schrijf uw vraag."),
        bsn=bsn,
        kvk="" if bsn else kvk,
        ontvangen_op=ontvangen_op,
        antwoorden_voor=werkdagen.na_werkdagen(
            ontvangen_op, selectors.norm_werkdagen(gemeente)
        ),
    )
    webvraag.full_clean()
    webvraag.save()
    if mailen:
        _queue("mail_bevestiging", webvraag.pk)
    return webvraag


@transaction.atomic
def pak_webvraag_op(webvraag: Webvraag, *, medewerker) -> Webvraag:
    """The staff member takes the question: it is theirs to answer."""
    webvraag = Webvraag.objects.select_for_update().get(pk=webvraag.pk)
    if webvraag.status == Webvraag.Status.BEANTWOORD:
        raise ValidationError("Deze vraag is al beantwoord.")
    webvraag.status = Webvraag.Status.IN_BEHANDELING
    webvraag.behandelaar = medewerker
    webvraag.save(update_fields=["status", "behandelaar"])
    return webvraag


@transaction.atomic
def beantwoord_webvraag(
    webvraag: Webvraag,
    *,
    medewerker,
    antwoord: str,
    kanaal: str,
    mailen: bool = True,
) -> Webvraag:
    """Answer by e-mail (the answer itself is mailed) or in Mijn Loket (only for a
    question asked after logging in; the asker gets a notice by e-mail). Records
    a contactmoment and the processing of the asker's data."""
    webvraag = Webvraag.objects.select_for_update().get(pk=webvraag.pk)
    if webvraag.status == Webvraag.Status.BEANTWOORD:
        raise ValidationError("Deze vraag is al beantwoord.")
    if kanaal not in Webvraag.Antwoordkanaal.values:
        raise ValidationError({"kanaal": "Kies hoe u antwoordt."})
    if kanaal == Webvraag.Antwoordkanaal.MIJN_LOKET and not webvraag.is_ingelogd:
        raise ValidationError(
            {"kanaal": "Deze vraagsteller was niet ingelogd: antwoord per e-mail."}
        )
    nu = timezone.now()
    webvraag.antwoord = _tekst(antwoord, "antwoord", "Schrijf uw antwoord.")
    webvraag.antwoordkanaal = kanaal
    webvraag.status = Webvraag.Status.BEANTWOORD
    webvraag.behandelaar = medewerker
    webvraag.beantwoord_op = nu
    webvraag.save()
    sturing.tel_webvraag(webvraag)
    Contactmoment.objects.create(
        gemeente=webvraag.gemeente,
        kanaal=Kanaal.EMAIL if kanaal == "email" else Kanaal.MIJN_LOKET,
        onderwerp=f"Antwoord op webvraag: {webvraag.onderwerp}"[:200],
        tekst=webvraag.antwoord,
        bsn=webvraag.bsn,
        kvk=webvraag.kvk,
        naam=webvraag.naam,
        webvraag=webvraag,
        medewerker=medewerker,
        medewerker_naam=medewerker.naam[:150],
        tijdstip=nu,
    )
    leg_vast(
        medewerker=medewerker,
        activiteit=Activiteit.VRAAG_BEANTWOORD,
        doel=Doel.KLANTCONTACT,
        bsn=webvraag.bsn,
        kvk=webvraag.kvk,
        gemeente=webvraag.gemeente,
        toelichting=f"Webvraag: {webvraag.onderwerp}",
    )
    if mailen:
        _queue("mail_antwoord", webvraag.pk)
    feedback.webvraag_beantwoord(webvraag, mailen=mailen)
    return webvraag


# -- contactmomenten and call-back requests ----------------------------------------


@dataclass(frozen=True)
class Terugbellen:
    """The call-back part of a contactmoment."""

    team: object
    telefoonnummer: str
    toelichting: str
    beste_moment: str = ""


@transaction.atomic
def registreer_contactmoment(
    *,
    medewerker,
    gemeente,
    kanaal: str,
    onderwerp: str,
    tekst: str = "",
    klant: Klant | None = None,
    naam: str = "",
    zaak=None,
    terugbellen: Terugbellen | None = None,
    mailen: bool = True,
) -> Contactmoment:
    """Record a contact on any channel, about a klant (or anonymous) and maybe a
    zaak (also registered as a ZGW klantcontact of the zaak), with an optional
    warm handover to a team that calls back."""
    if kanaal not in Kanaal.values:
        raise ValidationError({"kanaal": "Kies een kanaal."})
    klant = klant or Klant()
    nu = timezone.now()
    contactmoment = Contactmoment(
        gemeente=gemeente,
        kanaal=kanaal,
        onderwerp=_tekst(onderwerp, "onderwerp", "Vul een onderwerp in.", 200),
        tekst=(tekst or "").strip()[:MAX_TEKST],
        bsn=klant.bsn,
        kvk=klant.kvk,
        naam=(naam or "").strip()[:200],
        zaak=zaak,
        medewerker=medewerker,
        medewerker_naam=medewerker.naam[:150],
        tijdstip=nu,
    )
    contactmoment.full_clean()
    contactmoment.save()
    if zaak is not None:
        from loket.werkplek.services import actor
        from loket.zgw.zaken import services as zaken

        zaken.add_klantcontact(
            zaak,
            actor=actor(medewerker, "Contactmoment vastgelegd"),
            datumtijd=nu,
            kanaal=Kanaal(kanaal).label[:20],
            onderwerp=contactmoment.onderwerp,
            toelichting=contactmoment.tekst[:1000],
        )
    if terugbellen is not None:
        _terugbelverzoek(contactmoment, terugbellen, mailen=mailen)
    leg_vast(
        medewerker=medewerker,
        activiteit=Activiteit.CONTACTMOMENT,
        doel=Doel.KLANTCONTACT,
        bsn=klant.bsn,
        kvk=klant.kvk,
        gemeente=gemeente,
        zaak_identificatie=zaak.identificatie if zaak is not None else "",
        toelichting=contactmoment.onderwerp,
    )
    feedback.contactmoment_geregistreerd(contactmoment, mailen=mailen)
    return contactmoment


def _terugbelverzoek(
    contactmoment: Contactmoment, terugbellen: Terugbellen, *, mailen: bool
) -> Terugbelverzoek:
    verzoek = Terugbelverzoek(
        contactmoment=contactmoment,
        team=terugbellen.team,
        telefoonnummer=_tekst(
            terugbellen.telefoonnummer,
            "telefoonnummer",
            "Vul het telefoonnummer in waarop de inwoner teruggebeld wil worden.",
            20,
        ),
        beste_moment=(terugbellen.beste_moment or "").strip()[:200],
        toelichting=_tekst(
            terugbellen.toelichting,
            "toelichting",
            "Schrijf op wat er al gevraagd en gezegd is.",
        ),
        aangemaakt_op=contactmoment.tijdstip,
    )
    verzoek.full_clean()
    verzoek.save()
    if mailen and terugbellen.team.emailadres:
        _queue("mail_terugbelverzoek", verzoek.pk)
    return verzoek


@transaction.atomic
def vraag_terugbellen(
    *,
    gemeente,
    team,
    klant: Klant,
    naam: str,
    onderwerp: str,
    telefoonnummer: str,
    toelichting: str,
    mailen: bool = True,
) -> Terugbelverzoek:
    """A call-back the resident asked for on the website, outside a
    conversation (after the satisfaction survey): a contactmoment without a
    staff member, with the request for the team."""
    contactmoment = Contactmoment(
        gemeente=gemeente,
        kanaal=Kanaal.MIJN_LOKET,
        onderwerp=_tekst(onderwerp, "onderwerp", "Vul een onderwerp in.", 200),
        tekst=toelichting.strip()[:MAX_TEKST],
        bsn=klant.bsn,
        kvk=klant.kvk,
        naam=(naam or "").strip()[:200],
        medewerker=None,
        medewerker_naam="Loket (tevredenheidsonderzoek)",
        tijdstip=timezone.now(),
    )
    contactmoment.full_clean(exclude=["medewerker"])
    contactmoment.save()
    verzoek = _terugbelverzoek(
        contactmoment,
        Terugbellen(team=team, telefoonnummer=telefoonnummer, toelichting=toelichting),
        mailen=mailen,
    )
    leg_vast(
        medewerker=None,
        activiteit=Activiteit.CONTACTMOMENT,
        doel=Doel.KLANTCONTACT,
        bsn=klant.bsn,
        kvk=klant.kvk,
        gemeente=gemeente,
        toelichting=contactmoment.onderwerp,
    )
    return verzoek


@transaction.atomic
def pak_terugbelverzoek_op(verzoek: Terugbelverzoek, *, medewerker) -> Terugbelverzoek:
    verzoek = Terugbelverzoek.objects.select_for_update().get(pk=verzoek.pk)
    if verzoek.status == Terugbelverzoek.Status.AFGEHANDELD:
        raise ValidationError("Dit terugbelverzoek is al afgehandeld.")
    verzoek.status = Terugbelverzoek.Status.OPGEPAKT
    verzoek.opgepakt_door = medewerker
    verzoek.opgepakt_op = timezone.now()
    verzoek.save(update_fields=["status", "opgepakt_door", "opgepakt_op"])
    return verzoek


@transaction.atomic
def rond_terugbelverzoek_af(
    verzoek: Terugbelverzoek, *, medewerker, afhandeling: str
) -> Terugbelverzoek:
    """The team called back: what came of it is kept with the request."""
    verzoek = Terugbelverzoek.objects.select_for_update().get(pk=verzoek.pk)
    if verzoek.status == Terugbelverzoek.Status.AFGEHANDELD:
        raise ValidationError("Dit terugbelverzoek is al afgehandeld.")
    verzoek.afhandeling = _tekst(
        afhandeling, "afhandeling", "Schrijf kort op wat er is afgesproken."
    )
    verzoek.status = Terugbelverzoek.Status.AFGEHANDELD
    if verzoek.opgepakt_door_id is None:
        verzoek.opgepakt_door = medewerker
        verzoek.opgepakt_op = timezone.now()
    verzoek.afgehandeld_op = timezone.now()
    verzoek.save()
    return verzoek


# -- e-mail (run by the task worker) ----------------------------------------------


def _datum(moment) -> str:
    return formats.date_format(timezone.localtime(moment), r"l j F Y \o\m H:i")


def _mijn_vragen_url(webvraag: Webvraag) -> str:
    return absolute_url(
        reverse(
            "gemeente:portaal:vragen:vraag",
            kwargs={"gemeente_slug": webvraag.gemeente.slug, "uuid": webvraag.uuid},
        )
    )


def _eenmalig(model, pk: int, veld: str, bericht) -> str:
    """Send the e-mail ``bericht(obj)`` gives, once: the row is locked, the time
    is set in the same transaction; a failed send leaves it unset for a retry."""
    with transaction.atomic():
        obj = model.objects.select_for_update().filter(pk=pk).first()
        if obj is None:
            return "niet gevonden"
        if getattr(obj, veld) is not None:
            return "al verzonden"
        onderwerp, tekst, aan = bericht(obj)
        if not aan:
            return "geen e-mailadres"
        send_mail(onderwerp, tekst, None, [aan])
        setattr(obj, veld, timezone.now())
        obj.save(update_fields=[veld])
    return "verzonden"


def mail_bevestiging(webvraag_id: int) -> str:
    def bericht(webvraag):
        gemeente = webvraag.gemeente.naam
        tekst = (
            f"Beste {webvraag.naam},\n\n"
            f"Wij hebben uw vraag ontvangen over: {webvraag.onderwerp}\n\n"
            f"U krijgt uiterlijk {_datum(webvraag.antwoorden_voor)} antwoord.\n"
        )
        if webvraag.is_ingelogd:
            tekst += (
                f"\nU vindt uw vraag ook in Mijn Loket:\n{_mijn_vragen_url(webvraag)}\n"
            )
        tekst += f"\nMet vriendelijke groet,\n\nGemeente {gemeente}\n"
        return f"Wij hebben uw vraag ontvangen ({gemeente})", tekst, webvraag.emailadres

    return _eenmalig(Webvraag, webvraag_id, "bevestiging_gemaild_op", bericht)


def mail_antwoord(webvraag_id: int) -> str:
    def bericht(webvraag):
        gemeente = webvraag.gemeente.naam
        onderwerp = f"Antwoord op uw vraag: {webvraag.onderwerp}"[:200]
        if webvraag.antwoordkanaal == Webvraag.Antwoordkanaal.MIJN_LOKET:
            tekst = (
                f"Beste {webvraag.naam},\n\n"
                f"Er staat een antwoord voor u klaar op uw vraag over: "
                f"{webvraag.onderwerp}\n\n"
                f"Lees het antwoord in Mijn Loket:\n{_mijn_vragen_url(webvraag)}\n\n"
                "Wij sturen het antwoord niet mee per e-mail, om uw gegevens te "
                "beschermen.\n\n"
                f"Met vriendelijke groet,\n\nGemeente {gemeente}\n"
            )
        else:
            tekst = (
                f"Beste {webvraag.naam},\n\n"
                f"U stelde ons een vraag over: {webvraag.onderwerp}\n\n"
                f"{webvraag.antwoord}\n\n"
                f"Met vriendelijke groet,\n\nGemeente {gemeente}\n"
            )
        return onderwerp, tekst, webvraag.emailadres

    return _eenmalig(Webvraag, webvraag_id, "antwoord_gemaild_op", bericht)


def mail_terugbelverzoek(verzoek_id: int) -> str:
    """Tell the team there is someone to call back; the person's data stay in
    Loket (the e-mail names the subject and links to the list)."""

    def bericht(verzoek):
        link = absolute_url(reverse("klantcontact:terugbelverzoeken"))
        tekst = (
            f"Beste collega's van team {verzoek.team.naam},\n\n"
            "Het Klantcontactcentrum vraagt u iemand terug te bellen.\n"
            f"Onderwerp: {verzoek.contactmoment.onderwerp}\n\n"
            f"U vindt de gegevens en wat er al besproken is in Loket:\n{link}\n"
        )
        onderwerp = f"Terugbelverzoek: {verzoek.contactmoment.onderwerp}"[:200]
        return onderwerp, tekst, verzoek.team.emailadres

    return _eenmalig(Terugbelverzoek, verzoek_id, "team_gemaild_op", bericht)
