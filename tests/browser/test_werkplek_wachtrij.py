"""The teamleider's werkvoorraad in a real browser on the demo world: landing on the
werkplek after login, a queue with deadlines in words, taking a zaak, assigning one
to a colleague, and search (the BSN never in the address). axe finds no WCAG 2.2 AA
violation on any page, at 1280 and 320 px (tables scroll inside their region)."""

from datetime import timedelta

from django.test import override_settings
from django.utils import timezone

import pytest

from loket.demo.loader import load_demo
from loket.organisaties.models import Gemeente, Medewerker
from loket.werkplek import demo as werkplek_demo
from loket.zgw.catalogi.models import ZaakType
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from tests.medewerker import log_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BSN = "999991097"


class _Report:
    def note(self, created, what):
        pass


@pytest.fixture
def demo(testdiensten):
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    Medewerker.objects.update(is_demo=False)
    gemeenten = {g.slug: g for g in Gemeente.objects.all()}
    werkplek_demo.load(gemeenten, _Report())
    gemeente = gemeenten["duinwaard"]
    zaaktype = ZaakType.objects.get(
        catalogus__gemeente=gemeente,
        identificatie="PARKEERVERGUNNING-BEWONERS",
        concept=False,
    )
    vandaag = timezone.localdate()
    for dagen in (-3, 2, 30):
        zaak = zaken.create_zaak(
            actor=LOKET,
            zaaktype=zaaktype,
            bronorganisatie=gemeente.rsin,
            omschrijving="Parkeervergunning Zeeweg",
            startdatum=vandaag,
            uiterlijke_einddatum_afdoening=vandaag + timedelta(days=dagen),
        )
        zaken.add_rol(
            zaak,
            actor=LOKET,
            roltype=zaaktype.roltypen.get(omschrijving_generiek="initiator"),
            betrokkene_type="natuurlijk_persoon",
            betrokkene_identificatie={"inpBsn": BSN, "geslachtsnaam": "Kierkegaard"},
        )


def check(page, width):
    page.assert_accessible()
    scroll = page.page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.page.url}: {scroll}px breed"
    assert BSN not in page.page.url


@pytest.mark.parametrize("width", [1280, 320])
def test_a_teamleider_works_through_the_queue(page, demo, width):
    tab = page.page
    tab.set_viewport_size({"width": width, "height": 900})
    log_in_browser(page, "teamleider@werkorganisatie.demo")
    assert tab.url.endswith("/werkplek/")
    assert "Team Vergunningen" in tab.inner_text("main")
    check(page, width)

    tab.get_by_role("link", name="Nieuw", exact=True).click()
    tab.wait_for_selector("table")
    tekst = tab.inner_text("main")
    assert "3 dagen te laat" in tekst and "Nog 2 dagen" in tekst
    assert "Kierkegaard" not in tekst
    check(page, width)

    tab.get_by_role("button", name="Neem in behandeling").first.click()
    tab.wait_for_selector(".utrecht-alert")
    assert "U behandelt nu zaak" in tab.inner_text("main")
    check(page, width)

    tab.get_by_role("link", name="Toewijzen").first.click()
    tab.wait_for_selector("form")
    check(page, width)
    tab.get_by_label("Aan een medewerker").select_option(label="Jeroen de Vries")
    tab.get_by_role("button", name="Toewijzen").click()
    tab.wait_for_selector(".utrecht-alert")
    assert "is toegewezen aan Jeroen de Vries" in tab.inner_text("main")

    tab.get_by_role("link", name="Zoeken").first.click()
    tab.get_by_label("Zoeken naar").fill(BSN)
    tab.get_by_role("button", name="Zoeken").click()
    tab.wait_for_selector("#resultaten-kop")
    assert "Kierkegaard" in tab.inner_text("main")
    check(page, width)
