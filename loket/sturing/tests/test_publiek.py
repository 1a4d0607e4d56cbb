"""'Zo doen we het': for everyone without logging in, only the indicators the
gemeente publishes, over the last complete quarter and year, each with its chart,
its table and what it means; never a small group."""

from datetime import date

import pytest

from loket.organisaties import services as organisaties
from loket.sturing import services as sturing
from loket.sturing.indicatoren import INDICATOREN, STANDAARD_PUBLIEK
from loket.sturing.tests import weergave_data as data
from loket.sturing.views import publiek

PAD = "/duinwaard/zo-doen-we-het/"


@pytest.fixture
def w(w, monkeypatch):
    # The world of conftest, seen on 4 May 2026: the last complete quarter is
    # 2026-K1 and the last complete year 2025, the periods its counts are in.
    monkeypatch.setattr(publiek, "vandaag", lambda: date(2026, 5, 4))
    return w


def kerncijfers(pagina: str, titel: str) -> str:
    """The text of an indicator's section from its heading to its chart."""
    begin = pagina.index(f">{titel}</h2>")
    return pagina[begin : pagina.index("<figure", begin)]


def test_anyone_sees_the_page_without_logging_in(client, w):
    response = client.get(PAD)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=900"
    pagina = response.content.decode()
    assert '<h1 class="utrecht-heading-1">Zo doen we het</h1>' in pagina
    assert "over het 1e kwartaal 2026 en over heel 2025" in pagina


def test_an_unknown_or_inactive_gemeente_has_no_page(client, w):
    assert client.get("/nergens/zo-doen-we-het/").status_code == 404
    organisaties.update_gemeente(w.duinwaard, actief=False)
    assert client.get(PAD).status_code == 404


def test_the_home_page_links_to_it(client, w):
    pagina = client.get("/duinwaard/").content.decode()
    assert f'href="{PAD}">Zo doen we het: onze cijfers</a>' in pagina


def test_by_default_the_standard_selection_is_shown(client, w):
    pagina = client.get(PAD).content.decode()
    koppen = [INDICATOREN[c].titel for c in STANDAARD_PUBLIEK]
    posities = [pagina.index(f">{kop}</h2>") for kop in koppen]
    assert posities == sorted(posities)
    assert ">Klachten</h2>" not in pagina


def test_only_the_indicators_the_gemeente_chose_are_shown(client, w):
    sturing.stel_publieke_indicatoren_in(
        gemeente=w.duinwaard, codes=["klachten", "zaken-online"]
    )
    pagina = client.get(PAD).content.decode()
    koppen = [k.split(">")[-1] for k in pagina.split("</h2>")[:-1]]
    assert [k for k in koppen if k in {i.titel for i in INDICATOREN.values()}] == [
        "Klachten",
        "Zaken die online binnenkwamen",
    ]


def test_the_numbers_of_the_quarter_and_the_year(client, w):
    pagina = client.get(PAD).content.decode()
    online = kerncijfers(pagina, "Zaken die online binnenkwamen")
    assert (
        '<dt>1e kwartaal 2026</dt><dd class="sturing-kerncijfers__waarde">75%</dd>'
        in online
    )
    assert (
        '<dt>Heel 2025</dt><dd class="sturing-kerncijfers__waarde">50%</dd>' in online
    )
    assert "6 van de 8 zaken kwamen online binnen." in online

    trend = data.tabellen(pagina)["Zaken die online binnenkwamen per kwartaal"]
    assert trend == [
        ["Periode", "Waarde"],
        ["2e kwartaal 2024", "—"],
        ["3e kwartaal 2024", "—"],
        ["4e kwartaal 2024", "—"],
        ["1e kwartaal 2025", "—"],
        ["2e kwartaal 2025", "—"],
        ["3e kwartaal 2025", "—"],
        ["4e kwartaal 2025", "50%"],
        ["1e kwartaal 2026", "75%"],
    ]
    assert (
        'role="img" aria-labelledby="zaken-online-titel zaken-online-uitleg"' in pagina
    )


def test_small_groups_are_never_shown(client, w):
    sturing.stel_publieke_indicatoren_in(
        gemeente=w.duinwaard, codes=["klachten", "tevredenheid"]
    )
    pagina = client.get(PAD).content.decode()

    # Three complaints: a count of 1 to 4 is not published.
    klachten = kerncijfers(pagina, "Klachten")
    assert '<dd class="sturing-kerncijfers__waarde">minder dan 5</dd>' in klachten
    assert "Er kwamen 3" not in pagina
    assert data.tabellen(pagina)["Klachten per kwartaal"][-1] == [
        "1e kwartaal 2026",
        "minder dan 5",
    ]
    # Three grades: too few for an average; in 2025 five eights.
    tevredenheid = kerncijfers(pagina, "Tevredenheid (gemiddeld cijfer)")
    assert "te weinig antwoorden (minder dan 5)</dd>" in tevredenheid
    assert (
        '<dt>Heel 2025</dt><dd class="sturing-kerncijfers__waarde">8,0</dd>'
        in tevredenheid
    )
    assert "gaven gemiddeld een 9" not in pagina


def test_each_indicator_links_to_its_open_data(client, w):
    pagina = client.get(PAD).content.decode()
    assert 'href="/open-data/">open data</a>' in pagina
    for code in STANDAARD_PUBLIEK:
        assert f'href="/open-data/duinwaard/{code}.csv">CSV' in pagina
        assert f'href="/open-data/duinwaard/{code}.json">JSON' in pagina
    assert (
        client.get(f"/open-data/duinwaard/{STANDAARD_PUBLIEK[0]}.csv").status_code
        == 200
    )


def test_the_page_holds_no_personal_data_and_no_staff_links(client, w):
    pagina = client.get(PAD).content.decode()
    for naam in ("Tamara Smit", "Rik Raadslid", "Bea Behandel"):
        assert naam not in pagina
    assert 'href="/sturing/' not in pagina
    assert "Er staan geen persoonsgegevens op deze pagina." in pagina
