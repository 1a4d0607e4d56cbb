#!/usr/bin/env python3
"""The benchmark: data, Loket in its production configuration, the scenarios with
1 and 16 users for two API clients, the floor, and a report.

    .venv/bin/python bench/run.py [--zaken 100000] [--seconds 5] [--reuse]

1. ``bench/generate.py`` fills the database (skipped with ``--reuse`` when it
   already holds that many zaken).
2. Loket starts as in production: ``manage.py loket serve`` (gunicorn with
   ``--workers`` processes bound to 127.0.0.1, DEBUG and demo mode off, and the
   task worker), on PostgreSQL.
3. Every scenario runs ``--seconds`` per client (all authorisations; ten
   zaaktypen) and number of users (each user sends its next request when the
   last one answered); every answer is checked (status, and e.g. that the count
   is what the client may see).
4. The floor: the first page of zaken made as JSON by one SQL statement.
5. ``bench/results/<date>-<zaken>.json`` and ``.md``: median, p95 and requests/s
   per scenario, the API ÷ floor ratio, the web processes' largest resident
   memory, the machine, the versions and the volume; the table is printed.

Exits non-zero when a scenario answered wrongly (never because of a time).
"""

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

from common import DEFAULT_DATABASE_URL, ROOT, SECRET, configure

RESULTS = ROOT / "bench" / "results"


def zaken_in(database_url: str) -> int | None:
    import psycopg

    try:
        with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as c:
            return c.execute("SELECT count(*) FROM zaken_zaak").fetchone()[0]
    except psycopg.Error:
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("Loket stopte tijdens het starten.")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"Loket luistert na {timeout:.0f} s nog niet op poort {port}.")


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    result, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            result.append(child)
            todo.append(child)
    return result


def rss_mb(pid: int) -> tuple[str, float] | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return cmdline.decode(errors="replace"), int(line.split()[1]) / 1024
    return None


class MemoryWatch(threading.Thread):
    """The largest resident memory of each web process (gunicorn master and
    workers) while the scenarios run."""

    def __init__(self, root_pid: int):
        super().__init__(daemon=True)
        self.root_pid, self.peak = root_pid, {}
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.wait(0.5):
            for pid in descendants(self.root_pid):
                found = rss_mb(pid)
                if found and "gunicorn" in found[0]:
                    self.peak[pid] = max(self.peak.get(pid, 0.0), found[1])

    @property
    def largest(self) -> float:
        return max(self.peak.values(), default=0.0)


def start_loket(database_url: str, port: int, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "LOKET_DATABASE_URL": database_url,
        "LOKET_DEMO": "false",
        "LOKET_DEBUG": "false",
        "LOKET_HOST": "127.0.0.1",
        "LOKET_PORT": str(port),
        "LOKET_WEB_WORKERS": str(workers),
        "LOKET_ALLOWED_HOSTS": "127.0.0.1",
        "LOKET_HTTPS": "false",
        "LOKET_LOG_LEVEL": "warning",
    }
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "loket", "serve"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        int(line.split()[1]) // 1024 // 1024
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": memory}


def versions(database_url: str) -> dict:
    import django

    import psycopg

    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as c:
        postgres = c.execute("SHOW server_version").fetchone()[0]
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "loket": commit,
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": postgres,
    }


def fixtures(base: str, restricted_zaaktypen: list[str]):
    from loadtest import fixture

    from loket.zgw.catalogi.models import ZaakType

    restricted = list(
        ZaakType.objects.filter(uuid__in=restricted_zaaktypen).values_list(
            "pk", flat=True
        )
    )
    return [
        fixture("bench-alles", base, None),
        fixture("bench-beperkt", base, restricted),
    ]


async def measure(fxs, port: int, users_list, seconds: float, log, only="") -> list:
    from loadtest import Http, run_scenario, scenarios

    from loket.zgw.api.auth import make_token

    # Each web process loads the specifications and fills its caches on its first
    # requests: let every process see every GET once before anything counts.
    for fx in fxs:
        http = Http("127.0.0.1", port, make_token(fx.client_id, SECRET))
        for scenario in scenarios(fx):
            if scenario.method == "GET":
                await run_scenario(http, fx, scenario, 8, 0.2)
    # All reads first, then all writes: the zaken that POST zaak makes (without
    # rollen, statussen or documents) would otherwise be the first page that the
    # later list scenarios measure.
    results = {}
    for writes in (False, True):
        for fx in fxs:
            for users in users_list:
                http = Http("127.0.0.1", port, make_token(fx.client_id, SECRET))
                for n, scenario in enumerate(scenarios(fx)):
                    if (scenario.method != "GET") != writes:
                        continue
                    if only and only not in scenario.name:
                        continue
                    m = await run_scenario(http, fx, scenario, users, seconds)
                    results[(fx.client_id, users, n)] = m
                    log(m)
    return [results[key] for key in sorted(results)]


def markdown(report: dict) -> str:
    lines = [
        f"# Loket benchmark, {report['datum']}",
        "",
        f"Machine: {report['machine']['cpu']}, {report['machine']['cores']} cores, "
        f"{report['machine']['memory_gb']} GB. Versions: "
        + ", ".join(f"{k} {v}" for k, v in report["versies"].items())
        + ".",
        "",
        "Data: "
        + ", ".join(f"{v:,} {k}" for k, v in report["volume"].items())
        + f". Web workers: {report['web_workers']}; {report['seconden']} s per "
        "scenario, reads before writes. The floor (one SQL statement) "
        + (
            "gives exactly the API's first page."
            if report.get("vloer_gelijk_aan_api")
            else "does NOT give the API's first page."
        ),
        "",
        "| scenario | client | users | median ms | p95 ms | req/s | errors |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for m in report["metingen"]:
        lines.append(
            f"| {m['scenario']} | {m['client']} | {m['users']} | {m['median_ms']:.1f}"
            f" | {m['p95_ms']:.1f} | {m['requests_per_s']:.0f} | {m['errors']} |"
        )
    lines += ["", "## Targets", ""]
    for line in report["doelen"]:
        lines.append(f"- {line}")
    return "\n".join(lines) + "\n"


def targets(results: list, rss: float) -> list[str]:
    def find(scenario, client, users):
        return next(
            (
                m
                for m in results
                if m.scenario.startswith(scenario)
                and m.client == client
                and m.users == users
            ),
            None,
        )

    lines = []
    first_restricted = find("GET zaken (eerste pagina)", "bench-beperkt", 1)
    if first_restricted:
        ok = first_restricted.median_ms <= 25
        lines.append(
            f"{'✔' if ok else '✘'} first page, restricted client, 1 user: median "
            f"{first_restricted.median_ms:.1f} ms (target ≤ 25)"
        )
    api = [m for m in results if m.client != "PostgreSQL"]
    for users, bound in ((1, 40), (16, 150)):
        measured = [m for m in api if m.users == users]
        if not measured:
            continue
        worst = max(measured, key=lambda m: m.median_ms)
        ok = worst.median_ms <= bound
        lines.append(
            f"{'✔' if ok else '✘'} every scenario, {users} user(s): worst median "
            f"{worst.median_ms:.1f} ms ({worst.scenario}, {worst.client}; target ≤ "
            f"{bound})"
        )
    worst = max((m for m in api if m.users == 16), key=lambda m: m.p95_ms, default=None)
    if worst is not None:
        lines.append(
            f"{'✔' if worst.p95_ms <= 400 else '✘'} every scenario, 16 users: worst "
            f"p95 {worst.p95_ms:.1f} ms ({worst.scenario}, {worst.client}; target "
            "≤ 400)"
        )
    for users in (1, 16):
        floor = find("vloer", "PostgreSQL", users)
        page = find("GET zaken (eerste pagina)", "bench-alles", users)
        if floor and page and floor.median_ms:
            ratio = page.median_ms / floor.median_ms
            lines.append(
                f"{'✔' if ratio <= 4 else '✘'} API ÷ floor, first page, {users} "
                f"user(s): {page.median_ms:.1f} / {floor.median_ms:.1f} ms = "
                f"{ratio:.2f} (target ≤ 4)"
            )
    lines.append(
        f"{'✔' if rss <= 250 else '✘'} largest web process: {rss:.0f} MB resident "
        "(target < 250)"
    )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--zaken", type=int, default=100_000)
    parser.add_argument("--prototypen", type=int, help="zie generate.py")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--users", default="1,16")
    parser.add_argument("--workers", type=int, default=6)
    parser.add_argument(
        "--reuse", action="store_true", help="gebruik de database als die er al is"
    )
    parser.add_argument("--results", default=str(RESULTS))
    parser.add_argument(
        "--only", default="", help="alleen scenario's met deze tekst in hun naam"
    )
    args = parser.parse_args()
    users_list = [int(u) for u in args.users.split(",")]
    started = time.monotonic()

    database = args.database_url.rsplit("/", 1)[1]
    # What the generator said about the database: beside the committed results,
    # whatever --results says (so a trial run elsewhere still finds it).
    meta_file = RESULTS / f".generated-{database}.json"
    present = zaken_in(args.database_url) if args.reuse else None
    if not (present and present >= args.zaken and meta_file.exists()):
        Path(args.results).mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            str(ROOT / "bench" / "generate.py"),
            "--database-url",
            args.database_url,
            "--zaken",
            str(args.zaken),
            "--json",
            str(meta_file),
        ]
        if args.prototypen:
            command += ["--prototypen", str(args.prototypen)]
        print(f"Gegevens maken: {args.zaken:,} zaken…", flush=True)
        subprocess.run(command, check=True)
    generated = json.loads(meta_file.read_text()) if meta_file.exists() else {}

    configure(args.database_url, LOKET_VAR_DIR=str(ROOT / "var" / "bench"))
    sys.path.insert(0, str(ROOT / "bench"))
    import django

    django.setup()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    fxs = fixtures(base, generated["beperkte_zaaktypen"])
    server = start_loket(args.database_url, port, args.workers)
    failures = []

    def log(m):
        flag = "" if not m.errors else f"  FOUTEN: {m.errors} ({m.first_error})"
        print(
            f"  {m.scenario:<40} {m.client:<14} {m.users:>2} gebr.  mediaan "
            f"{m.median_ms:7.1f} ms  p95 {m.p95_ms:7.1f} ms  "
            f"{m.per_second:6.0f}/s{flag}",
            flush=True,
        )
        if m.errors:
            failures.append(m)

    try:
        wait_for(port, server)
        watch = MemoryWatch(server.pid)
        watch.start()
        print(f"Loket draait op {base} ({args.workers} webprocessen).", flush=True)
        results = asyncio.run(
            measure(fxs, port, users_list, args.seconds, log, args.only)
        )
        from django.db import connection

        from loadtest import run_floor

        settings = connection.settings_dict
        conninfo = (
            f"dbname={settings['NAME']} user={settings['USER']} "
            f"host={settings['HOST']} port={settings['PORT'] or 5432}"
        )
        for users in users_list:
            m = asyncio.run(run_floor(conninfo, base, users, args.seconds))
            results.append(m)
            log(m)
        from loadtest import Http, floor_matches_api

        from loket.zgw.api.auth import make_token

        http = Http("127.0.0.1", port, make_token(fxs[0].client_id, SECRET))
        mismatch = asyncio.run(floor_matches_api(http, conninfo, base))
        print(
            "  vloer = eerste pagina van de API"
            if mismatch is None
            else f"  FOUT: de vloer wijkt af van de API ({mismatch})",
            flush=True,
        )
        watch.stopping.set()
        watch.join()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)

    volume = generated.get("aantallen", {})
    report = {
        "datum": datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "versies": versions(args.database_url),
        "volume": volume,
        "generator_seconden": generated.get("seconden"),
        "web_workers": args.workers,
        "seconden": args.seconds,
        "web_rss_mb": round(watch.largest, 1),
        "vloer_gelijk_aan_api": mismatch is None,
        "metingen": [m.as_dict() for m in results],
        "doelen": targets(results, watch.largest),
        "totaal_seconden": round(time.monotonic() - started, 1),
    }
    out = Path(args.results)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"{datetime.now():%Y-%m-%d-%H%M}-{volume.get('zaken', args.zaken)}-zaken"
    (out / f"{stem}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    text = markdown(report)
    (out / f"{stem}.md").write_text(text)
    print()
    print(text)
    print(f"Resultaten: {out / stem}.json en .md ({report['totaal_seconden']} s)")
    if failures:
        print(f"{len(failures)} scenario's gaven foute antwoorden.", file=sys.stderr)
        return 1
    if mismatch is not None:
        print("De vloer maakt niet dezelfde pagina als de API.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
