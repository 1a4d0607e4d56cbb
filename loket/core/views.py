from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.http import require_safe

from loket.organisaties import selectors as organisaties


@require_safe
def home(request):
    """The installation's front door: which gemeenten run on it."""
    return render(
        request,
        "core/home.html",
        {"gemeenten": organisaties.public_gemeenten()},
    )


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico on pages that do not name one (the beheer)."""
    return redirect(static("loket/favicon.svg"), permanent=True)


def _error(request, status: int, title: str, text: str):
    return render(
        request,
        "core/error.html",
        {"status": status, "title": title, "text": text},
        status=status,
    )


def bad_request(request, exception=None):
    return _error(
        request,
        400,
        "Dit verzoek kunnen we niet verwerken",
        "Er ging iets mis met wat uw browser stuurde. Ga terug en probeer het opnieuw.",
    )


def permission_denied(request, exception=None):
    return _error(
        request,
        403,
        "U heeft geen toegang tot deze pagina",
        "Uw account heeft geen rechten voor deze pagina. Denkt u dat dit niet "
        "klopt? Vraag het de functioneel beheerder van uw organisatie.",
    )


def page_not_found(request, exception=None):
    return _error(
        request,
        404,
        "Deze pagina bestaat niet",
        "Misschien is het adres verkeerd getypt, of is de pagina verplaatst.",
    )


def server_error(request):
    return _error(
        request,
        500,
        "Er ging iets mis aan onze kant",
        "Probeer het over een paar minuten opnieuw. Blijft het misgaan? Neem dan "
        "contact op met de gemeente.",
    )
