"""The staff page /werkplek/tevredenheid/: comments without identity for the
gemeenten one's organisation serves, figures per channel with groups under five
suppressed, and marking follow-up (not by a bestuurder, who only reads)."""

from django.urls import reverse
from django.utils import formats, timezone

import pytest

from loket.feedback import selectors, services
from loket.feedback.models import Antwoord
from loket.feedback.tests import kit
from loket.organisaties.roles import Rolcode
from loket.sturing.models import Telling
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("tevredenheid:overzicht")


def _antwoord(w, gemeente=None, **extra):
    services.zet_instelling(gemeente or w.duinwaard, wachtperiode_dagen=0)
    uitnodiging = kit.uitnodiging(
        w,
        gemeente=gemeente or w.duinwaard,
        bron_id=str(Antwoord.objects.count() + 1),
        telefoonnummer="0612345678",
    )
    services.beantwoord(uitnodiging.token, **{"cijfer": 3, **extra})
    return Antwoord.objects.get(opmerking=extra["opmerking"]), uitnodiging.token


def test_staff_read_comments_without_anything_that_identifies_the_person(
    client, staff_login, w
):
    _, token = _antwoord(w, opmerking="De balie was erg druk.")
    staff_login(client, w.teamleider)
    html = client.get(URL).content.decode()

    maand = formats.date_format(timezone.localdate(), "F Y")  # e.g. "december 2026"
    assert f"{maand} · Duinwaard · Balie · Parkeervergunning" in html
    assert "Cijfer 3" in html and "De balie was erg druk." in html
    for persoonlijk in (kit.BSN, "Kierkegaard", kit.EMAIL, "0612345678", token):
        assert persoonlijk not in html


@pytest.mark.parametrize(
    ("rol", "status", "formulier"),
    [
        (Rolcode.TEAMLEIDER, 200, True),
        (Rolcode.KCC_MEDEWERKER, 200, True),
        (Rolcode.FUNCTIONEEL_BEHEERDER, 200, True),
        (Rolcode.BESTUURDER, 200, False),
        (Rolcode.BEHANDELAAR, 403, False),
    ],
)
def test_who_sees_the_page_and_who_marks_follow_up(
    client, staff_login, w, rol, status, formulier
):
    _antwoord(w, opmerking="Prima geholpen.")
    medewerker = factories.medewerker(w.organisatie, rollen=(rol,))
    staff_login(client, medewerker)
    response = client.get(URL)
    assert response.status_code == status
    html = response.content.decode()
    assert ("Opvolging bewaren" in html) is formulier
    if status == 200:
        assert 'href="/werkplek/tevredenheid/"' in html  # the menu link


def test_a_bestuurder_cannot_mark_follow_up(client, staff_login, w):
    antwoord, _ = _antwoord(w, opmerking="Prima geholpen.")
    staff_login(client, w.bestuurder)
    url = reverse("tevredenheid:opvolging", args=[antwoord.pk])
    assert client.post(url, {"opvolging": "opgevolgd"}).status_code == 403
    antwoord.refresh_from_db()
    assert antwoord.opvolging == "nieuw"


def test_only_the_gemeenten_the_organisation_serves(client, staff_login, w):
    _antwoord(w, opmerking="Uit Duinwaard.")
    vreemd, _ = _antwoord(w, gemeente=w.elders, opmerking="Uit Elders.")
    staff_login(client, w.kcc)
    html = client.get(URL).content.decode()
    assert "Uit Duinwaard." in html and "Uit Elders." not in html
    assert client.get(URL, {"gemeente": "elders"}).status_code == 404
    url = reverse("tevredenheid:opvolging", args=[vreemd.pk])
    assert client.post(url, {"opvolging": "opgevolgd"}).status_code == 404


def test_marking_follow_up_with_a_note_and_filtering_on_it(client, staff_login, w):
    antwoord, _ = _antwoord(w, opmerking="Niemand belde terug.")
    _antwoord(w, opmerking="Nog niet bekeken.")
    staff_login(client, w.kcc)
    url = reverse("tevredenheid:opvolging", args=[antwoord.pk])
    response = client.post(
        url,
        {
            "opvolging": "opgevolgd",
            "notitie": "Besproken in het teamoverleg.",
            "gemeente": "duinwaard",
            "opvolging_filter": "nieuw",
        },
    )
    assert response["Location"] == f"{URL}?gemeente=duinwaard&opvolging=nieuw"
    antwoord.refresh_from_db()
    assert (antwoord.opvolging, antwoord.opvolging_notitie) == (
        "opgevolgd",
        "Besproken in het teamoverleg.",
    )
    nieuw = client.get(URL, {"opvolging": "nieuw"}).content.decode()
    assert "Nog niet bekeken." in nieuw and "Niemand belde terug." not in nieuw
    opgevolgd = client.get(URL, {"opvolging": "opgevolgd"}).content.decode()
    assert "Niemand belde terug." in opgevolgd
    assert "Besproken in het teamoverleg." in opgevolgd


def _bulk(w):
    vandaag = timezone.localdate()
    rijen = [
        {
            "gemeente_id": w.duinwaard.pk,
            "datum": vandaag,
            "kanaal": "balie",
            "cijfer": c,
        }
        for c in (1, 2, 3, 4)
    ]
    rijen += [
        {
            "gemeente_id": w.duinwaard.pk,
            "datum": vandaag,
            "kanaal": "web",
            "cijfer": c,
            "snelheid": s,
        }
        for c, s in ((6, 5), (7, 5), (8, 4), (9, 4), (10, 4))
    ]
    return services.bewaar_antwoorden_bulk(rijen)


def test_figures_of_a_group_under_five_answers_are_not_shown(client, staff_login, w):
    assert _bulk(w) == 9
    vanaf = timezone.localdate().replace(day=1, year=timezone.localdate().year - 1)
    groepen = {
        g.sleutel: g
        for g in selectors.samenvatting(
            [w.duinwaard], vanaf=vanaf, tot=timezone.localdate().replace(day=28)
        )
    }
    assert (groepen["balie"].aantal, groepen["balie"].onderdrukt) == (4, True)
    assert groepen["balie"].cijfer is None
    assert (groepen["web"].aantal, groepen["web"].cijfer) == (5, 8.0)
    assert groepen["web"].aspecten["snelheid"] == pytest.approx(4.4)
    assert groepen["web"].aspecten["gemak"] is None  # nobody answered it
    assert groepen[""].aantal == 9
    assert groepen[""].cijfer == pytest.approx(50 / 9)

    staff_login(client, w.teamleider)
    html = client.get(URL).content.decode()
    assert html.count("te weinig antwoorden om te tonen") == 1
    assert "8,0" in html and "4,4" in html and "5,6" in html
    assert "2,5" not in html  # the suppressed average of the balie


def test_bulk_answers_are_counted_as_single_answers_are(w):
    _bulk(w)
    maand = timezone.localdate().replace(day=1)
    tellingen = set(
        Telling.objects.filter(meetpunt="kto_cijfer").values_list(
            "maand", "kanaal", "waarde", "aantal"
        )
    )
    assert tellingen == {
        (maand, "balie", 1, 1),
        (maand, "balie", 2, 1),
        (maand, "balie", 3, 1),
        (maand, "balie", 4, 1),
        (maand, "web", 6, 1),
        (maand, "web", 7, 1),
        (maand, "web", 8, 1),
        (maand, "web", 9, 1),
        (maand, "web", 10, 1),
    }
    snelheid = set(
        Telling.objects.filter(meetpunt="kto_snelheid").values_list("waarde", "aantal")
    )
    assert snelheid == {(5, 2), (4, 3)}
    assert Telling.objects.filter(meetpunt="kto_gemak").count() == 0
