"""The processing log in a real browser on the demo world: the privacy officer
logs in, searches a resident's BSN with the keyboard, pages and gets a clear error
for a wrong number; the resident reads "Wie heeft mijn gegevens bekeken". axe-core
finds no WCAG 2.2 AA violation, no page is wider than the screen, no CSP error."""

from django.test import override_settings

import pytest

from loket.demo.loader import DemoReport, load_demo
from loket.organisaties.models import Gemeente, Medewerker
from loket.verwerkingen import demo as verwerkingen_demo
from tests import inwoner
from tests.medewerker import log_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PRIVACY = "privacy@werkorganisatie.demo"


@pytest.fixture
def demo():
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    gemeenten = {g.slug: g for g in Gemeente.objects.all()}
    verwerkingen_demo.load(gemeenten, DemoReport())  # what the lead wires in
    Medewerker.objects.update(is_demo=False)


def _past(page, breedte: int):
    page.assert_accessible()
    scroll = page.page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= breedte, f"{page.page.url}: {scroll}px breed"


@pytest.mark.parametrize("breedte", [1280, 320])
def test_the_privacy_officer_searches_the_log_by_keyboard(page, demo, breedte):
    p = page.page
    p.set_viewport_size({"width": breedte, "height": 900})
    log_in_browser(page, PRIVACY, volgende="/werkplek/verwerkingen/")
    _past(page, breedte)

    p.fill("#id_bsn", "123456789")
    p.focus("#id_bsn")
    p.keyboard.press("Enter")
    p.wait_for_selector(".loket-error-summary")
    _past(page, breedte)
    assert "elfproef" in p.inner_text("main")

    p.fill("#id_bsn", verwerkingen_demo.DEMO_BSN)
    p.focus("#id_bsn")
    p.keyboard.press("Enter")
    p.wait_for_selector("table caption")
    _past(page, breedte)
    assert "Klantbeeld ingezien" in p.inner_text("table")
    assert verwerkingen_demo.DEMO_BSN not in p.url


def test_the_resident_reads_who_looked_at_their_data(page, demo):
    p = page.page
    inwoner.log_in_browser(
        page, inwoner.persoon(verwerkingen_demo.DEMO_BSN, "F. Kierkegaard"), "duinwaard"
    )
    page.visit("/duinwaard/mijn-loket/")
    p.click("text=Wie heeft mijn gegevens bekeken")
    p.wait_for_selector("table caption")
    page.assert_accessible()
    tekst = p.inner_text("table")
    assert "Werkorganisatie Duinwaard-Lindebroek (KCC-medewerker)" in tekst
    assert "Loket, automatisch" in tekst
    assert "Sanne" not in tekst
