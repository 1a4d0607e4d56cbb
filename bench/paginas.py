"""What the in-process page benchmarks share (``werkplek.py``, ``sturing.py``):
the start (command line, Django, migrations), a logged-in staff client, one
scenario's timing, and the results file.

Each scenario is a GET through Django's test ``Client`` — URL routing,
middleware (sessions, login, CSP, ...), the view, its queries and the template —
so the time is the server side of a request without the network and gunicorn.
Three warm-up requests, then ``herhalingen`` timed ones (``time.perf_counter``);
one extra request under ``CaptureQueriesContext`` counts the queries (not timed:
capturing costs time).
"""

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from common import ROOT, configure

# The database generate.py fills for the full run.
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/loket_bench_full"


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


def begin(beschrijving: str, *, herhalingen: int, **instellingen: str):
    """What a page benchmark does first: read its command line
    (``--database-url``, ``--herhalingen``, ``--zonder-herbouw``, ``--results``),
    set Django up against that database with the production settings (DEBUG off,
    checked; ``instellingen``: more LOKET_* settings) and migrate it. Returns the
    arguments and the number of zaken in the database."""
    parser = argparse.ArgumentParser(description=beschrijving)
    parser.add_argument("--database-url", default=DATABASE_URL)
    parser.add_argument("--herhalingen", type=int, default=herhalingen)
    parser.add_argument("--zonder-herbouw", action="store_true")
    parser.add_argument("--results", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args()
    configure(
        args.database_url,
        LOKET_DEBUG="false",
        LOKET_VAR_DIR=str(ROOT / "var" / "bench"),
        **instellingen,
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from loket.zgw.zaken.models import Zaak

    check(not settings.DEBUG, "DEBUG staat aan")
    call_command("migrate", interactive=False, verbosity=0)
    zaken = Zaak.objects.count()
    log(f"{zaken:,} zaken")
    return args, zaken


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
