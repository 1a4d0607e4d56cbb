from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.utils import timezone

from loket.identiteit import services


class StaffSessionMiddleware:
    """Ends a staff session after LOKET_SESSION_IDLE_MINUTES without activity, and
    always after LOKET_SESSION_MAX_HOURS. The last-seen time is written at most
    once a minute, so an active session does not write on every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now().timestamp()
            session = request.session
            last_seen = session.get(services.LAST_SEEN_KEY, now)
            login_at = session.get(services.LOGIN_AT_KEY, now)
            idle = now - last_seen > settings.SESSION_IDLE_MINUTES * 60
            too_long = now - login_at > settings.SESSION_MAX_HOURS * 3600
            if idle or too_long:
                services.logout(request)
                messages.info(
                    request,
                    f"U bent automatisch uitgelogd, omdat u "
                    f"{settings.SESSION_IDLE_MINUTES} minuten niets heeft gedaan."
                    if idle
                    else "U bent automatisch uitgelogd. Log opnieuw in.",
                )
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= 60:
                session[services.LAST_SEEN_KEY] = now
        return self.get_response(request)
