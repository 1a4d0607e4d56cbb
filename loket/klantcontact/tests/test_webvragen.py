"""Webvragen: residents ask through the website, KCC staff of the gemeenten their
organisation serves answer by e-mail or in Mijn Loket, residents read their own."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from loket.klantcontact import services
from loket.klantcontact.models import Contactmoment, Kennisartikel, Webvraag
from loket.klantcontact.tests import kit
from loket.organisaties.roles import Rolcode
from loket.verwerkingen.models import Activiteit, Verwerking
from tests import factories, inwoner

pytestmark = pytest.mark.django_db

VRAAG = {
    "naam": "Floris Kierkegaard",
    "emailadres": "floris@example.nl",
    "telefoonnummer": "",
    "onderwerp": "Afvalpas kwijt",
    "vraag": "Ik ben mijn afvalpas kwijt. Hoe krijg ik een nieuwe?",
}


def _vraag(gemeente, **extra):
    return services.ontvang_webvraag(gemeente=gemeente, **{**VRAAG, **extra})


def test_a_resident_asks_a_question_and_is_told_when_to_expect_an_answer(client, w):
    url = reverse("gemeente:contact:vraag", args=[w.duinwaard.slug])
    response = client.post(url, VRAAG)
    assert response.status_code == 302
    webvraag = Webvraag.objects.get()
    assert (webvraag.gemeente, webvraag.bsn) == (w.duinwaard, "")
    bevestiging = client.get(response["Location"]).content.decode()
    assert "Uw vraag is verstuurd" in bevestiging
    assert f"{webvraag.antwoorden_voor:%Y-%m-%d}" in bevestiging  # <time datetime>


def test_the_form_refuses_empty_and_too_long_input_in_dutch(client, w):
    url = reverse("gemeente:contact:vraag", args=[w.duinwaard.slug])
    response = client.post(url, {**VRAAG, "naam": "", "vraag": "x" * 5001})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul uw naam in." in html
    assert "Uw vraag is te lang: maximaal 5000 tekens." in html
    assert "Afvalpas kwijt" in html  # what was typed stays
    assert not Webvraag.objects.exists()


def test_a_flood_of_questions_is_refused(client, w):
    url = reverse("gemeente:contact:vraag", args=[w.duinwaard.slug])
    for _ in range(5):
        assert client.post(url, VRAAG).status_code == 302
    response = client.post(url, VRAAG)
    assert response.status_code == 429
    assert Webvraag.objects.count() == 5


def test_a_logged_in_resident_gets_the_question_attached_to_their_bsn(client, w):
    inwoner.log_in(client, inwoner.persoon(bsn=kit.BSN), w.duinwaard.slug)
    client.post(reverse("gemeente:contact:vraag", args=[w.duinwaard.slug]), VRAAG)
    assert Webvraag.objects.get().bsn == kit.BSN


@pytest.mark.django_db(transaction=True)
def test_the_asker_gets_a_confirmation_and_the_answer_by_email(
    client, w, mailbox, run_tasks
):
    webvraag = _vraag(w.duinwaard)
    run_tasks()
    services.beantwoord_webvraag(
        webvraag, medewerker=w.kcc, antwoord="Vraag een nieuwe pas aan.", kanaal="email"
    )
    run_tasks()
    run_tasks()  # a second run sends nothing twice
    aan = [(m["To"], m["Subject"]) for m in mailbox]
    assert aan == [
        ("floris@example.nl", "Wij hebben uw vraag ontvangen (Duinwaard)"),
        ("floris@example.nl", "Antwoord op uw vraag: Afvalpas kwijt"),
        # The answered question invites the asker to the survey (feedback).
        ("floris@example.nl", "Hoe tevreden bent u? (Gemeente Duinwaard)"),
    ]
    assert "Vraag een nieuwe pas aan." in mailbox[1].get_content()


def test_the_inbox_shows_only_the_gemeenten_the_organisation_serves(
    client, staff_login, w
):
    eigen = _vraag(w.lindebroek, onderwerp="Parkeren bij het station")
    vreemd = _vraag(w.elders, onderwerp="Vraag uit een andere gemeente")
    staff_login(client, w.kcc)

    html = client.get(reverse("klantcontact:webvragen")).content.decode()

    assert eigen.onderwerp in html
    assert vreemd.onderwerp not in html
    url = reverse("klantcontact:webvraag", args=[vreemd.uuid])
    assert client.get(url).status_code == 404


def test_the_inbox_is_sorted_by_deadline_and_says_how_late_in_words(
    client, staff_login, w
):
    nu = timezone.now()
    _vraag(w.duinwaard, onderwerp="Laat", ontvangen_op=nu - timedelta(days=10))
    _vraag(w.duinwaard, onderwerp="Vers", ontvangen_op=nu)
    staff_login(client, w.kcc)
    html = client.get(reverse("klantcontact:webvragen")).content.decode()
    assert html.index("Laat") < html.index("Vers")
    assert "te laat</time>" in html and "<time datetime=" in html


def test_the_inbox_is_for_kcc_staff_only(client, staff_login, w):
    staff_login(client, w.behandelaar)
    assert client.get(reverse("klantcontact:webvragen")).status_code == 403


def test_viewing_a_logged_in_askers_question_is_logged(client, staff_login, w):
    webvraag = _vraag(w.duinwaard, bsn=kit.BSN)
    staff_login(client, w.kcc)
    client.get(reverse("klantcontact:webvraag", args=[webvraag.uuid]))
    assert Verwerking.objects.filter(
        bsn=kit.BSN, activiteit=Activiteit.VRAAG_INGEZIEN, medewerker=w.kcc
    ).exists()


def test_answering_records_a_contactmoment_and_the_processing(client, staff_login, w):
    webvraag = _vraag(w.duinwaard, bsn=kit.BSN)
    staff_login(client, w.kcc)
    url = reverse("klantcontact:webvraag", args=[webvraag.uuid])
    response = client.post(url, {"antwoord": "Zie de website.", "kanaal": "mijn_loket"})
    assert response.status_code == 302
    webvraag.refresh_from_db()
    assert webvraag.status == Webvraag.Status.BEANTWOORD
    assert webvraag.antwoordkanaal == "mijn_loket"
    cm = Contactmoment.objects.get(webvraag=webvraag)
    assert (cm.bsn, cm.medewerker) == (kit.BSN, w.kcc)
    assert Verwerking.objects.filter(
        bsn=kit.BSN, activiteit=Activiteit.VRAAG_BEANTWOORD
    ).exists()


def test_mijn_loket_is_no_channel_for_an_anonymous_asker(client, staff_login, w):
    webvraag = _vraag(w.duinwaard)
    staff_login(client, w.kcc)
    url = reverse("klantcontact:webvraag", args=[webvraag.uuid])
    response = client.post(url, {"antwoord": "Zie de website.", "kanaal": "mijn_loket"})
    assert response.status_code == 200
    webvraag.refresh_from_db()
    assert webvraag.status == Webvraag.Status.OPEN


def test_taking_a_question_makes_it_yours(client, staff_login, w):
    webvraag = _vraag(w.duinwaard)
    staff_login(client, w.kcc)
    client.post(reverse("klantcontact:webvraag_oppakken", args=[webvraag.uuid]))
    webvraag.refresh_from_db()
    assert (webvraag.status, webvraag.behandelaar) == ("in_behandeling", w.kcc)


def test_a_knowledge_article_prefills_the_answer(client, staff_login, w):
    artikel = Kennisartikel.objects.create(
        organisatie=w.organisatie,
        titel="Afvalpas",
        tekst="Een nieuwe afvalpas kost 10 euro.",
    )
    vreemd = Kennisartikel.objects.create(
        organisatie=factories.organisatie(), titel="Geheim", tekst="Niet voor u."
    )
    webvraag = _vraag(w.duinwaard)
    staff_login(client, w.kcc)
    zoek = client.get(
        reverse("klantcontact:kennisbank"), {"q": "afval"}
    ).content.decode()
    assert "Afvalpas" in zoek and "Geheim" not in zoek
    lees = client.get(
        reverse("klantcontact:kennisartikel", args=[artikel.pk]),
        {"voor": webvraag.uuid},
    ).content.decode()
    assert f"?artikel={artikel.pk}" in lees
    url = reverse("klantcontact:webvraag", args=[webvraag.uuid])
    assert "kost 10 euro" in client.get(url, {"artikel": artikel.pk}).content.decode()
    assert "Niet voor u" not in client.get(url, {"artikel": vreemd.pk}).content.decode()


def test_a_resident_sees_only_their_own_questions(client, w):
    eigen = _vraag(w.duinwaard, bsn=kit.BSN, onderwerp="Mijn eigen vraag")
    services.beantwoord_webvraag(
        eigen, medewerker=w.kcc, antwoord="Dit is ons antwoord.", kanaal="mijn_loket"
    )
    ander = _vraag(w.duinwaard, bsn=kit.ANDER_BSN, onderwerp="Vraag van een ander")
    inwoner.log_in(client, inwoner.persoon(bsn=kit.BSN), w.duinwaard.slug)

    lijst = client.get(
        reverse("gemeente:portaal:vragen:index", args=[w.duinwaard.slug])
    ).content.decode()
    assert "Mijn eigen vraag" in lijst and "Vraag van een ander" not in lijst
    detail = client.get(
        reverse("gemeente:portaal:vragen:vraag", args=[w.duinwaard.slug, eigen.uuid])
    )
    assert "Dit is ons antwoord." in detail.content.decode()
    vreemd = reverse(
        "gemeente:portaal:vragen:vraag", args=[w.duinwaard.slug, ander.uuid]
    )
    assert client.get(vreemd).status_code == 404


def test_mijn_vragen_needs_a_login(client, w):
    url = reverse("gemeente:portaal:vragen:index", args=[w.duinwaard.slug])
    assert client.get(url).status_code == 302


def test_a_superuser_sees_every_gemeente(client, staff_login, w):
    beheerder = factories.medewerker(rollen=(), is_superuser=True)
    _vraag(w.elders, onderwerp="Vraag uit Elders")
    staff_login(client, beheerder)
    assert (
        "Vraag uit Elders"
        in client.get(reverse("klantcontact:webvragen")).content.decode()
    )


def test_a_kcc_agent_of_one_gemeente_does_not_see_the_other(client, staff_login, w):
    balie = factories.medewerker(
        factories.organisatie(w.duinwaard), rollen=(Rolcode.KCC_MEDEWERKER,)
    )
    _vraag(w.lindebroek, onderwerp="Vraag uit Lindebroek")
    staff_login(client, balie)
    html = client.get(reverse("klantcontact:webvragen")).content.decode()
    assert "Vraag uit Lindebroek" not in html
