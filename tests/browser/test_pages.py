"""Every page, in a real browser: WCAG 2.2 AA by axe-core, no CSP violations,
usable by keyboard and on a 320 px wide screen."""

import re

from django.test import override_settings

import pytest

from loket.demo import data
from loket.demo.loader import load_demo
from loket.organisaties.models import Gemeente, Medewerker
from tests.medewerker import log_in_browser as log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    "/",
    "/duinwaard/",
    "/lindebroek/",
    "/medewerker/inloggen/",
    "/medewerker/wachtwoord-vergeten/",
    "/bestaat-niet/",
]


@pytest.fixture
def demo():
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    # Demo accounts only work in demo mode; these tests run as production.
    Medewerker.objects.update(is_demo=False)


# The pages below only read, so one demo serves them all (a load per page cost
# ten seconds each on PostgreSQL); every page is checked and every failure named.


def test_public_pages_are_accessible(page, demo):
    problems = {}
    for path in PUBLIC_PAGES:
        response = page.visit(path)
        if response.status == 404:
            page.errors.clear()  # the browser reports the 404 of the page itself
        violations = page.axe_violations() + page.errors
        if violations:
            problems[path] = list(violations)
        page.errors.clear()
    assert problems == {}


def test_pages_fit_a_320_pixel_wide_screen(browser, live_server, demo):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    widths = {}
    for path in ["/duinwaard/", "/medewerker/inloggen/", "/"]:
        tab.goto(live_server.url + path)
        widths[path] = tab.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert {path: w for path, w in widths.items() if w > 320} == {}


def test_each_gemeente_shows_its_own_colours(page, demo):
    colours = {}
    for gemeente in Gemeente.objects.all():
        page.visit(f"/{gemeente.slug}/")
        colours[gemeente.slug] = page.page.evaluate(
            "getComputedStyle(document.querySelector('.loket-footer')).backgroundColor"
        )
    assert colours["duinwaard"] == "rgb(11, 94, 122)"  # #0b5e7a
    assert colours["lindebroek"] == "rgb(46, 107, 48)"  # #2e6b30


def test_pages_without_a_gemeente_use_loket_colours_for_buttons_too(page, demo):
    page.visit("/medewerker/inloggen/")
    background = page.page.evaluate(
        "getComputedStyle(document.querySelector('button[type=submit]')).backgroundColor"
    )
    assert background == "rgb(21, 66, 115)"  # #154273, a new gemeente's default


def test_skip_link_comes_first_and_moves_to_the_content(page, demo):
    page.visit("/duinwaard/")
    page.page.keyboard.press("Tab")
    focused = page.page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Ga direct naar de inhoud"
    page.page.keyboard.press("Enter")
    page.page.wait_for_url("**/duinwaard/#inhoud")
    page.page.wait_for_function("document.activeElement.id === 'inhoud'")


def test_login_form_errors_are_accessible_and_reachable_by_keyboard(page, demo):
    page.visit("/medewerker/inloggen/")
    order = []
    for _ in range(4):
        page.page.keyboard.press("Tab")
        order.append(
            page.page.evaluate(
                "document.activeElement.id || document.activeElement.textContent.trim()"
            )
        )
    assert order == [
        "Ga direct naar de inhoud",
        "Loket voor medewerkers",
        "gemeente",
        "id_email",
    ]
    page.page.keyboard.type("beheerder@werkorganisatie.demo")
    page.page.keyboard.press("Tab")
    page.page.keyboard.type("fout-wachtwoord")
    page.page.keyboard.press("Enter")
    page.page.wait_for_selector(".loket-error-summary")
    assert "klopt niet" in page.page.inner_text(".loket-error-summary")
    # The refused login is answered with status 400, which the browser reports.
    page.errors = [e for e in page.errors if "status of 400" not in e]
    page.assert_accessible()


def test_first_login_with_app_setup_then_account_and_beheer(page, demo):
    log_in(page, "beheerder@werkorganisatie.demo")
    assert "Welkom, Fatima" in page.page.inner_text("h1")
    page.assert_accessible()
    for path in (
        "/medewerker/tweestapsverificatie/",
        "/medewerker/uitloggen/",
        "/beheer/",
        "/beheer/organisaties/gemeente/",
        f"/beheer/organisaties/gemeente/{Gemeente.objects.get(slug='duinwaard').pk}/change/",
        "/beheer/organisaties/medewerker/",
        "/beheer/organisaties/medewerker/add/",
        "/beheer/organisaties/team/",
    ):
        response = page.visit(path)
        assert response.status == 200, path
        page.assert_accessible()


def test_second_login_asks_for_the_code(page, demo):
    log_in(page, "security@werkorganisatie.demo")
    page.page.click("text=Uitloggen")
    page.page.wait_for_url("**/medewerker/uitloggen/")
    page.page.click("button[type=submit]")
    page.page.wait_for_url("**/medewerker/inloggen/")
    assert "U bent uitgelogd." in page.page.inner_text("main")
    page.visit("/medewerker/inloggen/")
    page.page.fill("#id_email", "security@werkorganisatie.demo")
    page.page.fill("#id_password", data.DEMO_PASSWORD)
    page.page.click("button[type=submit]")
    page.page.wait_for_url("**/medewerker/inloggen/code/")
    page.assert_accessible()


def test_staff_without_beheer_role_get_a_clear_refusal(page, demo):
    log_in(page, "behandelaar@werkorganisatie.demo")
    response = page.visit("/beheer/")
    assert response.status == 403
    assert "geen toegang" in page.page.inner_text("h1")
    page.errors.clear()  # the 403 itself is logged by the browser
    page.assert_accessible()


def test_password_set_page_is_accessible(page, demo):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    medewerker = Medewerker.objects.get(email="kcc@werkorganisatie.demo")
    uid = urlsafe_base64_encode(force_bytes(medewerker.pk))
    token = default_token_generator.make_token(medewerker)
    page.visit(f"/medewerker/wachtwoord/{uid}/{token}/")
    assert re.search("Kies een wachtwoord", page.page.inner_text("h1"))
    page.assert_accessible()
