"""Writes of the satisfaction survey, one transaction each.

- Inviting: ``nodig_uit`` (once per bron, not again within the gemeente's
  wachtperiode for the same person, only when the gemeente has the survey on),
  called from the events that end a contact: a zaak closes (``on_notificatie``,
  listening to the Zaken register), a webvraag is answered, a contactmoment is
  registered. The e-mail goes out through the task worker after the commit.
- Answering: ``beantwoord`` stores the anonymous ``Antwoord``, counts it into the
  sturing aggregates and, when the resident agreed and the grade is very low or
  very high, asks the gemeente's team to call back.
- Staff: ``zet_opvolging``; beheer and demo: ``zet_instelling``;
  the history generator: ``bewaar_antwoorden_bulk``.
"""

import secrets
from collections import Counter
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.crypto import salted_hmac

from loket.core.http import absolute_url
from loket.feedback import selectors
from loket.feedback.models import (
    CONTACTGEGEVENS,
    MET_CONTACTGEGEVENS,
    Antwoord,
    Bron,
    Feedbackinstelling,
    Opvolging,
    Uitnodiging,
)
from loket.feedback.selectors import ASPECTEN, MEETPUNTEN
from loket.sturing import kanalen
from loket.sturing import services as sturing

MAX_OPMERKING = 1000


class Ongeldig(Exception):
    """The survey cannot be answered with this token; ``reden`` says why:
    "onbekend", "verlopen" or "beantwoord"."""

    def __init__(self, reden: str):
        super().__init__(reden)
        self.reden = reden


# -- settings -------------------------------------------------------------------


@transaction.atomic
def zet_instelling(gemeente, **velden) -> Feedbackinstelling:
    """Change the survey settings of a gemeente (fields of
    ``Feedbackinstelling``); what is not given keeps its value."""
    instelling, _ = Feedbackinstelling.objects.get_or_create(gemeente=gemeente)
    for veld, waarde in velden.items():
        setattr(instelling, veld, waarde)
    instelling.full_clean()
    instelling.save()
    return instelling


# -- inviting -------------------------------------------------------------------


def _wie(*, bsn: str, kvk: str, emailadres: str) -> str:
    """A keyed hash of the person, for the wachtperiode across bronnen."""
    if bsn:
        sleutel = f"bsn:{bsn}"
    elif kvk:
        sleutel = f"kvk:{kvk}"
    else:
        sleutel = f"email:{emailadres.strip().lower()}"
    return salted_hmac("loket.feedback.wie", sleutel, algorithm="sha256").hexdigest()


@transaction.atomic
def nodig_uit(
    *,
    gemeente,
    bron: str,
    bron_id: str,
    onderwerp: str,
    kanaal: str = "",
    product: str = "",
    bsn: str = "",
    kvk: str = "",
    naam: str = "",
    emailadres: str = "",
    telefoonnummer: str = "",
    nu=None,
    mailen: bool = True,
) -> Uitnodiging | None:
    """Invite someone to the survey about ``bron``, unless the gemeente has the
    survey off, there is already an invitation about this bron, the person had
    one within the wachtperiode, or the person cannot be reached (no e-mail
    address and not known by BSN or KvK for Mijn Loket). Returns the invitation,
    or None when nobody is invited."""
    nu = nu or timezone.now()
    instelling = selectors.instelling(gemeente)
    emailadres = (emailadres or "").strip()
    if not instelling.actief or not (emailadres or bsn or kvk):
        return None
    bron_id = str(bron_id)
    vergeet_verlopen(nu)
    if Uitnodiging.objects.filter(bron=bron, bron_id=bron_id).exists():
        return None
    wie = _wie(bsn=bsn, kvk=kvk, emailadres=emailadres)
    sinds = nu - timedelta(days=instelling.wachtperiode_dagen)
    if Uitnodiging.objects.filter(wie=wie, verstuurd_op__gt=sinds).exists():
        return None
    uitnodiging = Uitnodiging(
        token=secrets.token_urlsafe(32),
        gemeente=gemeente,
        bron=bron,
        bron_id=bron_id,
        onderwerp=onderwerp[:200],
        kanaal=kanaal,
        product=product[:50],
        bsn=bsn,
        kvk="" if bsn else kvk,
        naam=naam[:200],
        emailadres=emailadres,
        telefoonnummer=(telefoonnummer or "")[:20],
        wie=wie,
        verstuurd_op=nu,
        geldig_tot=nu + timedelta(days=instelling.geldig_dagen),
    )
    uitnodiging.full_clean(exclude=["token"])
    try:
        with transaction.atomic():  # the same bron at the same moment: once
            uitnodiging.save()
    except IntegrityError:
        return None
    if mailen and emailadres:
        from loket.feedback import tasks

        tasks.mail_uitnodiging.enqueue(uitnodiging.pk)
    return uitnodiging


def zaak_gesloten(zaak, *, nu=None, mailen: bool = True) -> Uitnodiging | None:
    """Invite the initiator (a person or company) of a zaak that just closed."""
    from loket.portaal import services as portaal
    from loket.zgw.zaken import selectors as zaken

    rol = zaken.initiator(zaak.pk)
    if rol is None or not (rol.inp_bsn or rol.kvk_nummer) or not zaak.gemeente_id:
        return None
    emailadres, _ = portaal.ontvanger(zaak)
    zaaktype = zaak.zaaktype
    return nodig_uit(
        gemeente=zaak.gemeente,
        bron=Bron.ZAAK,
        bron_id=str(zaak.uuid),
        onderwerp=f"Uw aanvraag {zaaktype.omschrijving} ({zaak.identificatie})",
        kanaal=kanalen.van_zaak(zaak),
        product=zaaktype.identificatie,
        bsn=rol.inp_bsn,
        kvk=rol.kvk_nummer,
        naam=rol.naam(),
        emailadres=emailadres,
        telefoonnummer=(rol.contactpersoon_rol or {}).get("telefoonnummer", ""),
        nu=nu,
        mailen=mailen,
    )


def on_notificatie(notificatie) -> None:
    """Called in the transaction of every change Loket publishes: the end status
    of a zaak (set now, not registered afterwards: ``zaken.nieuwe_status``)
    invites its initiator."""
    from loket.zgw.zaken import selectors as zaken
    from loket.zgw.zaken.services import is_end_status

    status = zaken.nieuwe_status(notificatie)
    if status is None or status.zaak.einddatum is None:
        return
    if is_end_status(status.statustype):
        zaak_gesloten(status.zaak)


def webvraag_beantwoord(webvraag, *, mailen: bool = True) -> Uitnodiging | None:
    """Invite the asker of a webvraag that was just answered."""
    return nodig_uit(
        gemeente=webvraag.gemeente,
        bron=Bron.WEBVRAAG,
        bron_id=str(webvraag.pk),
        onderwerp=f"Uw vraag: {webvraag.onderwerp}",
        kanaal="web",
        bsn=webvraag.bsn,
        kvk=webvraag.kvk,
        naam=webvraag.naam,
        emailadres=webvraag.emailadres,
        telefoonnummer=webvraag.telefoonnummer,
        nu=webvraag.beantwoord_op,
        mailen=mailen,
    )


def contactmoment_geregistreerd(
    contactmoment, *, mailen: bool = True
) -> Uitnodiging | None:
    """Invite a known person or company (BSN or KvK, with an e-mail address in
    Mijn Loket) after a contactmoment; an anonymous contact invites nobody."""
    from loket.portaal import selectors as portaal

    if not (contactmoment.bsn or contactmoment.kvk):
        return None
    voorkeur = portaal.contactvoorkeur(bsn=contactmoment.bsn, kvk=contactmoment.kvk)
    if voorkeur is None or not voorkeur.emailadres:
        return None
    zaak = contactmoment.zaak
    datum = formats.date_format(timezone.localtime(contactmoment.tijdstip), "j F Y")
    return nodig_uit(
        gemeente=contactmoment.gemeente,
        bron=Bron.CONTACTMOMENT,
        bron_id=str(contactmoment.pk),
        onderwerp=f"Uw contact met de gemeente op {datum}",
        kanaal=kanalen.van_naam(contactmoment.kanaal),
        product=zaak.zaaktype.identificatie if zaak is not None else "",
        bsn=contactmoment.bsn,
        kvk=contactmoment.kvk,
        naam=contactmoment.naam,
        emailadres=voorkeur.emailadres,
        nu=contactmoment.tijdstip,
        mailen=mailen,
    )


# -- answering ------------------------------------------------------------------


def _uitnodiging_op_slot(**sleutel) -> Uitnodiging | None:
    """The invitation (by token or pk), locked until the transaction ends."""
    return (
        Uitnodiging.objects.select_for_update(of=("self",))
        .select_related("gemeente")
        .filter(**sleutel)
        .first()
    )


def _maand(dag: date) -> date:
    return dag.replace(day=1)


def _schaal(waarde, veld: str, hoogste: int, verplicht: bool = False):
    if waarde in (None, ""):
        if verplicht:
            raise ValidationError({veld: "Kies een cijfer van 1 tot en met 10."})
        return None
    try:
        waarde = int(waarde)
    except (TypeError, ValueError):
        waarde = 0
    if not 1 <= waarde <= hoogste:
        raise ValidationError({veld: f"Kies een waarde van 1 tot en met {hoogste}."})
    return waarde


def _tel(antwoorden: Counter) -> None:
    """Add counted answers to the sturing aggregates; ``antwoorden`` counts
    (gemeente_id, datum, meetpunt, kanaal, product, waarde) tuples."""
    for (gemeente_id, datum, meetpunt, kanaal, product, waarde), aantal in sorted(
        antwoorden.items()
    ):
        sturing.tel(
            gemeente_id=gemeente_id,
            datum=datum,
            meetpunt=meetpunt,
            kanaal=kanaal,
            product=product,
            waarde=waarde,
            aantal=aantal,
        )


def _telbaar(antwoord: Antwoord) -> list[tuple]:
    return [
        (
            antwoord.gemeente_id,
            antwoord.maand,
            meetpunt,
            antwoord.kanaal,
            antwoord.product,
            getattr(antwoord, veld),
        )
        for veld, meetpunt in MEETPUNTEN.items()
        if getattr(antwoord, veld) is not None
    ]


@transaction.atomic
def beantwoord(
    token: str,
    *,
    cijfer,
    snelheid=None,
    geholpen=None,
    gemak=None,
    in_een_keer=None,
    opmerking: str = "",
    contact: bool = False,
    telefoonnummer: str = "",
    nu=None,
) -> Antwoord:
    """Store the answer to an invitation, once, before it expires.

    The answer is stored without anything that points to the person or the
    invitation, and counted into the sturing aggregates. When the resident
    agreed to be contacted and the grade is at or beyond one of the gemeente's
    thresholds, the gemeente's team gets a call-back request, with the person
    from the invitation. The invitation then forgets the person's contact
    details. Raises ``Ongeldig`` for an unknown, expired or used token and
    ``ValidationError`` for wrong input."""
    nu = nu or timezone.now()
    aspecten = {
        "snelheid": snelheid,
        "geholpen": geholpen,
        "gemak": gemak,
        "in_een_keer": in_een_keer,
    }
    uitnodiging = _uitnodiging_op_slot(token=token)
    if uitnodiging is None:
        raise Ongeldig("onbekend")
    if uitnodiging.beantwoord:
        raise Ongeldig("beantwoord")
    if uitnodiging.geldig_tot <= nu:
        raise Ongeldig("verlopen")
    opmerking = (opmerking or "").strip()
    if len(opmerking) > MAX_OPMERKING:
        raise ValidationError(
            {"opmerking": f"Uw opmerking is te lang: maximaal {MAX_OPMERKING} tekens."}
        )
    antwoord = Antwoord(
        gemeente=uitnodiging.gemeente,
        maand=_maand(timezone.localdate(nu)),
        kanaal=uitnodiging.kanaal,
        product=uitnodiging.product,
        cijfer=_schaal(cijfer, "cijfer", 10, verplicht=True),
        opmerking=opmerking,
        **{veld: _schaal(waarde, veld, 5) for veld, waarde in aspecten.items()},
    )
    antwoord.full_clean()
    antwoord.save()
    _tel(Counter(_telbaar(antwoord)))
    instelling = selectors.instelling(uitnodiging.gemeente)
    drempel = (
        antwoord.cijfer <= instelling.drempel_laag
        or antwoord.cijfer >= instelling.drempel_hoog
    )
    if contact and drempel and instelling.team_id is not None:
        _vraag_terugbellen(uitnodiging, antwoord, instelling, telefoonnummer)
    uitnodiging.beantwoord = True
    # The contact details served their purpose; who was invited when stays
    # (``wie``) for the wachtperiode.
    for veld in CONTACTGEGEVENS:
        setattr(uitnodiging, veld, "")
    uitnodiging.save()
    return antwoord


def vergeet_verlopen(nu=None) -> int:
    """Forget the contact details of invitations that expired unanswered (an
    answered one forgot them at once); ``wie`` stays for the wachtperiode. Runs
    with every new invitation, so nobody's details outlive their invitation by
    longer than the time until the next one. Returns how many it cleared."""
    nu = nu or timezone.now()
    verlopen = Uitnodiging.objects.filter(
        MET_CONTACTGEGEVENS, beantwoord=False, geldig_tot__lte=nu
    )
    return verlopen.update(**dict.fromkeys(CONTACTGEGEVENS, ""))


def _vraag_terugbellen(uitnodiging, antwoord, instelling, telefoonnummer) -> None:
    from loket.klantcontact import services as klantcontact
    from loket.klantcontact.tokens import Klant

    telefoonnummer = (telefoonnummer or "").strip() or uitnodiging.telefoonnummer
    if not telefoonnummer:
        raise ValidationError(
            {
                "telefoonnummer": "Vul het telefoonnummer in waarop wij u mogen "
                "bellen, of zet het vinkje bij contact opnemen uit."
            }
        )
    toelichting = (
        f"De inwoner gaf in het tevredenheidsonderzoek een {antwoord.cijfer} en "
        "wil graag gebeld worden over dat antwoord.\n"
        f"Het ging over: {uitnodiging.onderwerp}"
    )
    if antwoord.opmerking:
        toelichting += f"\nOpmerking van de inwoner: {antwoord.opmerking}"
    klantcontact.vraag_terugbellen(
        gemeente=uitnodiging.gemeente,
        team=instelling.team,
        klant=Klant(bsn=uitnodiging.bsn, kvk=uitnodiging.kvk, naam=uitnodiging.naam),
        naam=uitnodiging.naam,
        onderwerp=f"Tevredenheidsonderzoek: cijfer {antwoord.cijfer}",
        telefoonnummer=telefoonnummer,
        toelichting=toelichting,
    )


@transaction.atomic
def bewaar_antwoorden_bulk(antwoorden: list[dict]) -> int:
    """Store many answers at once (the demo's history) and count them, with a
    handful of queries. Each dict: gemeente_id, datum (a date), cijfer, and
    optionally kanaal, product, snelheid, geholpen, gemak, in_een_keer,
    opmerking, opvolging. Returns how many were stored."""
    rijen = [
        Antwoord(
            gemeente_id=a["gemeente_id"],
            maand=_maand(a["datum"]),
            kanaal=a.get("kanaal", ""),
            product=a.get("product", ""),
            cijfer=_schaal(a["cijfer"], "cijfer", 10, verplicht=True),
            opmerking=(a.get("opmerking") or "")[:MAX_OPMERKING],
            opvolging=a.get("opvolging", Opvolging.NIEUW),
            **{veld: _schaal(a.get(veld), veld, 5) for veld in ASPECTEN},
        )
        for a in antwoorden
    ]
    Antwoord.objects.bulk_create(rijen, batch_size=2000)
    _tel(Counter(t for rij in rijen for t in _telbaar(rij)))
    return len(rijen)


# -- staff ----------------------------------------------------------------------


@transaction.atomic
def zet_opvolging(antwoord: Antwoord, *, opvolging: str, notitie: str = "") -> Antwoord:
    """Mark what was done with an answer's comment, with a note."""
    if opvolging not in Opvolging.values:
        raise ValidationError({"opvolging": "Kies wat er met dit antwoord gebeurt."})
    notitie = (notitie or "").strip()
    if len(notitie) > 2000:
        raise ValidationError(
            {"notitie": "Uw notitie is te lang: maximaal 2000 tekens."}
        )
    antwoord = Antwoord.objects.select_for_update().get(pk=antwoord.pk)
    antwoord.opvolging = opvolging
    antwoord.opvolging_notitie = notitie
    antwoord.save(update_fields=["opvolging", "opvolging_notitie"])
    return antwoord


# -- e-mail (run by the task worker) --------------------------------------------


def survey_url(uitnodiging: Uitnodiging) -> str:
    return absolute_url(
        reverse(
            "gemeente:tevredenheid:vragenlijst",
            kwargs={
                "gemeente_slug": uitnodiging.gemeente.slug,
                "token": uitnodiging.token,
            },
        )
    )


def mail_uitnodiging(uitnodiging_id: int) -> str:
    """Send the invitation e-mail, once: the row is locked and marked in the
    same transaction; a failed send leaves it unmarked for the retry."""
    with transaction.atomic():
        uitnodiging = _uitnodiging_op_slot(pk=uitnodiging_id)
        if uitnodiging is None:
            return "niet gevonden"
        if uitnodiging.gemaild_op is not None:
            return "al verzonden"
        if uitnodiging.beantwoord or uitnodiging.geldig_tot <= timezone.now():
            return "niet meer nodig"
        if not uitnodiging.emailadres:
            return "geen e-mailadres"
        gemeente = uitnodiging.gemeente.naam
        tot = formats.date_format(timezone.localtime(uitnodiging.geldig_tot), "j F Y")
        tekst = (
            f"Beste {uitnodiging.naam or 'heer, mevrouw'},\n\n"
            f"Onlangs had u contact met gemeente {gemeente}. Het ging over:\n"
            f"{uitnodiging.onderwerp}\n\n"
            "Wij willen graag weten hoe u dat vond. Wilt u een paar korte vragen "
            "beantwoorden? Dat duurt ongeveer 2 minuten. Uw antwoord is anoniem: "
            "wij zien niet wie wat antwoordde.\n\n"
            f"Vul de vragenlijst in:\n{survey_url(uitnodiging)}\n\n"
            f"Dat kan tot {tot}. U vindt de vragenlijst ook in Mijn Loket.\n\n"
            f"Met vriendelijke groet,\n\nGemeente {gemeente}\n"
        )
        send_mail(
            f"Hoe tevreden bent u? (Gemeente {gemeente})",
            tekst,
            None,
            [uitnodiging.emailadres],
        )
        uitnodiging.gemaild_op = timezone.now()
        uitnodiging.save(update_fields=["gemaild_op"])
    return "verzonden"
