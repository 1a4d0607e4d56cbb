"""The public pages of a gemeente's products: search and life events, one page per
life event, one page per product. Each page reads the gemeente and its products
(four queries) and works out the rest in Python."""

from django.http import Http404
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from loket.organisaties.selectors import public_gemeente_or_404
from loket.producten import selectors
from loket.producten.models import Kanaal

MAX_ZOEKTEKST = 100


def _aanvraag_url(gemeente_slug: str, product_slug: str) -> str:
    """Where the form of the product starts; "" while there is no form page."""
    try:
        return reverse(
            "gemeente:formulieren:start",
            kwargs={"gemeente_slug": gemeente_slug, "product_slug": product_slug},
        )
    except NoReverseMatch:
        return ""


@require_safe
def index(request, gemeente_slug: str):
    gemeente = public_gemeente_or_404(gemeente_slug)
    producten = selectors.producten_for(gemeente)
    zoektekst = request.GET.get("q", "").strip()[:MAX_ZOEKTEKST]
    context = {
        "gemeente": gemeente,
        "producten": producten,
        "zoektekst": zoektekst,
        "resultaten": selectors.zoek_in(producten, zoektekst) if zoektekst else [],
        "levensgebeurtenissen": selectors.levensgebeurtenissen_in(producten),
    }
    return render(request, "producten/index.html", context)


@require_safe
def levensgebeurtenis(request, gemeente_slug: str, levensgebeurtenis_slug: str):
    gemeente = public_gemeente_or_404(gemeente_slug)
    gebeurtenis = selectors.levensgebeurtenis(levensgebeurtenis_slug)
    if gebeurtenis is None:
        raise Http404("Deze levensgebeurtenis bestaat niet.")
    producten = selectors.producten_for(gemeente)
    context = {
        "gemeente": gemeente,
        "levensgebeurtenis": gebeurtenis,
        "producten": selectors.producten_bij(producten, gebeurtenis.slug),
        "andere": [
            lg
            for lg in selectors.levensgebeurtenissen_in(producten)
            if lg.slug != gebeurtenis.slug
        ],
    }
    return render(request, "producten/levensgebeurtenis.html", context)


@require_safe
def detail(request, gemeente_slug: str, product_slug: str):
    gemeente = public_gemeente_or_404(gemeente_slug)
    product = selectors.product(gemeente, product_slug)
    if product is None:
        raise Http404("Dit product bestaat niet in deze gemeente.")
    aanvraag_url = (
        _aanvraag_url(gemeente.slug, product.slug)
        if product.online_aanvraagbaar
        else ""
    )
    context = {
        "gemeente": gemeente,
        "product": product,
        "aanvraag_url": aanvraag_url,
        "andere_kanalen": [k for k in product.kanalen if k != Kanaal.ONLINE],
    }
    return render(request, "producten/detail.html", context)
