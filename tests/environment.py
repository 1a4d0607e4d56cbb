"""pytest plugin (-p tests.environment): the environment Loket's tests run in.

Loaded before pytest-django reads the settings. Tests run in production mode (no
demo, two-step login required) except where a test switches something on; only
HTTPS is off, so the test client can speak plain HTTP. Every variable can be
overridden from outside, e.g. LOKET_DATABASE_URL for PostgreSQL.
"""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("LOKET_SECRET_KEY", "test-" + "x" * 60)
os.environ.setdefault("LOKET_HTTPS", "false")
if "LOKET_VAR_DIR" not in os.environ:
    os.environ["LOKET_VAR_DIR"] = tempfile.mkdtemp(prefix="loket-test-")
    atexit.register(shutil.rmtree, os.environ["LOKET_VAR_DIR"], ignore_errors=True)
# With pytest-xdist (`make test` runs several workers) every worker has its own files
# (uploads, static files, the SQLite database) in a directory of the run's.
if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ["LOKET_VAR_DIR"] = os.path.join(os.environ["LOKET_VAR_DIR"], worker)
    os.makedirs(os.environ["LOKET_VAR_DIR"], exist_ok=True)
os.environ.setdefault("LOKET_LOG_FORMAT", "text")
# Playwright's sync API runs an event loop in the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
