"""Schemathesis against Loket with the official specification files, as the README
shows it: zero server errors and zero responses that violate the specifications,
apart from the deviations listed (with reasons) in loket/zgw/specs/README.md.

The script starts its own Loket on SQLite, so it does not depend on the database
the rest of the suite uses; CI runs it once, in the PostgreSQL pass.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECONDS_PER_API = int(os.environ.get("LOKET_SCHEMATHESIS_SECONDS", "20"))

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        bool(os.environ.get("CI")) and not os.environ.get("LOKET_DATABASE_URL"),
        reason="CI runs schemathesis once, in the PostgreSQL pass",
    ),
]


def test_the_zgw_apis_conform_to_the_official_specifications():
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "schemathesis"),
            "--seconds",
            str(SECONDS_PER_API),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=SECONDS_PER_API * 7 * 3 + 240,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-12000:]
    assert "geen serverfouten, geen afwijkingen" in output
