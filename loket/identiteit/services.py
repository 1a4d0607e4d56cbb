"""Staff login in two steps (password, then a code from an authenticator app),
throttling of failed attempts, invitations and password resets.

The session holds no logged-in user until both steps succeeded: between them it only
remembers who passed the password step, for a few minutes.
"""

import logging
from datetime import datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.contrib import auth
from django.db import transaction
from django.utils import timezone

from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from loket.core.http import client_ip
from loket.identiteit import tasks
from loket.identiteit.models import Inlogpoging, OidcKoppeling
from loket.identiteit.selectors import confirmed_totp_device
from loket.organisaties.models import Medewerker

logger = logging.getLogger("loket.security")

PENDING_KEY = "identiteit:wachtwoord_juist"
PENDING_SECONDS = 300
LOGIN_AT_KEY = "identiteit:ingelogd_op"
LAST_SEEN_KEY = "identiteit:laatst_actief"
PASSWORD_LINK_INTERVAL = timedelta(minutes=5)


class Step(StrEnum):
    """Where a login attempt goes next."""

    LOCKED = "locked"
    INVALID = "invalid"
    CODE = "code"
    ENROL = "enrol"
    DONE = "done"


# -- throttling --


def _window() -> timedelta:
    return timedelta(minutes=settings.LOGIN_LOCK_MINUTES)


def _failures_since(since: datetime):
    return Inlogpoging.objects.filter(
        uitkomst=Inlogpoging.Uitkomst.MISLUKT, tijdstip__gt=since
    )


def _lock_end(failures, limit: int) -> datetime | None:
    """A lock lasts one window from the failure that reached the limit."""
    times = list(
        failures.order_by("-tijdstip").values_list("tijdstip", flat=True)[:limit]
    )
    if len(times) < limit:
        return None
    end = times[-1] + _window()
    return end if end > timezone.now() else None


def account_locked_until(email: str) -> datetime | None:
    """After LOKET_LOGIN_MAX_FAILURES failures within LOKET_LOGIN_LOCK_MINUTES since
    the account's last successful login."""
    since = timezone.now() - _window()
    last_login = (
        Inlogpoging.objects.filter(
            email=email, uitkomst=Inlogpoging.Uitkomst.INGELOGD, tijdstip__gte=since
        )
        .order_by("-tijdstip")
        .values_list("tijdstip", flat=True)
        .first()
    )
    failures = _failures_since(last_login or since).filter(email=email)
    return _lock_end(failures, settings.LOGIN_MAX_FAILURES)


def ip_locked_until(ip: str | None) -> datetime | None:
    """After LOKET_LOGIN_MAX_FAILURES_PER_IP failures on any accounts."""
    if not ip:
        return None
    since = timezone.now() - _window()
    failures = _failures_since(since).filter(ip_adres=ip)
    return _lock_end(failures, settings.LOGIN_MAX_FAILURES_PER_IP)


def locked_until(*, email: str, ip: str | None) -> datetime | None:
    """When this account, from this address, may try again; None if it may now."""
    ends = [end for end in (account_locked_until(email), ip_locked_until(ip)) if end]
    return max(ends, default=None)


def _record(request, *, email, stap, uitkomst, medewerker=None) -> Inlogpoging:
    return Inlogpoging.objects.create(
        email=email,
        medewerker=medewerker,
        ip_adres=client_ip(request),
        stap=stap,
        uitkomst=uitkomst,
    )


def _failed(request, *, email, stap, medewerker=None) -> Step:
    """Record a failure; tell the account's owner when it caused a lock."""
    _record(
        request,
        email=email,
        stap=stap,
        uitkomst=Inlogpoging.Uitkomst.MISLUKT,
        medewerker=medewerker,
    )
    logger.warning(
        "inlogpoging mislukt", extra={"stap": stap, "ip": client_ip(request)}
    )
    account_until = account_locked_until(email)
    if account_until is not None:
        # This failure started the lock: later attempts are refused before here.
        logger.warning("account geblokkeerd", extra={"tot": account_until.isoformat()})
        if medewerker is not None:
            tasks.send_lockout_notice.enqueue(medewerker.pk, account_until.isoformat())
        return Step.LOCKED
    return Step.LOCKED if ip_locked_until(client_ip(request)) else Step.INVALID


def _refuse_locked(request, email, stap, medewerker=None) -> Step | None:
    if locked_until(email=email, ip=client_ip(request)) is None:
        return None
    _record(
        request,
        email=email,
        stap=stap,
        uitkomst=Inlogpoging.Uitkomst.GEBLOKKEERD,
        medewerker=medewerker,
    )
    return Step.LOCKED


# -- the two login steps --


def normalise_email(email: str) -> str:
    return email.strip().lower()


def password_step(request, *, email: str, password: str) -> Step:
    """First step: e-mail address and password."""
    email = normalise_email(email)
    if refused := _refuse_locked(request, email, Inlogpoging.Stap.WACHTWOORD):
        return refused
    medewerker = auth.authenticate(request, username=email, password=password)
    if medewerker is None:
        known = Medewerker.objects.filter(email=email).first()
        return _failed(
            request, email=email, stap=Inlogpoging.Stap.WACHTWOORD, medewerker=known
        )

    device = confirmed_totp_device(medewerker)
    if device is None and not settings.STAFF_2FA_REQUIRED:
        _complete_login(request, medewerker)
        return Step.DONE
    request.session[PENDING_KEY] = {
        "medewerker": medewerker.pk,
        "sinds": timezone.now().timestamp(),
    }
    _record(
        request,
        email=email,
        stap=Inlogpoging.Stap.WACHTWOORD,
        uitkomst=Inlogpoging.Uitkomst.VERDER,
        medewerker=medewerker,
    )
    return Step.CODE if device else Step.ENROL


def pending_medewerker(request) -> Medewerker | None:
    """Who passed the password step in this session, in the last few minutes."""
    pending = request.session.get(PENDING_KEY)
    if not pending:
        return None
    if timezone.now().timestamp() - pending["sinds"] > PENDING_SECONDS:
        del request.session[PENDING_KEY]
        return None
    return Medewerker.objects.filter(pk=pending["medewerker"], is_active=True).first()


def code_step(request, *, code: str) -> Step:
    """Second step: the six-digit code from the authenticator app."""
    medewerker = pending_medewerker(request)
    if medewerker is None:
        return Step.INVALID
    if refused := _refuse_locked(
        request, medewerker.email, Inlogpoging.Stap.CODE, medewerker
    ):
        request.session.pop(PENDING_KEY, None)
        return refused
    device = confirmed_totp_device(medewerker)
    if device is None or not device.verify_token(code.strip()):
        step = _failed(
            request,
            email=medewerker.email,
            stap=Inlogpoging.Stap.CODE,
            medewerker=medewerker,
        )
        if step == Step.LOCKED:
            request.session.pop(PENDING_KEY, None)
        return step
    _complete_login(request, medewerker, device)
    return Step.DONE


def _complete_login(request, medewerker: Medewerker, device=None) -> None:
    request.session.pop(PENDING_KEY, None)
    auth.login(request, medewerker, backend=settings.AUTHENTICATION_BACKENDS[0])
    if device is not None:
        otp_login(request, device)
    now = timezone.now().timestamp()
    request.session[LOGIN_AT_KEY] = now
    request.session[LAST_SEEN_KEY] = now
    _record(
        request,
        email=medewerker.email,
        stap=Inlogpoging.Stap.CODE if device else Inlogpoging.Stap.WACHTWOORD,
        uitkomst=Inlogpoging.Uitkomst.INGELOGD,
        medewerker=medewerker,
    )
    logger.info("medewerker ingelogd", extra={"medewerker": str(medewerker.uuid)})


# -- the second factor --


def enrolment_device(medewerker: Medewerker) -> TOTPDevice:
    """The not yet confirmed authenticator for this person, made once and reused
    until they confirm it, so reloading the page keeps the same QR code."""
    device = TOTPDevice.objects.devices_for_user(medewerker, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=medewerker, name="Authenticator-app", confirmed=False
        )
    return device


def confirm_enrolment(request, medewerker: Medewerker, *, code: str) -> Step:
    """Confirm a new authenticator with its first code; it replaces any older one.

    Used at a first login (the person is pending) and from the account page (the
    person is logged in and replaces their app)."""
    if refused := _refuse_locked(
        request, medewerker.email, Inlogpoging.Stap.CODE, medewerker
    ):
        request.session.pop(PENDING_KEY, None)
        return refused
    device = enrolment_device(medewerker)
    if not device.verify_token(code.strip()):
        return _failed(
            request,
            email=medewerker.email,
            stap=Inlogpoging.Stap.CODE,
            medewerker=medewerker,
        )
    with transaction.atomic():
        TOTPDevice.objects.filter(user=medewerker).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    logger.info("tweede factor ingesteld", extra={"medewerker": str(medewerker.uuid)})
    if request.user.is_authenticated and request.user.pk == medewerker.pk:
        otp_login(request, device)
    else:
        _complete_login(request, medewerker, device)
    return Step.DONE


def reset_second_factor(medewerker: Medewerker, *, door: Medewerker) -> None:
    """Remove someone's authenticator (lost phone): they set up a new one at their
    next login, and sessions verified with the old one end."""
    TOTPDevice.objects.filter(user=medewerker).delete()
    logger.warning(
        "tweede factor gereset",
        extra={"medewerker": str(medewerker.uuid), "door": str(door.uuid)},
    )


def logout(request) -> None:
    if request.user.is_authenticated:
        logger.info(
            "medewerker uitgelogd", extra={"medewerker": str(request.user.uuid)}
        )
    auth.logout(request)


# -- invitations and forgotten passwords --


def invite(medewerker: Medewerker) -> None:
    """E-mail a new staff member a link to choose a password."""
    tasks.send_password_link.enqueue(medewerker.pk, "uitnodiging")


def request_password_link(request, *, email: str) -> None:
    """'Wachtwoord vergeten': e-mail a link if the address belongs to an active
    account. The answer to the visitor is the same either way, and one address
    gets at most one link per five minutes."""
    email = normalise_email(email)
    if locked_until(email=email, ip=client_ip(request)):
        return
    recent = Inlogpoging.objects.filter(
        email=email,
        stap=Inlogpoging.Stap.HERSTEL,
        tijdstip__gte=timezone.now() - PASSWORD_LINK_INTERVAL,
    ).exists()
    medewerker = Medewerker.objects.filter(email=email, is_active=True).first()
    _record(
        request,
        email=email,
        stap=Inlogpoging.Stap.HERSTEL,
        uitkomst=Inlogpoging.Uitkomst.AANGEVRAAGD,
        medewerker=medewerker,
    )
    if medewerker is None or recent:
        return
    if medewerker.is_demo and not settings.DEMO:
        return
    tasks.send_password_link.enqueue(medewerker.pk, "herstel")


# -- retention --


def prune_login_attempts(*, older_than: timedelta) -> int:
    """Remove login attempts older than the retention period; returns how many."""
    deleted, _ = Inlogpoging.objects.filter(
        tijdstip__lt=timezone.now() - older_than
    ).delete()
    return deleted


# -- resident login: the connections -----------------------------------------------


@transaction.atomic
def save_oidc_koppeling(
    *, gemeente, middel: str, issuer: str, client_id: str, **fields
) -> tuple[OidcKoppeling, bool]:
    """Create or update the DigiD or eHerkenning connection of a gemeente (one per
    middel); ``fields`` are the other model fields. Returns it and whether it is
    new."""
    koppeling = OidcKoppeling.objects.filter(gemeente=gemeente, middel=middel).first()
    created = koppeling is None
    if created:
        koppeling = OidcKoppeling(gemeente=gemeente, middel=middel)
    koppeling.issuer = issuer.rstrip("/")
    koppeling.client_id = client_id
    for name, value in fields.items():
        setattr(koppeling, name, value)
    koppeling.full_clean()
    koppeling.save()
    return koppeling, created
