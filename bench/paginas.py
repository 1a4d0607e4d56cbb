"""What the in-process page benchmarks share (``werkplek.py``, ``sturing.py``):
a logged-in staff client, one scenario's timing, and the results file.

Each scenario is a GET through Django's test ``Client`` — URL routing,
middleware (sessions, login, CSP, ...), the view, its queries and the template —
so the time is the server side of a request without the network and gunicorn.
Three warm-up requests, then ``herhalingen`` timed ones (``time.perf_counter``);
one extra request under ``CaptureQueriesContext`` counts the queries (not timed:
capturing costs time).
"""

import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from common import ROOT


@dataclass
class Scenario:
    naam: str
    url: str
    # Done once before the timed requests (e.g. a POST that stores a search).
    voorbereiding: Callable | None = None
    doel_ms: float | None = None
    client: object = None  # another staff member's; default the caller's


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", flush=True)


def check(ok: bool, message: str) -> None:
    if not ok:
        raise SystemExit(f"Mislukt: {message}")


def ingelogde_client(medewerker):
    """A test client with both login steps done, as the staff_login fixture."""
    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from loket.identiteit import services as identiteit

    client = Client()
    client.force_login(medewerker, backend=settings.AUTHENTICATION_BACKENDS[0])
    device = TOTPDevice.objects.devices_for_user(medewerker, confirmed=True).first()
    device = device or TOTPDevice.objects.create(
        user=medewerker, name="bench", confirmed=True
    )
    session = client.session
    session["otp_device_id"] = device.persistent_id
    now = timezone.now().timestamp()
    session[identiteit.LOGIN_AT_KEY] = now
    session[identiteit.LAST_SEEN_KEY] = now
    session.save()
    return client


def meet(client, scenario: Scenario, herhalingen: int) -> dict:
    """Time ``scenario`` (with its own client, else ``client``)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = scenario.client or client
    if scenario.voorbereiding:
        scenario.voorbereiding()
    for _ in range(3):
        response = client.get(scenario.url)
        check(response.status_code == 200, f"{scenario.naam}: {response.status_code}")
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        response = client.get(scenario.url)
        tijden.append((time.perf_counter() - begin) * 1000)
        check(response.status_code == 200, f"{scenario.naam}: {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(scenario.url)
    tijden.sort()
    p50 = statistics.median(tijden)
    p95 = tijden[min(len(tijden) - 1, round(0.95 * len(tijden)) - 1)]
    resultaat = {
        "scenario": scenario.naam,
        "url": scenario.url.split("?")[0],
        "herhalingen": herhalingen,
        "mediaan_ms": round(p50, 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(tijden[-1], 1),
        "queries": len(queries.captured_queries),
        "doel_ms": scenario.doel_ms,
        "gehaald": None if scenario.doel_ms is None else p95 <= scenario.doel_ms,
    }
    log(
        f"{scenario.naam}: mediaan {resultaat['mediaan_ms']} ms, p95 "
        f"{resultaat['p95_ms']} ms, {resultaat['queries']} queries"
    )
    return resultaat


def schrijf(soort: str, zaken: int, database_url: str, rapport: dict, map_=None):
    """Write ``rapport`` with the date, method, machine and versions to
    ``bench/results/<date>-<soort>-<zaken>-zaken.json``; returns the path."""
    sys.path.insert(0, str(ROOT / "bench"))
    from run import machine, versions

    volledig = {
        "datum": datetime.now().isoformat(timespec="seconds"),
        "zaken": zaken,
        "methode": "in-process Django test Client, DEBUG uit, PostgreSQL; "
        "tijd per verzoek binnen Django (zonder netwerk en gunicorn)",
        **rapport,
        "machine": machine(),
        "versies": versions(database_url),
    }
    stem = f"{datetime.now():%Y-%m-%d-%H%M}-{soort}-{zaken}-zaken"
    path = f"{map_ or ROOT / 'bench' / 'results'}/{stem}.json"
    with open(path, "w") as bestand:
        json.dump(volledig, bestand, indent=2, ensure_ascii=False)
    log(f"resultaten: {path}")
    return path
