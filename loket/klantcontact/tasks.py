"""E-mail of the contact centre, sent by the task worker after the commit."""

from django.tasks import task

from loket.klantcontact import services

# Someone waits for these: before bulk background work (see portaal.tasks).
WAITING = 10


@task(priority=WAITING)
def mail_bevestiging(webvraag_id: int) -> str:
    return services.mail_bevestiging(webvraag_id)


@task(priority=WAITING)
def mail_antwoord(webvraag_id: int) -> str:
    return services.mail_antwoord(webvraag_id)


@task(priority=WAITING)
def mail_terugbelverzoek(verzoek_id: int) -> str:
    return services.mail_terugbelverzoek(verzoek_id)
