#!/usr/bin/env python3
"""How fast the Catalogi API answers with a realistic catalogue, on PostgreSQL.

    .venv/bin/python bench/catalogi_api.py [--catalogi 10] [--kopieen 5]

Builds a fresh database (default: loket_bench on the local PostgreSQL; it is dropped
and made again), loads the demo and adds ``--catalogi`` catalogi that each hold the
demo's 20 published zaaktypen ``--kopieen`` times (default 10 x 5 x 20 = 1000
zaaktypen with about 20 000 statustypen, resultaattypen, roltypen and other parts;
a large gemeente keeps 300 to 600 zaaktypen). Then it sends each request
``--verzoeken`` times through Django's handler in this process (JWT checked,
response built; no network) and prints per request the median and 95th percentile
in milliseconds and the number of database queries.
"""

import argparse
import statistics
import sys
import time
import warnings

from common import DEFAULT_DATABASE_URL, configure, recreate_database


def build(catalogi: int, kopieen: int) -> None:
    from django.core.management import call_command

    from loket.demo import catalogus as demo_catalogus
    from loket.zgw.catalogi import exchange, services

    call_command("loket", "setup", verbosity=0)
    call_command("loket", "demo", verbosity=0)
    template = demo_catalogus.document()
    started = time.monotonic()
    for n in range(catalogi):
        catalogus = services.create_catalogus(
            domein=f"B{n:04d}",
            rsin="990000011",
            naam=f"Benchcatalogus {n}",
            contactpersoon_beheer_naam="Bench",
        )
        document = dict(template)
        document["zaaktypen"] = [
            {**zaaktype, "identificatie": f"{zaaktype['identificatie']}-{k}"}
            for k in range(kopieen)
            for zaaktype in template["zaaktypen"]
        ]
        exchange.import_catalogus(document, catalogus)
        print(
            f"  catalogus {n + 1}/{catalogi} geladen "
            f"({time.monotonic() - started:.0f} s)",
            flush=True,
        )


def measure(verzoeken: int) -> list[tuple[str, float, float, int]]:
    from django.db import connection
    from django.test import Client

    from loket.demo import data
    from loket.zgw.api.auth import make_token
    from loket.zgw.catalogi.models import Catalogus, ZaakType

    # The demo client's public secret is short; PyJWT warns about that once.
    warnings.filterwarnings("ignore", module="jwt")
    client_id, secret = data.API_CLIENT_ALLES
    headers = {"Authorization": f"Bearer {make_token(client_id, secret)}"}
    client = Client(headers=headers)
    api = "http://testserver/catalogi/api/v1"
    catalogus = Catalogus.objects.filter(domein="B0000").get()
    zaaktype = ZaakType.objects.filter(catalogus=catalogus).order_by("pk")[5]
    catalogus_url = f"{api}/catalogussen/{catalogus.uuid}"
    zaaktype_url = f"{api}/zaaktypen/{zaaktype.uuid}"
    requests = {
        "GET /zaaktypen (eerste pagina van alle)": ("/zaaktypen", {}),
        "GET /zaaktypen?catalogus=…": ("/zaaktypen", {"catalogus": catalogus_url}),
        "GET /zaaktypen?catalogus=…&identificatie=…": (
            "/zaaktypen",
            {"catalogus": catalogus_url, "identificatie": zaaktype.identificatie},
        ),
        "GET /zaaktypen/{uuid}": (f"/zaaktypen/{zaaktype.uuid}", {}),
        "GET /statustypen?zaaktype=…": ("/statustypen", {"zaaktype": zaaktype_url}),
        "GET /resultaattypen?zaaktype=…": (
            "/resultaattypen",
            {"zaaktype": zaaktype_url},
        ),
        "GET /roltypen?zaaktype=…": ("/roltypen", {"zaaktype": zaaktype_url}),
        "GET /informatieobjecttypen?catalogus=…": (
            "/informatieobjecttypen",
            {"catalogus": catalogus_url},
        ),
        "GET /resultaattypen (eerste pagina van alle)": ("/resultaattypen", {}),
    }
    results = []
    for label, (path, params) in requests.items():
        url = f"/catalogi/api/v1{path}"
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(url, params)
        if response.status_code != 200:
            sys.exit(f"{label}: {response.status_code} {response.content[:300]!r}")
        timings = []
        for _ in range(verzoeken):
            started = time.perf_counter()
            response = client.get(url, params)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        results.append((label, statistics.median(timings), p95, len(queries)))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--catalogi", type=int, default=10)
    parser.add_argument("--kopieen", type=int, default=5)
    parser.add_argument("--verzoeken", type=int, default=200)
    args = parser.parse_args()

    configure(args.database_url)
    recreate_database(args.database_url)
    import django

    django.setup()
    print(f"Database {args.database_url} opbouwen…", flush=True)
    build(args.catalogi, args.kopieen)

    from loket.zgw.catalogi.models import StatusType, ZaakType

    print(
        f"\n{ZaakType.objects.count()} zaaktypen, "
        f"{StatusType.objects.count()} statustypen. "
        f"{args.verzoeken} verzoeken per regel.\n"
    )
    print(f"{'verzoek':<48}{'mediaan':>9}{'p95':>9}{'queries':>9}")
    for label, median, p95, queries in measure(args.verzoeken):
        print(f"{label:<48}{median:>7.1f}ms{p95:>7.1f}ms{queries:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
