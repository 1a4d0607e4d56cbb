"""The council report, as a page and as a PDF: per programme the goals against the
results with their trend, the projects, a text per indicator and the method;
published numbers without small groups; only for who may see the gemeente."""

from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from loket.beleid import services as beleid
from loket.core.tests.pdf_lezen import controleer, paginas, tekst
from loket.sturing.indicatoren import REGEL_KLEINE_GROEPEN, Periode
from loket.sturing.tests import weergave_data as data

HTML = "/sturing/duinwaard/rapportage/"
PDF = "/sturing/duinwaard/rapportage.pdf"
JAAR = {"periode": "2026"}


# -- access -------------------------------------------------------------------------


@pytest.mark.parametrize("pad", [HTML, PDF])
def test_only_staff_with_a_sturing_role_get_the_report(client, staff_login, w, pad):
    anoniem = client.get(pad)
    assert anoniem.status_code == 302
    assert anoniem["Location"].startswith("/medewerker/inloggen/")
    assert staff_login(client, w.behandelaar).get(pad).status_code == 403


@pytest.mark.parametrize("pad", [HTML, PDF])
def test_a_councillor_of_duinwaard_gets_no_report_of_lindebroek(
    client, staff_login, w, pad
):
    client = staff_login(client, w.bestuurder)
    assert client.get(pad.replace("duinwaard", "lindebroek")).status_code == 404
    assert client.get(pad, JAAR).status_code == 200


@pytest.mark.parametrize("pad", [HTML, PDF])
def test_a_wrong_period_gets_a_dutch_message(client, staff_login, w, pad):
    response = staff_login(client, w.bestuurder).get(pad, {"periode": "2026-X"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Wij kennen de periode &quot;2026-X&quot; niet." in response.content.decode()


# -- the page -----------------------------------------------------------------------


def test_without_a_period_the_report_is_of_this_year(client, staff_login, w):
    pagina = staff_login(client, w.bestuurder).get(HTML).content.decode()
    jaar = Periode.huidig("jaar").label
    assert f'<span class="sturing-kop-sub">{jaar}</span>' in pagina


def test_per_programme_the_goals_against_the_results(client, staff_login, w):
    pagina = staff_login(client, w.bestuurder).get(HTML, JAAR).content.decode()
    tabellen = data.tabellen(pagina)

    assert tabellen["De doelen van Duinwaard in 2026"] == [
        ["Oordeel", "Aantal doelen"],
        ["Gehaald", "1"],
        ["Op koers", "1"],
        ["Nog niet", "1"],
        ["Geen oordeel", "0"],
    ]
    assert "Gemeente Duinwaard heeft 3 doelen in 1 programma en 1 project" in pagina
    assert tabellen["Doelen en resultaten van Digitale dienstverlening"] == [
        ["Doel", "Streefwaarde", "2026", "Periode ervoor", "Oordeel"],
        ["Binnen acht dagen (2025)", "8 dagen", "10 dagen", "12 dagen", "Nog niet"],
        ["Op tijd klaar (2026)", "80%", "80%", "40%", "Gehaald"],
        ["Tachtig procent online (2027)", "80%", "75%", "50%", "Op koers"],
    ]
    assert "Wie wil, regelt het online." in pagina  # the goal's explanation


def test_each_goal_has_its_trend_over_four_periods(client, staff_login, w):
    pagina = staff_login(client, w.bestuurder).get(HTML, JAAR).content.decode()
    tabellen = data.tabellen(pagina)
    assert tabellen["Zaken die online binnenkwamen per jaar"] == [
        ["2023", "2024", "2025", "2026"],
        ["—", "—", "50%", "75%"],
    ]
    assert tabellen["Zaken binnen de servicenorm per jaar"] == [
        ["2023", "2024", "2025", "2026"],
        ["—", "—", "40%", "80%"],
    ]
    anker = f"doel-{w.doel_online.uuid}"
    assert f'aria-labelledby="{anker}-titel {anker}-uitleg"' in pagina


def test_a_quarter_is_compared_with_the_three_before(client, staff_login, w):
    pagina = staff_login(client, w.bestuurder).get(HTML, {"periode": "2026-K1"})
    tabel = data.tabellen(pagina.content.decode())[
        "Zaken die online binnenkwamen per kwartaal"
    ]
    assert tabel == [
        [
            "2e kwartaal 2025",
            "3e kwartaal 2025",
            "4e kwartaal 2025",
            "1e kwartaal 2026",
        ],
        ["—", "—", "50%", "75%"],
    ]


def test_the_projects_with_budget_spent_progress_and_risks(client, staff_login, w):
    pagina = staff_login(client, w.bestuurder).get(HTML, JAAR).content.decode()
    assert data.tabellen(pagina)["Het projectenboek van Duinwaard"] == [
        ["Project", "Status", "Budget", "Besteed"],
        ["Parkeervergunning online", "Risico", "€ 125.000", "€ 50.000 (40%)"],
    ]
    assert "Het formulier is klaar; de koppeling volgt." in pagina
    assert "Koppeling met het register, gepland op 1 maart 2027." in pagina
    assert (
        "De leverancier levert later (niveau: hoog). Maatregel: Wekelijks overleg"
        in (pagina)
    )


def test_published_numbers_leave_out_small_groups(client, staff_login, w):
    pagina = staff_login(client, w.bestuurder).get(HTML, JAAR).content.decode()
    tabel = data.tabellen(pagina)["Alle indicatoren over de laatste perioden"]
    rijen = {rij[0]: rij[1:] for rij in tabel[1:]}
    assert rijen["Klachten"] == ["0", "0", "0", "minder dan 5"]
    assert rijen["Tevredenheid (gemiddeld cijfer)"] == [
        "—",
        "—",
        "8,0",
        "te weinig antwoorden (minder dan 5)",
    ]
    assert rijen["Open zaken over de uiterste datum"] == ["—", "—", "—", "0 (vandaag)"]
    assert REGEL_KLEINE_GROEPEN in pagina
    assert "Hoe we een doel beoordelen: Gehaald:" in pagina


def test_the_page_has_no_links_to_change_anything(client, staff_login, w):
    pagina = staff_login(client, w.teamleider).get(HTML, JAAR).content.decode()
    assert "wijzigen" not in pagina.lower() and "bijwerken" not in pagina.lower()


def test_the_report_needs_a_fixed_number_of_queries(client, staff_login, w):
    client = staff_login(client, w.bestuurder)

    def queries() -> int:
        with CaptureQueriesContext(connection) as gedaan:
            assert client.get(HTML, JAAR).status_code == 200
        return len(gedaan)

    # session, user, device, roles; gemeenten; twice the counts and the two
    # stands of today; programmes with goals; projects with goals, milestones,
    # risks.
    assert queries() == 17
    for n in range(4):
        programma = beleid.create_programma(gemeente=w.duinwaard, naam=f"P{n}")
        doel = beleid.create_beleidsdoel(
            programma=programma,
            titel=f"Doel {n}",
            indicator="klachten",
            streefwaarde=Decimal(10),
            jaar=2026,
        )
        beleid.create_project(
            gemeente=w.duinwaard, naam=f"Project {n}", budget=10, doelen=[doel]
        )
    assert queries() == 17


# -- the PDF ------------------------------------------------------------------------


def test_the_pdf_is_a_valid_document_of_several_pages(client, staff_login, w):
    response = staff_login(client, w.bestuurder).get(PDF, JAAR)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"]
        == 'inline; filename="raadsrapportage-duinwaard-2026.pdf"'
    )
    pdf = response.content
    aantal = controleer(pdf)
    assert aantal > 1
    teksten = paginas(pdf)
    assert len(teksten) == aantal
    assert all(len(t) > 300 for t in teksten)
    assert teksten[0].startswith(
        "Raadsrapportage dienstverlening Duinwaard Periode: 2026"
    )
    assert teksten[-1].endswith(f"pagina {aantal} van {aantal}")


def test_the_pdf_says_what_the_page_says(client, staff_login, w):
    pdf = staff_login(client, w.bestuurder).get(PDF, JAAR).content
    inhoud = tekst(pdf)
    for doel in ("Tachtig procent online", "Op tijd klaar", "Binnen acht dagen"):
        assert doel in inhoud
    assert (
        "Doel Streefwaarde 2026 Periode ervoor Oordeel "
        "Binnen acht dagen (2025) 8 dagen 10 dagen 12 dagen Nog niet "
        "Op tijd klaar (2026) 80% 80% 40% Gehaald "
        "Tachtig procent online (2027) 80% 75% 50% Op koers"
    ) in inhoud
    assert "Parkeervergunning online Risico € 125.000 € 50.000 (40%)" in inhoud
    assert "De leverancier levert later Hoog Wekelijks overleg" in inhoud
    assert "Klachten 0 0 0 minder dan 5" in inhoud
    assert REGEL_KLEINE_GROEPEN in inhoud
    # Each goal's trend as bars drawn with vector operators (two bars with a
    # value: 2025 and 2026), and its target as a dashed line.
    assert pdf.count(b" re f 0 g") == 3 * 2
    assert pdf.count(b"[4 3] 0 d") == 3
