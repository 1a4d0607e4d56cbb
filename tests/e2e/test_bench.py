"""The benchmark harness, at CI size: 10 000 zaken, every scenario briefly with 1
and 16 users for both API clients, and the floor. It asserts that every scenario
answered correctly and that the report was written — never a time.

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


def test_every_scenario_answers_correctly(tmp_path):
    database_url = DATABASE_URL.rsplit("/", 1)[0] + "/loket_bench_ci"
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOKET_")}
    env["LOKET_VAR_DIR"] = str(tmp_path / "var")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--database-url",
            database_url,
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
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
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
