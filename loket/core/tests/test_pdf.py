"""loket.core.pdf: letters (document) and reports (Opmaak) are valid PDF files
whose text can be found back; a report flows over pages and numbers them."""

from datetime import UTC, datetime

from loket.core import pdf
from loket.core.tests.pdf_lezen import controleer, paginas, tekst

GEMAAKT = datetime(2026, 5, 4, 12, 30, tzinfo=UTC)


def test_a_letter_is_a_valid_pdf_with_its_title_and_text():
    data = pdf.document(
        titel="Besluit (parkeren)",
        regels=["Beste meneer Kierkegaard,"],
        gemaakt=GEMAAKT,
    )
    assert controleer(data) == 1
    assert "Beste meneer Kierkegaard," in tekst(data)
    assert b"/Title (Besluit \\(parkeren\\))" in data


def test_a_report_flows_over_pages_and_numbers_them():
    opmaak = pdf.Opmaak()
    opmaak.kop("Raadsrapportage Duinwaard")
    for n in range(100):
        opmaak.alinea(f"Alinea {n}.")
    data = opmaak.pdf(titel="Raadsrapportage", gemaakt=GEMAAKT, voet="Duinwaard")

    # A line of 10 pt takes 14 pt and a paragraph 5 pt more; the heading 29.7 pt.
    # Page 1 holds the heading and 36 paragraphs, page 2 the next 37.
    assert controleer(data) == 3
    teksten = paginas(data)
    assert teksten[0].startswith("Raadsrapportage Duinwaard Alinea 0.")
    assert teksten[0].endswith("Alinea 35. Duinwaard - pagina 1 van 3")
    assert teksten[1].startswith("Alinea 36.")
    assert teksten[2].startswith("Alinea 73.")
    assert teksten[2].endswith("Alinea 99. Duinwaard - pagina 3 van 3")


def test_a_long_table_repeats_its_header_on_the_next_page():
    opmaak = pdf.Opmaak()
    rijen = [[f"Project {n}", "Op koers", f"{n * 1000} euro"] for n in range(70)]
    opmaak.tabel(["Project", "Status", "Budget"], rijen, breedtes=[3, 1, 1])
    data = opmaak.pdf(titel="Projecten", gemaakt=GEMAAKT)

    teksten = paginas(data)
    assert controleer(data) == len(teksten) == 2
    assert all(t.startswith("Project Status Budget Project") for t in teksten)
    assert "Project 69 Op koers 69000 euro" in teksten[1]


def test_text_wraps_within_the_width_of_its_column():
    lines = pdf._wrap("Een aanvraag voor een parkeervergunning", 60, 10, False)
    assert lines == ["Een", "aanvraag", "voor een", "parkeervergu", "nning"]
    assert all(pdf.breedte(line, 10) <= 60 for line in lines)
    assert pdf.breedte("WWW", 10, vet=True) == 28.32


def test_bars_are_drawn_with_vector_operators_and_their_labels_written():
    opmaak = pdf.Opmaak()
    opmaak.staven(
        [("jan", 50.0, "50%"), ("feb", None, "-"), ("mrt", 100.0, "100%")],
        maximum=100,
        hoogte=100,
        streef=80,
        streeftekst="doel 80%",
    )
    data = opmaak.pdf(titel="Grafiek", gemaakt=GEMAAKT)

    assert controleer(data) == 1
    # Three slots of (483 - 64 for the target's label) / 3 points, bars 70% of
    # that and centred in theirs; 50 and 100 points high on a base line at
    # 786 - 10 - 100 = 676; no bar where there is no value.
    assert data.count(b" re f") == 2
    assert b"76.95 676.00 97.77 50.00 re f" in data
    assert b"356.28 676.00 97.77 100.00 re f" in data
    assert b"[4 3] 0 d 56 756.00 m 475 756.00 l S" in data  # the target, dashed
    assert tekst(data).startswith("50% jan feb 100% mrt doel 80%")
