"""/open-data/: the index page, the DCAT catalogue and every dataset as CSV and
JSON. No login; public gemeenten only; cacheable by anyone for an hour."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from loket.organisaties import selectors as organisaties
from loket.sturing import indicatoren, opendata

MAX_AGE = 3600


def _openbaar(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _json(inhoud: dict, content_type: str) -> HttpResponse:
    tekst = json.dumps(inhoud, ensure_ascii=False, indent=1)
    return _openbaar(HttpResponse(tekst, content_type=f"{content_type}; charset=utf-8"))


def _dataset(gemeente_slug: str, code: str):
    gemeente = organisaties.public_gemeente(gemeente_slug)
    indicator = indicatoren.INDICATOREN.get(code)
    if gemeente is None or indicator is None:
        raise Http404("Deze dataset bestaat niet.")
    return gemeente, indicator


@require_safe
def index(request):
    gemeenten = opendata.gemeenten()
    context = {
        "gemeenten": gemeenten,
        "indicatoren": list(indicatoren.INDICATOREN.values()),
        "kleine_groepen": indicatoren.REGEL_KLEINE_GROEPEN,
        "licentie": opendata.LICENTIE,
        "kolommen": opendata.KOLOMMEN,
    }
    return _openbaar(render(request, "sturing/opendata/index.html", context))


@require_safe
def catalog(request):
    return _json(opendata.catalogus(request.build_absolute_uri), "application/ld+json")


@require_safe
def dataset_json(request, gemeente: str, code: str):
    gemeente, indicator = _dataset(gemeente, code)
    return _json(opendata.dataset(gemeente, indicator), "application/json")


@require_safe
def dataset_csv(request, gemeente: str, code: str):
    gemeente, indicator = _dataset(gemeente, code)
    response = HttpResponse(
        opendata.als_csv(opendata.rijen(gemeente, indicator)),
        content_type="text/csv; charset=utf-8; header=present",
    )
    naam = opendata.bestandsnaam(gemeente, indicator, "csv")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return _openbaar(response)
