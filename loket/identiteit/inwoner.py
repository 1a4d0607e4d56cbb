"""The logged-in resident or business (DigiD, eHerkenning), for other apps.

Separate from staff login: ``request.user`` stays anonymous. The resident lives in
the session (``SESSION_KEY``), with the facts of the login next to it
(``LOGIN_KEY``: gemeente, koppeling, id token for logout, last activity).
``InwonerSessionMiddleware`` ends the login after ``INWONER_SESSIE_MINUTEN`` of
inactivity; ``current`` refuses an expired login too, so a view never sees one.
"""

from dataclasses import asdict, dataclass
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

SESSION_KEY = "inwoner"
LOGIN_KEY = "inwoner_login"

MIDDELEN = ("digid", "eherkenning")
NIVEAUS = ("basis", "midden", "substantieel", "hoog")


@dataclass(frozen=True)
class Inwoner:
    middel: str  # "digid" | "eherkenning"
    bsn: str = ""  # DigiD
    kvk: str = ""  # eHerkenning
    vestigingsnummer: str = ""
    naam: str = ""  # for display: "J. de Vries" / company name
    betrouwbaarheidsniveau: str = ""  # "basis" | "midden" | "substantieel" | "hoog"

    @property
    def is_bedrijf(self) -> bool:
        return self.middel == "eherkenning"

    @property
    def weergavenaam(self) -> str:
        """What the page shows after "Ingelogd als": the name, or how they logged in."""
        if self.naam:
            return self.naam
        return "ondernemer (eHerkenning)" if self.is_bedrijf else "inwoner (DigiD)"


def idle_seconds() -> int:
    return settings.INWONER_SESSIE_MINUTEN * 60


def login_facts(request) -> dict | None:
    """Gemeente slug, koppeling id, id token, end-session URL and times of the
    current resident login, or None."""
    if not hasattr(request, "session"):
        return None
    facts = request.session.get(LOGIN_KEY)
    return facts if isinstance(facts, dict) else None


def is_expired(facts: dict, now: float | None = None) -> bool:
    now = timezone.now().timestamp() if now is None else now
    return now - facts.get("laatst_actief", 0) > idle_seconds()


def current(request) -> Inwoner | None:
    """The resident logged in in this session, or None (also after inactivity)."""
    facts = login_facts(request)
    data = request.session.get(SESSION_KEY) if facts else None
    if not isinstance(data, dict) or is_expired(facts):
        return None
    try:
        return Inwoner(**data)
    except TypeError:  # a session from an older version of Loket
        return None


def current_gemeente_slug(request) -> str:
    """The gemeente the resident logged in at ("" when nobody is logged in)."""
    facts = login_facts(request)
    return facts.get("gemeente", "") if facts and current(request) else ""


def login_url(gemeente_slug: str, next_url: str, middel: str = "") -> str:
    """The login page of a gemeente that returns to ``next_url`` (a path on this
    site) afterwards; with ``middel`` only that way of logging in is offered."""
    url = reverse("gemeente:inwoner:login", kwargs={"gemeente_slug": gemeente_slug})
    params = {}
    if next_url:
        params["next"] = next_url
    if middel:
        if middel not in MIDDELEN:
            raise ValueError(f"unknown middel {middel!r}")
        params["middel"] = middel
    return f"{url}?{urlencode(params)}" if params else url


def inwoner_required(view):
    """For ``view(request, gemeente_slug, ...)``: only for a resident logged in at
    this gemeente; anyone else goes to the login page and comes back afterwards.
    Responses are never cached (they hold personal data)."""

    @wraps(view)
    def wrapper(request, gemeente_slug, *args, **kwargs):
        inwoner = current(request)
        if inwoner is None or current_gemeente_slug(request) != gemeente_slug:
            return redirect(login_url(gemeente_slug, request.get_full_path()))
        response = view(request, gemeente_slug, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapper


# -- session writes (used by the login views and the middleware) ---------------------


def log_in(
    request,
    inwoner: Inwoner,
    *,
    gemeente_slug: str,
    koppeling_id: int,
    id_token: str,
    end_session_endpoint: str,
) -> None:
    """Start a resident session: a new session key (no session fixation), the
    resident and the facts the logout needs."""
    request.session.cycle_key()
    now = timezone.now().timestamp()
    request.session[SESSION_KEY] = asdict(inwoner)
    request.session[LOGIN_KEY] = {
        "gemeente": gemeente_slug,
        "koppeling": koppeling_id,
        "id_token": id_token,
        "end_session": end_session_endpoint,
        "ingelogd_om": now,
        "laatst_actief": now,
    }


def log_out(request) -> dict | None:
    """End the resident session here (a staff login in the same browser stays);
    returns the login facts that were there, for logout at the provider."""
    facts = login_facts(request)
    request.session.pop(SESSION_KEY, None)
    request.session.pop(LOGIN_KEY, None)
    if facts:
        request.session.cycle_key()
    return facts


def touch(request, now: float | None = None) -> None:
    facts = login_facts(request)
    if facts is not None:
        facts["laatst_actief"] = timezone.now().timestamp() if now is None else now
        request.session[LOGIN_KEY] = facts
