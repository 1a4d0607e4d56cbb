"""Security headers, health endpoints and logs."""

import json
import logging
from datetime import timedelta

from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from loket.core.logging import JsonFormatter, RequestIdFilter
from loket.identiteit.tasks import send_lockout_notice

pytestmark = pytest.mark.django_db


def test_pages_carry_the_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_behind_https_pages_get_hsts_and_plain_http_is_redirected(client, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^health/"]
    settings.SECURE_HSTS_SECONDS = 31_536_000
    secure = client.get("/", HTTP_X_FORWARDED_PROTO="https")
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")
    plain = client.get("/")
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    assert client.get("/health/live").status_code == 200


def test_liveness_answers_without_touching_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/health/live")
    assert response.json() == {"status": "ok"}


def test_health_answers_on_any_host_name(client):
    response = client.get("/health/live", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    assert client.get("/", HTTP_HOST="10.1.2.3:8000").status_code == 400


def test_readiness_reports_database_migrations_and_task_backlog(client):
    response = client.get("/health/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["migrations"]["status"] == "ok"
    assert body["checks"]["tasks"] == {
        "status": "ok",
        "waiting": 0,
        "oldest_wait_seconds": 0,
    }


def test_readiness_fails_when_tasks_wait_too_long(client, settings):
    send_lockout_notice.enqueue(0, timezone.now().isoformat())
    waiting = settings.READY_MAX_TASK_WAIT_SECONDS + 60
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(seconds=waiting))
    response = client.get("/health/ready")
    assert response.status_code == 503
    tasks = response.json()["checks"]["tasks"]
    assert tasks["status"] == "delayed"
    assert tasks["waiting"] == 1
    assert tasks["oldest_wait_seconds"] >= waiting


def test_every_response_has_a_request_id_and_keeps_a_valid_incoming_one(client):
    assert len(client.get("/")["X-Request-ID"]) == 32
    assert client.get("/", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    assert client.get("/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"] != "<script>"


def test_json_log_lines_carry_the_request_and_extra_fields():
    record = logging.LogRecord(
        "loket.test", logging.INFO, __file__, 1, "hallo %s", ("wereld",), None
    )
    record.status = 200
    RequestIdFilter().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "hallo wereld"
    assert line["level"] == "info"
    assert line["status"] == 200
    assert "time" in line


def test_access_log_leaves_out_the_query_string(client, caplog):
    with caplog.at_level(logging.INFO, logger="loket.request"):
        client.get("/?bsn=999993653")
    messages = [r.getMessage() for r in caplog.records if r.name == "loket.request"]
    assert messages and all("999993653" not in m for m in messages)
