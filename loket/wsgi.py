"""WSGI entry point (gunicorn loket.wsgi). `python manage.py loket serve` starts it."""

import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loket.settings")

from loket.env import ConfigurationError

try:
    import loket.settings  # noqa: F401
except ConfigurationError as exc:
    sys.stderr.write(f"Loket kan niet starten: {exc}\n")
    raise SystemExit(3) from None

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
