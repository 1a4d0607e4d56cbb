"""Killing the server in the middle of a burst of submissions loses none that was
confirmed to the resident, and leaves nothing half-made: Loket runs as in production
(gunicorn and the task worker, `loket serve`) on the test database, residents submit
their forms over HTTP, and the whole process group gets SIGKILL while requests are
still under way. Afterwards every confirmed zaak exists in full; a resident who got
no confirmation sends again, and ends up with exactly one zaak.

PostgreSQL only: the server and the test share the database across processes, as in
production."""

import os
import signal
import sys
import threading
import time
from pathlib import Path

from django.db import connection
from django.test import override_settings

import pytest

from loket.demo.loader import load_demo
from loket.formulieren.models import Inzending
from loket.zgw.zaken.models import Rol, Zaak

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from aanvragen import Verstuurder, prepare
from run import free_port, start_loket, wait_for

AANVRAGEN = 40
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("LOKET_DATABASE_URL", "").startswith("postgres"),
        reason="the server process and the test share a PostgreSQL database",
    ),
]


def _database_url() -> str:
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
        f"/{db['NAME']}"
    )


def _serve():
    port = free_port()
    server = start_loket(_database_url(), port, workers=2)
    wait_for(port, server)
    return port, server


def _kill(server):
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=30)


def test_a_killed_server_loses_no_confirmed_submission():
    with override_settings(DEMO=True):
        load_demo(zaken_per_gemeente=0)
    aanvragen = prepare(AANVRAGEN)
    port, server = _serve()
    uitkomsten = []
    try:
        burst = threading.Thread(
            target=lambda: uitkomsten.extend(
                Verstuurder(port, timeout=20).allemaal(aanvragen, 8, mijn_loket=False)
            )
        )
        burst.start()
        deadline = time.monotonic() + 60
        while Inzending.objects.count() < 6 and time.monotonic() < deadline:
            time.sleep(0.02)
        _kill(server)
        burst.join(timeout=60)
    finally:
        if server.poll() is None:
            _kill(server)

    # Confirmed: the server answered the submit with the way to the confirmation.
    bevestigd = [u for u in uitkomsten if u.inzending]
    assert len(uitkomsten) == AANVRAGEN
    assert bevestigd, "no submission was confirmed before the kill"
    assert len(bevestigd) < AANVRAGEN, "the kill came after the burst"
    for uitkomst in bevestigd:
        inzending = Inzending.objects.get(uuid=uitkomst.inzending)
        zaak = Zaak.objects.get(uuid=inzending.zaak_uuid)
        assert Rol.objects.get(zaak=zaak).inp_bsn == uitkomst.aanvraag.bsn
    # Nothing half-made: every zaak is a whole submission.
    assert Zaak.objects.count() == Inzending.objects.count()
    assert not Zaak.objects.filter(status__isnull=True).exists()
    assert not Zaak.objects.filter(zaakinformatieobjecten__isnull=True).exists()

    # The residents without a confirmation try again; nobody gets two zaken.
    port, server = _serve()
    try:
        opnieuw = Verstuurder(port).allemaal(aanvragen, 4)
    finally:
        _kill(server)
    assert [u.fout for u in opnieuw if u.fout] == []
    assert all(u.zichtbaar for u in opnieuw)
    assert Zaak.objects.count() == AANVRAGEN
    for aanvraag in aanvragen:
        assert Rol.objects.filter(inp_bsn=aanvraag.bsn).count() == 1
