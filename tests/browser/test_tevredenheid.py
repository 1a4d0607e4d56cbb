"""The satisfaction survey in a real browser: a resident answers it with the
keyboard alone (radio groups with the arrow keys), sees the error summary when
the grade is missing and the thank-you page after; a used link gives a clear
page; Mijn Loket lists the open survey; a team leader reads the comments and
figures and marks follow-up. axe finds no WCAG 2.2 AA violation on any page, at
1280 and 320 px."""

import pytest

from loket.demo import data
from loket.feedback import services
from loket.feedback.models import Antwoord
from loket.organisaties.roles import Rolcode
from tests import factories, inwoner
from tests.browser.test_journey import tab_to
from tests.medewerker import log_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BSN = "999991097"


@pytest.fixture
def duinwaard():
    return factories.gemeente(naam="Duinwaard", slug="duinwaard")


def _uitnodiging(gemeente, bron_id="1", bsn=BSN):
    services.zet_instelling(gemeente, wachtperiode_dagen=0)
    return services.nodig_uit(
        gemeente=gemeente,
        bron="webvraag",
        bron_id=bron_id,
        onderwerp="Uw vraag: Afvalpas kwijt",
        kanaal="web",
        bsn=bsn,
        naam="F. Kierkegaard",
        emailadres="floris@example.nl",
        mailen=False,
    )


def check(page, width):
    page.assert_accessible()
    scroll = page.page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.page.url}: {scroll}px breed"


@pytest.mark.parametrize("width", [1280, 320])
def test_a_resident_answers_the_survey_with_the_keyboard_alone(page, duinwaard, width):
    uitnodiging = _uitnodiging(duinwaard)
    tab = page.page
    tab.set_viewport_size({"width": width, "height": 900})
    page.visit(f"/duinwaard/tevredenheid/{uitnodiging.token}/")
    check(page, width)

    # Sent without a grade: the error summary, then the way back into the form.
    tab_to(tab, "button:text-is('Antwoord versturen')", most=80)
    tab.keyboard.press("Enter")
    tab.wait_for_selector(".loket-error-summary")
    assert tab.title().startswith("Fout: ")
    check(page, width)

    tab_to(tab, "#id_cijfer_0", most=80)  # grade 1 has the focus
    for _ in range(7):
        tab.keyboard.press("ArrowDown")  # … and 8 is chosen
    tab.keyboard.press("Tab")  # the first statement: "Het ging snel genoeg."
    for _ in range(3):
        tab.keyboard.press("ArrowDown")
    tab_to(tab, "#id_opmerking")
    tab.keyboard.type("Duidelijk antwoord, dank u.")
    tab_to(tab, "button:text-is('Antwoord versturen')", most=80)
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/duinwaard/tevredenheid/bedankt/")
    assert tab.locator("h1").inner_text() == "Bedankt voor uw antwoord"
    check(page, width)

    antwoord = Antwoord.objects.get()
    assert (antwoord.cijfer, antwoord.snelheid, antwoord.gemak) == (8, 4, None)
    assert antwoord.opmerking == "Duidelijk antwoord, dank u."

    # The link used again: a clear page, not an error.
    response = page.visit(f"/duinwaard/tevredenheid/{uitnodiging.token}/")
    assert response.status == 410
    page.errors.clear()  # the browser reports the 410 of the page itself
    assert tab.locator("h1").inner_text() == "U heeft deze vragenlijst al ingevuld"
    check(page, width)


def test_mijn_loket_lists_the_open_survey(page, duinwaard):
    uitnodiging = _uitnodiging(duinwaard)
    inwoner.log_in_browser(page, inwoner.persoon(bsn=BSN), "duinwaard")
    page.visit("/duinwaard/mijn-loket/")
    page.assert_accessible()
    page.page.get_by_role("link", name="Er staat 1 korte vragenlijst").click()
    page.page.wait_for_url("**/mijn-loket/tevredenheid/")
    page.assert_accessible()
    page.page.get_by_role("link", name="Vragenlijst over: Uw vraag").click()
    page.page.wait_for_url(f"**/tevredenheid/{uitnodiging.token}/")


@pytest.mark.parametrize("width", [1280, 320])
def test_a_team_leader_reads_comments_and_marks_follow_up(page, duinwaard, width):
    organisatie = factories.organisatie(duinwaard)
    factories.medewerker(
        organisatie,
        rollen=(Rolcode.TEAMLEIDER,),
        email="teamleider@test.nl",
        password=data.DEMO_PASSWORD,
    )
    for n, cijfer in enumerate((3, 6, 7, 8, 9), start=1):
        uitnodiging = _uitnodiging(duinwaard, bron_id=str(n))
        services.beantwoord(
            uitnodiging.token,
            cijfer=cijfer,
            snelheid=4,
            opmerking=f"Opmerking {n}" if n < 3 else "",
        )
    tab = page.page
    tab.set_viewport_size({"width": width, "height": 900})
    log_in_browser(page, "teamleider@test.nl", volgende="/werkplek/tevredenheid/")
    check(page, width)
    assert "6,6" in tab.locator("table").inner_text()  # (3+6+7+8+9)/5

    eerste = tab.locator(".loket-kaarten > li").filter(has_text="Opmerking 1")
    eerste.get_by_label("Opvolging", exact=True).select_option("opgevolgd")
    eerste.get_by_label("Notitie (niet verplicht)").fill("Teruggebeld.")
    eerste.get_by_role("button", name="Opvolging bewaren").click()
    tab.wait_for_selector("text=De opvolging is bewaard.")
    check(page, width)
    assert Antwoord.objects.get(opmerking="Opmerking 1").opvolging == "opgevolgd"
