"""Failed logins are throttled per account and per address; the owner is told."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from loket.identiteit.models import Inlogpoging
from loket.identiteit.tests.test_login import code_for, log_in
from tests import factories

LOGIN = reverse("identiteit:login")


def fail(client, email, times, **extra):
    for _ in range(times):
        log_in(client, email, password="verkeerd-wachtwoord", **extra)


@pytest.mark.django_db
def test_account_is_locked_after_too_many_wrong_passwords(client, settings):
    medewerker = factories.medewerker()
    fail(client, medewerker.email, settings.LOGIN_MAX_FAILURES)
    response = log_in(client, medewerker.email)  # the right password
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.text
    assert Inlogpoging.objects.filter(
        uitkomst=Inlogpoging.Uitkomst.GEBLOKKEERD
    ).exists()


@pytest.mark.django_db
def test_failures_below_the_limit_do_not_lock(client, settings):
    medewerker = factories.medewerker()
    fail(client, medewerker.email, settings.LOGIN_MAX_FAILURES - 1)
    assert log_in(client, medewerker.email).status_code == 302


@pytest.mark.django_db
def test_lock_ends_after_the_lock_period(client, settings):
    medewerker = factories.medewerker()
    fail(client, medewerker.email, settings.LOGIN_MAX_FAILURES)
    Inlogpoging.objects.update(
        tijdstip=timezone.now()
        - timedelta(minutes=settings.LOGIN_LOCK_MINUTES, seconds=1)
    )
    assert log_in(client, medewerker.email).status_code == 302


@pytest.mark.django_db
def test_a_successful_login_starts_the_count_again(client, settings):
    medewerker = factories.medewerker()
    device = TOTPDevice.objects.create(user=medewerker, name="app", confirmed=True)
    fail(client, medewerker.email, settings.LOGIN_MAX_FAILURES - 1)
    log_in(client, medewerker.email)
    client.post(reverse("identiteit:code"), {"code": code_for(device)})
    client.post(reverse("identiteit:logout"))
    fail(client, medewerker.email, settings.LOGIN_MAX_FAILURES - 1)
    assert log_in(client, medewerker.email).status_code == 302


@pytest.mark.django_db
def test_a_correct_password_does_not_reset_the_count_of_wrong_codes(client, settings):
    medewerker = factories.medewerker()
    device = TOTPDevice.objects.create(user=medewerker, name="app", confirmed=True)
    for _ in range(settings.LOGIN_MAX_FAILURES):
        log_in(client, medewerker.email)
        client.post(
            reverse("identiteit:code"), {"code": code_for(device, offset_steps=9)}
        )
    response = log_in(client, medewerker.email)
    assert response.status_code == 429


@pytest.mark.django_db
def test_one_address_trying_many_accounts_is_locked(client, settings):
    settings.LOGIN_MAX_FAILURES_PER_IP = 3
    victim = factories.medewerker()
    for n in range(3):
        fail(client, f"gok{n}@gemeente.test", 1, REMOTE_ADDR="198.51.100.9")
    assert log_in(client, victim.email, REMOTE_ADDR="198.51.100.9").status_code == 429
    assert log_in(client, victim.email, REMOTE_ADDR="198.51.100.10").status_code == 302


@pytest.mark.django_db
def test_behind_a_proxy_the_forwarded_address_counts(client, settings):
    settings.LOGIN_MAX_FAILURES_PER_IP = 2
    settings.TRUSTED_PROXIES = 1
    for n in range(2):
        fail(
            client,
            f"gok{n}@gemeente.test",
            1,
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5",
        )
    attempt = Inlogpoging.objects.first()
    assert attempt.ip_adres == "203.0.113.5"
    other = log_in(
        client,
        factories.medewerker().email,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.6",
    )
    assert other.status_code == 302


@pytest.mark.django_db(transaction=True)
def test_the_owner_gets_one_e_mail_when_the_account_is_locked(
    client, settings, mailbox, run_tasks
):
    medewerker = factories.medewerker(naam="Sanne Jansen")
    fail(client, medewerker.email, settings.LOGIN_MAX_FAILURES + 3)
    run_tasks()
    assert len(mailbox) == 1
    message = mailbox[0]
    assert message["To"] == medewerker.email
    assert message["Subject"] == "Inloggen op Loket tijdelijk geblokkeerd"
    body = message.get_content()
    assert "Beste Sanne Jansen" in body
    assert "/medewerker/wachtwoord-vergeten/" in body
