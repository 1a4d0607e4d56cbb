"""Settings come from LOKET_ variables; mistakes stop start-up with one clear line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from loket.core.email import mailer_from_url

ROOT = Path(__file__).resolve().parents[3]
GOOD_KEY = "k" * 60


def start(args, **env):
    """Run a Loket command in a fresh process with exactly these LOKET_ variables."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("LOKET_")}
    environ.update(env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["manage.py", "check"],
        ["manage.py", "loket", "serve"],
        ["-c", "import loket.wsgi"],
    ],
)
def test_missing_secret_key_stops_start_up_with_one_line(args, tmp_path):
    result = start(args, LOKET_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "LOKET_SECRET_KEY" in lines[0]


def test_short_secret_key_is_refused(tmp_path):
    result = start(
        ["manage.py", "check"], LOKET_SECRET_KEY="geheim", LOKET_VAR_DIR=str(tmp_path)
    )
    assert result.returncode == 2
    assert "te kort" in result.stderr


def test_second_factor_cannot_be_switched_off_in_production(tmp_path):
    result = start(
        ["manage.py", "check"],
        LOKET_SECRET_KEY=GOOD_KEY,
        LOKET_VAR_DIR=str(tmp_path),
        LOKET_STAFF_2FA_REQUIRED="false",
    )
    assert result.returncode == 2
    assert "LOKET_STAFF_2FA_REQUIRED" in result.stderr


def test_production_is_the_default(tmp_path):
    probe = (
        "import loket.settings as s;"
        "print(s.DEBUG, s.DEMO, s.HTTPS, s.STAFF_2FA_REQUIRED, s.SESSION_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS, s.LOG_FORMAT)"
    )
    result = start(
        ["-c", probe], LOKET_SECRET_KEY=GOOD_KEY, LOKET_VAR_DIR=str(tmp_path)
    )
    assert result.stdout.split() == [
        "False",
        "False",
        "True",
        "True",
        "True",
        "31536000",
        "json",
    ]


def test_database_url_selects_postgresql_and_sqlite_is_the_default(tmp_path):
    probe = "import loket.settings as s; print(s.DATABASES['default']['ENGINE'])"
    sqlite = start(
        ["-c", probe], LOKET_SECRET_KEY=GOOD_KEY, LOKET_VAR_DIR=str(tmp_path)
    )
    postgres = start(
        ["-c", probe],
        LOKET_SECRET_KEY=GOOD_KEY,
        LOKET_DATABASE_URL="postgres://u:p@db.example:5432/loket",
    )
    assert sqlite.stdout.strip() == "django.db.backends.sqlite3"
    assert postgres.stdout.strip() == "django.db.backends.postgresql"


def test_configuration_docs_match_the_code():
    """docs/configuration.md holds the table `manage.py loket instellingen` prints."""
    from loket.core.management.commands.loket import configuration_markdown

    docs = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert configuration_markdown() in docs, (
        "docs/configuration.md is verouderd: werk de tabel bij met "
        "`python manage.py loket instellingen --bijwerken`."
    )


@pytest.mark.parametrize(
    ("url", "backend", "options"),
    [
        ("smtp://mail.example:2525", "smtp", {"host": "mail.example", "port": 2525}),
        (
            "smtp+tls://loket:ge%40heim@mail.example",
            "smtp",
            {"port": 587, "use_tls": True, "username": "loket", "password": "ge@heim"},
        ),
        ("smtps://mail.example", "smtp", {"port": 465, "use_ssl": True}),
        ("file:///var/mail", "filebased", {"file_path": "/var/mail"}),
        ("console://", "console", {}),
    ],
)
def test_email_url_becomes_a_mailer(url, backend, options):
    mailer = mailer_from_url(url)
    assert mailer["BACKEND"] == f"django.core.mail.backends.{backend}.EmailBackend"
    for key, value in options.items():
        assert mailer["OPTIONS"][key] == value


@pytest.mark.parametrize("url", ["ftp://x", "smtp://", "smtp://host:poort", "file://"])
def test_bad_email_url_is_refused(url):
    with pytest.raises(ValueError):
        mailer_from_url(url)


@pytest.mark.django_db
def test_migrations_match_the_models():
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_serve_refuses_an_unmigrated_database_with_one_line(tmp_path):
    result = start(
        ["manage.py", "loket", "serve"],
        LOKET_SECRET_KEY=GOOD_KEY,
        LOKET_VAR_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "loket setup" in result.stderr
