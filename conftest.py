"""Fixtures every test can use: an SMTP sink, the task worker, staff logins."""

import email
import email.policy
import socket

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

import pytest
from aiosmtpd.controller import Controller
from django_otp.plugins.otp_totp.models import TOTPDevice

from loket.core.email import mailer_from_url
from loket.identiteit import services as identiteit

# The browser, the live server and a page with axe-core (tests/browser/fixtures.py).
pytest_plugins = ["tests.browser.fixtures", "loket.testdiensten.fixtures"]


# Test files that take minutes. `make test` runs the suite in several processes,
# each taking whole files in turn; these go first, then the files of browser tests
# (seconds per test), so that the short ones fill in around them at the end,
# instead of one process finishing a long file alone.
LONG_FIRST = (
    "tests/e2e/test_schemathesis.py",
    "loket/demo/tests/test_zaken.py",
    "tests/e2e/test_bench.py",
    "tests/e2e/test_make_run.py",
    "tests/zgw_authorisation/test_properties.py",
    "loket/zgw/catalogi/tests/test_admin.py",
)


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    """After every other plugin (also pytest-reverse) has ordered the tests."""
    result = yield
    rank = {path: n for n, path in enumerate(LONG_FIRST)}
    browser = {_file(item) for item in items if item.get_closest_marker("browser")}

    def plaats(item) -> int:
        return rank.get(_file(item), len(rank) + (_file(item) not in browser))

    items.sort(key=plaats)
    return result


def _file(item) -> str:
    return item.nodeid.split("::")[0]


@pytest.fixture(scope="session", autouse=True)
def _static_files():
    """Collect static files once, as production does (hashed names, compressed)."""
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The Selectielijst 2020, once per test database: every test with a catalogue
    needs it, and loading its 344 resultaten per test cost half a second each. (A
    test that empties the database loads it again when it needs it.)"""
    from loket.zgw.referentielijsten.services import load_selectielijst

    with django_db_blocker.unblock():
        load_selectielijst()
    yield
    # Connections the live server's request threads left open would keep the test
    # database from being dropped at the end.
    from django.db import connection

    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing costs ~0.3 s per password; tests that need it use their own.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class _Sink:
    def __init__(self, port: int):
        self.port = port
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 OK"


@pytest.fixture(scope="session")
def _smtp_sink():
    """A real SMTP server on a free local port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = _Sink(port)
    controller = Controller(sink, hostname="127.0.0.1", port=sink.port)
    controller.start()
    yield sink
    controller.stop()


@pytest.fixture
def mailbox(_smtp_sink, settings):
    """The e-mails Loket sent during this test, as parsed messages, received over
    SMTP (Django's test set-up would otherwise keep them in memory)."""
    settings.MAILERS = {
        "default": mailer_from_url(f"smtp://127.0.0.1:{_smtp_sink.port}")
    }
    _smtp_sink.messages.clear()
    return _smtp_sink.messages


@pytest.fixture
def run_tasks():
    """Run the background tasks that are waiting, with the real worker.

    Needs @pytest.mark.django_db(transaction=True): the worker commits."""

    def run():
        call_command(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--queue-name",
            "*",
            verbosity=0,
        )

    return run


@pytest.fixture(autouse=True)
def zgw_conformance():
    """Every ZGW API response during a test must conform to the official
    specification; the test fails otherwise."""
    from loket.zgw.api import views
    from tests.zgw import ConformanceLog

    log = ConformanceLog()
    views.OBSERVERS.append(log)
    yield log
    views.OBSERVERS.remove(log)
    if log.problems:
        pytest.fail(
            "Responses not conform the specification:\n" + "\n".join(log.problems)
        )


@pytest.fixture
def zgw(client, db):
    """A ZGW API client of an application with all authorisations."""
    from tests import zgw as kit

    app = kit.applicatie(label="Alles", client_id="test-alles")
    return kit.ZgwClient(client, app.clients.get().client_id)


def verified_device(medewerker) -> TOTPDevice:
    device = TOTPDevice.objects.devices_for_user(medewerker, confirmed=True).first()
    return device or TOTPDevice.objects.create(
        user=medewerker, name="test", confirmed=True
    )


@pytest.fixture
def staff_login():
    """Log a staff member into a test client as if both login steps succeeded."""

    def login(client, medewerker, *, second_factor: bool = True):
        client.force_login(medewerker, backend=settings.AUTHENTICATION_BACKENDS[0])
        session = client.session
        if second_factor:
            session["otp_device_id"] = verified_device(medewerker).persistent_id
        now = timezone.now().timestamp()
        session[identiteit.LOGIN_AT_KEY] = now
        session[identiteit.LAST_SEEN_KEY] = now
        session.save()
        return client

    return login
