"""The processing log on screen: the privacy officer's search at
/werkplek/verwerkingen/ and the resident's own entries in Mijn Loket
(/<gemeente>/mijn-loket/inzage/).

A BSN or KvK number never goes in a URL: the officer's search, its pages and the
CSV download are POSTs that carry the search in the form. Reading the log about
people is itself a processing of their data, so each result page and download is
logged too (``INZAGE_LOG``)."""

import csv
from datetime import datetime

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from loket.core.http import persoonlijk
from loket.identiteit.inwoner import current, inwoner_required
from loket.organisaties import selectors as organisaties
from loket.verwerkingen import selectors, services
from loket.verwerkingen.forms import ZoekForm
from loket.verwerkingen.models import Activiteit, Doel
from loket.werkplek.decorators import medewerker_required

PAGINA = 50
MAX_CSV = 10_000
MIJN_PAGINA = 25


def _peil(waarde: str) -> datetime:
    """The moment of the first page, so later pages do not shift when new
    entries (among them this search's own) are written meanwhile."""
    try:
        peil = datetime.fromisoformat(waarde)
    except ValueError:
        return timezone.now()
    if timezone.is_naive(peil):
        peil = timezone.make_aware(peil)
    return min(peil, timezone.now())


def _pagina(waarde: str) -> int:
    try:
        return max(1, min(int(waarde), 10_000))
    except ValueError:
        return 1


def _leg_inzage_vast(medewerker, vraag, rijen) -> None:
    services.leg_vast(
        medewerker=medewerker,
        activiteit=Activiteit.INZAGE_LOG,
        doel=Doel.TOEZICHT,
        betrokkenen=[
            (vraag.bsn, ""),
            ("", vraag.kvk),
            *((rij.bsn, rij.kvk) for rij in rijen),
        ],
        toelichting="Verwerkingenlog doorzocht door de privacy officer",
    )


@require_http_methods(["GET", "HEAD", "POST"])
@medewerker_required(selectors.mag_log_inzien)
def index(request):
    medewerker = request.user
    form = ZoekForm(
        request.POST if request.method == "POST" else None,
        medewerkers=organisaties.medewerkers_for(medewerker),
    )
    context = {"form": form, "gezocht": False}
    if request.method == "POST" and form.is_valid():
        peil = _peil(request.POST.get("peil", ""))
        vraag = form.zoekvraag(peil)
        rijen = selectors.zoek(medewerker, vraag)
        if request.POST.get("actie") == "csv":
            alles = list(rijen[: MAX_CSV + 1])
            if len(alles) <= MAX_CSV:
                _leg_inzage_vast(medewerker, vraag, alles)
                return persoonlijk(_csv(alles))
            context["te_veel"] = MAX_CSV
        pagina = _pagina(request.POST.get("pagina", "1"))
        begin = (pagina - 1) * PAGINA
        gevonden = list(rijen[begin : begin + PAGINA + 1])
        context.update(
            gezocht=True,
            rijen=gevonden[:PAGINA],
            pagina=pagina,
            volgende=len(gevonden) > PAGINA,
            eerste=begin + 1,
            laatste=begin + len(gevonden[:PAGINA]),
            peil=peil,
            vraag=vraag,
        )
        _leg_inzage_vast(medewerker, vraag, gevonden[:PAGINA])
    return persoonlijk(render(request, "verwerkingen/index.html", context))


def _veilig(waarde: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return f"'{waarde}" if waarde[:1] in ("=", "+", "-", "@", "\t", "\r") else waarde


def _csv(rijen) -> HttpResponse:
    datum = timezone.localdate().strftime("%Y%m%d")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="verwerkingenlog-{datum}.csv"'
    )
    response.write("\ufeff")  # so spreadsheet programs read it as UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            "tijdstip",
            "medewerker",
            "functie",
            "organisatie",
            "activiteit",
            "doel",
            "gemeente",
            "zaak",
            "bsn",
            "kvk",
            "toelichting",
        ]
    )
    for rij in rijen:
        writer.writerow(
            [
                timezone.localtime(rij.tijdstip).isoformat(timespec="seconds"),
                _veilig(rij.medewerker_naam),
                _veilig(rij.functie),
                _veilig(rij.organisatie_naam),
                rij.get_activiteit_display(),
                rij.get_doel_display(),
                _veilig(rij.gemeente.naam if rij.gemeente else ""),
                _veilig(rij.zaak_identificatie),
                rij.bsn,
                rij.kvk,
                _veilig(rij.toelichting),
            ]
        )
    return response


# -- Mijn Loket ----------------------------------------------------------------------


@require_safe
@inwoner_required
def mijn_verwerkingen(request, gemeente_slug: str):
    """Who processed the logged-in resident's (or company's) data, newest first:
    the organisation and the role, not the staff member's name."""
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    inwoner = current(request)
    if inwoner.is_bedrijf:
        rijen = selectors.voor_betrokkene(kvk=inwoner.kvk)
    else:
        rijen = selectors.voor_betrokkene(bsn=inwoner.bsn)
    pagina = Paginator(rijen.select_related("gemeente"), MIJN_PAGINA).get_page(
        request.GET.get("pagina")
    )
    context = {"gemeente": gemeente, "inwoner": inwoner, "pagina": pagina}
    return persoonlijk(render(request, "verwerkingen/mijn.html", context))
