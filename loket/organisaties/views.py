"""Public pages of a gemeente: its home page, its colours as CSS, its logo."""

from pathlib import Path

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from loket.organisaties import selectors
from loket.organisaties.models import Gemeente
from loket.organisaties.validators import LOGO_TYPES, is_hex_colour

_YEAR = 365 * 24 * 3600


def _cache(response, request) -> None:
    """Versioned URLs (?v=…) never change; unversioned ones are checked hourly."""
    if request.GET.get("v"):
        response["Cache-Control"] = f"public, max-age={_YEAR}, immutable"
    else:
        response["Cache-Control"] = "public, max-age=3600"


@require_safe
def home(request, gemeente_slug: str):
    gemeente = selectors.public_gemeente_or_404(gemeente_slug)
    return render(request, "organisaties/home.html", {"gemeente": gemeente})


@require_safe
def huisstijl_css(request, gemeente_slug: str | None = None):
    """The gemeente's design tokens as CSS custom properties on the page theme.
    Without a gemeente: Loket's own colours (the defaults of a new gemeente)."""
    gemeente = (
        selectors.public_gemeente_or_404(gemeente_slug) if gemeente_slug else Gemeente()
    )
    lines = [
        f"  --{name.replace('.', '-')}: {value};"
        for name, value in gemeente.design_tokens().items()
        if is_hex_colour(value)
    ]
    css = ".loket-theme {\n" + "\n".join(lines) + "\n}\n"
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    _cache(response, request)
    return response


@require_safe
def logo(request, gemeente_slug: str):
    gemeente = selectors.public_gemeente_or_404(gemeente_slug)
    if not gemeente.logo:
        raise Http404("Deze gemeente heeft geen logo.")
    content_type = LOGO_TYPES.get(Path(gemeente.logo.name).suffix.lower())
    if content_type is None:
        raise Http404("Dit logo kan niet getoond worden.")
    try:
        handle = gemeente.logo.open("rb")
    except FileNotFoundError:
        raise Http404("Het logo is niet gevonden.") from None
    response = FileResponse(handle, content_type=content_type)
    # An SVG opened on its own must not run anything, whatever slipped through.
    response["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    )
    _cache(response, request)
    return response
