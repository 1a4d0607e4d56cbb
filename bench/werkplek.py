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

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from paginas import Scenario, begin, check, ingelogde_client, log, meet, schrijf

BENCH_EMAIL = "bench-behandelaar@werkorganisatie.demo"
BENCH_KCC_EMAIL = "bench-kcc@werkorganisatie.demo"
DOEL = 200  # ms, p95: a team queue and a klantbeeld (issue 7)


@dataclass
class Context:
    client: object
    medewerker: object
    team: object
    zaken: int
    extra: dict = field(default_factory=dict)


SCENARIOS: list[Callable[[Context], list[Scenario]]] = []


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
        Scenario("werkvoorraad (tellingen)", reverse("werkplek:index"), None, DOEL),
        Scenario("wachtrij nieuw, pagina 1", wachtrij("nieuw"), None, DOEL),
        Scenario("wachtrij nieuw, pagina 20", wachtrij("nieuw", pagina=20), None, DOEL),
        Scenario(
            "wachtrij nieuw, op registratiedatum",
            wachtrij("nieuw", sortering="registratiedatum"),
            doel_ms=DOEL,
        ),
        Scenario("wachtrij verlopen, pagina 1", wachtrij("verlopen"), None, DOEL),
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
            doel_ms=DOEL,
            client=client,
        ),
        Scenario(
            f"klantbeeld, persoon met {gewoon['n']} zaken",
            pagina(gewoon["initiator_bsn"]),
            doel_ms=DOEL,
            client=client,
        ),
    ]


SCENARIOS.append(werkplek_scenarios)
SCENARIOS.append(klantbeeld_scenarios)


def main() -> int:
    args, zaken = begin(
        __doc__.splitlines()[0],
        herhalingen=50,
        # The klantbeeld asks no BRP: its answer time is not Loket's to measure.
        LOKET_TESTDIENSTEN="false",
    )
    herbouwd = None if args.zonder_herbouw else herbouw()
    if herbouwd:
        log(f"herbouw: {herbouwd['rijen']:,} rijen in {herbouwd['seconden']} s")
    team, open_ = drukste_team()
    log(f"team {team.naam}: {open_:,} open zaken")
    medewerker = bench_medewerker(team)
    context = Context(ingelogde_client(medewerker), medewerker, team, zaken)
    resultaten = [
        meet(context.client, scenario, args.herhalingen)
        for maker in SCENARIOS
        for scenario in maker(context)
    ]
    rapport = {
        "herbouw": herbouwd,
        "team": {"naam": team.naam, "open_zaken": open_},
        **context.extra,
        "resultaten": resultaten,
    }
    schrijf("werkplek", zaken, args.database_url, rapport, args.results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
