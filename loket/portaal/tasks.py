"""E-mail to residents about their zaken, sent by the task worker."""

from django.tasks import task

from loket.portaal import services

# A resident waits for these: before bulk background work (see identiteit.tasks).
WAITING = 10


@task(priority=WAITING)
def mail_status(status_uuid: str) -> str:
    return services.mail_status(status_uuid)


@task(priority=WAITING)
def mail_bericht(bericht_id: int) -> str:
    return services.mail_bericht(bericht_id)
