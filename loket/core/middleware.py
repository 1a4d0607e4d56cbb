import logging
import re
import time
import uuid

from django.http import JsonResponse

from loket.core import health
from loket.core.logging import request_id_var

access_log = logging.getLogger("loket.request")
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class HealthCheckMiddleware:
    """Answers /health/live and /health/ready before anything else runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/health/live":
            return JsonResponse({"status": "ok"})
        if request.path == "/health/ready":
            ready, checks = health.readiness()
            return JsonResponse(
                {"status": "ok" if ready else "unavailable", "checks": checks},
                status=200 if ready else 503,
            )
        return self.get_response(request)


class RequestIdMiddleware:
    """Gives each request an id (or keeps the proxy's X-Request-ID) and logs it.

    The access log leaves out query strings: they can hold a BSN or a name.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            access_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id_var.reset(token)
