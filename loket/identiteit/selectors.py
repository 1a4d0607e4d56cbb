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


def oidc_koppelingen(gemeente) -> list:
    """The active DigiD/eHerkenning connections of a gemeente, DigiD first."""
    from loket.identiteit.models import OidcKoppeling

    return list(
        OidcKoppeling.objects.filter(gemeente=gemeente, actief=True).order_by("middel")
    )


def oidc_koppeling(koppeling_id) -> "object | None":
    from loket.identiteit.models import OidcKoppeling

    return (
        OidcKoppeling.objects.select_related("gemeente")
        .filter(pk=koppeling_id, actief=True)
        .first()
    )


def oidc_koppeling_by_client(issuer: str, client_id: str):
    """The active connection registered at ``issuer`` as ``client_id`` (the test
    identity provider uses this to know its clients)."""
    from loket.identiteit.models import OidcKoppeling

    return (
        OidcKoppeling.objects.select_related("gemeente")
        .filter(issuer=issuer, client_id=client_id, actief=True)
        .first()
    )
