"""Background work of notificaties: routing and delivery (see ``delivery``)."""

import uuid

from django.tasks import task

from loket.zgw.notificaties import delivery


@task()
def route(notificatie_id: int) -> int:
    """Find the abonnementen whose filters match and deliver to each."""
    return delivery.route(notificatie_id)


@task()
def deliver(aflevering_id: int, taaksleutel: str) -> str:
    """One attempt to deliver an aflevering; schedules the next if it fails."""
    return delivery.deliver(aflevering_id, uuid.UUID(taaksleutel))
