"""What the benchmark scripts share: the environment Loket runs in for them and a
fresh PostgreSQL database."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/loket_bench"
# The demo's API clients have public secrets; the benchmark gives its own two
# clients a secret of its own (long enough for production mode).
SECRET = "bench-geheim-" + "x" * 40

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def configure(database_url: str, **extra: str) -> dict[str, str]:
    """Set the environment Loket reads its settings from; returns it, so a
    server started as a separate process can get the same."""
    values = {
        "LOKET_DATABASE_URL": database_url,
        "LOKET_SECRET_KEY": "bench-" + "x" * 60,
        "LOKET_DEMO": "true",
        "LOKET_HTTPS": "false",
        "LOKET_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        # Links and the test identity provider's issuer need a real host name.
        "LOKET_BASE_URL": "http://127.0.0.1:8000",
        "LOKET_LOG_LEVEL": "error",
        "LOKET_VAR_DIR": os.environ.get(
            "LOKET_VAR_DIR", tempfile.mkdtemp(prefix="loket-bench-")
        ),
        "DJANGO_SETTINGS_MODULE": "loket.settings",
        **extra,
    }
    os.environ.update(values)
    return values


def recreate_database(database_url: str) -> None:
    import psycopg
    from psycopg import sql

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(admin_url(database_url), autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)
            )
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def admin_url(database_url: str) -> str:
    return database_url.rsplit("/", 1)[0] + "/postgres"
