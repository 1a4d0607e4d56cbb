"""The product pages in a real browser: WCAG 2.2 AA by axe-core, no CSP
violations, usable by keyboard and on a 320 px wide screen."""

from django.test import override_settings

import pytest

from loket.demo.loader import DemoReport, load_demo
from loket.organisaties.models import Gemeente
from loket.producten import demo as producten_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/duinwaard/producten/",
    "/duinwaard/producten/?q=parkeervergunnig",
    "/duinwaard/producten/?q=xyzzy",
    "/lindebroek/producten/levensgebeurtenis/verhuizen/",
    "/duinwaard/producten/parkeervergunning-bewoners/",
    "/lindebroek/producten/paspoort/",
]


@pytest.fixture
def demo():
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    gemeenten = {g.slug: g for g in Gemeente.objects.all()}
    producten_demo.load(gemeenten, DemoReport())


def test_product_pages_are_accessible_and_fit_320_pixels(
    page, browser, live_server, demo
):
    for path in PAGES:
        response = page.visit(path)
        assert response.status == 200, path
        page.assert_accessible()
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    try:
        for path in PAGES:
            tab.goto(live_server.url + path)
            width = tab.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, path
    finally:
        context.close()


def test_a_resident_searches_by_keyboard_and_opens_the_product(page, demo):
    page.visit("/duinwaard/producten/")
    page.page.focus("#zoektekst")
    page.page.keyboard.type("parkeervergunnig")
    page.page.keyboard.press("Enter")
    page.page.wait_for_url("**/duinwaard/producten/?q=parkeervergunnig")
    first = page.page.locator(".loket-product-list__link").first
    assert first.inner_text() == "Parkeervergunning voor bewoners"
    first.focus()
    page.page.keyboard.press("Enter")
    page.page.wait_for_url("**/duinwaard/producten/parkeervergunning-bewoners/")
    assert "€ 52,40 per jaar" in page.page.inner_text("main")
    page.assert_accessible()


def test_a_resident_browses_from_the_home_page_by_life_event(page, demo):
    page.visit("/lindebroek/")
    page.page.click("text=Bekijk alle producten en diensten")
    page.page.click(".loket-topic-list__link >> text=Verhuizen")
    page.page.wait_for_url("**/lindebroek/producten/levensgebeurtenis/verhuizen/")
    page.page.click("text=Verhuizing doorgeven")
    assert "Verhuizing doorgeven" in page.page.inner_text("h1")
    page.assert_accessible()
