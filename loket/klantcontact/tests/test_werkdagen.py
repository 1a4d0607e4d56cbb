"""The answer-time norm: deadlines count Monday to Friday only."""

from datetime import datetime

from django.utils import timezone

import pytest

from loket.klantcontact import werkdagen
from loket.klantcontact.services import ontvang_webvraag, zet_norm
from tests import factories


def _op(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


@pytest.mark.parametrize(
    ("ontvangen", "norm", "deadline"),
    [
        (_op(2026, 3, 2, 10, 0), 2, _op(2026, 3, 4, 10, 0)),  # Mon → Wed
        (_op(2026, 3, 6, 15, 30), 2, _op(2026, 3, 10, 15, 30)),  # Fri → Tue
        (_op(2026, 3, 5, 9, 0), 1, _op(2026, 3, 6, 9, 0)),  # Thu → Fri
        (_op(2026, 3, 7, 11, 0), 2, _op(2026, 3, 11, 0, 0)),  # Sat → end of Tue
        (_op(2026, 3, 8, 23, 0), 1, _op(2026, 3, 10, 0, 0)),  # Sun → end of Mon
        (_op(2026, 3, 27, 12, 0), 2, _op(2026, 3, 31, 12, 0)),  # over summer time
    ],
)
def test_a_deadline_skips_the_weekend(ontvangen, norm, deadline):
    assert werkdagen.na_werkdagen(ontvangen, norm) == deadline


def test_the_clock_says_how_long_is_left_or_how_late_it_is():
    nu = _op(2026, 3, 2, 10, 0)
    assert werkdagen.klok(_op(2026, 3, 2, 15, 0), nu) == ("nog 5 uur", False)
    assert werkdagen.klok(_op(2026, 3, 4, 10, 0), nu) == ("nog 2 dagen", False)
    assert werkdagen.klok(_op(2026, 3, 1, 9, 0), nu) == ("1 dag te laat", True)
    assert werkdagen.klok(_op(2026, 3, 2, 9, 59), nu) == ("1 minuut te laat", True)


@pytest.mark.django_db
def test_a_webvraag_gets_the_deadline_of_its_gemeentes_norm():
    gemeente = factories.gemeente()
    andere = factories.gemeente()
    zet_norm(andere, werkdagen_=5)
    maandag = _op(2026, 3, 2, 10, 0)
    vraag = dict(naam="A", emailadres="a@b.nl", onderwerp="X", vraag="Y")

    standaard = ontvang_webvraag(gemeente=gemeente, ontvangen_op=maandag, **vraag)
    streng = ontvang_webvraag(gemeente=andere, ontvangen_op=maandag, **vraag)

    assert standaard.antwoorden_voor == _op(2026, 3, 4, 10, 0)  # default: 2
    assert streng.antwoorden_voor == _op(2026, 3, 9, 10, 0)
