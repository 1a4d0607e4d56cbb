"""The indicators from the other sources: answered webvragen, submitted forms,
resident logins, survey answers, and the two stands of today (products online,
open zaken past their deadline). Each fact is made through its own app's
services, which count it in their transaction."""

from datetime import date, timedelta

from django.utils import timezone

import pytest

from loket.feedback import services as feedback
from loket.formulieren import services as formulieren
from loket.formulieren.models import Kanaal
from loket.formulieren.tests import maken
from loket.klantcontact import services as klantcontact
from loket.producten import services as producten
from loket.producten.tests import maak
from loket.sturing.indicatoren import Meting, Periode, meet, uitsplitsing
from loket.sturing.models import Telling
from loket.sturing.tests import data
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from tests import factories

pytestmark = pytest.mark.django_db


def deze_maand() -> Periode:
    return Periode.huidig("maand")


def test_webvragen_answer_time_median_and_share_within_the_norm(db):
    gemeente = factories.gemeente()
    medewerker = factories.medewerker(factories.organisatie(gemeente))
    nu = timezone.now()
    # Norm: 2 werkdagen, at least 48 hours; 480 hours is past it whatever the day.
    for uren in [1, 2, 5, 40, 480]:
        vraag = klantcontact.ontvang_webvraag(
            gemeente=gemeente,
            naam="A. Vrager",
            emailadres="vrager@voorbeeld.nl",
            onderwerp="Afval",
            vraag="Wanneer komt de container?",
            ontvangen_op=nu - timedelta(hours=uren, minutes=10),
            mailen=False,
        )
        klantcontact.beantwoord_webvraag(
            vraag,
            medewerker=medewerker,
            antwoord="Dinsdag.",
            kanaal="email",
            mailen=False,
        )
    tijd = meet("webvraag-antwoordtijd", [gemeente], deze_maand())
    assert tijd == Meting(5.0, 5, False, "uren")
    assert tijd.tekst == "5 uur"
    assert meet("webvraag-binnen-norm", [gemeente], deze_maand()) == Meting(
        80.0, 5, False, "%"
    )
    assert sorted(
        Telling.objects.filter(meetpunt="webvraag_beantwoord").values_list(
            "waarde", "aantal", "binnen_norm"
        )
    ) == [(1, 1, 1), (2, 1, 1), (5, 1, 1), (40, 1, 1), (457, 1, 0)]


def test_submitted_forms_are_counted_per_channel_and_zaaktype(db):
    from tests import zgw_data

    cat = zgw_data.catalogue()
    data.kanaal("Website/e-formulier")
    data.kanaal("Balie")
    formulier = maken.formulier(cat)
    for kanaal in [Kanaal.WEB, Kanaal.WEB, Kanaal.BALIE]:
        concept = maken.ingevuld(formulier, kanaal=kanaal)
        formulieren.submit(
            concept,
            actor=formulieren.actor_voor(concept),
            kanaal=kanaal,
            verklaard=True,
        )
    assert meet("inzendingen", [cat.gemeente], deze_maand()) == Meting(
        3, 3, False, "aantal"
    )
    assert [
        (k, m.waarde)
        for k, _, m in uitsplitsing(
            "inzendingen", [cat.gemeente], deze_maand(), "kanaal"
        )
    ] == [("web", 2), ("balie", 1)]
    assert (
        meet("inzendingen", [cat.gemeente], deze_maand(), product="PARKEER").waarde == 3
    )
    # Each submission is also a zaak started through its channel.
    assert meet("zaken-online", [cat.gemeente], deze_maand()).onderdrukt


def test_survey_answers_give_the_average_grade_and_the_share_agreeing(db):
    gemeente = factories.gemeente()
    dag = date(2026, 2, 14)
    feedback.bewaar_antwoorden_bulk(
        [
            {"gemeente_id": gemeente.pk, "datum": dag, "cijfer": 6, "snelheid": 2},
            {"gemeente_id": gemeente.pk, "datum": dag, "cijfer": 7, "snelheid": 4},
            {"gemeente_id": gemeente.pk, "datum": dag, "cijfer": 8, "snelheid": 5},
            {"gemeente_id": gemeente.pk, "datum": dag, "cijfer": 9, "snelheid": 4},
            {"gemeente_id": gemeente.pk, "datum": dag, "cijfer": 9, "snelheid": 3},
            # the aspect left unanswered does not count
            {"gemeente_id": gemeente.pk, "datum": dag, "cijfer": 10},
        ]
    )
    februari = Periode.maand(2026, 2)
    cijfer = meet("tevredenheid", [gemeente], februari)
    assert cijfer == Meting(49 / 6, 6, False, "cijfer")
    assert cijfer.tekst == "8,2"
    snelheid = meet("tevredenheid-snelheid", [gemeente], februari)
    assert snelheid == Meting(60.0, 5, False, "%")
    assert meet("tevredenheid-gemak", [gemeente], februari) == Meting(
        None, 0, False, "%"
    )


@pytest.mark.django_db(transaction=True)
def test_a_resident_login_is_counted_and_stored_nowhere_else(client, testdiensten):
    from loket.identiteit.tests.inwoner_helpers import choose, log_in, start

    gemeente = factories.gemeente(naam="Duinstad", slug="duinstad")
    testdiensten.koppel(gemeente, "digid")
    assert log_in(client, gemeente).status_code == 302
    assert log_in(client, gemeente).status_code == 302
    geannuleerd = choose(client, start(client, gemeente), actie="annuleren")
    client.get(geannuleerd)  # a cancelled login is not a login

    assert meet("inlogs", [gemeente], deze_maand()) == Meting(2, 2, False, "aantal")
    assert list(Telling.objects.values_list("meetpunt", "kanaal", "aantal")) == [
        ("inlog", "web", 2)
    ]


def test_online_aanvraagbaar_uses_the_gemeente_setting_else_the_definition(db):
    gemeente = factories.gemeente()
    organisatie = factories.organisatie(gemeente)
    online = {
        "kanalen": ["online", "balie"],
        "online_aanvraagbaar": True,
        "zaaktype_identificatie": "PARKEER",
    }
    for _ in range(2):  # online by definition
        producten.publiceer(
            definitie=maak.definitie(organisatie, **online), gemeente=gemeente
        )
    producten.publiceer(  # online by definition, not in this gemeente
        definitie=maak.definitie(organisatie, **online),
        gemeente=gemeente,
        online_aanvraagbaar=False,
    )
    producten.publiceer(definitie=maak.definitie(organisatie), gemeente=gemeente)
    producten.publiceer(  # not by definition, but in this gemeente
        definitie=maak.definitie(organisatie, zaaktype_identificatie="PARKEER"),
        gemeente=gemeente,
        kanalen=["online"],
        online_aanvraagbaar=True,
    )
    weg = producten.publiceer(  # taken off the website: not counted
        definitie=maak.definitie(organisatie, **online), gemeente=gemeente
    )
    producten.depubliceer(weg)

    meting = meet("online-aanvraagbaar", [gemeente], Periode.jaar(2020))
    assert meting == Meting(60.0, 5, False, "%")


def test_verlopen_zaken_are_open_running_zaken_past_their_deadline(db):
    w = data.wereld()
    vandaag = timezone.localdate()
    lang_geleden = vandaag - timedelta(days=100)  # doorlooptijd P8W: passed
    for _ in range(2):
        data.zaak(w.vergunning, lang_geleden)
    data.zaak(w.vergunning, vandaag)  # deadline to come
    data.afgerond(w.vergunning, lang_geleden, 90)  # closed
    opgeschort = data.zaak(w.vergunning, lang_geleden)
    zaken.suspend_zaak(opgeschort, actor=LOKET, reden="Wacht op stukken")

    assert meet("verlopen-zaken", [w.gemeente], deze_maand()) == Meting(
        2, 2, False, "aantal"
    )
