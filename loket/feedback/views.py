"""The survey pages.

- ``/<gemeente>/tevredenheid/<token>/``: the survey; no login, the token from
  the invitation is the key. Unknown, expired or used: a Dutch page (404/410).
- ``/<gemeente>/mijn-loket/tevredenheid/``: the resident's open invitations.
- ``/werkplek/tevredenheid/``: comments without identity, figures per channel
  (small groups suppressed) and marking follow-up.
"""

from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from loket.core.http import persoonlijk
from loket.feedback import selectors, services, toegang
from loket.feedback.forms import KOPPEN, STELLINGEN, OpvolgingForm, VragenlijstForm
from loket.feedback.models import Opvolging
from loket.identiteit.inwoner import current, inwoner_required
from loket.organisaties import selectors as organisaties
from loket.sturing import kanalen
from loket.sturing.indicatoren import MINIMUM_GROEP
from loket.werkplek.decorators import medewerker_required

SESSIE_BEDANKT = "tevredenheid_bedankt"
PER_PAGINA = 25

# -- the survey -----------------------------------------------------------------

ONGELDIG = {
    "onbekend": (404, "Deze vragenlijst bestaat niet"),
    "verlopen": (410, "Deze vragenlijst is verlopen"),
    "beantwoord": (410, "U heeft deze vragenlijst al ingevuld"),
}


def _ongeldig(request, gemeente, reden: str):
    status, titel = ONGELDIG[reden]
    context = {"gemeente": gemeente, "reden": reden, "titel": titel}
    response = render(request, "feedback/ongeldig.html", context, status=status)
    return persoonlijk(response)


@require_http_methods(["GET", "HEAD", "POST"])
def vragenlijst(request, gemeente_slug: str, token: str):
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    uitnodiging = selectors.uitnodiging(gemeente, token)
    if uitnodiging is None:
        return _ongeldig(request, gemeente, "onbekend")
    if uitnodiging.beantwoord:
        return _ongeldig(request, gemeente, "beantwoord")
    if uitnodiging.geldig_tot <= timezone.now():
        return _ongeldig(request, gemeente, "verlopen")
    form = VragenlijstForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.beantwoord(
                token,
                cijfer=data["cijfer"],
                opmerking=data["opmerking"],
                contact=data["contact"],
                telefoonnummer=data["telefoonnummer"],
                **{veld: data[veld] for veld in STELLINGEN},
            )
        except services.Ongeldig as ongeldig:
            return _ongeldig(request, gemeente, ongeldig.reden)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            request.session[SESSIE_BEDANKT] = gemeente.slug
            return redirect(
                "gemeente:tevredenheid:bedankt", gemeente_slug=gemeente.slug
            )
    context = {"gemeente": gemeente, "uitnodiging": uitnodiging, "form": form}
    return persoonlijk(render(request, "feedback/vragenlijst.html", context))


@require_safe
def bedankt(request, gemeente_slug: str):
    """The thank-you page, for the browser that just answered."""
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    if request.session.get(SESSIE_BEDANKT) != gemeente.slug:
        raise Http404("Er is hier niets te zien.")
    context = {"gemeente": gemeente, "inwoner": current(request)}
    return persoonlijk(render(request, "feedback/bedankt.html", context))


# -- Mijn Loket -----------------------------------------------------------------


@require_safe
@inwoner_required
def mijn_uitnodigingen(request, gemeente_slug: str):
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    inwoner = current(request)
    context = {
        "gemeente": gemeente,
        "inwoner": inwoner,
        "uitnodigingen": selectors.open_uitnodigingen(inwoner),
    }
    return persoonlijk(render(request, "feedback/mijn.html", context))


# -- werkplek -------------------------------------------------------------------


def _twaalf_maanden(vandaag: date) -> tuple[date, date]:
    """The last twelve whole months plus the current one: (first month, the
    month after the current one)."""
    eerste = vandaag.replace(day=1)
    vanaf = eerste.replace(year=eerste.year - 1)
    tot = (
        eerste.replace(year=eerste.year + 1, month=1)
        if eerste.month == 12
        else eerste.replace(month=eerste.month + 1)
    )
    return vanaf, tot


def _filters(request, gemeenten) -> tuple[list, dict]:
    """The chosen gemeenten (all visible ones without a choice; a gemeente one
    may not see is not found) and the filters as chosen."""
    slug = request.GET.get("gemeente", "")
    gekozen = next((g for g in gemeenten if g.slug == slug), None)
    if slug and gekozen is None:
        raise Http404("Deze gemeente is niet gevonden.")
    opvolging = request.GET.get("opvolging", "")
    if opvolging not in Opvolging.values:
        opvolging = ""
    filters = {"gemeente": slug, "opvolging": opvolging}
    return ([gekozen] if gekozen else gemeenten), filters


@require_safe
@medewerker_required(toegang.mag_zien)
def overzicht(request):
    medewerker = request.user
    gemeenten = list(organisaties.gemeenten_for(medewerker).order_by("naam"))
    gekozen, filters = _filters(request, gemeenten)
    rijen = selectors.opmerkingen(gekozen, opvolging=filters["opvolging"])
    pagina = Paginator(rijen, PER_PAGINA).get_page(request.GET.get("pagina"))
    namen = selectors.productnamen(pagina.object_list)
    mag_opvolgen = toegang.mag_opvolgen(medewerker)
    opmerkingen = [
        {
            "antwoord": a,
            "kanaal": kanalen.label(a.kanaal) if a.kanaal else "Onbekend",
            "product": namen.get((a.gemeente_id, a.product), a.product),
            "form": OpvolgingForm(
                initial={"opvolging": a.opvolging, "notitie": a.opvolging_notitie},
                auto_id=f"id_%s_{n}",
            )
            if mag_opvolgen
            else None,
        }
        for n, a in enumerate(pagina.object_list)
    ]
    vanaf, tot = _twaalf_maanden(timezone.localdate())
    groepen = selectors.samenvatting(gekozen, vanaf=vanaf, tot=tot)
    context = {
        "gemeenten": gemeenten,
        "filters": filters,
        "query": urlencode({k: v for k, v in filters.items() if v}),
        "opvolgingen": Opvolging.choices,
        "pagina": pagina,
        "opmerkingen": opmerkingen,
        "mag_opvolgen": mag_opvolgen,
        "totaal": groepen[0],
        "per_kanaal": [
            (kanalen.label(g.sleutel) if g.sleutel else "Onbekend", g)
            for g in groepen[1:]
        ],
        "koppen": KOPPEN,
        "stellingen": STELLINGEN,
        "vanaf": vanaf,
        "minimum": MINIMUM_GROEP,
    }
    response = render(request, "feedback/overzicht.html", context)
    return persoonlijk(response)


@require_POST
@medewerker_required(toegang.mag_opvolgen)
def opvolging(request, pk):
    gemeenten = organisaties.gemeenten_for(request.user)
    antwoord = selectors.antwoord(gemeenten, pk)
    if antwoord is None:
        raise Http404("Dit antwoord is niet gevonden.")
    form = OpvolgingForm(request.POST)
    if form.is_valid():
        try:
            services.zet_opvolging(
                antwoord,
                opvolging=form.cleaned_data["opvolging"],
                notitie=form.cleaned_data["notitie"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "De opvolging is bewaard.")
    else:
        messages.error(
            request,
            " ".join(e for fouten in form.errors.values() for e in fouten),
        )
    terug = {
        k: request.POST.get(k, "")
        for k in ("gemeente", "opvolging_filter", "pagina")
        if request.POST.get(k)
    }
    if "opvolging_filter" in terug:
        terug["opvolging"] = terug.pop("opvolging_filter")
    url = reverse("tevredenheid:overzicht")
    return redirect(f"{url}?{urlencode(terug)}" if terug else url)
