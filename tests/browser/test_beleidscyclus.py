"""The policy cycle end to end, as issue 8 is checked: a handler closes a zaak of
the demo resident in the werkplek; the task worker e-mails him the survey over
SMTP; he opens the link from that e-mail in a browser and answers; a council
member (role bestuurder) sees his answer counted on the sturing dashboard and on
the indicator page of this month. Four earlier answers this month keep the grade
hidden (fewer than 5); his answer makes five, and the exact average shows. The
demo already gave him an open survey (about a question); it has no wachtperiode,
so closing his zaak invites him again, as on a fresh `make run`. axe finds no
WCAG 2.2 AA violation on the pages of this month's figures."""

import re

from django.test import override_settings
from django.utils import timezone

import pytest

from loket.demo.loader import load_demo
from loket.feedback import services as feedback
from loket.feedback.forms import SCHAAL
from loket.organisaties.models import Gemeente, Medewerker
from loket.portaal.demo import DEMO_BSN, DEMO_EMAIL
from loket.sturing.indicatoren import Periode
from loket.zgw.catalogi import selectors as catalogi
from loket.zgw.referentielijsten.models import Communicatiekanaal
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.models import Zaak
from tests.browser.fixtures import Page
from tests.medewerker import log_in_browser

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BEHANDELAAR = "behandelaar@werkorganisatie.demo"
RAADSLID = "raadslid@duinwaard.demo"
ZAAKTYPE = "EVENEMENTENVERGUNNING"
# Earlier answers this month (grade, "Het ging snel genoeg." 1..5), and his.
EERDER = [(6, 4), (7, 2), (8, 5), (9, 1)]
# (6 + 7 + 8 + 9 + 8) / 5 = 7.6; "snel genoeg" agreed (4 or 5): 3 of 5 = 60%.
CIJFER, SNELHEID = 8, 5


@pytest.fixture
def demo():
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    # Demo accounts only work in demo mode; these tests run as production.
    Medewerker.objects.update(is_demo=False)
    return Gemeente.objects.get(slug="duinwaard")


def zaak_van_floris(gemeente) -> Zaak:
    """An event permit Floris Kierkegaard asked for at the balie, just received."""
    zaaktype = catalogi.zaaktype_version(catalogi.catalogus_of(gemeente), ZAAKTYPE)
    zaak = zaken.create_zaak(
        actor=LOKET,
        zaaktype=zaaktype,
        bronorganisatie=gemeente.rsin,
        startdatum=timezone.localdate(),
        omschrijving="Strandfeest Duinwaard",
        communicatiekanaal=Communicatiekanaal.objects.get(naam="Balie"),
    )
    zaken.add_rol(
        zaak,
        actor=LOKET,
        roltype=zaaktype.roltypen.get(omschrijving_generiek="initiator"),
        betrokkene_type="natuurlijk_persoon",
        betrokkene_identificatie={
            "inpBsn": DEMO_BSN,
            "geslachtsnaam": "Kierkegaard",
            "voorletters": "F.",
        },
    )
    zaken.set_status(
        zaak, actor=LOKET, statustype=zaaktype.statustypen.order_by("volgnummer")[0]
    )
    return zaak


def other_browser(browser, live_server) -> Page:
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    return Page(context.new_page(), live_server.url)


def waarde(blok) -> str:
    """The value an indicator's block shows in large print."""
    return blok.locator(".sturing-kerncijfers__waarde").first.inner_text()


def test_a_closed_zaak_brings_the_survey_whose_answer_the_council_sees(
    page, browser, live_server, demo, mailbox, run_tasks, settings
):
    settings.BASE_URL = live_server.url  # the links in the e-mails
    zaak = zaak_van_floris(demo)
    feedback.bewaar_antwoorden_bulk(
        [
            {
                "gemeente_id": demo.pk,
                "datum": timezone.localdate(),
                "kanaal": "balie",
                "product": ZAAKTYPE,
                "cijfer": cijfer,
                "snelheid": snelheid,
            }
            for cijfer, snelheid in EERDER
        ]
    )
    maand = Periode.huidig("maand", timezone.localdate())
    dashboard = f"/sturing/duinwaard/?periode={maand.code}"

    # The council member, before: four answers are too few to show a grade.
    raadslid = other_browser(browser, live_server)
    try:
        log_in_browser(raadslid, RAADSLID, dashboard)
        cijfer = raadslid.page.locator("section#tevredenheid")
        snel = raadslid.page.locator("section#tevredenheid-snelheid")
        assert waarde(cijfer) == "te weinig antwoorden (minder dan 5)"
        assert waarde(snel) == "te weinig antwoorden (minder dan 5)"

        # The handler takes the zaak and closes it, through the werkplek's pages.
        tab = page.page
        log_in_browser(page, BEHANDELAAR, f"/werkplek/zaken/{zaak.uuid}/")
        tab.get_by_role("button", name="Zaak in behandeling nemen").click()
        tab.wait_for_selector("text=U behandelt deze zaak.")
        tab.get_by_label("Resultaat", exact=True).select_option(label="Verleend")
        tab.get_by_role("button", name="Zaak afsluiten").click()
        tab.wait_for_url(re.compile(r"#afsluiten$"))
        assert "Deze zaak is afgesloten op" in tab.content()

        # The task worker sends the survey over SMTP, with his own link.
        run_tasks()
        [mail] = [m for m in mailbox if m["Subject"].startswith("Hoe tevreden")]
        assert mail["To"] == DEMO_EMAIL
        assert mail["Subject"] == "Hoe tevreden bent u? (Gemeente Duinwaard)"
        tekst = mail.get_content()
        assert f"Uw aanvraag Evenementenvergunning ({zaak.identificatie})" in tekst
        link = re.search(rf"{re.escape(live_server.url)}/\S+", tekst).group(0)

        # Floris opens the link in his own browser and answers.
        floris = other_browser(browser, live_server)
        try:
            floris.page.goto(link)
            vraag = floris.page.get_by_role("group", name=re.compile("^Welk cijfer"))
            vraag.get_by_label(str(CIJFER), exact=True).check()
            stelling = floris.page.get_by_role("group", name="Het ging snel genoeg.")
            stelling.get_by_label(dict(SCHAAL)[str(SNELHEID)], exact=True).check()
            floris.page.get_by_role("button", name="Antwoord versturen").click()
            floris.page.wait_for_url("**/duinwaard/tevredenheid/bedankt/")
            assert floris.errors == []
        finally:
            floris.page.context.close()

        # The council member, after: five answers, the exact average, counted once.
        raadslid.page.reload()
        raadslid.page.evaluate(
            "document.querySelectorAll('details').forEach(d => d.open = true)"
        )
        raadslid.assert_accessible()
        assert waarde(cijfer) == "7,6"
        assert (
            "De 5 inwoners die het onderzoek invulden gaven gemiddeld een 7,6."
            in cijfer.inner_text()
        )
        maanden = cijfer.locator("table tbody tr")
        assert maanden.count() == 24
        assert maanden.last.inner_text().split("\t") == [maand.label, "7,6"]
        assert waarde(snel) == "60%"

        # The indicator page: this month per channel and per product.
        # (Chromium names the link "Per kanaal en product : Tevredenheid …".)
        raadslid.page.get_by_role(
            "link", name=re.compile(r"^Per kanaal en product\W+Tevredenheid \(")
        ).click()
        raadslid.page.wait_for_url(
            f"**/sturing/duinwaard/indicatoren/tevredenheid/?periode={maand.code}"
        )
        raadslid.assert_accessible()
        hoofd = raadslid.page.locator("main")
        assert waarde(hoofd) == "7,6"
        for naar, label in (("kanaal", "Balie"), ("product", "Evenementenvergunning")):
            rijen = hoofd.locator(f"table:has(#per-{naar}-tabel) tbody tr")
            assert [r.inner_text().split("\t") for r in rijen.all()] == [[label, "7,6"]]
    finally:
        raadslid.page.context.close()
