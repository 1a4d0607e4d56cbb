"""E-mail to staff about their account, sent by the task worker."""

from datetime import datetime

from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from loket.core.http import absolute_url
from loket.organisaties.models import Medewerker

# Someone is waiting for these e-mails: they go before background work such as
# routing notificaties, of which a batch (the demo, an import) queues thousands.
WAITING = 10


def _send(medewerker: Medewerker, template: str, context: dict) -> None:
    context = {"medewerker": medewerker, **context}
    subject = render_to_string(f"identiteit/email/{template}_onderwerp.txt", context)
    body = render_to_string(f"identiteit/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [medewerker.email])


@task(priority=WAITING)
def send_lockout_notice(medewerker_id: int, until: str) -> None:
    medewerker = Medewerker.objects.filter(pk=medewerker_id).first()
    if medewerker is None:
        return
    until_local = timezone.localtime(datetime.fromisoformat(until))
    _send(
        medewerker,
        "geblokkeerd",
        {
            "tot": until_local,
            "herstel_url": absolute_url(reverse("identiteit:password_forgotten")),
        },
    )


@task(priority=WAITING)
def send_password_link(medewerker_id: int, reason: str) -> None:
    """reason: 'uitnodiging' for a new account, 'herstel' for a forgotten password.
    The token is made when the mail is sent and stops working once used."""
    medewerker = Medewerker.objects.filter(pk=medewerker_id, is_active=True).first()
    if medewerker is None:
        return
    uid = urlsafe_base64_encode(force_bytes(medewerker.pk))
    token = default_token_generator.make_token(medewerker)
    link = absolute_url(reverse("identiteit:password_set", args=[uid, token]))
    _send(medewerker, reason, {"link": link})
