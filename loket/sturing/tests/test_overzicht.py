"""The whole dashboard in a handful of queries, with the same numbers as measuring
each indicator on its own."""

from datetime import date

import pytest

from loket.feedback import services as feedback
from loket.sturing import indicatoren
from loket.sturing.indicatoren import INDICATOREN, Periode, meet, overzicht, reeks
from loket.sturing.tests import data

pytestmark = pytest.mark.django_db

K1 = Periode.kwartaal(2026, 1)


@pytest.fixture
def w():
    w = data.wereld()
    for i, dagen in enumerate([2, 4, 6, 8, 30, 25]):
        via = "Website/e-formulier" if i % 2 else "Balie"
        data.afgerond(w.vergunning, date(2026, 1 + i % 3, 2), dagen, via=via)
    for maand in (11, 12):
        for dagen in [1, 3, 5, 7, 9]:
            data.afgerond(w.vergunning, date(2025, maand, 1), dagen)
    for _ in range(5):
        data.zaak(w.klacht, date(2026, 2, 10), via="Telefoon")
    feedback.bewaar_antwoorden_bulk(
        [
            {"gemeente_id": w.gemeente.pk, "datum": date(2026, 3, 1), "cijfer": c}
            for c in [5, 6, 7, 8, 9]
        ]
    )
    return w


def test_overzicht_of_a_quarter_takes_three_queries(w, django_assert_num_queries):
    # One on the counts for the quarter, the one before and 24 months of trend;
    # one per stand of today (products online, open zaken past their deadline).
    with django_assert_num_queries(3):
        uitkomst = overzicht([w.gemeente], K1)
    assert list(uitkomst) == list(INDICATOREN)
    doorlooptijd = uitkomst["doorlooptijd"]
    assert doorlooptijd.meting == meet("doorlooptijd", [w.gemeente], K1)
    assert doorlooptijd.meting.waarde == 7.0
    assert doorlooptijd.vorige == meet("doorlooptijd", [w.gemeente], K1.vorige())
    assert doorlooptijd.vorige.waarde == 5.0
    assert len(doorlooptijd.reeks) == 24
    assert doorlooptijd.reeks[-1][0] == Periode.maand(2026, 3)
    assert doorlooptijd.reeks[0][0] == Periode.maand(2024, 4)
    assert [p.code for p, m in doorlooptijd.reeks if m.aantal] == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
        "2026-03",
    ]
    for code, regel in uitkomst.items():
        if not regel.indicator.momentopname:
            assert regel.meting == meet(code, [w.gemeente], K1), code
    assert uitkomst["klachten"].meting.waarde == 5
    assert uitkomst["tevredenheid"].meting.waarde == 7.0
    assert uitkomst["verlopen-zaken"].reeks == []


def test_the_trend_of_a_period_that_runs_on_ends_this_month(w):
    vandaag = Periode.huidig("maand")
    uitkomst = overzicht([w.gemeente], Periode.huidig("jaar"), trend=3)
    assert [p for p, _ in uitkomst["doorlooptijd"].reeks] == [
        vandaag.vorige().vorige(),
        vandaag.vorige(),
        vandaag,
    ]


def test_a_series_of_periods_is_one_query(w, django_assert_num_queries):
    perioden = [
        Periode.maand(2025, 11),
        Periode.maand(2025, 12),
        K1,
        Periode.jaar(2025),
    ]
    with django_assert_num_queries(1):
        rij = reeks("doorlooptijd", [w.gemeente], perioden)
    assert [(p.code, m.waarde, m.aantal) for p, m in rij] == [
        ("2025-11", 5.0, 5),
        ("2025-12", 5.0, 5),
        ("2026-K1", 7.0, 6),
        ("2025", 5.0, 10),
    ]


def test_a_stand_of_today_has_a_value_only_in_the_period_of_today(w):
    vandaag = Periode.huidig("maand")
    rij = reeks("verlopen-zaken", [w.gemeente], [K1.vorige(), vandaag])
    assert rij[0][1] == indicatoren.Meting(None, 0, False, "aantal")
    assert rij[1][1].waarde is not None


def test_an_unknown_indicator_or_split_is_refused(w):
    with pytest.raises(ValueError, match="Onbekende indicator"):
        meet("geluk", [w.gemeente], K1)
    with pytest.raises(ValueError, match="niet uit te splitsen"):
        indicatoren.uitsplitsing("inlogs", [w.gemeente], K1, "kanaal")
