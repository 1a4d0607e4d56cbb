"""Identificaties: a bulk load that numbers its own rows reads where each counter
is and moves it on; the services then continue after it (PostgreSQL's sequences
and SQLite's rows alike)."""

from django.db import transaction

import pytest

from loket.zgw.registers import services as registers

pytestmark = pytest.mark.django_db


def never_taken(identificatie: str) -> bool:
    return False


def test_a_bulk_load_moves_the_counter_and_the_services_continue_after_it():
    with transaction.atomic():
        first = registers.next_identificatie(
            "ZAAK", "123456782", 2026, taken=never_taken
        )
    assert first == "ZAAK-2026-0000000001"
    assert registers.laatste_nummers()[("ZAAK", "123456782", 2026)] == 1

    with transaction.atomic():
        registers.zet_laatste("ZAAK", "123456782", 2026, 500)
        registers.zet_laatste("BESLUIT", "123456782", 2025, 7)  # a new counter
    assert registers.laatste_nummers() == {
        ("ZAAK", "123456782", 2026): 500,
        ("BESLUIT", "123456782", 2025): 7,
    }
    with transaction.atomic():
        assert (
            registers.next_identificatie("ZAAK", "123456782", 2026, taken=never_taken)
            == "ZAAK-2026-0000000501"
        )
        assert registers.reserveer_identificaties("BESLUIT", "123456782", 2025, 2) == [
            "BESLUIT-2025-0000000008",
            "BESLUIT-2025-0000000009",
        ]
    assert registers.laatste_nummers()[("BESLUIT", "123456782", 2025)] == 9
