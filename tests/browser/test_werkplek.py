"""A handler's day in a real browser on the demo world: log in, open the team
queue, take a new zaak, move it to the next status, record a besluit, make a
letter, set the resultaat and close. axe-core finds no WCAG 2.2 AA violation on
any page visited, none is wider than the screen (1280 and 320 px), no CSP error;
and the zaak page's main action (the status change) works with the keyboard only."""

import re

from django.test import override_settings
from django.utils import timezone

import pytest

from loket.demo.loader import load_demo
from loket.organisaties.models import Gemeente, Medewerker
from loket.werkplek import demo as werkplek_demo
from loket.werkplek import demo_brieven
from loket.werkplek.models import Behandeling
from loket.zgw.catalogi import selectors as catalogi
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.models import Zaak
from tests.medewerker import log_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BEHANDELAAR = "behandelaar@werkorganisatie.demo"
BSN = "999993653"  # Suzanne Moulin in the RvIG test set


class _Report:
    def note(self, created: bool, what: str) -> None:
        pass


@pytest.fixture
def demo():
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    gemeenten = {g.slug: g for g in Gemeente.objects.all()}
    # What the lead wires into the loader; loading twice changes nothing.
    werkplek_demo.load(gemeenten, _Report())
    demo_brieven.load(gemeenten, _Report())
    # Demo accounts only work in demo mode; these tests run as production.
    Medewerker.objects.update(is_demo=False)


def nieuwe_zaak() -> Zaak:
    """A parking permit request that just came in at Duinwaard."""
    gemeente = Gemeente.objects.get(slug="duinwaard")
    zaaktype = catalogi.zaaktype_version(
        catalogi.catalogus_of(gemeente), "PARKEERVERGUNNING-BEWONERS"
    )
    zaak = zaken.create_zaak(
        actor=LOKET,
        zaaktype=zaaktype,
        bronorganisatie=gemeente.rsin,
        startdatum=timezone.localdate(),
        omschrijving="Parkeervergunning Strandweg 3",
    )
    zaken.add_rol(
        zaak,
        actor=LOKET,
        roltype=zaaktype.roltypen.get(omschrijving_generiek="initiator"),
        betrokkene_type="natuurlijk_persoon",
        betrokkene_identificatie={
            "inpBsn": BSN,
            "geslachtsnaam": "Moulin",
            "voorletters": "S.",
        },
    )
    for eigenschap, waarde in (("kenteken", "XX-123-Y"), ("parkeerzone", "Strand")):
        zaken.add_zaakeigenschap(
            zaak,
            actor=LOKET,
            eigenschap=zaaktype.eigenschappen.get(naam=eigenschap),
            waarde=waarde,
        )
    zaken.set_status(
        zaak, actor=LOKET, statustype=zaaktype.statustypen.order_by("volgnummer")[0]
    )
    return zaak


# The elements that stick out on the right, to say what makes a page too wide.
UITSTEKERS = """w => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > w + 1)
  .slice(0, 5)
  .map(e => e.tagName + '.' + [...e.classList].join('.'))"""


def check(page, width):
    page.assert_accessible()
    scroll = page.page.evaluate("document.documentElement.scrollWidth")
    if scroll > width:
        uitstekers = page.page.evaluate(UITSTEKERS, width)
        pytest.fail(f"{page.page.url}: {scroll}px breed door {uitstekers}")


def _open_zaak_page(page, zaak, width):
    tab = page.page
    tab.get_by_role("link", name=zaak.identificatie).click()
    tab.wait_for_url(re.compile(rf"/werkplek/zaken/{zaak.uuid}/"))
    check(page, width)


@pytest.mark.parametrize("width", [1280, 320])
def test_a_handler_takes_a_new_zaak_and_closes_it(page, demo, width):
    zaak = nieuwe_zaak()
    tab = page.page
    tab.set_viewport_size({"width": width, "height": 900})
    log_in_browser(page, BEHANDELAAR, volgende="/werkplek/")
    check(page, width)

    # The team queue: the new zaak is there; take it.
    tab.get_by_role("link", name="Nieuw", exact=True).first.click()
    tab.wait_for_url(re.compile(r"/werkplek/wachtrij/.+/nieuw/"))
    check(page, width)
    tab.get_by_role(
        "button", name=f"Neem in behandeling zaak {zaak.identificatie}"
    ).click()
    tab.wait_for_load_state()
    check(page, width)
    assert Behandeling.objects.get(zaak=zaak).behandelaar.email == BEHANDELAAR
    tab.goto(f"{page.base_url}/werkplek/")
    tab.get_by_role("link", name="Mijn zaken").first.click()
    tab.wait_for_url(re.compile(r"/werkplek/mijn-zaken/"))
    _open_zaak_page(page, zaak, width)
    assert "U behandelt deze zaak." in tab.content()

    # The next status.
    tab.get_by_label("Nieuwe status").select_option(label="In behandeling")
    tab.get_by_label("Toelichting (niet verplicht)").first.fill("Kenteken klopt.")
    tab.get_by_role("button", name="Status wijzigen").click()
    tab.wait_for_url(re.compile(r"#status-wijzigen$"))
    check(page, width)
    assert "De status is nu: In behandeling." in tab.content()

    # A besluit.
    tab.get_by_label("Soort besluit").select_option(index=0)
    tab.locator("#id_besluit-toelichting").fill("Verleend voor de zone Strand.")
    tab.get_by_role("button", name="Besluit vastleggen").click()
    tab.wait_for_url(re.compile(r"#besluit-vastleggen$"))
    check(page, width)
    assert "is vastgelegd" in tab.content()

    # A letter from a template: preview, then saved as a PDF document.
    tab.get_by_role("link", name="Brief maken", exact=True).click()
    tab.wait_for_url(re.compile(r"/brief/$"))
    check(page, width)
    tab.get_by_label("Sjabloon", exact=True).select_option(label="Besluit verleend")
    tab.get_by_role("button", name="Brief bekijken").click()
    tab.wait_for_load_state()
    check(page, width)
    assert "S. Moulin" in tab.locator(".loket-zaak__brief").inner_text()
    tab.get_by_role("button", name="Opslaan als PDF-document").click()
    tab.wait_for_url(re.compile(r"#documenten$"))
    check(page, width)
    tab.get_by_role("link", name=re.compile("^Besluit op uw aanvraag")).click()
    tab.wait_for_url(re.compile(r"/documenten/.+/$"))
    check(page, width)
    tab.go_back()

    # The resultaat, and closing.
    tab.get_by_label("Resultaat", exact=True).select_option(label="Verleend")
    tab.get_by_role("button", name="Zaak afsluiten").click()
    tab.wait_for_url(re.compile(r"#afsluiten$"))
    check(page, width)
    assert "Deze zaak is afgesloten op" in tab.content()
    zaak.refresh_from_db()
    assert zaak.einddatum == timezone.localdate()
    assert zaak.resultaat.resultaattype.omschrijving == "Verleend"


def test_the_status_change_works_with_the_keyboard_only(page, demo):
    zaak = nieuwe_zaak()
    tab = page.page
    log_in_browser(page, BEHANDELAAR, volgende=f"/werkplek/zaken/{zaak.uuid}/")
    check(page, 1280)
    for _ in range(80):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.id") == "id_status-statustype":
            break
    else:
        pytest.fail("De keuze voor de nieuwe status is niet met Tab te bereiken.")
    tab.keyboard.press("Tab")  # the toelichting
    tab.keyboard.type("Met het toetsenbord.")
    tab.keyboard.press("Tab")  # the button
    assert tab.evaluate("document.activeElement.textContent") == "Status wijzigen"
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"#status-wijzigen$"))
    check(page, 1280)
    zaak.refresh_from_db()
    assert zaak.status.statustype.omschrijving == "In behandeling"
    assert zaak.status.statustoelichting == "Met het toetsenbord."
