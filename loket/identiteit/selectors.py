from django.conf import settings

from django_otp.plugins.otp_totp.models import TOTPDevice


def is_fully_logged_in(request) -> bool:
    """Logged in with a password and, where Loket requires it, a second factor."""
    user = request.user
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_verified() or not settings.STAFF_2FA_REQUIRED


def confirmed_totp_device(medewerker) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(medewerker, confirmed=True).first()
