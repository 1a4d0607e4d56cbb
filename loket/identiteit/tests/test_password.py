"""New staff choose their password from an e-mailed link; so do staff who forgot it."""

import re
from urllib.parse import urlsplit

from django.urls import reverse

import pytest

from loket.identiteit import services
from loket.identiteit.models import Inlogpoging
from loket.identiteit.tests.test_login import log_in
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "Duinen-en-zee-2026!"


def link_in(message) -> str:
    match = re.search(r"https?://\S+/medewerker/wachtwoord/\S+/", message.get_content())
    assert match, message.get_content()
    return urlsplit(match.group(0)).path


def choose_password(client, link: str, password: str = NEW_PASSWORD):
    form_page = client.get(link, follow=True)
    assert "Kies een wachtwoord" in form_page.text
    return client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": password, "new_password2": password},
        follow=True,
    )


def test_invited_staff_member_chooses_a_password_and_can_log_in(
    client, mailbox, run_tasks
):
    nieuw = factories.medewerker(password=None, naam="Nieuwe Collega")
    services.invite(nieuw)
    run_tasks()
    assert len(mailbox) == 1
    assert mailbox[0]["Subject"] == "Uw account voor Loket"
    assert "Beste Nieuwe Collega" in mailbox[0].get_content()
    response = choose_password(client, link_in(mailbox[0]))
    assert "Uw wachtwoord is opgeslagen" in response.text
    # Next: the second factor is set up at the first login.
    assert log_in(client, nieuw.email, NEW_PASSWORD)["Location"] == reverse(
        "identiteit:enrol"
    )


def test_the_link_works_only_once(client, mailbox, run_tasks):
    nieuw = factories.medewerker(password=None)
    services.invite(nieuw)
    run_tasks()
    link = link_in(mailbox[0])
    choose_password(client, link)
    again = client.get(link, follow=True)
    assert "Deze link werkt niet meer" in again.text


def test_a_weak_password_is_refused_with_the_reason(client, mailbox, run_tasks):
    nieuw = factories.medewerker(password=None)
    services.invite(nieuw)
    run_tasks()
    response = choose_password(client, link_in(mailbox[0]), password="welkom123")
    assert "Er is iets niet goed ingevuld" in response.text
    nieuw.refresh_from_db()
    assert not nieuw.has_usable_password()


def test_forgotten_password_link_goes_to_a_known_address(client, mailbox, run_tasks):
    medewerker = factories.medewerker()
    response = client.post(
        reverse("identiteit:password_forgotten"), {"email": medewerker.email.upper()}
    )
    assert "Kijk in uw e-mail" in response.text
    run_tasks()
    assert [m["To"] for m in mailbox] == [medewerker.email]
    choose_password(client, link_in(mailbox[0]))
    assert log_in(client, medewerker.email, NEW_PASSWORD).status_code == 302


def test_unknown_address_gets_the_same_answer_and_no_mail(client, mailbox, run_tasks):
    response = client.post(
        reverse("identiteit:password_forgotten"), {"email": "niemand@gemeente.test"}
    )
    assert "Kijk in uw e-mail" in response.text
    run_tasks()
    assert mailbox == []


def test_one_address_gets_at_most_one_link_per_five_minutes(client, mailbox, run_tasks):
    medewerker = factories.medewerker()
    for _ in range(3):
        client.post(
            reverse("identiteit:password_forgotten"), {"email": medewerker.email}
        )
    run_tasks()
    assert len(mailbox) == 1
    assert (
        Inlogpoging.objects.filter(
            stap=Inlogpoging.Stap.HERSTEL, email=medewerker.email
        ).count()
        == 3
    )


def test_a_password_link_goes_before_background_work():
    """Someone waits for this e-mail; a batch of notificaties to route (an import,
    the demo) does not hold it up."""
    from django.db import transaction

    from django_tasks_db.models import DBTaskResult

    from loket.identiteit import tasks
    from loket.zgw.notificaties import services as notificaties

    notificaties.create_abonnement(
        callback_url="https://abonnee.example/callback",
        auth="Bearer x",
        kanalen=[notificaties.FilterGroep("zaaktypen")],
    )
    with transaction.atomic():
        for _ in range(3):
            notificaties.publish(
                kanaal="zaaktypen",
                hoofd_object="https://loket.example/catalogi/api/v1/zaaktypen/1",
                resource="zaaktype",
                resource_url="https://loket.example/catalogi/api/v1/zaaktypen/1",
                actie="update",
            )
    medewerker = factories.medewerker()
    tasks.send_password_link.enqueue(medewerker.pk, "herstel")

    waiting = DBTaskResult.objects.ready()
    assert waiting.count() == 4
    assert waiting.first().task_path.endswith("send_password_link")
