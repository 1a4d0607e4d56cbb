"""From the submit click to the zaak in Mijn Loket, on the benchmark database.

Prepares N filled-in parkeervergunning forms (drafts ready to send) for N residents,
each with a DigiD session, starts Loket in its production configuration (gunicorn,
DEBUG off, PostgreSQL), and per resident times the submit (POST: one transaction that
makes the zaak with its rol, eigenschappen, PDF, first status and notificaties) and
then the Mijn Loket page, which must show the new zaak. Times are measured at the
client on 127.0.0.1, so they are the server's time plus a loopback round trip.

    .venv/bin/python bench/aanvragen.py --database-url …/loket_bench_full --aantal 300

The database must hold the benchmark data (bench/generate.py); the demo's gemeenten
get their products and forms here if they lack them. ``prepare`` and ``Verstuurder``
also serve tests/e2e/test_aanvragen_crash.py (which puts bench/ on sys.path, as
running a script here does)."""

import argparse
import http.client
import json
import os
import re
import signal
import statistics
import threading
import time
import urllib.parse
from dataclasses import dataclass

from common import DEFAULT_DATABASE_URL, ROOT, configure

PRODUCT = "parkeervergunning-bewoners"
GEMEENTE = "duinwaard"
RESULTS = ROOT / "bench" / "results"
WARMUP = 24


def bsn(n: int) -> str:
    """The n-th BSN of a range no test person uses (900000000 + …), elfproef-valid."""
    while True:
        stem = f"{90000000 + n:08d}"
        check = sum(int(c) * w for c, w in zip(stem, range(9, 1, -1), strict=True)) % 11
        if check < 10:
            return stem + str(check)
        n += 1_000_000


@dataclass
class Aanvraag:
    bsn: str
    session_key: str
    concept: str
    controleren: str  # the path the submit is POSTed to
    mijn_loket: str


def _antwoorden(step: int, n: int) -> dict:
    from datetime import date

    return {
        1: {
            "naam": f"Bench Inwoner {n}",
            "woonadres_postcode": "9901 AB",
            "woonadres_huisnummer": str(1 + n % 200),
            "woonadres_straat": "Dorpsstraat",
            "woonadres_woonplaats": "Duinwaard",
            "email": f"inwoner{n}@example.nl",
        },
        2: {
            "kenteken": f"AB-{n % 1000:03d}-C",
            "parkeerzone": "Strand",
            "eigenaar": "Ja",
            "ingangsdatum": date.today().isoformat(),
        },
        3: {"iban": "NL91 ABNA 0417 1643 00"},
    }[step]


def prepare(aantal: int, *, start: int = 0) -> list[Aanvraag]:
    """N drafts of the demo parkeervergunning, filled in and ready to send, each
    for another resident with a logged-in session (through the services, as the
    pages make them). Needs Django set up."""
    from django.http import QueryDict

    from loket.demo.loader import DemoReport
    from loket.formulieren import demo as formulieren_demo
    from loket.formulieren import selectors, services, stappen
    from loket.formulieren.services import Eigenaar
    from loket.organisaties.models import Gemeente
    from loket.producten import demo as producten_demo
    from tests import inwoner

    gemeenten = {g.slug: g for g in Gemeente.objects.all()}
    producten_demo.load(gemeenten, DemoReport())
    formulieren_demo.load(gemeenten, DemoReport())
    formulier = selectors.formulier(gemeenten[GEMEENTE], PRODUCT)
    definitie = stappen.definitie(formulier)
    aanvragen = []
    for n in range(start, start + aantal):
        nummer = bsn(n)
        concept, _ = services.start_concept(
            formulier=formulier, eigenaar=Eigenaar(bsn=nummer, naam=f"Inwoner {n}")
        )
        for stapnummer, stap in enumerate(definitie.stappen, start=1):
            data = QueryDict(mutable=True)
            data.update(_antwoorden(stapnummer, n))
            resultaat = stappen.verwerk(
                definitie,
                stap,
                antwoorden=concept.antwoorden,
                prefill=concept.prefill,
                herhalingen=concept.herhalingen,
                data=data,
                files=None,
            )
            if not resultaat.geldig:
                raise SystemExit(f"stap {stapnummer}: {resultaat.fouten}")
            services.save_stap(
                concept, nummer=stapnummer, resultaat=resultaat, definitie=definitie
            )
            concept.refresh_from_db()
        session_key = inwoner.session_key(
            inwoner.persoon(bsn=nummer, naam=f"Inwoner {n}"), GEMEENTE
        )
        aanvragen.append(
            Aanvraag(
                bsn=nummer,
                session_key=session_key,
                concept=str(concept.uuid),
                controleren=f"/{GEMEENTE}/aanvragen/{PRODUCT}/{concept.uuid}/controleren/",
                mijn_loket=f"/{GEMEENTE}/mijn-loket/",
            )
        )
    return aanvragen


_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_ZAAK = re.compile(r"<strong>(ZAAK-[0-9-]+)</strong>")


@dataclass
class Uitkomst:
    aanvraag: Aanvraag
    inzending: str = ""  # the submission's uuid, from the redirect that confirms it
    bevestigd: str = ""  # the zaak identificatie on the confirmation page
    verstuur_ms: float = 0.0
    mijn_loket_ms: float = 0.0
    zichtbaar: bool = False
    fout: str = ""


class Verstuurder:
    """Submits drafts over HTTP as a browser does: fetch the summary page (for the
    CSRF token), POST the declaration, follow to the confirmation page; then open
    Mijn Loket and look for the new zaak."""

    def __init__(self, port: int, *, timeout: float = 30):
        self.port, self.timeout = port, timeout

    def _request(self, conn, method, path, cookies, body=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                cookies[name] = rest.split(";", 1)[0]
        return response, data

    def verstuur(self, aanvraag: Aanvraag, *, mijn_loket: bool = True) -> Uitkomst:
        uitkomst = Uitkomst(aanvraag)
        cookies = {"sessionid": aanvraag.session_key}
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            response, page = self._request(conn, "GET", aanvraag.controleren, cookies)
            location = response.getheader("Location") or ""
            if response.status == 302 and "/verstuurd/" in location:
                pass  # sent before (a retry): the summary leads to the confirmation
            else:
                token = _CSRF.search(page.decode())
                if response.status != 200 or token is None:
                    uitkomst.fout = f"samenvatting: HTTP {response.status}"
                    return uitkomst
                body = urllib.parse.urlencode(
                    {"csrfmiddlewaretoken": token.group(1), "verklaring": "ja"}
                )
                started = time.perf_counter()
                response, _ = self._request(
                    conn, "POST", aanvraag.controleren, cookies, body
                )
                location = response.getheader("Location") or ""
                if response.status != 302 or "/verstuurd/" not in location:
                    uitkomst.fout = f"versturen: HTTP {response.status} → {location}"
                    return uitkomst
                uitkomst.verstuur_ms = (time.perf_counter() - started) * 1000
            uitkomst.inzending = location.rstrip("/").rsplit("/", 1)[-1]
            response, page = self._request(conn, "GET", location, cookies)
            found = _ZAAK.search(page.decode())
            if response.status != 200 or found is None:
                uitkomst.fout = f"bevestiging: HTTP {response.status}"
                return uitkomst
            uitkomst.bevestigd = found.group(1)
            if mijn_loket:
                started = time.perf_counter()
                response, page = self._request(
                    conn, "GET", aanvraag.mijn_loket, cookies
                )
                uitkomst.mijn_loket_ms = (time.perf_counter() - started) * 1000
                uitkomst.zichtbaar = (
                    response.status == 200 and uitkomst.bevestigd in page.decode()
                )
                if not uitkomst.zichtbaar:
                    uitkomst.fout = "de zaak staat niet in Mijn Loket"
        except (OSError, http.client.HTTPException) as error:
            uitkomst.fout = f"{type(error).__name__}: {error}"
        finally:
            conn.close()
        return uitkomst

    def allemaal(self, aanvragen, users: int, **kwargs) -> list[Uitkomst]:
        """Every draft submitted, ``users`` at the same time."""
        uitkomsten: list[Uitkomst] = []
        lock = threading.Lock()
        todo = iter(aanvragen)

        def worker():
            while True:
                with lock:
                    aanvraag = next(todo, None)
                if aanvraag is None:
                    return
                uitkomst = self.verstuur(aanvraag, **kwargs)
                with lock:
                    uitkomsten.append(uitkomst)

        threads = [threading.Thread(target=worker) for _ in range(users)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return uitkomsten


def _p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def samenvatting(uitkomsten: list[Uitkomst], users: int) -> dict:
    goed = [u for u in uitkomsten if not u.fout]
    totaal = [u.verstuur_ms + u.mijn_loket_ms for u in goed]
    return {
        "users": users,
        "aanvragen": len(uitkomsten),
        "fouten": len(uitkomsten) - len(goed),
        "eerste_fout": next((u.fout for u in uitkomsten if u.fout), ""),
        **{
            f"{naam}_{maat}_ms": round(functie(waarden), 1)
            for naam, waarden in (
                ("versturen", [u.verstuur_ms for u in goed]),
                ("mijn_loket", [u.mijn_loket_ms for u in goed]),
                ("samen", totaal),
            )
            if waarden
            for maat, functie in (("mediaan", statistics.median), ("p95", _p95))
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--aantal", type=int, default=200, help="aanvragen per ronde")
    parser.add_argument("--users", default="1,4")
    parser.add_argument("--workers", type=int, default=6)
    args = parser.parse_args()
    configure(args.database_url, LOKET_TESTDIENSTEN="false")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("collectstatic", interactive=False, verbosity=0)

    from run import MemoryWatch, free_port, start_loket, wait_for, zaken_in

    users_list = [int(u) for u in args.users.split(",")]
    zaken = zaken_in(args.database_url)
    print(f"{zaken:,} zaken in {args.database_url.rsplit('/', 1)[1]}", flush=True)
    started = time.monotonic()
    rondes = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM formulieren_concept")
        volgende = cursor.fetchone()[0]  # residents not used by an earlier run
    opwarmen = prepare(WARMUP, start=volgende)
    volgende += WARMUP
    for users in users_list:
        rondes.append((users, prepare(args.aantal, start=volgende)))
        volgende += args.aantal
    connection.close()
    print(
        f"{args.aantal * len(users_list) + WARMUP} concepten klaar in "
        f"{time.monotonic() - started:.0f} s",
        flush=True,
    )

    port = free_port()
    server = start_loket(args.database_url, port, args.workers)
    memory = MemoryWatch(server.pid)
    memory.start()
    try:
        wait_for(port, server)
        verstuurder = Verstuurder(port)
        # Warm up: the first requests of each worker connect and fill caches.
        verstuurder.allemaal(opwarmen, 4)
        resultaten = []
        for users, aanvragen in rondes:
            uitkomsten = verstuurder.allemaal(aanvragen, users)
            resultaten.append(samenvatting(uitkomsten, users))
            print(json.dumps(resultaten[-1]), flush=True)
    finally:
        memory.stopping.set()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y-%m-%d-%H%M")
    report = {
        "zaken": zaken,
        "workers": args.workers,
        "web_rss_mb": round(memory.largest, 1),
        "resultaten": resultaten,
    }
    out = RESULTS / f"{stamp}-aanvragen-{zaken}-zaken.json"
    out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"Resultaat: {out.relative_to(ROOT)}")
    return 1 if any(r["fouten"] for r in resultaten) else 0


if __name__ == "__main__":
    raise SystemExit(main())
