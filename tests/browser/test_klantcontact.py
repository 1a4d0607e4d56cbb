"""An agent's call, in a real browser on the demo world: the KCC agent finds the
caller in the klantbeeld by BSN (the BRP test server answers), sees their zaken,
records a contactmoment with a warm handover to team Vergunningen; the handler of
that team, in another browser, finds the call-back request with its context. A
second walk does the search and the contactmoment with the keyboard alone. axe
finds no WCAG 2.2 AA violation on any page, at 1280 and 320 px."""

import re

from django.test import override_settings

import pytest

from loket.demo.loader import load_demo
from loket.organisaties.models import Gemeente, Medewerker
from loket.zgw.catalogi.models import ZaakType
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from tests.browser.fixtures import Page
from tests.browser.test_journey import tab_to
from tests.medewerker import log_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BSN = "999991097"  # Floris Kierkegaard in the RvIG test set
ONDERWERP = "Vraag over de plattegrond voor zijn evenement"


@pytest.fixture
def demo(testdiensten):
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    Medewerker.objects.update(is_demo=False)


@pytest.fixture
def zaak(demo):
    """An open zaak of Floris Kierkegaard in Duinwaard."""
    gemeente = Gemeente.objects.get(slug="duinwaard")
    zaaktype = (
        ZaakType.objects.filter(catalogus__gemeente=gemeente, concept=False)
        .filter(identificatie__icontains="EVENEMENT")
        .first()
    )
    nieuw = zaken.create_zaak(
        actor=LOKET,
        zaaktype=zaaktype,
        bronorganisatie=gemeente.rsin,
        omschrijving="Strandfeest Duinwaard",
        startdatum=zaaktype.begin_geldigheid,
    )
    zaken.add_rol(
        nieuw,
        actor=LOKET,
        roltype=zaaktype.roltypen.get(omschrijving_generiek="initiator"),
        betrokkene_type="natuurlijk_persoon",
        betrokkene_identificatie={"inpBsn": BSN, "geslachtsnaam": "Kierkegaard"},
    )
    return nieuw


def check(page, width):
    page.assert_accessible()
    scroll = page.page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.page.url}: {scroll}px breed"
    assert BSN not in page.page.url


@pytest.mark.parametrize("width", [1280, 320])
def test_an_agent_takes_a_call_and_hands_it_warm_to_a_team(
    page, browser, live_server, zaak, width
):
    tab = page.page
    tab.set_viewport_size({"width": width, "height": 900})
    log_in_browser(
        page, "kcc@werkorganisatie.demo", "/werkplek/klantcontact/klantbeeld/"
    )
    check(page, width)

    tab.get_by_label("Burgerservicenummer (BSN)").fill(BSN)
    tab.get_by_role("button", name="Zoeken op burgerservicenummer").click()
    tab.wait_for_url(re.compile(r"/klantbeeld/[^/]{40,}/$"))
    check(page, width)
    assert "Kierkegaard" in tab.content()
    assert zaak.identificatie in tab.locator("table").inner_text()

    tab.get_by_role("link", name="Contactmoment vastleggen").click()
    tab.wait_for_url(re.compile(r"/contactmomenten/nieuw/"))
    check(page, width)
    tab.get_by_label("Gemeente").select_option(label="Duinwaard")
    tab.get_by_label("Onderwerp").fill(ONDERWERP)
    tab.get_by_label("Wat is er gevraagd en geantwoord?").fill(
        "Weet niet welke schaal de plattegrond moet hebben."
    )
    tab.get_by_label("Over welke zaak?").select_option(str(zaak.uuid))
    tab.get_by_label("Een team moet de klant terugbellen").check()
    tab.get_by_label("Welk team belt terug?").select_option(label="Vergunningen")
    tab.get_by_label("Terugbellen op telefoonnummer").fill("06 12345678")
    tab.get_by_label("Toelichting voor het team").fill(
        "Vraagt of een tekening met de hand ook goed is."
    )
    tab.get_by_role("button", name="Contactmoment vastleggen").click()
    tab.wait_for_url(re.compile(r"/klantbeeld/[^/]{40,}/$"))
    check(page, width)
    assert "Team Vergunningen ziet het terugbelverzoek" in tab.content()

    # The handler of team Vergunningen, in another browser.
    context = browser.new_context(
        locale="nl-NL", viewport={"width": width, "height": 900}
    )
    try:
        collega = Page(context.new_page(), live_server.url)
        log_in_browser(
            collega,
            "behandelaar@werkorganisatie.demo",
            "/werkplek/klantcontact/terugbelverzoeken/",
        )
        check(collega, width)
        collega.page.get_by_role("link", name=ONDERWERP).click()
        collega.page.wait_for_url(re.compile(r"/terugbelverzoeken/[0-9a-f-]{36}/$"))
        check(collega, width)
        detail = collega.page.content()
        for context_tekst in (
            "tekening met de hand",
            "06 12345678",
            zaak.identificatie,
        ):
            assert context_tekst in detail
        collega.page.get_by_role("button", name="Oppakken").click()
        collega.page.wait_for_selector("text=U heeft dit terugbelverzoek opgepakt.")
        check(collega, width)
    finally:
        context.close()


def test_the_klantbeeld_search_and_contactmoment_work_by_keyboard_alone(page, zaak):
    tab = page.page
    log_in_browser(
        page, "kcc@werkorganisatie.demo", "/werkplek/klantcontact/klantbeeld/"
    )

    tab_to(tab, "#id_bsn-bsn")
    tab.keyboard.type(BSN)
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/klantbeeld/[^/]{40,}/$"))
    tab_to(tab, "a:text-is('Contactmoment vastleggen')")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/contactmomenten/nieuw/"))

    tab_to(tab, "#id_onderwerp")
    tab.keyboard.type("Gebeld over de vergunning")
    tab_to(tab, "#id_terugbellen")
    tab.keyboard.press("Space")
    tab_to(tab, "#id_team")
    tab.keyboard.type("Vergunningen")  # a select chooses by typing
    tab_to(tab, "#id_telefoonnummer")
    tab.keyboard.type("0612345678")
    tab_to(tab, "#id_toelichting")
    tab.keyboard.type("Wil teruggebeld worden over de plattegrond.")
    tab_to(tab, "button:text-is('Contactmoment vastleggen')")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/klantbeeld/[^/]{40,}/$"))
    assert "Team Vergunningen ziet het terugbelverzoek" in tab.content()
    page.assert_accessible()


def test_the_other_contact_centre_pages_pass_axe(page, demo):
    from loket.klantcontact import demo as klantcontact_demo
    from loket.klantcontact.models import Webvraag

    gemeenten = {g.slug: g for g in Gemeente.objects.all()}

    class Report:
        def note(self, created, what):
            pass

    klantcontact_demo.load(gemeenten, Report())
    tab = page.page

    # A resident asks a question.
    page.visit("/duinwaard/")
    tab.get_by_role("link", name="Stel een vraag").click()
    page.assert_accessible()
    tab.get_by_role("button", name="Vraag versturen").click()  # empty: errors
    tab.wait_for_selector(".loket-error-summary")
    page.assert_accessible()
    tab.get_by_label("Uw naam").fill("Pim Post")
    tab.get_by_label("Uw e-mailadres").fill("pim@example.nl")
    tab.get_by_label("Waar gaat uw vraag over?").fill("Hondenbelasting")
    tab.get_by_label("Uw vraag", exact=True).fill("Moet ik hondenbelasting betalen?")
    tab.get_by_role("button", name="Vraag versturen").click()
    tab.wait_for_url(re.compile(r"/duinwaard/contact/verstuurd/$"))
    page.assert_accessible()

    # The agent answers it with an article from the knowledge base.
    log_in_browser(
        page, "kcc@werkorganisatie.demo", "/werkplek/klantcontact/webvragen/"
    )
    page.assert_accessible()
    assert "te laat" in tab.content()
    tab.get_by_role("link", name="Hondenbelasting").click()
    page.assert_accessible()
    tab.get_by_role("link", name="Zoek een antwoord in de kennisbank").click()
    page.assert_accessible()
    tab.get_by_label("Zoek in de kennisbank").fill("belasting")
    tab.get_by_role("button", name="Zoeken").click()
    tab.get_by_role("link", name="Kwijtschelding gemeentelijke belastingen").click()
    page.assert_accessible()
    tab.get_by_role("link", name="Gebruik in antwoord").click()
    assert "kwijtschelding" in tab.get_by_label("Uw antwoord").input_value()
    page.assert_accessible()
    tab.get_by_role("button", name="Antwoord versturen").click()
    tab.wait_for_selector("text=Uw antwoord is verstuurd.")
    page.assert_accessible()
    assert Webvraag.objects.get(onderwerp="Hondenbelasting").status == "beantwoord"
    page.visit("/werkplek/klantcontact/contactmomenten/")
    page.assert_accessible()
    page.visit("/werkplek/klantcontact/contactmomenten/nieuw/")
    tab.get_by_role("button", name="Contactmoment vastleggen").click()
    tab.wait_for_selector(".loket-error-summary")
    page.assert_accessible()

    # The checkbox's label sits beside the box on one line (not squeezed into the
    # box's narrow column, a word per line).
    vakje = tab.locator("#id_terugbellen").bounding_box()
    label = tab.locator("label[for=id_terugbellen]").bounding_box()
    assert label["x"] >= vakje["x"] + vakje["width"]
    assert label["y"] < vakje["y"] + vakje["height"]
    assert label["height"] < 2 * vakje["height"]
