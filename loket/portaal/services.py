"""Writes of Mijn Loket: messages about a zaak, the resident's e-mail address, and
the e-mails about status changes and messages (sent by the task worker)."""

import logging

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from loket.core.http import absolute_url
from loket.portaal import selectors, sjablonen
from loket.portaal.models import (
    Bericht,
    Contactvoorkeur,
    Mailsjabloon,
    Soort,
    Verzonden,
)
from loket.zgw.zaken import selectors as zaken

logger = logging.getLogger(__name__)
MAX_TEKST = 5000


def _tekst(tekst: str, veld: str = "tekst") -> str:
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({veld: "Schrijf uw bericht."}, code="required")
    if len(tekst) > MAX_TEKST:
        raise ValidationError(
            {veld: f"Uw bericht is te lang: maximaal {MAX_TEKST} tekens."},
            code="max_length",
        )
    return tekst


@transaction.atomic
def stuur_bericht(zaak, *, medewerker, onderwerp: str, tekst: str) -> Bericht:
    """A handler writes to the initiator of a zaak; the initiator gets an e-mail
    that there is a message (not its content) and reads it in Mijn Loket."""
    onderwerp = (onderwerp or "").strip()
    if not onderwerp:
        raise ValidationError({"onderwerp": "Geef het bericht een onderwerp."})
    bericht = Bericht.objects.create(
        zaak=zaak,
        richting=Bericht.Richting.AAN_INWONER,
        onderwerp=onderwerp[:200],
        tekst=_tekst(tekst),
        afzender=f"Gemeente {zaak.gemeente.naam}" if zaak.gemeente_id else "Gemeente",
        medewerker=medewerker,
        verstuurd_op=timezone.now(),
    )
    from loket.portaal import tasks

    tasks.mail_bericht.enqueue(bericht.pk)
    return bericht


@transaction.atomic
def beantwoord(inwoner, zaak_uuid, *, tekst: str) -> Bericht:
    """The resident answers in the conversation about one of their zaken."""
    detail = selectors.mijn_zaak(inwoner, zaak_uuid)
    if detail is None:
        raise ValidationError("Deze zaak is niet gevonden.", code="not_found")
    return Bericht.objects.create(
        zaak=detail.zaak,
        richting=Bericht.Richting.VAN_INWONER,
        onderwerp=f"Reactie op zaak {detail.zaak.identificatie}",
        tekst=_tekst(tekst),
        afzender=inwoner.naam or "Aanvrager",
        verstuurd_op=timezone.now(),
    )


def markeer_gelezen(berichten) -> None:
    """The resident opened the zaak: its messages from the gemeente are read."""
    ids = [
        b.pk
        for b in berichten
        if b.richting == Bericht.Richting.AAN_INWONER and b.gelezen_op is None
    ]
    if ids:
        Bericht.objects.filter(pk__in=ids).update(gelezen_op=timezone.now())


def zet_emailadres(*, bsn: str = "", kvk: str = "", emailadres: str) -> Contactvoorkeur:
    """Where this resident (BSN) or company (KvK) wants e-mail about their zaken;
    an empty address removes it."""
    soort, nummer = (Soort.BSN, bsn) if bsn else (Soort.KVK, kvk)
    if not nummer:
        raise ValueError("geef een BSN of een KvK-nummer")
    emailadres = (emailadres or "").strip()
    if not emailadres:
        Contactvoorkeur.objects.filter(soort=soort, nummer=nummer).delete()
        return None
    try:
        validate_email(emailadres)
    except ValidationError:
        raise ValidationError(
            {"emailadres": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."}
        ) from None
    voorkeur, _ = Contactvoorkeur.objects.update_or_create(
        soort=soort, nummer=nummer, defaults={"emailadres": emailadres}
    )
    return voorkeur


# -- e-mail ----------------------------------------------------------------------------


def ontvanger(zaak) -> tuple[str, str]:
    """(e-mail address, name) of the zaak's initiator, or ("", "")."""
    rol = zaken.initiator(zaak.pk)
    if rol is None:
        return "", ""
    voorkeur = selectors.contactvoorkeur(bsn=rol.inp_bsn, kvk=rol.kvk_nummer)
    adres = voorkeur.emailadres if voorkeur else ""
    if not adres:  # the address given with the request (contactpersoonRol)
        adres = (rol.contactpersoon_rol or {}).get("emailadres", "")
    return adres, _naam(rol)


def _naam(rol) -> str:
    return rol.naam() or "heer, mevrouw"


def _sjabloon(gebeurtenis: str, zaak, statustype_omschrijving: str = ""):
    """The most specific sjabloon, or Loket's own text."""
    kandidaten = Mailsjabloon.objects.filter(
        Q(gemeente=zaak.gemeente_id) | Q(gemeente__isnull=True),
        gebeurtenis=gebeurtenis,
        zaaktype_identificatie__in=["", zaak.zaaktype.identificatie],
        statustype_omschrijving__in=["", statustype_omschrijving],
    )
    beste = max(
        kandidaten,
        key=lambda s: (
            bool(s.statustype_omschrijving),
            bool(s.zaaktype_identificatie),
            s.gemeente_id is not None,
        ),
        default=None,
    )
    if beste is None:
        return sjablonen.STANDAARD[gebeurtenis]
    return beste.onderwerp, beste.tekst


def _mail(sleutel: str, zaak, gebeurtenis: str, waarden: dict, status: str = ""):
    """Send one e-mail about a zaak, once per ``sleutel``. Returns what happened."""
    adres, naam = ontvanger(zaak)
    if not adres:
        return "geen e-mailadres"
    onderwerp, tekst = _sjabloon(gebeurtenis, zaak, status)
    link = absolute_url(
        reverse(
            "gemeente:portaal:zaak",
            kwargs={"gemeente_slug": zaak.gemeente.slug, "zaak_uuid": zaak.uuid},
        )
    )
    waarden = {
        "naam": naam,
        "zaak": zaak.identificatie,
        "zaaktype": zaak.zaaktype.omschrijving,
        "gemeente": zaak.gemeente.naam,
        "link": link,
        **waarden,
    }
    onderwerp = " ".join(sjablonen.fill(onderwerp, waarden).split())[:200]
    try:
        with transaction.atomic():
            Verzonden.objects.create(
                sleutel=sleutel, zaak=zaak, aan=adres, onderwerp=onderwerp
            )
            # Inside the transaction: if sending fails, the key is not kept and the
            # task's retry sends it; a second run finds the key and stops.
            send_mail(onderwerp, sjablonen.fill(tekst, waarden), None, [adres])
    except IntegrityError:
        return "al verzonden"
    return "verzonden"


def mail_status(status_uuid) -> str:
    """Tell the initiator their zaak reached a status (if the statustype says the
    initiator is informed, or it is the end status)."""
    status = zaken.status_by_uuid(status_uuid)
    if status is None or status.zaak.gemeente_id is None:
        return "geen status"
    statustype = status.statustype
    if not statustype.informeren:
        return "niet informeren"
    return _mail(
        f"status:{status.uuid}",
        status.zaak,
        "status",
        {
            "status": statustype.omschrijving,
            "statustekst": statustype.statustekst or "",
        },
        status=statustype.omschrijving,
    )


def mail_bericht(bericht_id: int) -> str:
    bericht = Bericht.objects.select_related("zaak__zaaktype", "zaak__gemeente").filter(
        pk=bericht_id
    )
    bericht = bericht.first()
    if bericht is None or bericht.zaak.gemeente_id is None:
        return "geen bericht"
    return _mail(f"bericht:{bericht.pk}", bericht.zaak, "bericht", {})


def on_notificatie(notificatie) -> None:
    """Called in the transaction of every change Loket publishes: a new status of a
    zaak whose initiator can be mailed queues the e-mail, which the task worker
    sends after the commit (the task row is part of the same transaction). A
    status registered long after it was set is history, not news: no e-mail
    (``zaken.nieuwe_status``)."""
    status = zaken.nieuwe_status(notificatie)
    if status is None or not status.statustype.informeren:
        return
    if ontvanger(status.zaak)[0]:
        from loket.portaal import tasks

        tasks.mail_status.enqueue(str(status.uuid))


@transaction.atomic
def bewaar_sjabloon(sjabloon: Mailsjabloon) -> Mailsjabloon:
    """Store an e-mail sjabloon after checking its placeholders and that it is the
    only one for its gebeurtenis, gemeente, zaaktype and status."""
    sjabloon.full_clean()
    sjabloon.save()
    return sjabloon
