"""The benchmark harness, at CI size: 10 000 zaken, every scenario briefly with 1
and 16 users for both API clients, and the floor; then the sturing pages
(``bench/sturing.py``) on the same database. It asserts that every scenario
answered correctly and that the reports were written — never a time.

Runs only when the suite runs on PostgreSQL (the benchmark's database); it uses
a database of its own (``loket_bench_ci``) beside the test database.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATABASE_URL = os.environ.get("LOKET_DATABASE_URL", "")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not DATABASE_URL.startswith(("postgres://", "postgresql://")),
        reason="de benchmark draait op PostgreSQL (LOKET_DATABASE_URL)",
    ),
]
SCENARIOS = 12
STURING_SCENARIOS = 12
BENCH_DATABASE_URL = DATABASE_URL.rsplit("/", 1)[0] + "/loket_bench_ci"


def _env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOKET_")}
    env["LOKET_VAR_DIR"] = str(tmp_path / "var")
    return env


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory):
    """The ZGW benchmark at CI size, once: it builds ``loket_bench_ci``."""
    tmp_path = tmp_path_factory.mktemp("bench")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--database-url",
            BENCH_DATABASE_URL,
            "--zaken",
            "10000",
            "--prototypen",
            "30",
            "--seconds",
            "0.3",
            "--users",
            "1,16",
            "--results",
            str(tmp_path),
        ],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    return tmp_path, result


def test_every_scenario_answers_correctly(bench_run):
    tmp_path, result = bench_run
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (report_file,) = tmp_path.glob("*-zaken.json")
    report = json.loads(report_file.read_text())
    assert report["volume"]["zaken"] == 10_000
    assert report["volume"]["besluiten"] >= 9_000
    api = [m for m in report["metingen"] if m["client"] != "PostgreSQL"]
    assert len(api) == SCENARIOS * 2 * 2
    assert {(m["client"], m["users"]) for m in api} == {
        (client, users)
        for client in ("bench-alles", "bench-beperkt")
        for users in (1, 16)
    }
    for m in report["metingen"]:
        assert m["requests"] > 0, m
        assert m["errors"] == 0, m
    floors = [m for m in report["metingen"] if m["client"] == "PostgreSQL"]
    assert [m["users"] for m in floors] == [1, 16]
    assert report["vloer_gelijk_aan_api"] is True
    assert (tmp_path / report_file.name.replace(".json", ".md")).exists()


def test_every_sturing_page_answers(bench_run, tmp_path):
    """``bench/sturing.py`` on the database the benchmark built: the rebuild of the
    counts, and every page answered 200 (the script stops at any other status)."""
    _, built = bench_run
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "sturing.py"),
            "--database-url",
            BENCH_DATABASE_URL,
            "--herhalingen",
            "1",
            "--results",
            str(tmp_path),
        ],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (report_file,) = tmp_path.glob("*-sturing-*-zaken.json")
    report = json.loads(report_file.read_text())
    assert len(report["resultaten"]) == STURING_SCENARIOS
    assert report["herbouw"]["zaakfeiten"] == report["zaken"]
    # The generator answered the survey after closed zaken, at volume.
    assert report["rijen"]["kto_antwoorden"] > 0
