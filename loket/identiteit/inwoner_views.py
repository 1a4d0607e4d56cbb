"""Resident and business login under /<gemeente>/inloggen/: choose DigiD or
eHerkenning, the provider's answer, logout at both ends, and the pages after
logout and after inactivity. Every failure ends on a Dutch page with a way to try
again; the log says what went wrong, without personal data."""

import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from loket.identiteit import inwoner, oidc, selectors
from loket.identiteit.models import OidcKoppeling
from loket.organisaties import selectors as organisaties
from loket.sturing import services as sturing

logger = logging.getLogger("loket.identiteit.inwoner")

FLOWS_KEY = "inwoner_flows"
FLOW_SECONDS = 15 * 60
MAX_FLOWS = 5

FOUTEN = {
    "onbereikbaar": (
        "Inloggen met {middel} lukt nu niet",
        "{middel} is op dit moment niet bereikbaar. Dit ligt niet aan u. Probeer "
        "het over een paar minuten opnieuw.",
        503,
    ),
    "geannuleerd": (
        "U bent niet ingelogd",
        "U heeft het inloggen met {middel} afgebroken. Wilt u toch inloggen? "
        "Begin dan opnieuw.",
        200,
    ),
    "sessie": (
        "Het inloggen is verlopen",
        "Het inloggen duurde te lang, of is in een ander tabblad of venster "
        "gestart. Begin opnieuw met inloggen.",
        400,
    ),
    "token": (
        "Het inloggen is niet gelukt",
        "Loket kon niet controleren wie u bent: het antwoord van {middel} klopte "
        "niet. Probeer het opnieuw. Lukt het dan nog niet, neem dan contact op "
        "met de gemeente.",
        400,
    ),
    "niveau": (
        "Uw manier van inloggen is niet veilig genoeg",
        "Voor de gemeente {gemeente} moet u inloggen met betrouwbaarheidsniveau "
        "{minimum} of hoger. {advies}",
        403,
    ),
    "instelling": (
        "Inloggen met {middel} lukt nu niet",
        "Inloggen met {middel} is bij de gemeente {gemeente} niet goed "
        "ingesteld. Dit ligt niet aan u. Probeer het later opnieuw of neem "
        "contact op met de gemeente.",
        503,
    ),
}
ADVIES = {
    "digid": "Log in met de DigiD app of met sms-controle.",
    "eherkenning": "Gebruik een eHerkenningsmiddel met een hoger niveau.",
}


def _safe_next(request, gemeente) -> str:
    """A path on this site to return to after login; the gemeente's home page
    otherwise."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and url_has_allowed_host_and_scheme(target, allowed_hosts=set())
    ):
        return target
    return reverse("gemeente:home", kwargs={"gemeente_slug": gemeente.slug})


def _context(gemeente, **extra) -> dict:
    return {
        "gemeente": gemeente,
        "sessie_minuten": settings.INWONER_SESSIE_MINUTEN,
        **extra,
    }


def _fout(
    request,
    gemeente,
    reden: str,
    *,
    middel: str = "",
    next_url: str = "",
    koppeling: OidcKoppeling | None = None,
    detail: str = "",
):
    logger.warning(
        "resident login failed: gemeente=%s middel=%s reden=%s %s",
        gemeente.slug,
        middel or "-",
        reden,
        detail,
    )
    titel, tekst, status = FOUTEN[reden]
    naam = dict(OidcKoppeling.Middel.choices).get(middel, "DigiD of eHerkenning")
    values = {
        "middel": naam,
        "gemeente": gemeente.naam,
        "minimum": koppeling.get_minimum_niveau_display().lower() if koppeling else "",
        "advies": ADVIES.get(middel, ""),
    }
    context = _context(
        gemeente,
        titel=titel.format(**values),
        tekst=tekst.format(**values),
        opnieuw_url=inwoner.login_url(gemeente.slug, next_url),
    )
    return render(request, "identiteit/inwoner/fout.html", context, status=status)


@never_cache
@require_safe
def login(request, gemeente_slug: str):
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    next_url = _safe_next(request, gemeente)
    if request.inwoner and request.inwoner_gemeente == gemeente.slug:
        return redirect(next_url)
    middel = request.GET.get("middel", "")
    koppelingen = [
        k
        for k in selectors.oidc_koppelingen(gemeente)
        if not middel or k.middel == middel
    ]
    keuzes = [
        {
            "middel": k.middel,
            "naam": k.get_middel_display(),
            "url": reverse(
                "gemeente:inwoner:start",
                kwargs={"gemeente_slug": gemeente.slug, "middel": k.middel},
            )
            + "?"
            + urlencode({"next": next_url}),
        }
        for k in koppelingen
    ]
    return render(
        request,
        "identiteit/inwoner/login.html",
        _context(gemeente, keuzes=keuzes, next=next_url),
    )


@never_cache
@require_safe
def start(request, gemeente_slug: str, middel: str):
    """Send the resident to the provider, remembering state, nonce and verifier."""
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    next_url = _safe_next(request, gemeente)
    koppeling = next(
        (k for k in selectors.oidc_koppelingen(gemeente) if k.middel == middel), None
    )
    if koppeling is None:
        raise Http404("Deze manier van inloggen is er niet bij deze gemeente.")
    try:
        url, flow = oidc.authorization_request(koppeling)
    except oidc.OidcError as exc:
        return _fout(
            request,
            gemeente,
            exc.reden,
            middel=middel,
            next_url=next_url,
            koppeling=koppeling,
            detail=str(exc),
        )
    flows = _live_flows(request)
    flows[flow["state"]] = {
        "koppeling": koppeling.pk,
        "nonce": flow["nonce"],
        "verifier": flow["verifier"],
        "next": next_url,
        "t": time.time(),
    }
    while len(flows) > MAX_FLOWS:
        flows.pop(min(flows, key=lambda s: flows[s]["t"]))
    request.session[FLOWS_KEY] = flows
    return redirect(url)


def _live_flows(request) -> dict:
    flows = request.session.get(FLOWS_KEY)
    if not isinstance(flows, dict):
        return {}
    now = time.time()
    return {s: f for s, f in flows.items() if now - f.get("t", 0) < FLOW_SECONDS}


@never_cache
@require_safe
def callback(request, gemeente_slug: str):
    """The provider sends the resident back here with a code (or an error)."""
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    flows = _live_flows(request)
    state = request.GET.get("state", "")
    flow = flows.pop(state, None) if state else None
    request.session[FLOWS_KEY] = flows
    koppeling = selectors.oidc_koppeling(flow["koppeling"]) if flow else None
    if flow is None or koppeling is None or koppeling.gemeente_id != gemeente.pk:
        return _fout(request, gemeente, "sessie", detail="unknown state")
    middel, next_url = koppeling.middel, flow["next"]

    def fout(reden, detail):
        return _fout(
            request,
            gemeente,
            reden,
            middel=middel,
            next_url=next_url,
            koppeling=koppeling,
            detail=detail,
        )

    error = request.GET.get("error", "")
    if error:
        reden = "geannuleerd" if error == "access_denied" else "token"
        return fout(reden, f"provider error {error[:40]!r}")
    code = request.GET.get("code", "")
    if not code:
        return fout("token", "no code")
    try:
        tokens = oidc.exchange_code(koppeling, code=code, verifier=flow["verifier"])
        claims = oidc.validate_id_token(
            koppeling, tokens["id_token"], nonce=flow["nonce"]
        )
        resident = oidc.inwoner_from_claims(koppeling, claims)
        provider = oidc.provider(koppeling)
    except oidc.OidcError as exc:
        return fout(exc.reden, str(exc))
    inwoner.log_in(
        request,
        resident,
        gemeente_slug=gemeente.slug,
        koppeling_id=koppeling.pk,
        id_token=tokens["id_token"],
        end_session_endpoint=provider.end_session_endpoint,
    )
    sturing.tel_inlog(gemeente.pk)
    logger.info(
        "resident logged in: gemeente=%s middel=%s niveau=%s",
        gemeente.slug,
        middel,
        resident.betrouwbaarheidsniveau or "-",
    )
    return redirect(next_url)


@never_cache
@require_POST
def logout(request, gemeente_slug: str):
    """Log out here, then at the provider, which sends the resident back to
    "U bent uitgelogd"."""
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    facts = inwoner.log_out(request)
    request.inwoner, request.inwoner_gemeente = None, ""
    done = reverse(
        "gemeente:inwoner:uitgelogd", kwargs={"gemeente_slug": gemeente.slug}
    )
    if not facts:
        return redirect(done)
    koppeling = selectors.oidc_koppeling(facts.get("koppeling"))
    url = ""
    if koppeling is not None:
        url = oidc.end_session_url(
            facts.get("end_session", ""),
            id_token=facts.get("id_token", ""),
            # The provider returns to the gemeente the login was done at.
            gemeente_slug=facts.get("gemeente") or gemeente.slug,
            client_id=koppeling.client_id,
        )
    logger.info("resident logged out: gemeente=%s", facts.get("gemeente"))
    return redirect(url or done)


@never_cache
@require_safe
def uitgelogd(request, gemeente_slug: str):
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    return render(
        request,
        "identiteit/inwoner/uitgelogd.html",
        _context(gemeente, login_url=inwoner.login_url(gemeente.slug, "")),
    )


@never_cache
@require_safe
def verlopen(request, gemeente_slug: str):
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    next_url = _safe_next(request, gemeente)
    if request.inwoner and request.inwoner_gemeente == gemeente.slug:
        return redirect(next_url)
    return render(
        request,
        "identiteit/inwoner/verlopen.html",
        _context(
            gemeente,
            login_url=inwoner.login_url(gemeente.slug, next_url),
            home_url=reverse("gemeente:home", kwargs={"gemeente_slug": gemeente.slug}),
        ),
    )


@never_cache
@require_POST
def actief(request, gemeente_slug: str):
    """ "Ingelogd blijven": the session counts as active from now on. Answers JSON
    to the script, a redirect back to a form post without it."""
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    wants_json = "application/json" in request.headers.get("Accept", "")
    if request.inwoner is None:
        if wants_json:
            url = reverse(
                "gemeente:inwoner:verlopen", kwargs={"gemeente_slug": gemeente.slug}
            )
            return JsonResponse({"ingelogd": False, "verlopen_url": url}, status=401)
        return redirect("gemeente:inwoner:verlopen", gemeente_slug=gemeente.slug)
    inwoner.touch(request)
    if wants_json:
        return JsonResponse({"ingelogd": True, "seconden": inwoner.idle_seconds()})
    return redirect(_safe_next(request, gemeente))
