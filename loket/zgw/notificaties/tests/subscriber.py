"""A real subscriber for tests: an HTTP server in a thread that answers 503 while
"offline" and records what it receives while "online"."""

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.tasks import TaskResultStatus
from django.utils import timezone

from django_tasks_db.models import DBTaskResult

from loket.zgw import apis


@dataclass(frozen=True)
class Received:
    headers: dict[str, str]
    body: bytes

    def json(self):
        return json.loads(self.body)


class Subscriber:
    def __init__(self):
        self.online = False
        # Endings of resourceUrl refused even while online (a subscriber that chokes
        # on one message).
        self.refuse: set[str] = set()
        self.received: list[Received] = []
        self.refused = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.subscriber = self
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/api/v1/notificaties"

    def start(self) -> "Subscriber":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def handle(self, headers: dict, body: bytes) -> bool:
        with self._lock:
            resource_url = json.loads(body or b"{}").get("resourceUrl", "")
            if not self.online or any(map(resource_url.endswith, self.refuse)):
                self.refused += 1
                return False
            self.received.append(Received(headers, body))
            return True


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        headers = {name.lower(): value for name, value in self.headers.items()}
        if self.server.subscriber.handle(headers, body):
            self.send_response(204)
            self.end_headers()
            return
        message = b"Even niet bereikbaar wegens onderhoud."
        self.send_response(503)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(message)))
        self.end_headers()
        self.wfile.write(message)

    def log_message(self, *args):
        pass


def fast_forward() -> int:
    """Make every waiting task due now, as if its run_after had passed."""
    return DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
        run_after=timezone.now()
    )


def message_problems(message) -> list[str]:
    """Why a received body is not a ``Message`` of the Notificaties API."""
    spec = apis.NOTIFICATIES.spec
    schema = spec.document["components"]["schemas"]["Message"]
    validator = spec.validator(schema, direction="response")
    return [error.message for error in validator.iter_errors(message)]
