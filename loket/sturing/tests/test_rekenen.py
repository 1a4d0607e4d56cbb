"""The building blocks: periods, buckets, the median, Dutch formatting, counting
with ``tel``, and the choice of public indicators."""

from datetime import date

from django.core.exceptions import ValidationError

import pytest

from loket.sturing import indicatoren, kanalen, services
from loket.sturing.indicatoren import INDICATOREN, Meting, Periode, mediaan
from loket.sturing.meetpunten import dagen_emmer, uren_emmer
from loket.sturing.models import Telling
from tests import factories


@pytest.mark.parametrize(
    ("code", "soort", "begin", "einde", "label"),
    [
        ("2026", "jaar", date(2026, 1, 1), date(2027, 1, 1), "2026"),
        (
            "2026-K3",
            "kwartaal",
            date(2026, 7, 1),
            date(2026, 10, 1),
            "3e kwartaal 2026",
        ),
        (
            "2026-k4",
            "kwartaal",
            date(2026, 10, 1),
            date(2027, 1, 1),
            "4e kwartaal 2026",
        ),
        ("2026-05", "maand", date(2026, 5, 1), date(2026, 6, 1), "mei 2026"),
        ("2026-12", "maand", date(2026, 12, 1), date(2027, 1, 1), "december 2026"),
    ],
)
def test_a_period_is_parsed_from_its_code(code, soort, begin, einde, label):
    periode = Periode.parse(code)
    assert (periode.soort, periode.begin, periode.einde) == (soort, begin, einde)
    assert periode.label == label
    assert Periode.parse(periode.code) == periode


@pytest.mark.parametrize(
    "code", ["", "26", "2026-13", "2026-00", "2026-K5", "2026-5", "mei", "2026-K3x"]
)
def test_a_bad_period_code_is_refused(code):
    with pytest.raises(ValueError, match="Geen periode"):
        Periode.parse(code)


def test_previous_periods_months_and_the_current_one():
    assert Periode.parse("2026-01").vorige() == Periode.parse("2025-12")
    assert Periode.parse("2026-K1").vorige() == Periode.parse("2025-K4")
    assert Periode.jaar(2026).vorige() == Periode.jaar(2025)
    assert Periode.parse("2026-K2").maanden == [
        date(2026, 4, 1),
        date(2026, 5, 1),
        date(2026, 6, 1),
    ]
    assert Periode.huidig("kwartaal", date(2026, 8, 31)) == Periode.parse("2026-K3")
    assert Periode.huidig("maand", date(2026, 2, 28)).code == "2026-02"


def test_buckets_are_exact_up_to_sixty_days_and_seventy_two_hours():
    assert [dagen_emmer(d) for d in [-1, 0, 59, 60, 61, 67, 68, 364, 365, 900]] == [
        0,
        0,
        59,
        60,
        61,
        61,
        68,
        362,
        365,
        365,
    ]
    assert [uren_emmer(u) for u in [0, 72, 73, 96, 97, 719, 720, 5000]] == [
        0,
        72,
        73,
        73,
        97,
        697,
        720,
        720,
    ]


def test_the_median_of_a_distribution():
    assert mediaan({}) is None
    assert mediaan({4: [1, 0, 0]}) == 4
    assert mediaan({1: [1, 0, 0], 2: [1, 0, 0], 10: [1, 0, 0]}) == 2
    assert mediaan({1: [2, 0, 0], 9: [2, 0, 0]}) == 5
    assert mediaan({3: [5, 0, 0], 7: [1, 0, 0]}) == 3


@pytest.mark.parametrize(
    ("meting", "tekst"),
    [
        (Meting(82.5, 10, False, "%"), "83%"),
        (Meting(7.75, 10, False, "cijfer"), "7,8"),
        (Meting(8.0, 10, False, "cijfer"), "8,0"),
        (Meting(12.0, 10, False, "dagen"), "12 dagen"),
        (Meting(1.0, 10, False, "dagen"), "1 dag"),
        (Meting(12.5, 10, False, "dagen"), "12,5 dagen"),
        (Meting(5.0, 10, False, "uren"), "5 uur"),
        (Meting(1234, 1234, False, "aantal"), "1.234"),
        (Meting(None, 0, False, "%"), "—"),
        (Meting(None, 3, True, "%"), "te weinig antwoorden"),
        (Meting(None, 0, True, "aantal"), "minder dan 5"),
    ],
)
def test_a_measurement_reads_in_dutch(meting, tekst):
    assert meting.tekst == tekst


def test_every_indicator_has_a_definition_and_a_sentence():
    assert list(INDICATOREN) == [
        "online-aanvraagbaar",
        "zaken-online",
        "doorlooptijd",
        "binnen-servicenorm",
        "webvraag-antwoordtijd",
        "webvraag-binnen-norm",
        "tevredenheid",
        "tevredenheid-snelheid",
        "tevredenheid-geholpen",
        "tevredenheid-gemak",
        "tevredenheid-in-een-keer",
        "klachten",
        "bezwaren",
        "verlopen-zaken",
        "inzendingen",
        "inlogs",
    ]
    for indicator in INDICATOREN.values():
        assert len(indicator.definitie) > 80, indicator.code
        assert indicator.eenheid in indicatoren.EENHEDEN
        assert set(indicator.splitsingen) <= {"kanaal", "product"}
        assert indicator.momentopname != bool(indicator.meetpunt), indicator.code
        voorbeeld = indicator.meting(50.0 if indicator.eenheid == "%" else 7, 10)
        assert "{" not in indicator.uitleg(voorbeeld), indicator.code
    assert (
        INDICATOREN["doorlooptijd"].uitleg(Meting(12.0, 40, False, "dagen"))
        == "De helft van de 40 afgeronde zaken was binnen 12 dagen klaar."
    )
    assert INDICATOREN["klachten"].uitleg(Meting(1, 1, False, "aantal")) == (
        "Er kwam 1 klacht binnen."
    )
    assert "minder dan 5" in INDICATOREN["tevredenheid"].uitleg(
        Meting(None, 3, True, "cijfer")
    )


def test_channel_names_of_every_register_map_to_one_key():
    assert kanalen.van_naam("Website/e-formulier") == "web"
    assert kanalen.van_naam("mijn_loket") == "web"
    assert kanalen.van_naam("Social media") == "sociale_media"
    assert kanalen.van_naam("E-mail") == kanalen.van_naam("email") == "e-mail"
    assert kanalen.van_naam("Postduif") == kanalen.van_naam(None) == "overig"
    assert set(kanalen.LABELS) == {
        "web",
        "balie",
        "telefoon",
        "post",
        "e-mail",
        "chat",
        "whatsapp",
        "sociale_media",
        "overig",
    }


@pytest.mark.django_db
def test_tel_adds_up_per_month_and_a_row_that_reaches_zero_goes():
    gemeente = factories.gemeente()
    for dag in [date(2026, 3, 1), date(2026, 3, 31)]:
        services.tel(
            gemeente_id=gemeente.pk,
            datum=dag,
            meetpunt="kto_cijfer",
            kanaal="balie",
            waarde=8,
        )
    afgerond = {
        "gemeente_id": gemeente.pk,
        "datum": date(2026, 3, 5),
        "meetpunt": "zaak_afgerond",
        "waarde": 3,
        "binnen_norm": True,
    }
    services.tel(**afgerond, aantal=2)
    assert set(
        Telling.objects.values_list(
            "meetpunt", "maand", "waarde", "aantal", "binnen_norm"
        )
    ) == {
        ("kto_cijfer", date(2026, 3, 1), 8, 2, 0),
        ("zaak_afgerond", date(2026, 3, 1), 3, 2, 2),
    }
    services.tel(**afgerond, aantal=-2)
    assert list(Telling.objects.values_list("meetpunt", flat=True)) == ["kto_cijfer"]


@pytest.mark.django_db
def test_the_public_page_shows_the_chosen_indicators_or_the_default():
    gemeente = factories.gemeente()
    assert indicatoren.publieke_indicatoren(gemeente) == indicatoren.STANDAARD_PUBLIEK
    services.stel_publieke_indicatoren_in(
        gemeente=gemeente, codes=["klachten", "tevredenheid", "klachten"]
    )
    assert indicatoren.publieke_indicatoren(gemeente) == ["klachten", "tevredenheid"]
    with pytest.raises(ValidationError, match="Onbekende indicator: geluk"):
        services.stel_publieke_indicatoren_in(gemeente=gemeente, codes=["geluk"])
    assert indicatoren.publieke_indicatoren(gemeente) == ["klachten", "tevredenheid"]
