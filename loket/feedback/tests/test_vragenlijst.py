"""Answering the survey: no login, the token is the key; once, before it
expires; the answer is anonymous and counted into the sturing aggregates; a call-
back only with consent and a grade at a threshold; Mijn Loket lists one's own
open invitations only."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from loket.feedback import selectors, services
from loket.feedback.models import Antwoord, Uitnodiging
from loket.feedback.tests import kit
from loket.klantcontact.models import Terugbelverzoek
from loket.sturing.models import Telling
from tests import inwoner

pytestmark = pytest.mark.django_db

ANTWOORD = {
    "cijfer": "8",
    "snelheid": "4",
    "geholpen": "",
    "gemak": "2",
    "in_een_keer": "",
    "opmerking": "Het formulier was lang.",
    "telefoonnummer": "",
}


def _url(uitnodiging, gemeente=None):
    slug = (gemeente or uitnodiging.gemeente).slug
    return reverse("gemeente:tevredenheid:vragenlijst", args=[slug, uitnodiging.token])


def test_the_survey_needs_no_login_and_says_what_it_is_about(client, w):
    uitnodiging = kit.uitnodiging(w)
    html = client.get(_url(uitnodiging)).content.decode()
    assert "Hoe tevreden bent u?" in html
    assert "Uw contact met de gemeente op 3 december 2026" in html
    assert html.count('name="cijfer"') == 10
    assert html.count('name="snelheid"') == 5
    assert "U mag contact met mij opnemen over mijn antwoord" in html


def test_an_answer_is_stored_without_the_person_and_only_once(client, w):
    uitnodiging = kit.uitnodiging(w)
    response = client.post(_url(uitnodiging), ANTWOORD)
    assert response["Location"] == reverse(
        "gemeente:tevredenheid:bedankt", args=["duinwaard"]
    )
    assert (
        "Bedankt voor uw antwoord" in client.get(response["Location"]).content.decode()
    )

    antwoord = Antwoord.objects.get()
    vandaag = timezone.localdate()
    assert (
        antwoord.gemeente,
        antwoord.maand,
        antwoord.kanaal,
        antwoord.product,
        antwoord.cijfer,
        antwoord.snelheid,
        antwoord.geholpen,
        antwoord.gemak,
        antwoord.in_een_keer,
        antwoord.opmerking,
        antwoord.opvolging,
    ) == (
        w.duinwaard,
        vandaag.replace(day=1),
        "balie",
        "PARKEER",
        8,
        4,
        None,
        2,
        None,
        "Het formulier was lang.",
        "nieuw",
    )
    uitnodiging.refresh_from_db()
    assert uitnodiging.beantwoord
    # The contact details served their purpose.
    assert (uitnodiging.bsn, uitnodiging.naam, uitnodiging.emailadres) == ("", "", "")

    again = client.post(_url(uitnodiging), {**ANTWOORD, "cijfer": "1"})
    assert again.status_code == 410
    assert "U heeft deze vragenlijst al ingevuld" in again.content.decode()
    assert client.get(_url(uitnodiging)).status_code == 410
    assert Antwoord.objects.count() == 1


def test_an_answer_has_nothing_that_points_to_the_person_or_the_invitation(w):
    uitnodiging = kit.uitnodiging(w, telefoonnummer="0612345678")
    token = uitnodiging.token
    services.beantwoord(token, cijfer=2, opmerking="Te lang gewacht.", contact=False)

    velden = {f.name for f in Antwoord._meta.get_fields()}
    assert velden == {
        "id",
        "gemeente",
        "maand",
        "kanaal",
        "product",
        "cijfer",
        "snelheid",
        "geholpen",
        "gemak",
        "in_een_keer",
        "opmerking",
        "opvolging",
        "opvolging_notitie",
    }
    relaties = {f.name for f in Antwoord._meta.get_fields() if f.is_relation}
    assert relaties == {"gemeente"}
    waarden = {str(v) for v in Antwoord.objects.values().get().values()}
    for persoonlijk in (kit.BSN, kit.EMAIL, "F. Kierkegaard", "0612345678", token):
        assert persoonlijk not in waarden
    # Only the month: not the day, nor a serial number in the order of answering.
    assert Antwoord.objects.get().maand.day == 1
    assert Antwoord._meta.pk.get_internal_type() == "UUIDField"


def test_an_expired_invitation_gives_a_clear_page(client, w):
    uitnodiging = kit.uitnodiging(w)
    Uitnodiging.objects.update(geldig_tot=timezone.now() - timedelta(minutes=1))
    response = client.get(_url(uitnodiging))
    assert response.status_code == 410
    assert "Deze vragenlijst is verlopen" in response.content.decode()
    assert client.post(_url(uitnodiging), ANTWOORD).status_code == 410
    assert not Antwoord.objects.exists()
    with pytest.raises(services.Ongeldig) as fout:
        services.beantwoord(uitnodiging.token, cijfer=8)
    assert fout.value.reden == "verlopen"


def test_an_unknown_token_or_another_gemeente_gives_a_not_found_page(client, w):
    uitnodiging = kit.uitnodiging(w)
    onbekend = reverse("gemeente:tevredenheid:vragenlijst", args=["duinwaard", "abc"])
    response = client.get(onbekend)
    assert response.status_code == 404
    assert "Deze vragenlijst bestaat niet" in response.content.decode()
    assert client.get(_url(uitnodiging, gemeente=w.lindebroek)).status_code == 404
    assert client.post(onbekend, ANTWOORD).status_code == 404


def test_the_form_says_in_dutch_what_is_missing_and_keeps_the_input(client, w):
    uitnodiging = kit.uitnodiging(w)
    response = client.post(
        _url(uitnodiging), {**ANTWOORD, "cijfer": "", "opmerking": "Vriendelijk!"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Fout: " in html
    assert "Kies een cijfer van 1 tot en met 10." in html
    assert 'href="#id_cijfer_0"' in html  # the summary leads to the group
    assert "Vriendelijk!" in html
    assert not Antwoord.objects.exists()
    too_long = client.post(_url(uitnodiging), {**ANTWOORD, "opmerking": "x" * 1001})
    assert "Uw opmerking is te lang: maximaal 1000 tekens." in too_long.content.decode()


def test_every_answered_aspect_is_counted_into_sturing(client, w):
    services.zet_instelling(w.duinwaard, wachtperiode_dagen=0)
    for bron_id in ("1", "2"):
        uitnodiging = kit.uitnodiging(w, bron_id=bron_id)
        client.post(_url(uitnodiging), ANTWOORD)
    maand = timezone.localdate().replace(day=1)

    tellingen = set(
        Telling.objects.values_list(
            "gemeente", "meetpunt", "maand", "kanaal", "product", "waarde", "aantal"
        )
    )
    d = w.duinwaard.pk
    assert tellingen == {
        (d, "kto_cijfer", maand, "balie", "PARKEER", 8, 2),
        (d, "kto_snelheid", maand, "balie", "PARKEER", 4, 2),
        (d, "kto_gemak", maand, "balie", "PARKEER", 2, 2),
    }
    # What the rebuild reads gives the same counts.
    herbouw = {}
    for rij in selectors.tellingen():
        sleutel = (rij["meetpunt"], rij["datum"], rij["waarde"])
        herbouw[sleutel] = herbouw.get(sleutel, 0) + 1
    assert herbouw == {
        ("kto_cijfer", maand, 8): 2,
        ("kto_snelheid", maand, 4): 2,
        ("kto_gemak", maand, 2): 2,
    }


@pytest.mark.parametrize(
    ("cijfer", "contact", "teruggebeld"),
    [
        (4, True, True),  # at the low threshold (4)
        (3, False, False),  # low, but no consent
        (5, True, False),  # between the thresholds
        (9, True, False),
        (10, True, True),  # at the high threshold (10)
    ],
)
def test_a_call_back_only_with_consent_and_a_grade_at_a_threshold(
    client, w, cijfer, contact, teruggebeld
):
    services.zet_instelling(w.duinwaard, team=w.klantcontactcentrum)
    uitnodiging = kit.uitnodiging(w, telefoonnummer="0612345678")
    data = {**ANTWOORD, "cijfer": str(cijfer), **({"contact": "on"} if contact else {})}
    assert client.post(_url(uitnodiging), data).status_code == 302

    verzoeken = list(Terugbelverzoek.objects.select_related("contactmoment"))
    assert len(verzoeken) == int(teruggebeld)
    if teruggebeld:
        verzoek = verzoeken[0]
        assert (verzoek.team, verzoek.telefoonnummer) == (
            w.klantcontactcentrum,
            "0612345678",
        )
        assert (verzoek.contactmoment.bsn, verzoek.contactmoment.naam) == (
            kit.BSN,
            "F. Kierkegaard",
        )
        assert f"een {cijfer} en wil graag gebeld worden" in verzoek.toelichting
        assert "Het formulier was lang." in verzoek.toelichting


def test_a_call_back_uses_the_number_the_resident_gives(client, w):
    services.zet_instelling(w.duinwaard, team=w.klantcontactcentrum)
    uitnodiging = kit.uitnodiging(w, telefoonnummer="0612345678")
    data = {**ANTWOORD, "cijfer": "2", "contact": "on", "telefoonnummer": "0201112223"}
    client.post(_url(uitnodiging), data)
    assert Terugbelverzoek.objects.get().telefoonnummer == "0201112223"


def test_a_call_back_without_any_phone_number_asks_for_one(client, w):
    services.zet_instelling(w.duinwaard, team=w.klantcontactcentrum)
    uitnodiging = kit.uitnodiging(w)
    response = client.post(
        _url(uitnodiging), {**ANTWOORD, "cijfer": "2", "contact": "on"}
    )
    assert response.status_code == 200
    assert "Vul het telefoonnummer in waarop wij u mogen bellen" in (
        response.content.decode()
    )
    assert not Antwoord.objects.exists()
    assert not Telling.objects.exists()
    uitnodiging.refresh_from_db()
    assert not uitnodiging.beantwoord


def test_no_call_back_when_the_gemeente_named_no_team(client, w):
    uitnodiging = kit.uitnodiging(w, telefoonnummer="0612345678")
    client.post(_url(uitnodiging), {**ANTWOORD, "cijfer": "1", "contact": "on"})
    assert Antwoord.objects.count() == 1
    assert not Terugbelverzoek.objects.exists()


def test_mijn_loket_lists_only_ones_own_open_invitations(client, w):
    for gemeente in (w.duinwaard, w.lindebroek):
        services.zet_instelling(gemeente, wachtperiode_dagen=0)
    eigen = kit.uitnodiging(w, bron_id="1", onderwerp="Uw vraag: Afvalpas kwijt")
    beantwoord = kit.uitnodiging(w, bron_id="2", onderwerp="Uw vraag: Al gedaan")
    services.beantwoord(beantwoord.token, cijfer=7)
    verlopen = kit.uitnodiging(w, bron_id="3", onderwerp="Uw vraag: Te laat")
    Uitnodiging.objects.filter(pk=verlopen.pk).update(geldig_tot=timezone.now())
    ander = kit.uitnodiging(
        w, bron_id="4", bsn=kit.ANDER_BSN, onderwerp="Uw vraag: Van een ander"
    )
    elders = kit.uitnodiging(
        w, gemeente=w.lindebroek, bron_id="5", onderwerp="Uw vraag: In Lindebroek"
    )
    inwoner.log_in(client, inwoner.persoon(bsn=kit.BSN), "duinwaard")

    url = reverse("gemeente:portaal:tevredenheid:index", args=["duinwaard"])
    html = client.get(url).content.decode()
    assert _url(eigen) in html and "Afvalpas kwijt" in html
    assert _url(elders) in html  # all gemeenten, as Mijn Loket shows zaken
    assert ander.token not in html and "Van een ander" not in html
    assert "Al gedaan" not in html and "Te laat" not in html

    index = client.get(reverse("gemeente:portaal:index", args=["duinwaard"]))
    assert "Er staan 2 korte vragenlijsten voor u klaar" in index.content.decode()


def test_mijn_loket_invitations_need_a_login(client, w):
    kit.uitnodiging(w)
    url = reverse("gemeente:portaal:tevredenheid:index", args=["duinwaard"])
    response = client.get(url)
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"]


def test_the_thank_you_page_is_only_for_who_just_answered(client, w):
    url = reverse("gemeente:tevredenheid:bedankt", args=["duinwaard"])
    assert client.get(url).status_code == 404
