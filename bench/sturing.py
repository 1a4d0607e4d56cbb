#!/usr/bin/env python3
"""Sturing at volume: how long Django takes to render the dashboard, the council
report and the public figures, on a database ``generate.py`` filled.

    .venv/bin/python bench/sturing.py \\
        [--database-url postgres://postgres@127.0.0.1:5432/loket_bench_full] \\
        [--herhalingen 30] [--zonder-herbouw]

Method. Everything runs in this one process, against PostgreSQL, with DEBUG off and
the production settings (``common.configure``), timed as ``paginas.meet`` does
(through Django's test ``Client``: the server side of a request without the
network and gunicorn). The counts behind the indicators are rebuilt first
(``generate.sturing_herbouw``: a ``Zaakfeit`` per zaak, then every ``Telling``;
timed, then VACUUM ANALYZE of both tables; skip with ``--zonder-herbouw``: the
generator rebuilt them at its end). The demo's
programmes, goals and projects are loaded when missing (the dashboard and the
report show them). The staff member is a bench account with the role bestuurder
in the werkorganisatie that serves both gemeenten; the pages are those of the
gemeente with the most zaken.

Scenarios: the dashboard over the current quarter, the current year and the last
complete month; one indicator split per channel and product; the comparison of
the gemeenten; the council report as HTML over the last complete year and the
current year, and as PDF; and without a login the public page "Zo doen we het",
the open-data catalogue and one indicator as JSON and CSV. Target: p95 ≤ 300 ms
for the dashboard and the council report (issue 8); the others are reported.

Results: ``bench/results/<date>-sturing-<zaken>-zaken.json``, and a Markdown
table on stdout.
"""

import sys

from generate import sturing_herbouw
from paginas import Scenario, begin, check, ingelogde_client, log, meet, schrijf

BENCH_EMAIL = "bench-bestuurder@werkorganisatie.demo"
DOEL = 300  # ms, p95: the dashboard and the council report (issue 8)
INDICATOR = "doorlooptijd"  # split per channel and per product


# -- set-up ----------------------------------------------------------------------------


def volume() -> dict[str, int]:
    from loket.feedback.models import Antwoord
    from loket.sturing.models import Telling, Zaakfeit

    return {
        "zaakfeiten": Zaakfeit.objects.count(),
        "tellingen": Telling.objects.count(),
        "kto_antwoorden": Antwoord.objects.count(),
    }


def drukste_gemeente():
    """The gemeente with the most zaken, and how many."""
    from django.db.models import Count

    from loket.organisaties.models import Gemeente
    from loket.zgw.zaken.models import Zaak

    rij = (
        Zaak.objects.filter(gemeente__isnull=False)
        .values("gemeente")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    check(rij is not None, "de database heeft geen zaken van een gemeente")
    return Gemeente.objects.get(pk=rij["gemeente"]), rij["n"]


def beleid_demo() -> int:
    """The demo's programmes, goals and projects (idempotent); returns how many
    were made now."""
    from loket.beleid import demo
    from loket.demo.loader import DemoReport
    from loket.organisaties.models import Gemeente

    report = DemoReport()
    demo.load({g.slug: g for g in Gemeente.objects.all()}, report)
    return len(report.created)


def bench_bestuurder():
    """A bestuurder of the organisation that serves the most gemeenten (the demo's
    werkorganisatie, both gemeenten), made once."""
    from django.db.models import Count

    from loket.organisaties import services
    from loket.organisaties.models import Medewerker, Organisatie
    from loket.organisaties.roles import Rolcode

    medewerker = Medewerker.objects.filter(email=BENCH_EMAIL).first()
    if medewerker is None:
        organisatie = (
            Organisatie.objects.annotate(n=Count("gemeenten"))
            .order_by("-n", "pk")
            .first()
        )
        medewerker = services.create_medewerker(
            email=BENCH_EMAIL,
            naam="Bench Bestuurder",
            organisatie=organisatie,
            rollen=[Rolcode.BESTUURDER],
        )
    return medewerker


# -- scenarios -------------------------------------------------------------------


def scenarios(gemeente) -> list[Scenario]:
    from django.test import Client
    from django.urls import reverse

    from loket.sturing.perioden import Periode

    kwartaal = Periode.huidig("kwartaal")
    jaar = Periode.huidig("jaar")
    maand = Periode.huidig("maand").vorige()
    vorig_jaar = jaar.vorige()
    slug = gemeente.slug
    anoniem = Client()

    def sturing(naam, periode=None, **kwargs):
        url = reverse(f"sturing:{naam}", kwargs=kwargs)
        return f"{url}?periode={periode.code}" if periode else url

    def dashboard(periode):
        return Scenario(
            f"dashboard, {periode.label}",
            sturing("dashboard", periode, gemeente=slug),
            doel_ms=DOEL,
        )

    def rapportage(periode, pdf=False):
        naam = "rapportage_pdf" if pdf else "rapportage"
        return Scenario(
            f"raadsrapportage {'PDF' if pdf else 'HTML'}, {periode.label}",
            sturing(naam, periode, gemeente=slug),
            doel_ms=DOEL,
        )

    def publiek(naam, url):
        return Scenario(naam, url, client=anoniem)

    dataset = {"gemeente": slug, "code": INDICATOR}
    json_, csv = (reverse(f"opendata:{f}", kwargs=dataset) for f in ("json", "csv"))
    return [
        dashboard(kwartaal),
        dashboard(jaar),
        dashboard(maand),
        Scenario(
            f"indicator {INDICATOR}, {kwartaal.label}",
            sturing("indicator", kwartaal, gemeente=slug, code=INDICATOR),
        ),
        Scenario(f"vergelijking, {kwartaal.label}", sturing("vergelijking", kwartaal)),
        rapportage(vorig_jaar),
        rapportage(jaar),
        rapportage(vorig_jaar, pdf=True),
        publiek(
            "Zo doen we het (zonder inloggen)",
            reverse("gemeente:zo_doen_we_het:index", kwargs={"gemeente_slug": slug}),
        ),
        publiek("open data: catalog.json", reverse("opendata:catalog")),
        publiek(f"open data: {INDICATOR}.json", json_),
        publiek(f"open data: {INDICATOR}.csv", csv),
    ]


def tabel(resultaten: list[dict]) -> str:
    """The results as a Markdown table."""
    regels = [
        "| scenario | mediaan (ms) | p95 (ms) | queries | doel (ms) | gehaald |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in resultaten:
        doel = "—" if r["doel_ms"] is None else f"{r['doel_ms']:g}"
        gehaald = {None: "—", True: "ja", False: "**nee**"}[r["gehaald"]]
        regels.append(
            f"| {r['scenario']} | {r['mediaan_ms']} | {r['p95_ms']} | "
            f"{r['queries']} | {doel} | {gehaald} |"
        )
    return "\n".join(regels)


def main() -> int:
    args, zaken = begin(__doc__.splitlines()[0], herhalingen=30)
    herbouwd = None if args.zonder_herbouw else sturing_herbouw(log)
    if herbouwd:
        log(
            f"herbouw: {herbouwd['zaakfeiten']:,} zaakfeiten en "
            f"{herbouwd['tellingen']:,} tellingen in {herbouwd['herbouw_seconden']} s"
        )
    rijen = volume()
    log(
        f"{rijen['zaakfeiten']:,} zaakfeiten, {rijen['tellingen']:,} tellingen, "
        f"{rijen['kto_antwoorden']:,} antwoorden op de tevredenheidsvraag"
    )
    nieuw = beleid_demo()
    log(f"beleid (demo): {nieuw} onderdelen bijgemaakt")
    gemeente, van_gemeente = drukste_gemeente()
    log(f"gemeente {gemeente.naam}: {van_gemeente:,} zaken")
    client = ingelogde_client(bench_bestuurder())
    resultaten = [
        meet(client, scenario, args.herhalingen) for scenario in scenarios(gemeente)
    ]
    rapport = {
        "herbouw": herbouwd,
        "rijen": rijen,
        "gemeente": {"naam": gemeente.naam, "zaken": van_gemeente},
        "resultaten": resultaten,
    }
    schrijf("sturing", zaken, args.database_url, rapport, args.results)
    print(tabel(resultaten), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
