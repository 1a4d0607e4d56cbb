"""The resident's whole journey, in a real browser and through real protocols: find
the parking permit (with a typo), log in with a test DigiD identity at the test
identity provider (OpenID Connect), get the form prefilled from the BRP test server,
submit, see the zaak in Mijn Loket; a handler sets the next status through the
service layer; the resident sees it and has the e-mails. A second walk uses only the
keyboard (Tab, arrows, Space, Enter). axe-core finds no WCAG 2.2
AA violation on any page visited, none is wider than the screen, no CSP error."""

import re
from datetime import date

from django.test import override_settings

import pytest

from loket.demo.loader import load_demo
from loket.organisaties.models import Medewerker
from loket.zgw.registers.services import Actor
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.models import Zaak

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BSN = "999993653"  # Suzanne Moulin in the RvIG test set


@pytest.fixture
def demo(testdiensten):
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    Medewerker.objects.update(is_demo=False)


def check(page, width):
    page.assert_accessible()
    scroll = page.page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.page.url}: {scroll}px breed"


@pytest.mark.parametrize("width", [1280, 320])
def test_a_resident_requests_a_parking_permit_and_follows_it(
    page, demo, mailbox, run_tasks, width
):
    tab = page.page
    tab.set_viewport_size({"width": width, "height": 900})

    # Find: from the gemeente's home page, search with a typo.
    page.visit("/duinwaard/")
    check(page, width)
    tab.get_by_role("link", name="Producten en diensten", exact=True).click()
    tab.get_by_label("Zoek een product of dienst").fill("parkeervergunnig")
    tab.get_by_role("button", name="Zoeken").click()
    tab.wait_for_url(re.compile(r"q=parkeervergunnig"))
    check(page, width)
    tab.get_by_role(
        "link", name=re.compile("^Parkeervergunning voor bewoners")
    ).first.click()
    tab.wait_for_url(re.compile(r"/duinwaard/producten/parkeervergunning-bewoners/$"))
    check(page, width)

    # Ask: "Aanvragen" needs DigiD; the test identity provider logs in.
    tab.get_by_role("link", name="Aanvragen").click()
    tab.wait_for_url(re.compile(r"/duinwaard/inloggen/"))
    check(page, width)
    tab.get_by_role("link", name="Inloggen met DigiD").click()
    tab.wait_for_url(re.compile(r"/testdiensten/idp/authorize"))
    check(page, width)
    tab.get_by_label("Zoek een testpersoon op BSN of naam").fill(BSN)
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(rf"zoek={BSN}"))
    tab.get_by_label(re.compile(f"BSN {BSN}")).check()
    tab.get_by_label("Betrouwbaarheidsniveau").select_option("substantieel")
    tab.get_by_role("button", name="Inloggen", exact=True).click()
    tab.wait_for_url(re.compile(r"/duinwaard/aanvragen/parkeervergunning-bewoners/"))

    # The form: name and address come from the BRP; the resident adds the rest.
    tab.wait_for_selector("#id_email")
    check(page, width)
    prefilled = tab.locator(".loket-prefill").first.inner_text()
    assert "Moulin" in prefilled  # read-only, from the BRP
    tab.fill("#id_email", "s.moulin@example.nl")
    tab.click("text=Volgende stap")
    tab.wait_for_selector("#id_kenteken")
    tab.fill("#id_kenteken", "AB-123-C")
    tab.check("#id_parkeerzone_1")
    tab.check("#id_eigenaar_0")
    tab.fill("#id_ingangsdatum", date.today().isoformat())
    check(page, width)
    tab.click("text=Volgende stap")
    tab.wait_for_selector("#id_iban")
    tab.fill("#id_iban", "NL91 ABNA 0417 1643 00")
    tab.click("text=Volgende stap")
    tab.wait_for_selector("#id_verklaring")
    check(page, width)
    tab.check("#id_verklaring")
    tab.get_by_role("button", name="Versturen").click()
    tab.wait_for_url("**/verstuurd/**")
    check(page, width)
    zaak = Zaak.objects.get()
    assert zaak.identificatie in tab.content()

    # Follow: the zaak in Mijn Loket, received.
    tab.get_by_role("link", name="Naar Mijn Loket").click()
    tab.wait_for_url(re.compile(r"/duinwaard/mijn-loket/$"))
    check(page, width)
    assert zaak.identificatie in tab.content()
    tab.get_by_role("link", name=re.compile("^E-mailadres")).click()
    tab.wait_for_url(re.compile(r"/mijn-loket/gegevens/$"))
    check(page, width)
    tab.go_back()
    tab.get_by_role("link", name="Parkeervergunning voor bewoners").click()
    tab.wait_for_url(re.compile(rf"/mijn-loket/zaken/{zaak.uuid}/$"))
    check(page, width)
    current = tab.locator('[aria-current="step"]')
    assert "Ontvangen" in current.inner_text()

    # A handler moves the zaak on, through the service layer.
    behandelaar = Actor(gebruikers_id="behandelaar", gebruikers_weergave="Behandelaar")
    in_behandeling = zaak.zaaktype.statustypen.get(volgnummer=2)
    zaken.set_status(zaak, actor=behandelaar, statustype=in_behandeling)

    tab.reload()
    check(page, width)
    assert in_behandeling.omschrijving in current.inner_text()

    # The e-mails, sent by the task worker: received, then the new status.
    run_tasks()
    subjects = sorted(mail["Subject"] for mail in mailbox)
    assert [mail["To"] for mail in mailbox] == ["s.moulin@example.nl"] * 2
    assert subjects == sorted(
        f"Uw parkeervergunning {zaak.identificatie}: {status}"
        for status in ("Ontvangen", in_behandeling.omschrijving)
    )


def tab_to(tab, selector: str, most: int = 60) -> None:
    """Press Tab until ``selector`` has the focus: it is reachable by keyboard."""
    for _ in range(most):
        tab.keyboard.press("Tab")
        if tab.locator(selector).evaluate_all(
            "found => found.includes(document.activeElement)"
        ):
            return
    raise AssertionError(f"{selector} is not reachable with Tab on {tab.url}")


def test_the_form_and_mijn_loket_work_by_keyboard_alone(page, demo):
    from tests import inwoner

    tab = page.page
    inwoner.log_in_browser(
        page, inwoner.persoon(bsn=BSN, naam="S. Moulin"), "duinwaard"
    )
    page.visit("/duinwaard/producten/parkeervergunning-bewoners/")
    tab_to(tab, "a:text-is('Aanvragen')")
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#id_email")

    tab_to(tab, "#id_email")
    tab.keyboard.type("s.moulin@example.nl")
    tab_to(tab, "button:has-text('Volgende stap')")
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#id_kenteken")
    tab_to(tab, "#id_kenteken")
    tab.keyboard.type("AB-123-C")
    tab_to(tab, "#id_parkeerzone_0")
    tab.keyboard.press("ArrowDown")  # radio group: the arrow keys choose
    tab_to(tab, "#id_eigenaar_0")
    tab.keyboard.press("Space")
    tab_to(tab, "#id_ingangsdatum")
    tab.fill("#id_ingangsdatum", date.today().isoformat())  # a date widget's own keys
    tab_to(tab, "button:has-text('Volgende stap')")
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#id_iban")
    tab_to(tab, "#id_iban")
    tab.keyboard.type("NL91ABNA0417164300")
    tab_to(tab, "button:has-text('Volgende stap')")
    tab.keyboard.press("Enter")
    tab.wait_for_selector("#id_verklaring")
    tab_to(tab, "#id_verklaring")
    tab.keyboard.press("Space")
    tab_to(tab, "button:has-text('Versturen')")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/verstuurd/**")

    tab_to(tab, "a:text-is('Naar Mijn Loket')")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/duinwaard/mijn-loket/$"))
    tab_to(tab, "a:text-is('Parkeervergunning voor bewoners')")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/mijn-loket/zaken/"))
    tab_to(tab, "textarea#id_tekst")
    tab.keyboard.type("Kan de vergunning ingaan op 1 januari?")
    tab_to(tab, "button:has-text('Versturen')")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"#berichten$"))
    assert "Kan de vergunning ingaan op 1 januari?" in tab.content()
    zaak = Zaak.objects.get()
    assert zaak.zaakeigenschappen.get(naam="parkeerzone").waarde == "Strand"
