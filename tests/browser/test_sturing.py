"""The sturing pages in a real browser: the dashboard, one indicator per channel,
the comparison, the council report, a wrong period and the public page "Zo doen
we het". axe finds no WCAG 2.2 AA violation (with every folded table opened), no
CSP violation shows up, and nothing scrolls sideways at 1280 or 320 px. The
period is changed with the keyboard alone."""

import re
from datetime import date

import pytest

from loket.sturing import meetpunten as mp
from loket.sturing.perioden import plus_maanden
from loket.sturing.services import tel
from loket.sturing.tests import weergave_data as data
from tests.browser.test_journey import tab_to
from tests.medewerker import log_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def wereld(db):
    w = data.wereld()
    data.tellingen(w.duinwaard)
    # Two years of months, so every chart has bars to draw.
    for n in range(24):
        maand = plus_maanden(date(2026, 3, 1), -n)
        for gemeente in (w.duinwaard, w.lindebroek):
            basis = {"gemeente_id": gemeente.pk, "datum": maand}
            tel(**basis, meetpunt=mp.ZAAK_GESTART, kanaal="web", aantal=10 + n)
            tel(**basis, meetpunt=mp.ZAAK_GESTART, kanaal="telefoon", aantal=8)
            tel(**basis, meetpunt=mp.KTO_CIJFER, kanaal="web", waarde=7, aantal=6)
    return w


STAF = [
    "/sturing/",
    "/sturing/duinwaard/?periode=2026-K1",
    "/sturing/duinwaard/indicatoren/zaken-online/?periode=2026-K1",
    "/sturing/vergelijking/?periode=2026-K1",
    "/sturing/duinwaard/rapportage/?periode=2026",
]


def check(page, path: str, width: int, status: int = 200) -> None:
    response = page.visit(path)
    assert response.status == status, path
    page.page.evaluate(
        "document.querySelectorAll('details').forEach(d => d.open = true)"
    )
    if status != 200:
        # The browser reports the status of the page itself as a console error.
        assert page.errors == [
            f"Failed to load resource: the server responded with a status of "
            f"{status} (Bad Request)"
        ]
        page.errors.clear()
    page.assert_accessible()
    scroll = page.page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{path}: {scroll}px breed"


@pytest.mark.parametrize("width", [1280, 320])
def test_the_sturing_pages_are_accessible(page, live_server, wereld, width):
    page.page.set_viewport_size({"width": width, "height": 900})
    log_in_browser(page, wereld.teamleider.email, "/sturing/")
    for path in STAF:
        check(page, path, width)
    check(page, "/sturing/duinwaard/?periode=2026-K9", width, status=400)
    assert "Wij kennen de periode" in page.page.inner_text("main")


@pytest.mark.parametrize("width", [1280, 320])
def test_the_public_page_is_accessible(page, live_server, wereld, width):
    page.page.set_viewport_size({"width": width, "height": 900})
    check(page, "/duinwaard/zo-doen-we-het/", width)
    assert page.page.locator("main svg[role=img]").count() >= 5
    check(page, "/duinwaard/", width)
    page.page.get_by_role("link", name="Zo doen we het: onze cijfers").click()
    page.page.wait_for_url("**/duinwaard/zo-doen-we-het/")


def test_a_councillor_changes_the_period_with_the_keyboard(page, live_server, wereld):
    tab = page.page
    log_in_browser(page, wereld.bestuurder.email, "/sturing/duinwaard/?periode=2026-K1")
    assert "1e kwartaal 2026" in tab.inner_text("main")
    assert tab.locator("main form[method=post]").count() == 0

    tab_to(tab, "#periode")
    # From "1e kwartaal 2026" one down in the list: the quarter before.
    tab.keyboard.press("ArrowDown")
    tab_to(tab, "button:text-is('Toon deze periode')")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"\?periode=2025-K4$"))
    assert "Alle indicatoren in 4e kwartaal 2025" in tab.inner_text("main")
    page.assert_accessible()
