"""Who is invited to the survey, when: after a zaak closes, a webvraag is
answered or a contactmoment is registered; once per bron, not again within the
gemeente's wachtperiode, never when the gemeente has the survey off; by e-mail
over SMTP, after the commit."""

from datetime import timedelta

from django.utils import timezone

import pytest

from loket.feedback import services
from loket.feedback.models import Uitnodiging
from loket.feedback.tests import kit
from loket.klantcontact import services as klantcontact
from loket.klantcontact.tokens import Klant
from loket.portaal import services as portaal
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from tests import zgw_data

pytestmark = pytest.mark.django_db


def _webvraag(gemeente, **extra):
    velden = {
        "gemeente": gemeente,
        "naam": "Floris Kierkegaard",
        "emailadres": kit.EMAIL,
        "onderwerp": "Afvalpas kwijt",
        "vraag": "Hoe krijg ik een nieuwe afvalpas?",
        "mailen": False,
        **extra,
    }
    return klantcontact.ontvang_webvraag(**velden)


def _beantwoord(webvraag, kcc, **extra):
    return klantcontact.beantwoord_webvraag(
        webvraag,
        medewerker=kcc,
        antwoord="U vraagt een nieuwe pas aan in Mijn Loket.",
        kanaal="email",
        **{"mailen": False, **extra},
    )


def test_a_closed_zaak_invites_its_initiator_with_channel_and_product(w):
    zaak = kit.sluit(w, kit.zaak(w, kanaal="Balie", telefoonnummer="0612345678"))

    uitnodiging = Uitnodiging.objects.get()
    assert (uitnodiging.bron, uitnodiging.bron_id) == ("zaak", str(zaak.uuid))
    assert (uitnodiging.gemeente, uitnodiging.kanaal, uitnodiging.product) == (
        w.duinwaard,
        "balie",
        "PARKEER",
    )
    assert (uitnodiging.bsn, uitnodiging.emailadres, uitnodiging.telefoonnummer) == (
        kit.BSN,
        kit.EMAIL,
        "0612345678",
    )
    assert (
        uitnodiging.onderwerp == f"Uw aanvraag Parkeervergunning ({zaak.identificatie})"
    )
    assert uitnodiging.geldig_tot - uitnodiging.verstuurd_op == timedelta(days=30)
    assert len(uitnodiging.token) >= 40


def test_a_zaak_that_is_not_closed_invites_nobody(w):
    zaak = kit.zaak(w)
    zaken.set_status(zaak, actor=LOKET, statustype=w.cat.statustypen["Ontvangen"])
    assert not Uitnodiging.objects.exists()


def test_the_same_zaak_closed_twice_invites_once(w):
    services.zet_instelling(w.duinwaard, wachtperiode_dagen=0)
    zaak = kit.sluit(w, kit.zaak(w))
    zaken.set_status(zaak, actor=LOKET, statustype=w.cat.statustypen["Ontvangen"])
    kit.sluit(w, zaak)
    assert Uitnodiging.objects.count() == 1
    # Without the wachtperiode another zaak of the same person does invite.
    kit.sluit(w, kit.zaak(w))
    assert Uitnodiging.objects.count() == 2


def test_nobody_is_invited_again_within_the_wachtperiode_whatever_the_bron(w):
    eerste = kit.sluit(w, kit.zaak(w))
    kit.sluit(w, kit.zaak(w))  # the same person, 0 days later
    _beantwoord(_webvraag(w.duinwaard, bsn=kit.BSN), w.kcc)  # same BSN
    _beantwoord(_webvraag(w.lindebroek, bsn=kit.BSN), w.kcc)  # another gemeente
    assert list(Uitnodiging.objects.values_list("bron_id", flat=True)) == [
        str(eerste.uuid)
    ]

    # 91 days later the wachtperiode of 90 days is over.
    Uitnodiging.objects.update(verstuurd_op=timezone.now() - timedelta(days=91))
    derde = kit.sluit(w, kit.zaak(w))
    assert Uitnodiging.objects.filter(bron_id=str(derde.uuid)).exists()


def test_the_wachtperiode_is_the_gemeentes_setting(w):
    services.zet_instelling(w.duinwaard, wachtperiode_dagen=10)
    kit.sluit(w, kit.zaak(w))
    Uitnodiging.objects.update(verstuurd_op=timezone.now() - timedelta(days=9))
    kit.sluit(w, kit.zaak(w))
    assert Uitnodiging.objects.count() == 1
    Uitnodiging.objects.update(verstuurd_op=timezone.now() - timedelta(days=11))
    kit.sluit(w, kit.zaak(w))
    assert Uitnodiging.objects.count() == 2


def test_another_person_is_invited_within_someone_elses_wachtperiode(w):
    kit.sluit(w, kit.zaak(w, bsn=kit.BSN))
    kit.sluit(w, kit.zaak(w, bsn=kit.ANDER_BSN, emailadres="suzanne@example.nl"))
    assert sorted(Uitnodiging.objects.values_list("bsn", flat=True)) == sorted(
        [kit.BSN, kit.ANDER_BSN]
    )


def test_a_gemeente_with_the_survey_off_invites_nobody(w):
    services.zet_instelling(w.duinwaard, actief=False)
    kit.sluit(w, kit.zaak(w))
    _beantwoord(_webvraag(w.duinwaard), w.kcc)
    assert not Uitnodiging.objects.exists()
    # Lindebroek has no setting: the default is on.
    _beantwoord(_webvraag(w.lindebroek), w.kcc)
    assert Uitnodiging.objects.get().gemeente == w.lindebroek


def test_a_closing_registered_afterwards_invites_nobody(w):
    """History (an import of old zaken) is not a zaak closing now."""
    kit.sluit(w, kit.zaak(w), moment=timezone.now() - timedelta(days=2))
    assert not Uitnodiging.objects.exists()


def test_a_zaak_without_a_person_or_company_as_initiator_invites_nobody(w):
    zaak = zgw_data.zaak(w.cat)
    kit.sluit(w, zaak)
    assert not Uitnodiging.objects.exists()


def test_an_answered_webvraag_invites_the_asker_also_without_login(w):
    webvraag = _beantwoord(_webvraag(w.duinwaard, telefoonnummer="0201234567"), w.kcc)
    uitnodiging = Uitnodiging.objects.get()
    assert (uitnodiging.bron, uitnodiging.bron_id) == ("webvraag", str(webvraag.pk))
    assert (uitnodiging.kanaal, uitnodiging.product, uitnodiging.bsn) == ("web", "", "")
    assert (uitnodiging.emailadres, uitnodiging.telefoonnummer) == (
        kit.EMAIL,
        "0201234567",
    )
    assert uitnodiging.onderwerp == "Uw vraag: Afvalpas kwijt"
    # The same e-mail address asking again within the wachtperiode: no second.
    _beantwoord(_webvraag(w.duinwaard, emailadres="FLORIS@example.nl "), w.kcc)
    assert Uitnodiging.objects.count() == 1


def test_a_contactmoment_invites_a_known_person_with_an_email_address(w):
    def contact(klant=None):
        return klantcontact.registreer_contactmoment(
            medewerker=w.kcc,
            gemeente=w.duinwaard,
            kanaal="email",
            onderwerp="Vraag over de afvalpas",
            klant=klant,
            mailen=False,
        )

    contact()  # anonymous
    contact(Klant(bsn=kit.BSN))  # known, but no e-mail address in Mijn Loket
    assert not Uitnodiging.objects.exists()

    portaal.zet_emailadres(bsn=kit.BSN, emailadres="floris@example.nl")
    contactmoment = contact(Klant(bsn=kit.BSN))
    uitnodiging = Uitnodiging.objects.get()
    assert (uitnodiging.bron, uitnodiging.bron_id) == (
        "contactmoment",
        str(contactmoment.pk),
    )
    assert (uitnodiging.kanaal, uitnodiging.emailadres) == ("e-mail", kit.EMAIL)
    assert uitnodiging.onderwerp.startswith("Uw contact met de gemeente op ")


def test_a_bron_is_invited_once_even_without_wachtperiode(w):
    services.zet_instelling(w.duinwaard, wachtperiode_dagen=0)
    assert kit.uitnodiging(w, bron_id="7") is not None
    assert kit.uitnodiging(w, bron_id="7") is None
    assert kit.uitnodiging(w, bron_id="8") is not None


def test_someone_who_cannot_be_reached_is_not_invited(w):
    assert kit.uitnodiging(w, bsn="", emailadres="") is None
    assert not Uitnodiging.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_invitation_is_emailed_once_after_the_commit(mailbox, run_tasks):
    w = kit.wereld()
    kit.sluit(w, kit.zaak(w))
    run_tasks()
    run_tasks()  # a second run sends nothing twice
    uitnodiging = Uitnodiging.objects.get()

    mails = [m for m in mailbox if m["Subject"].startswith("Hoe tevreden")]
    assert [(m["To"], m["Subject"]) for m in mails] == [
        (kit.EMAIL, "Hoe tevreden bent u? (Gemeente Duinwaard)")
    ]
    tekst = mails[0].get_content()
    assert f"/duinwaard/tevredenheid/{uitnodiging.token}/" in tekst
    assert "Beste F. Kierkegaard," in tekst
    uitnodiging.refresh_from_db()
    assert uitnodiging.gemaild_op is not None


@pytest.mark.django_db(transaction=True)
def test_history_loaded_with_mailen_false_mails_nobody(mailbox, run_tasks):
    w = kit.wereld()
    _beantwoord(_webvraag(w.duinwaard), w.kcc, mailen=False)
    run_tasks()
    assert Uitnodiging.objects.count() == 1
    assert mailbox == []


@pytest.mark.django_db(transaction=True)
def test_an_invitation_answered_before_the_mail_went_out_is_not_mailed(
    mailbox, run_tasks
):
    w = kit.wereld()
    uitnodiging = kit.uitnodiging(w, mailen=True)
    services.beantwoord(uitnodiging.token, cijfer=8)
    run_tasks()
    assert mailbox == []


def test_an_expired_invitation_forgets_the_person_at_the_next_invitation(w):
    """Contact details live as long as the invitation; ``wie`` stays for the
    wachtperiode."""
    nu = timezone.now()
    verlopen = kit.uitnodiging(w, bron_id="1", telefoonnummer="0612345678")
    geldig = kit.uitnodiging(w, bron_id="2", bsn=kit.ANDER_BSN, emailadres="")
    Uitnodiging.objects.filter(pk=verlopen.pk).update(
        verstuurd_op=nu - timedelta(days=40), geldig_tot=nu - timedelta(seconds=1)
    )
    wie = Uitnodiging.objects.get(pk=verlopen.pk).wie

    # Someone else, in the other gemeente: any new invitation clears them.
    kit.uitnodiging(w, gemeente=w.lindebroek, bron_id="3", bsn="", kvk="69599084")

    verlopen.refresh_from_db()
    geldig.refresh_from_db()
    assert [getattr(verlopen, v) for v in services.CONTACTGEGEVENS] == [""] * 5
    assert (verlopen.wie, verlopen.beantwoord) == (wie, False)
    assert (geldig.bsn, geldig.naam) == (kit.ANDER_BSN, "F. Kierkegaard")
    # The wachtperiode still holds for the person who was forgotten.
    assert kit.uitnodiging(w, bron_id="4") is None
    assert services.vergeet_verlopen(nu) == 0
