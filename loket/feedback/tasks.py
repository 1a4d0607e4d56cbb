"""E-mail of the satisfaction survey, sent by the task worker after the commit."""

from django.tasks import task

from loket.feedback import services


# Default priority: nobody waits for an invitation, unlike a status e-mail.
@task()
def mail_uitnodiging(uitnodiging_id: int) -> str:
    return services.mail_uitnodiging(uitnodiging_id)
