"""gunicorn settings for `python manage.py loket serve` (gunicorn -c python:…)."""

import gc
import os

from django.conf import settings

bind = [f"{settings.HOST}:{settings.PORT}"]
workers = settings.WEB_WORKERS
worker_class = "sync"
if settings.TESTDIENSTEN:
    # With the test services on, Loket calls itself over HTTP while it serves a
    # request (resident login: discovery, token, JWKS at the test IdP; prefill: the
    # BRP/KvK/BAG test servers). With only sync workers, as many simultaneous
    # logins as workers would wait for each other until the timeout. Threads let
    # a worker answer its own inner request.
    worker_class = "gthread"
    threads = 8
# Load Django once in the master, then fork: workers start fast, share memory, and a
# configuration mistake stops start-up once instead of in every worker.
preload_app = True
timeout = 30
# gunicorn's default (4094 bytes) is too short for ZGW filters that list URLs.
limit_request_line = settings.MAX_REQUEST_LINE
graceful_timeout = 10
accesslog = None  # loket.core.middleware.RequestIdMiddleware logs each request
errorlog = "-"
proc_name = "loket-web"
control_socket_disable = True
logconfig_dict = {
    **settings.LOGGING,
    "loggers": {
        "gunicorn.error": {
            "level": "INFO",
            "handlers": ["console"],
            "propagate": False,
        },
    },
}
raw_env = [f"DJANGO_SETTINGS_MODULE={os.environ['DJANGO_SETTINGS_MODULE']}"]


def when_ready(server):
    # The start-up heap lives as long as the process: keep the cyclic garbage
    # collector from scanning it again and again (it paused list requests for
    # 0.15-0.35 s in the incumbent, see ARCHITECTURE.md).
    gc.freeze()
