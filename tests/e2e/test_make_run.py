"""`make run` on SQLite, as a newcomer starts it: pages, login, worker, Ctrl-C, restart.

Runs the Makefile target in its own process group, with its own var directory and
port, and without LOKET_DATABASE_URL, so it proves the embedded SQLite path also
when the rest of the suite runs on PostgreSQL.
"""

import contextlib
import http.cookiejar
import os
import re
import signal
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from loket.demo import data

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Loket:
    """`make run` in the background, with its output collected."""

    def __init__(self, var_dir: Path, port: int):
        self.var_dir, self.port = var_dir, port
        self.base = f"http://127.0.0.1:{port}"
        self.output: list[str] = []
        env = {k: v for k, v in os.environ.items() if not k.startswith("LOKET_")}
        env |= {
            "LOKET_VAR_DIR": str(var_dir),
            "LOKET_PORT": str(port),
            "LOKET_EMAIL_URL": f"file://{var_dir / 'mail'}",
        }
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "run"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self):
        for line in self.process.stdout:
            self.output.append(line)

    def text(self) -> str:
        return "".join(self.output)

    def wait_until_running(self, timeout=240):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "Stoppen: Ctrl-C" in self.text():
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.25)
        pytest.fail(f"Loket did not start:\n{self.text()}")

    def ctrl_c(self, timeout=30) -> float:
        """Send Ctrl-C to the whole process group; return how long stopping took."""
        started = time.monotonic()
        os.killpg(self.process.pid, signal.SIGINT)
        self.process.wait(timeout=timeout)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.killpg(self.process.pid, 0)
            except ProcessLookupError:
                return time.monotonic() - started
            time.sleep(0.2)
        os.killpg(self.process.pid, signal.SIGKILL)
        pytest.fail(f"processes left after Ctrl-C:\n{self.text()}")

    def kill(self):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)


class Browser:
    """A cookie-keeping HTTP client that submits Django forms with their CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str):
        try:
            with self.opener.open(self.base + path, timeout=20) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.geturl(), error.read().decode()

    def submit(self, path: str, fields: dict):
        _, url, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.geturl(), error.read().decode()


def staff_count(var_dir: Path) -> int:
    with sqlite3.connect(var_dir / "loket.sqlite3") as db:
        return db.execute("select count(*) from organisaties_medewerker").fetchone()[0]


def test_make_run_serves_the_demo_and_stops_on_ctrl_c(tmp_path):
    loket = Loket(tmp_path, free_port())
    try:
        loket.wait_until_running()
        banner = loket.text()
        for expected in (
            f"{loket.base}/duinwaard/",
            f"{loket.base}/lindebroek/",
            f"{loket.base}/medewerker/inloggen/",
            f"{loket.base}/beheer/",
            f"{loket.base}/werkplek/",
            data.DEMO_PASSWORD,
            "beheerder@werkorganisatie.demo",
        ):
            assert expected in banner

        browser = Browser(loket.base)
        for slug, naam in (("duinwaard", "Duinwaard"), ("lindebroek", "Lindebroek")):
            status, _, page = browser.get(f"/{slug}/")
            assert status == 200 and f"Welkom bij gemeente {naam}" in page
            css = re.search(r'href="(/static/vendor/[^"]+\.css)"', page).group(1)
            assert browser.get(css)[0] == 200
            assert browser.get(f"/{slug}/logo")[0] == 200
        status, _, health = browser.get("/health/ready")
        assert status == 200 and '"status": "ok"' in health

        status, url, page = browser.get("/beheer/")
        assert "/medewerker/inloggen/" in url and "Inloggen voor medewerkers" in page
        status, url, page = browser.submit(
            "/medewerker/inloggen/?next=/beheer/",
            {"email": "beheerder@werkorganisatie.demo", "password": data.DEMO_PASSWORD},
        )
        assert status == 200 and url.endswith("/beheer/"), page
        assert "Loket beheer" in page

        # A handler lands on the werkplek and finds the team's queue with zaken.
        handler = Browser(loket.base)
        status, url, page = handler.submit(
            "/medewerker/inloggen/",
            {
                "email": "behandelaar@werkorganisatie.demo",
                "password": data.DEMO_PASSWORD,
            },
        )
        assert status == 200 and url.endswith("/werkplek/"), page
        assert "Werkvoorraad" in page and "Team Vergunningen" in page
        assert "Mijn zaken" in page

        # A council member sees the goals against the measured values, with two
        # years of trend from the demo history.
        raadslid = Browser(loket.base)
        status, url, page = raadslid.submit(
            "/medewerker/inloggen/",
            {"email": "raadslid@duinwaard.demo", "password": data.DEMO_PASSWORD},
        )
        assert status == 200 and url.endswith("/sturing/duinwaard/"), page
        blok = re.search(r'<section [^>]*id="zaken-online".*?</section>', page, re.S)
        blok = blok.group(0)
        assert "80% van de aanvragen online in 2027" in blok  # the goal
        assert "<dt>Doel voor 2027</dt>" in blok
        assert re.search(r'__waarde">\d+%</dd>', blok)  # the measured value
        maanden = re.findall(
            r'<th scope="row"[^>]*>([^<]+)</th>\s*<td[^>]*>([^<]+)', blok
        )
        assert len(maanden) >= 24, maanden
        assert all(re.fullmatch(r"\d+%", waarde) for _, waarde in maanden), maanden

        # The task worker runs: a password link is e-mailed within seconds.
        browser.submit(
            "/medewerker/wachtwoord-vergeten/", {"email": "kcc@werkorganisatie.demo"}
        )
        deadline = time.monotonic() + 30
        mail = tmp_path / "mail"

        def sent() -> str:
            return "".join(p.read_text() for p in mail.glob("*.log"))

        while time.monotonic() < deadline and "To: kcc@" not in sent():
            time.sleep(0.25)
        assert "To: kcc@werkorganisatie.demo" in sent(), loket.text()
        # The demo resident was told about the gemeente's message too.
        assert "To: floris.kierkegaard@example.nl" in sent()

        stop_seconds = loket.ctrl_c()
        assert stop_seconds < 20
        assert "Loket is gestopt." in loket.text()
    finally:
        loket.kill()

    before = staff_count(tmp_path)
    again = Loket(tmp_path, free_port())
    try:
        again.wait_until_running()
        assert "Demo staat er al" in again.text()
        assert staff_count(tmp_path) == before
        assert Browser(again.base).get("/duinwaard/")[0] == 200
        again.ctrl_c()
    finally:
        again.kill()
