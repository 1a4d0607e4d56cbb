"""The parkeervergunning in a real browser: every step WCAG 2.2 AA (axe-core), no
CSP violations, usable at 320 px wide; by a resident and by the KCC for one."""

from datetime import date

from django.test import override_settings

import pytest

from loket.demo.loader import load_demo
from loket.formulieren.tests.maken import BSN, PDF
from loket.organisaties.models import Medewerker
from loket.zgw.zaken.models import Zaak
from tests import inwoner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

START = "/duinwaard/aanvragen/parkeervergunning-bewoners/"


@pytest.fixture
def demo():
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    Medewerker.objects.update(is_demo=False)


def check(page, width: int):
    """axe finds nothing, nothing breaks the CSP, nothing is wider than the
    screen."""
    page.assert_accessible()
    scroll = page.page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.page.url}: {scroll}px breed"


def fill_in_parkeervergunning(page, width: int, tmp_path):
    p = page.page
    # Over u: the BRP is not reachable in this test, so the resident types.
    check(page, width)
    p.fill("#id_naam", "Jan de Vries")
    p.fill("#id_woonadres_postcode", "9901 AB")
    p.fill("#id_woonadres_huisnummer", "3")
    p.fill("#id_woonadres_straat", "Dorpsstraat")
    p.fill("#id_woonadres_woonplaats", "Duinwaard")
    p.fill("#id_email", "jan@voorbeeld.nl")
    p.click("text=Volgende stap")

    # Uw auto: first with a mistake, to see the error page.
    p.wait_for_selector("#id_kenteken")
    p.fill("#id_kenteken", "AB-123-CDEFG")
    p.click("text=Volgende stap")
    p.wait_for_selector("#foutoverzicht")
    check(page, width)
    p.fill("#id_kenteken", "AB-123-C")
    p.check("#id_parkeerzone_1")
    # The upload appears only for a lease car (the page script).
    assert not p.is_visible("#id_kentekenbewijs")
    p.check("#id_eigenaar_1")
    assert p.is_visible("#id_kentekenbewijs")
    bestand = tmp_path / "verklaring.pdf"
    bestand.write_bytes(PDF)
    p.set_input_files("#id_kentekenbewijs", str(bestand))
    p.fill("#id_ingangsdatum", date.today().isoformat())
    check(page, width)
    p.click("text=Volgende stap")

    p.wait_for_selector("#id_iban")
    check(page, width)
    p.fill("#id_iban", "NL91 ABNA 0417 1643 00")
    p.click("text=Volgende stap")

    p.wait_for_selector("#id_verklaring")
    check(page, width)
    p.check("#id_verklaring")
    p.get_by_role("button", name="Versturen").click()
    p.wait_for_url("**/verstuurd/**")
    check(page, width)


@pytest.mark.parametrize("width", [1280, 320])
def test_a_resident_requests_a_parkeervergunning(page, demo, width, tmp_path):
    page.page.set_viewport_size({"width": width, "height": 800})
    inwoner.log_in_browser(
        page, inwoner.persoon(bsn=BSN, naam="J. de Vries"), "duinwaard"
    )
    page.visit(START)
    page.errors.clear()  # the BRP prefill warning is a message, not an error
    fill_in_parkeervergunning(page, width, tmp_path)

    zaak = Zaak.objects.get()
    assert zaak.identificatie in page.page.content()
    assert zaak.rollen.get().inp_bsn == BSN


def test_the_kcc_requests_it_on_behalf_of_a_resident(page, demo, tmp_path):
    from tests.browser.test_pages import log_in

    log_in(page, "kcc@werkorganisatie.demo")
    page.visit(START + "namens/")
    check(page, 1280)
    page.page.fill("#id_bsn", BSN)
    page.page.select_option("#id_kanaal", "telefoon")
    page.page.click("text=Formulier starten")
    page.page.wait_for_selector("#id_naam")
    fill_in_parkeervergunning(page, 1280, tmp_path)

    zaak = Zaak.objects.get()
    assert zaak.communicatiekanaal.naam == "Telefoon"
