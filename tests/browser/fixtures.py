"""A real browser (Debian's chromium, driven by Playwright) and axe-core for WCAG.

A plugin of the root conftest.py, so that every test module shares the one browser
and the one live server: a second Playwright started by a module that imported
these fixtures itself found the first one's event loop running and failed."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("LOKET_TEST_CHROMIUM", "/usr/bin/chromium")
AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} ontbreekt: installeer het Debian-pakket chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


class Page:
    """A browser tab that records console errors (CSP violations show up there)."""

    def __init__(self, page, base_url):
        self.page, self.base_url = page, base_url
        self.errors: list[str] = []
        page.on(
            "console",
            lambda msg: self.errors.append(msg.text) if msg.type == "error" else None,
        )

    def visit(self, path: str):
        response = self.page.goto(self.base_url + path)
        return response

    def axe_violations(self) -> list[str]:
        """WCAG 2.2 A/AA violations axe-core finds on the current page."""
        self.page.evaluate(AXE)
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            WCAG_TAGS,
        )
        return [
            f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'])})"
            for v in result["violations"]
        ]

    def assert_accessible(self):
        assert self.axe_violations() == [], self.page.url
        assert self.errors == [], self.page.url


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, serving static files as production does:
    WhiteNoise over the collected, hashed files (its own handler looks them up
    unhashed and misses them)."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost", start=False)
    server.thread.static_handler = lambda application: application
    server.start()
    yield server
    server.stop()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 1280, "height": 900}
    )
    tab = Page(context.new_page(), live_server.url)
    yield tab
    context.close()
