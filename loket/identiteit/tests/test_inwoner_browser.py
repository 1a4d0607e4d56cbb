"""Logging in with DigiD through the test identity provider's pages in a real
browser: axe-core finds no WCAG 2.2 AA violations on any page, at 1280 and at
320 px wide; the session warning dialog works by keyboard."""

import re

import pytest

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def gemeente(testdiensten):
    gemeente = factories.gemeente(naam="Duinstad", slug="duinstad")
    testdiensten.koppel(gemeente, "digid")
    testdiensten.koppel(gemeente, "eherkenning")
    return gemeente


@pytest.mark.parametrize("width", [1280, 320])
def test_digid_login_and_logout(page, gemeente, width):
    tab = page.page
    tab.set_viewport_size({"width": width, "height": 800})
    tab.clock.install()
    page.visit("/duinstad/inloggen/?next=/duinstad/mijn-loket/")
    page.assert_accessible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= width

    tab.get_by_role("link", name="Inloggen met DigiD").click()
    tab.wait_for_url(re.compile(r"/testdiensten/idp/authorize"))
    assert "geen echte DigiD/eHerkenning" in tab.content()
    page.assert_accessible()
    assert tab.evaluate("document.documentElement.scrollWidth") <= width

    tab.get_by_label("Zoek een testpersoon op BSN of naam").fill("Moulin")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"zoek=Moulin"))
    tab.get_by_label(re.compile("Suzanne Moulin, BSN 999993653")).check()
    tab.get_by_label("Betrouwbaarheidsniveau").select_option("substantieel")
    tab.get_by_role("button", name="Inloggen", exact=True).click()
    tab.wait_for_url(re.compile(r"/duinstad/mijn-loket/$"))
    assert "Ingelogd als" in tab.content() and "S. Moulin" in tab.content()
    page.assert_accessible()

    # Two minutes before the end of the session: the warning, by keyboard.
    tab.clock.fast_forward("13:05")
    dialog = tab.get_by_role("dialog", name="Wilt u ingelogd blijven?")
    dialog.wait_for()
    page.assert_accessible()
    tab.keyboard.press("Enter")  # the focused "Ingelogd blijven" button
    dialog.wait_for(state="hidden")

    tab.get_by_role("button", name="Uitloggen").click()
    tab.wait_for_url(re.compile(r"/duinstad/inloggen/uitgelogd/$"))
    assert "U bent uitgelogd" in tab.content()
    page.assert_accessible()


def test_eherkenning_cancel_ends_on_an_accessible_page(page, gemeente):
    tab = page.page
    tab.set_viewport_size({"width": 320, "height": 800})
    page.visit("/duinstad/inloggen/?middel=eherkenning")
    tab.get_by_role("link", name="Inloggen met eHerkenning").click()
    tab.wait_for_url(re.compile(r"/testdiensten/idp/authorize"))
    page.assert_accessible()
    tab.get_by_role("button", name="Annuleren").click()
    tab.wait_for_url(re.compile(r"/duinstad/inloggen/terug/"))
    assert "U bent niet ingelogd" in tab.content()
    page.assert_accessible()
    tab.get_by_role("link", name="Opnieuw inloggen").click()
    tab.wait_for_url(re.compile(r"/duinstad/inloggen/"))
