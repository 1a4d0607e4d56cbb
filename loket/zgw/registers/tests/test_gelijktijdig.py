"""Writers of the same kind do not wait for each other (PostgreSQL): while one
transaction that made a zaak, document or besluit, or set a status, is still open,
another of the same zaaktype (or informatieobject-, besluittype) goes through.

Each write used to lock a row that every such write needs until its transaction
ended: the identificatie counter, the count of the type's cell, and (through
``select_related`` in ``SELECT … FOR UPDATE``) the zaaktype of the zaak. Sixteen
API clients making zaken then took turns."""

import threading
from datetime import date

from django.db import connection, transaction

import pytest

from loket.zgw.besluiten import services as besluiten
from loket.zgw.besluiten.tests import besluit_data
from loket.zgw.documenten.models import EnkelvoudigInformatieObject
from loket.zgw.registers.services import LOKET
from loket.zgw.registers.tests.test_tellingen import counted, kept
from loket.zgw.zaken import services as zaken
from tests import zgw_data

pytestmark = pytest.mark.django_db(transaction=True)


def while_open(write):
    """Run ``write`` in a transaction of another connection and keep that
    transaction open; returns (result holder, release)."""
    done, release, result = threading.Event(), threading.Event(), {}

    def other():
        try:
            with transaction.atomic():
                result["value"] = write()
                done.set()
                release.wait(10)
        except Exception as error:  # reported to the test
            result["error"] = error
            done.set()
        finally:
            connection.close()

    thread = threading.Thread(target=other)
    thread.start()
    assert done.wait(10), "the other transaction did not get going"
    assert "error" not in result, result.get("error")

    def finish():
        release.set()
        thread.join(10)
        assert "error" not in result, result.get("error")
        return result["value"]

    return finish


def without_waiting(write):
    """``write`` in a transaction that gives up on any lock after one second."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '1s'")
        return write()


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite writes one transaction at a time")


def test_two_zaken_of_one_zaaktype_are_made_at_the_same_time(postgresql):
    cat = zgw_data.catalogue()
    zgw_data.zaak(cat)  # the year's counter exists (its first number waits)
    finish = while_open(lambda: zgw_data.zaak(cat))
    mine = without_waiting(lambda: zgw_data.zaak(cat))
    theirs = finish()
    assert mine.identificatie != theirs.identificatie
    assert kept() == counted()
    assert kept()[("zaak", cat.zaaktype.pk, mine.vertrouwelijkheidaanduiding)] == 3


def test_statussen_of_two_zaken_of_one_zaaktype_are_set_at_the_same_time(
    postgresql,
):
    cat = zgw_data.catalogue()
    first, second = zgw_data.zaak(cat), zgw_data.zaak(cat)
    statustype = min(cat.statustypen.values(), key=lambda s: s.volgnummer)

    def set_status(zaak):
        return lambda: zaken.set_status(zaak, actor=LOKET, statustype=statustype)

    finish = while_open(set_status(first))
    without_waiting(set_status(second))
    finish()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status.statustype == second.status.statustype == statustype


def test_two_documents_and_two_besluiten_are_made_at_the_same_time(postgresql):
    cat = zgw_data.catalogue()
    besluit_data.document(cat)
    finish = while_open(lambda: besluit_data.document(cat))
    mine = without_waiting(lambda: besluit_data.document(cat))
    theirs = finish()
    identificaties = EnkelvoudigInformatieObject.objects.filter(
        informatieobject__in=[mine, theirs]
    ).values_list("identificatie", flat=True)
    assert len(set(identificaties)) == 2

    def besluit():
        return besluiten.create_besluit(
            actor=LOKET,
            besluittype=cat.besluittype,
            verantwoordelijke_organisatie=cat.rsin,
            datum=date(2026, 2, 1),
            ingangsdatum=date(2026, 2, 1),
        )

    besluit()
    finish = while_open(besluit)
    mine = without_waiting(besluit)
    assert mine.identificatie != finish().identificatie
    assert kept() == counted()
