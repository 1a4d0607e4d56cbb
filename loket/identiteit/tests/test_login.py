"""Staff log in with e-mail and password, then a code from an authenticator app."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from loket.identiteit import services
from loket.identiteit.models import Inlogpoging
from loket.organisaties.roles import Rolcode
from tests import factories

pytestmark = pytest.mark.django_db

LOGIN = reverse("identiteit:login")
ACCOUNT = reverse("identiteit:account")


def code_for(device: TOTPDevice, *, offset_steps: int = 0) -> str:
    """The code an authenticator app shows now (or some steps away)."""
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits)
    generator.time = timezone.now().timestamp() + offset_steps * device.step
    return f"{generator.token():0{device.digits}d}"


def log_in(client, email, password=factories.PASSWORD, *, next=None, **meta):
    data = {"email": email, "password": password}
    if next:
        data["next"] = next
    return client.post(LOGIN, data, **meta)


@pytest.fixture
def beheerder():
    return factories.medewerker(rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,))


@pytest.fixture
def with_app(beheerder):
    return TOTPDevice.objects.create(user=beheerder, name="app", confirmed=True)


# -- first login: setting up the app --


def test_first_login_requires_setting_up_an_authenticator_app(client, beheerder):
    response = log_in(client, beheerder.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("identiteit:enrol")
    # The password alone logs nobody in.
    assert client.get(ACCOUNT).status_code == 302
    assert client.get("/beheer/", follow=True).redirect_chain[-1][0].startswith(LOGIN)


def test_enrolment_shows_a_qr_code_and_the_key_to_type_over(client, beheerder):
    log_in(client, beheerder.email)
    response = client.get(reverse("identiteit:enrol"))
    assert response.status_code == 200
    assert "<svg" in response.text
    device = TOTPDevice.objects.get(user=beheerder, confirmed=False)
    assert "otpauth://" not in response.text  # the URI stays inside the QR code
    secret = re.search(
        r'class="utrecht-code loket-secret">([A-Z2-7 ]+)<', response.text
    )
    assert secret is not None
    # Reloading keeps the same key, so a half-done scan still works.
    client.get(reverse("identiteit:enrol"))
    assert TOTPDevice.objects.filter(user=beheerder).count() == 1
    assert TOTPDevice.objects.get(user=beheerder).key == device.key


def test_confirming_the_app_with_its_code_logs_in(client, beheerder):
    log_in(client, beheerder.email)
    client.get(reverse("identiteit:enrol"))
    device = TOTPDevice.objects.get(user=beheerder)
    response = client.post(reverse("identiteit:enrol"), {"code": code_for(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(ACCOUNT).status_code == 200
    assert client.get("/beheer/").status_code == 200


def test_wrong_code_during_enrolment_keeps_the_app_unconfirmed(client, beheerder):
    log_in(client, beheerder.email)
    client.get(reverse("identiteit:enrol"))
    response = client.post(reverse("identiteit:enrol"), {"code": "000000"})
    assert response.status_code == 400
    assert "Deze code klopt niet" in response.text
    assert not TOTPDevice.objects.get(user=beheerder).confirmed
    assert client.get(ACCOUNT).status_code == 302


def test_enrolment_page_without_password_step_sends_to_login(client):
    response = client.get(reverse("identiteit:enrol"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


# -- later logins: the code --


def test_login_with_password_and_code(client, beheerder, with_app):
    response = log_in(client, beheerder.email)
    assert response["Location"] == reverse("identiteit:code")
    response = client.post(reverse("identiteit:code"), {"code": code_for(with_app)})
    assert response.status_code == 302
    assert response["Location"] == ACCOUNT
    page = client.get(ACCOUNT)
    assert beheerder.naam in page.text
    assert Inlogpoging.objects.filter(
        medewerker=beheerder, uitkomst=Inlogpoging.Uitkomst.INGELOGD
    ).exists()


def test_a_code_works_only_once(client, beheerder, with_app):
    code = code_for(with_app)
    log_in(client, beheerder.email)
    client.post(reverse("identiteit:code"), {"code": code})
    client.post(reverse("identiteit:logout"))
    log_in(client, beheerder.email)
    response = client.post(reverse("identiteit:code"), {"code": code})
    assert response.status_code == 400


def test_wrong_code_is_explained(client, beheerder, with_app):
    log_in(client, beheerder.email)
    response = client.post(reverse("identiteit:code"), {"code": "12345"})
    assert response.status_code == 400
    assert "6 cijfers" in response.text
    response = client.post(
        reverse("identiteit:code"), {"code": code_for(with_app, offset_steps=10)}
    )
    assert response.status_code == 400
    assert "Deze code klopt niet" in response.text
    assert client.get(ACCOUNT).status_code == 302


def test_code_step_expires_after_a_few_minutes(client, beheerder, with_app):
    log_in(client, beheerder.email)
    session = client.session
    pending = session[services.PENDING_KEY]
    pending["sinds"] -= services.PENDING_SECONDS + 1
    session[services.PENDING_KEY] = pending
    session.save()
    response = client.post(reverse("identiteit:code"), {"code": code_for(with_app)})
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_login_goes_on_to_the_page_asked_for(client, beheerder, with_app):
    log_in(client, beheerder.email, next="/beheer/")
    response = client.post(
        reverse("identiteit:code") + "?next=/beheer/", {"code": code_for(with_app)}
    )
    assert response["Location"] == "/beheer/"


def test_login_never_sends_to_another_site(client, beheerder, with_app):
    log_in(client, beheerder.email, next="https://phishing.example/")
    response = client.post(
        reverse("identiteit:code") + "?next=https://phishing.example/",
        {"code": code_for(with_app)},
    )
    assert response["Location"] == ACCOUNT


# -- refusals --


def test_wrong_password_and_unknown_address_get_the_same_answer(client, beheerder):
    wrong = log_in(client, beheerder.email, password="fout-wachtwoord")
    unknown = log_in(client, "niemand@gemeente.test")
    for response in (wrong, unknown):
        assert response.status_code == 400
        assert "Het e-mailadres of het wachtwoord klopt niet." in response.text


def test_inactive_staff_cannot_log_in(client, beheerder):
    beheerder.is_active = False
    beheerder.save()
    assert log_in(client, beheerder.email).status_code == 400


def test_demo_accounts_are_refused_outside_demo_mode(client):
    demo = factories.medewerker(is_demo=True)
    assert log_in(client, demo.email).status_code == 400


def test_empty_form_is_explained_per_field(client):
    response = client.post(LOGIN, {"email": "", "password": ""})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.text
    assert "Er is iets niet goed ingevuld" in response.text


# -- demo mode: second factor optional --


def test_in_demo_mode_password_alone_logs_in(client, settings):
    settings.DEMO = True
    settings.STAFF_2FA_REQUIRED = False
    demo = factories.medewerker(is_demo=True, rollen=(Rolcode.FUNCTIONEEL_BEHEERDER,))
    response = log_in(client, demo.email)
    assert response["Location"] == ACCOUNT
    assert client.get(ACCOUNT).status_code == 200


def test_in_demo_mode_staff_with_an_app_still_give_the_code(client, settings, with_app):
    settings.DEMO = True
    settings.STAFF_2FA_REQUIRED = False
    response = log_in(client, with_app.user.email)
    assert response["Location"] == reverse("identiteit:code")


# -- logout and session expiry --


def test_logout_asks_first_and_then_ends_the_session(client, staff_login, beheerder):
    staff_login(client, beheerder)
    assert "Wilt u uitloggen" in client.get(reverse("identiteit:logout")).text
    response = client.post(reverse("identiteit:logout"), follow=True)
    assert "U bent uitgelogd." in response.text
    assert client.get(ACCOUNT).status_code == 302


def test_session_ends_after_inactivity(client, staff_login, beheerder, settings):
    staff_login(client, beheerder)
    session = client.session
    session[services.LAST_SEEN_KEY] -= settings.SESSION_IDLE_MINUTES * 60 + 1
    session.save()
    response = client.get(ACCOUNT, follow=True)
    assert response.redirect_chain[-1][0].startswith(LOGIN)
    assert "automatisch uitgelogd" in response.text
    assert client.get(ACCOUNT).status_code == 302


def test_activity_keeps_the_session_alive(client, staff_login, beheerder, settings):
    staff_login(client, beheerder)
    session = client.session
    session[services.LAST_SEEN_KEY] -= settings.SESSION_IDLE_MINUTES * 60 - 90
    session.save()
    assert client.get(ACCOUNT).status_code == 200
    assert client.get(ACCOUNT).status_code == 200


def test_session_ends_after_the_maximum_duration(
    client, staff_login, beheerder, settings
):
    staff_login(client, beheerder)
    session = client.session
    session[services.LOGIN_AT_KEY] -= settings.SESSION_MAX_HOURS * 3600 + 1
    session.save()
    assert client.get(ACCOUNT).status_code == 302


def test_reset_second_factor_ends_sessions_verified_with_the_old_app(
    client, staff_login, beheerder
):
    staff_login(client, beheerder)
    assert client.get(ACCOUNT).status_code == 200
    services.reset_second_factor(beheerder, door=beheerder)
    assert client.get(ACCOUNT).status_code == 302
    assert not TOTPDevice.objects.filter(user=beheerder).exists()


def test_account_page_replaces_the_app(client, staff_login, beheerder):
    staff_login(client, beheerder)
    old = TOTPDevice.objects.get(user=beheerder)
    response = client.get(reverse("identiteit:enrol"))
    assert "U stelt een nieuwe app in" in response.text
    new = TOTPDevice.objects.get(user=beheerder, confirmed=False)
    response = client.post(reverse("identiteit:enrol"), {"code": code_for(new)})
    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=beheerder)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert client.get(ACCOUNT).status_code == 200


def test_login_attempts_are_kept_for_the_security_officer(client, beheerder):
    log_in(client, beheerder.email, password="fout", REMOTE_ADDR="192.0.2.7")
    attempt = Inlogpoging.objects.get()
    assert attempt.medewerker == beheerder
    assert attempt.uitkomst == Inlogpoging.Uitkomst.MISLUKT
    assert attempt.tijdstip > timezone.now() - timedelta(minutes=1)
