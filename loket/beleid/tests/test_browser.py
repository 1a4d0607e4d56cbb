"""The beleid pages in a real browser: WCAG 2.2 AA by axe-core (also with form
errors shown), no CSP violations, no sideways scrolling at 320 px, and a project
brought up to date with the keyboard alone."""

import re

import pytest

from loket.beleid import demo
from loket.beleid.models import Project
from loket.beleid.tests import kit
from loket.demo.loader import DemoReport
from tests.browser.test_journey import tab_to
from tests.medewerker import log_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def wereld(db):
    w = kit.wereld()
    demo.load({"duinwaard": w.duinwaard, "lindebroek": w.lindebroek}, DemoReport())
    return w


def pages(w) -> list[str]:
    demoproject = Project.objects.get(
        gemeente=w.duinwaard, naam="Eén telefoonnummer en een terugbelbelofte"
    )
    base = "/sturing/beleid"
    return [
        f"{base}/",
        f"{base}/duinwaard/",
        f"{base}/duinwaard/projecten/{demoproject.uuid}/",
        f"{base}/duinwaard/projecten/{w.project.uuid}/",
        f"{base}/duinwaard/projecten/{demoproject.uuid}/wijzigen/",
        f"{base}/duinwaard/projecten/nieuw/",
        f"{base}/duinwaard/programmas/nieuw/",
        f"{base}/duinwaard/programmas/{w.programma.pk}/",
        f"{base}/duinwaard/doelen/nieuw/",
        f"{base}/duinwaard/doelen/{w.doel.uuid}/",
        f"{base}/duinwaard/doelen/{w.doel.uuid}/verwijderen/",
    ]


def check(page, path: str, width: int) -> None:
    response = page.visit(path)
    assert response.status == 200, path
    page.assert_accessible()
    scroll = page.page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{path}: {scroll}px breed"


@pytest.mark.parametrize("width", [1280, 320])
def test_the_beleid_pages_are_accessible(page, live_server, wereld, width):
    page.page.set_viewport_size({"width": width, "height": 900})
    log_in_browser(page, wereld.teamleider.email, "/sturing/beleid/duinwaard/")
    for path in pages(wereld):
        check(page, path, width)


def test_forms_with_errors_are_accessible(page, live_server, wereld):
    tab = page.page
    log_in_browser(page, wereld.teamleider.email, "/sturing/beleid/duinwaard/")
    page.visit("/sturing/beleid/duinwaard/doelen/nieuw/")
    tab.fill("#id_streefwaarde", "veel")
    tab.click("button:text-is('Opslaan')")
    assert tab.title().startswith("Fout:")
    assert "Vul een getal in, zoals 80 of 8,5." in tab.inner_text("main")
    page.assert_accessible()
    page.visit(f"/sturing/beleid/duinwaard/projecten/{wereld.project.uuid}/")
    tab.click("button:text-is('Risico toevoegen')")
    assert "Beschrijf het risico." in tab.inner_text("main")
    page.assert_accessible()


def test_a_bestuurder_reads_the_pages_without_forms(page, live_server, wereld):
    log_in_browser(page, wereld.bestuurder.email, "/sturing/beleid/duinwaard/")
    page.assert_accessible()
    assert page.page.locator("main form").count() == 0
    page.visit(f"/sturing/beleid/duinwaard/projecten/{wereld.project.uuid}/")
    page.assert_accessible()
    assert page.page.locator("main form").count() == 0


def test_a_project_is_brought_up_to_date_by_keyboard_alone(page, live_server, wereld):
    tab = page.page
    log_in_browser(page, wereld.teamleider.email, "/sturing/beleid/duinwaard/")
    tab_to(tab, "a:text-is('Parkeervergunning online')")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/projecten/"))
    tab_to(tab, "#id_stand-status_0")  # the checked radio button: Op koers
    tab.keyboard.press("ArrowDown")  # Risico
    tab_to(tab, "#id_stand-besteed")
    tab.keyboard.press("Control+a")
    tab.keyboard.type("48.750")
    tab_to(tab, "#id_stand-voortgang")
    tab.keyboard.type("De koppeling met het parkeersysteem is later klaar.")
    tab_to(tab, "button:text-is('Stand opslaan')")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"#standen$"))
    main = tab.inner_text("main")
    assert "De nieuwe stand van het project is opgeslagen." in main
    assert "€ 48.750 besteed. Door Tamara Smit." in main
    page.assert_accessible()
    project = Project.objects.get(pk=wereld.project.pk)
    assert (project.status, str(project.besteed)) == ("risico", "48750.00")
