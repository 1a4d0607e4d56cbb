#!/usr/bin/env python3
"""The werkplek at volume: how long Django takes to render a team queue and search
for a logged-in behandelaar, on a database ``generate.py`` filled.

    .venv/bin/python bench/werkplek.py \\
        [--database-url postgres://postgres@127.0.0.1:5432/loket_bench_full] \\
        [--herhalingen 50] [--zonder-herbouw]

Method. Everything runs in this one process, against PostgreSQL, with DEBUG off and
the production settings (``common.configure``). The werkplek's read model is
rebuilt first (``leesmodel.herbouw``, timed; skip with ``--zonder-herbouw``). The
staff member is a behandelaar of the team with the most open zaken (made once, a
bench account; the demo's Jeroen de Vries handles only Vergunningen). Each scenario
is a request through Django's test ``Client`` — URL routing, middleware
(sessions, login, CSP, ...), the view, its queries and the template — so the time
is the server side of a request without the network and gunicorn. Three warm-up
requests, then ``--herhalingen`` timed ones (``time.perf_counter``); one extra
request under ``CaptureQueriesContext`` counts the queries (not timed: capturing
costs time). Search stores its term in the session by a POST (as the page does)
and times the GET that shows the results, which includes writing the processing
log.

The klantbeeld is measured for a KCC agent (a second bench account), for the
person with the most zaken and for a typical one. Other pages can join:
``SCENARIOS.append(maker)``, where ``maker(context)`` returns ``Scenario``s.

Results: ``bench/results/<date>-werkplek-<zaken>-zaken.json``.
"""

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from common import ROOT, configure

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/loket_bench_full"
BENCH_EMAIL = "bench-behandelaar@werkorganisatie.demo"
BENCH_KCC_EMAIL = "bench-kcc@werkorganisatie.demo"
TARGET_MS = 200


@dataclass
class Scenario:
    naam: str
    url: str
    # Done once before the timed requests (e.g. a POST that stores a search).
    voorbereiding: Callable | None = None
    doel_ms: float | None = TARGET_MS
    client: object = None  # another staff member's; default the context's


@dataclass
class Context:
    client: object
    medewerker: object
    team: object
    zaken: int
    extra: dict = field(default_factory=dict)


SCENARIOS: list[Callable[[Context], list[Scenario]]] = []


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", flush=True)


def check(ok: bool, message: str) -> None:
    if not ok:
        raise SystemExit(f"Mislukt: {message}")


# -- set-up ----------------------------------------------------------------------------


def herbouw() -> dict:
    from django.db import connection

    from loket.werkplek import leesmodel

    begin = time.monotonic()
    rijen = leesmodel.herbouw(voortgang=lambda n: log(f"herbouw: {n:,} rijen"))
    seconden = time.monotonic() - begin
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) werkplek_behandeling")
    return {"rijen": rijen, "seconden": round(seconden, 1)}


def drukste_team():
    """The team with the most open zaken."""
    from django.db.models import Count

    from loket.organisaties.models import Team
    from loket.werkplek.models import Behandeling
    from loket.werkplek.selectors import OPEN

    rij = (
        Behandeling.objects.filter(fase__in=OPEN, team__isnull=False)
        .values("team")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    return Team.objects.get(pk=rij["team"]), rij["n"]


def bench_medewerker(team):
    from loket.organisaties import services
    from loket.organisaties.models import Medewerker
    from loket.organisaties.roles import Rolcode

    medewerker = Medewerker.objects.filter(email=BENCH_EMAIL).first()
    if medewerker is None:
        medewerker = services.create_medewerker(
            email=BENCH_EMAIL,
            naam="Bench Behandelaar",
            organisatie=team.organisatie,
            rollen=[Rolcode.BEHANDELAAR],
            teams=[team],
        )
    elif not medewerker.teams.filter(pk=team.pk).exists():
        medewerker.teams.set([team])
    return medewerker


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


# -- scenarios -------------------------------------------------------------------


def werkplek_scenarios(c: Context) -> list[Scenario]:
    from django.urls import reverse

    from loket.werkplek.models import Behandeling

    def wachtrij(code, **query):
        url = reverse("werkplek:wachtrij", args=[c.team.uuid, code])
        if query:
            url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
        return url

    voorbeeld = (
        Behandeling.objects.filter(team=c.team)
        .exclude(initiator_bsn="")
        .exclude(initiator_adres="")
        .order_by("-zaak_id")
        .values("initiator_bsn", "identificatie", "initiator_naam", "initiator_adres")
        .first()
    )
    achternaam = voorbeeld["initiator_naam"].split()[-1]
    adres = voorbeeld["initiator_adres"].replace(",", " ").split()
    straat_en_plaats = f"{adres[0]} {adres[-1]}"

    def zoek(term):
        def voorbereiding():
            response = c.client.post(reverse("werkplek:zoeken"), {"term": term})
            check(response.status_code == 302, f"zoeken: {response.status_code}")

        return voorbereiding

    zoeken = reverse("werkplek:zoeken")
    return [
        Scenario("werkvoorraad (tellingen)", reverse("werkplek:index")),
        Scenario("wachtrij nieuw, pagina 1", wachtrij("nieuw")),
        Scenario("wachtrij nieuw, pagina 20", wachtrij("nieuw", pagina=20)),
        Scenario(
            "wachtrij nieuw, op registratiedatum",
            wachtrij("nieuw", sortering="registratiedatum"),
        ),
        Scenario("wachtrij verlopen, pagina 1", wachtrij("verlopen")),
        Scenario("zoeken op BSN", zoeken, zoek(voorbeeld["initiator_bsn"]), None),
        Scenario(
            "zoeken op begin zaaknummer",
            zoeken,
            zoek(voorbeeld["identificatie"][:-3]),
            None,
        ),
        Scenario("zoeken op achternaam", zoeken, zoek(achternaam), None),
        Scenario("zoeken op straat en plaats", zoeken, zoek(straat_en_plaats), None),
    ]


def klantbeeld_scenarios(c: Context) -> list[Scenario]:
    """The klantbeeld of a KCC agent: the person with the most zaken (the worst
    case) and a typical one. The page is reached as the search leaves it: through a
    token in the URL, never the BSN. The BRP is not asked (no address configured):
    its answer time is the BRP's, not Loket's; the page then says the BRP could not
    be reached and shows everything else."""
    from django.db.models import Count
    from django.urls import reverse

    from loket.klantcontact import tokens
    from loket.organisaties import services
    from loket.organisaties.models import Medewerker
    from loket.organisaties.roles import Rolcode
    from loket.werkplek.models import Behandeling

    kcc = Medewerker.objects.filter(email=BENCH_KCC_EMAIL).first() or (
        services.create_medewerker(
            email=BENCH_KCC_EMAIL,
            naam="Bench KCC",
            organisatie=c.team.organisatie,
            rollen=[Rolcode.KCC_MEDEWERKER],
        )
    )
    client = ingelogde_client(kcc)
    per_bsn = (
        Behandeling.objects.exclude(initiator_bsn="")
        .values("initiator_bsn")
        .annotate(n=Count("pk"))
    )
    meeste = per_bsn.order_by("-n").first()
    gewoon = per_bsn.filter(n__lte=10).order_by("-n").first() or meeste
    c.extra["klantbeeld"] = {"meeste_zaken": meeste["n"], "gewoon": gewoon["n"]}

    def pagina(bsn):
        return reverse(
            "klantcontact:klantbeeld_klant", args=[tokens.maak(tokens.Klant(bsn=bsn))]
        )

    return [
        Scenario(
            f"klantbeeld, persoon met {meeste['n']:,} zaken",
            pagina(meeste["initiator_bsn"]),
            client=client,
        ),
        Scenario(
            f"klantbeeld, persoon met {gewoon['n']} zaken",
            pagina(gewoon["initiator_bsn"]),
            client=client,
        ),
    ]


SCENARIOS.append(werkplek_scenarios)
SCENARIOS.append(klantbeeld_scenarios)


def meet(c: Context, scenario: Scenario, herhalingen: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = scenario.client or c.client
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
    return {
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--herhalingen", type=int, default=50)
    parser.add_argument("--zonder-herbouw", action="store_true")
    parser.add_argument("--results", default=str(ROOT / "bench" / "results"))
    args = parser.parse_args()
    configure(
        args.database_url,
        LOKET_DEBUG="false",
        LOKET_VAR_DIR=str(ROOT / "var" / "bench"),
        # The klantbeeld asks no BRP: its answer time is not Loket's to measure.
        LOKET_TESTDIENSTEN="false",
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
    herbouwd = None if args.zonder_herbouw else herbouw()
    if herbouwd:
        log(f"herbouw: {herbouwd['rijen']:,} rijen in {herbouwd['seconden']} s")
    team, open_ = drukste_team()
    log(f"team {team.naam}: {open_:,} open zaken")
    medewerker = bench_medewerker(team)
    context = Context(ingelogde_client(medewerker), medewerker, team, zaken)
    resultaten = []
    for maker in SCENARIOS:
        for scenario in maker(context):
            resultaat = meet(context, scenario, args.herhalingen)
            log(
                f"{scenario.naam}: mediaan {resultaat['mediaan_ms']} ms, p95 "
                f"{resultaat['p95_ms']} ms, {resultaat['queries']} queries"
            )
            resultaten.append(resultaat)

    sys.path.insert(0, str(ROOT / "bench"))
    from run import machine, versions

    rapport = {
        "datum": datetime.now().isoformat(timespec="seconds"),
        "zaken": zaken,
        "methode": "in-process Django test Client, DEBUG uit, PostgreSQL; "
        "tijd per verzoek binnen Django (zonder netwerk en gunicorn)",
        "herbouw": herbouwd,
        "team": {"naam": team.naam, "open_zaken": open_},
        **context.extra,
        "resultaten": resultaten,
        "machine": machine(),
        "versies": versions(args.database_url),
    }
    stem = f"{datetime.now():%Y-%m-%d-%H%M}-werkplek-{zaken}-zaken"
    out = ROOT / "bench" / "results" if not args.results else args.results
    path = f"{out}/{stem}.json"
    with open(path, "w") as bestand:
        json.dump(rapport, bestand, indent=2, ensure_ascii=False)
    log(f"resultaten: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
