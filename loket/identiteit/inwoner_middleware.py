"""Ends a resident login after LOKET_INWONER_SESSIE_MINUTEN without activity.

Every request of the browser counts as activity (page, form, the "Ingelogd
blijven" button). After expiry the next page of a gemeente goes to "U bent
automatisch uitgelogd" with a link to log in again; other requests just find
nobody logged in (``inwoner.current``).

While a resident is logged in, pages allow their forms to go to the provider's
logout address (CSP form-action): the logout button posts here, and Loket then
redirects to the provider, which browsers check against form-action too.
"""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.csp import CSP

from loket.identiteit import inwoner

# Requests that come along with a page and are not pages themselves.
_NOT_PAGES = {"huisstijl", "logo"}
# Write the last activity at most this often (it costs a session write).
_TOUCH_SECONDS = 10


class InwonerSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.inwoner = inwoner.current(request)
        request.inwoner_gemeente = inwoner.current_gemeente_slug(request)
        request.inwoner_sessie_minuten = settings.INWONER_SESSIE_MINUTEN
        request.inwoner_sessie_seconden = inwoner.idle_seconds()
        response = self.get_response(request)
        facts = inwoner.login_facts(request)
        if facts and request.inwoner and facts.get("end_session"):
            self._allow_logout_form(response, facts["end_session"])
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        facts = inwoner.login_facts(request)
        if not facts:
            return None
        now = timezone.now().timestamp()
        if inwoner.is_expired(facts, now):
            slug = facts.get("gemeente", "")
            inwoner.log_out(request)
            request.inwoner, request.inwoner_gemeente = None, ""
            match = request.resolver_match
            if (
                slug
                and request.method in ("GET", "HEAD")
                and match is not None
                and match.namespaces[:1] == ["gemeente"]
                and match.url_name not in _NOT_PAGES
                and match.view_name != "gemeente:inwoner:verlopen"
            ):
                url = reverse(
                    "gemeente:inwoner:verlopen", kwargs={"gemeente_slug": slug}
                )
                return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
            return None
        if now - facts.get("laatst_actief", 0) >= _TOUCH_SECONDS:
            inwoner.touch(request, now)
        return None

    @staticmethod
    def _allow_logout_form(response, end_session: str) -> None:
        parts = urlsplit(end_session)
        if not parts.scheme or not parts.netloc:
            return
        if getattr(response, "_csp_config", None) is not None:
            return  # a view chose its own policy
        origin = f"{parts.scheme}://{parts.netloc}"
        policy = dict(settings.SECURE_CSP)
        policy["form-action"] = [*policy.get("form-action", [CSP.SELF]), origin]
        response._csp_config = policy
