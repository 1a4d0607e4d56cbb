"""Liveness and readiness, for load balancers and orchestrators.

Both are answered by :class:`loket.core.middleware.HealthCheckMiddleware` before host
validation and the HTTPS redirect, so a probe on the pod's IP over plain HTTP works.
"""

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count, Min, Q
from django.utils import timezone

_migrations_applied = False


def readiness() -> tuple[bool, dict]:
    """Can this process serve: database reachable and migrated, tasks flowing?"""
    checks: dict[str, dict] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as exc:
        checks["database"] = {"status": "unavailable", "error": type(exc).__name__}
        return False, checks
    checks["database"] = {"status": "ok"}

    pending = pending_migrations()
    checks["migrations"] = {"status": "ok" if not pending else "pending"}
    if pending:
        checks["migrations"]["pending"] = pending

    backlog = task_backlog()
    too_old = backlog["oldest_wait_seconds"] > settings.READY_MAX_TASK_WAIT_SECONDS
    checks["tasks"] = {"status": "delayed" if too_old else "ok", **backlog}
    ready = not pending and not too_old
    return ready, checks


def task_backlog() -> dict:
    """How many background tasks are waiting to run, and how long the oldest waits."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    no_delay = Q(run_after=get_date_max())
    result = DBTaskResult.objects.ready().aggregate(
        waiting=Count("pk"),
        oldest_immediate=Min("enqueued_at", filter=no_delay),
        oldest_deferred=Min("run_after", filter=~no_delay),
    )
    starts = [t for t in (result["oldest_immediate"], result["oldest_deferred"]) if t]
    wait = timezone.now() - min(starts) if starts else timedelta(0)
    return {
        "waiting": result["waiting"],
        "oldest_wait_seconds": max(0, round(wait.total_seconds())),
    }


def pending_migrations() -> int:
    """How many migrations are not applied yet (0 is remembered: it stays 0)."""
    global _migrations_applied
    if _migrations_applied:
        return 0
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    _migrations_applied = not plan
    return len(plan)
