"""For residents: ask the gemeente a question (``/<gemeente>/contact/``) and, when
logged in, read one's questions and answers in Mijn Loket
(``/<gemeente>/mijn-loket/vragen/``)."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from loket.core.http import client_ip, persoonlijk
from loket.identiteit.inwoner import current, inwoner_required
from loket.klantcontact import selectors, services
from loket.klantcontact.forms import WebvraagForm
from loket.klantcontact.models import Webvraag
from loket.organisaties import selectors as organisaties

SESSIE_VERSTUURD = "klantcontact_webvraag"
# Refuse a flood: at most this many questions an hour per address and per e-mail.
PER_UUR = 5
TE_VEEL = (
    "U heeft het afgelopen uur al een aantal vragen gesteld. Wij beantwoorden die "
    "eerst. Heeft u haast? Bel ons dan."
)


def _te_veel(request, emailadres: str) -> bool:
    sleutel = f"klantcontact:webvraag:{client_ip(request) or '-'}"
    cache.add(sleutel, 0, timeout=3600)
    try:
        per_adres = cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        per_adres = 1
    uur_geleden = timezone.now() - timezone.timedelta(hours=1)
    per_email = Webvraag.objects.filter(
        emailadres__iexact=emailadres, ontvangen_op__gte=uur_geleden
    ).count()
    return per_adres > PER_UUR or per_email >= PER_UUR


@require_http_methods(["GET", "HEAD", "POST"])
def vraag(request, gemeente_slug: str):
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    inwoner = current(request)
    initial = {}
    if inwoner is not None and request.method != "POST":
        from loket.portaal import selectors as portaal

        initial = {"naam": inwoner.naam, "emailadres": portaal.emailadres_voor(inwoner)}
    form = WebvraagForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _te_veel(request, data["emailadres"]):
            form.add_error(None, TE_VEEL)
            status = 429
        else:
            try:
                webvraag = services.ontvang_webvraag(
                    gemeente=gemeente,
                    naam=data["naam"],
                    emailadres=data["emailadres"],
                    telefoonnummer=data["telefoonnummer"],
                    onderwerp=data["onderwerp"],
                    vraag=data["vraag"],
                    bsn=inwoner.bsn if inwoner else "",
                    kvk=inwoner.kvk if inwoner else "",
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                request.session[SESSIE_VERSTUURD] = str(webvraag.uuid)
                return redirect(
                    "gemeente:contact:verstuurd", gemeente_slug=gemeente.slug
                )
    context = {
        "gemeente": gemeente,
        "inwoner": inwoner,
        "form": form,
        "norm": selectors.norm_werkdagen(gemeente),
    }
    return persoonlijk(
        render(request, "klantcontact/publiek/vraag.html", context, status=status)
    )


@require_safe
def verstuurd(request, gemeente_slug: str):
    """The confirmation, for the browser that sent the question (the session says
    which; no identifier in the URL)."""
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    uuid = request.session.get(SESSIE_VERSTUURD)
    webvraag = (
        Webvraag.objects.filter(uuid=uuid, gemeente=gemeente).first() if uuid else None
    )
    if webvraag is None:
        return redirect("gemeente:contact:vraag", gemeente_slug=gemeente.slug)
    context = {"gemeente": gemeente, "webvraag": webvraag, "inwoner": current(request)}
    return persoonlijk(render(request, "klantcontact/publiek/verstuurd.html", context))


@require_safe
@inwoner_required
def mijn_vragen(request, gemeente_slug: str):
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    inwoner = current(request)
    context = {
        "gemeente": gemeente,
        "inwoner": inwoner,
        "webvragen": list(selectors.mijn_webvragen(inwoner)[:100]),
    }
    return persoonlijk(
        render(request, "klantcontact/publiek/mijn_vragen.html", context)
    )


@require_safe
@inwoner_required
def mijn_vraag(request, gemeente_slug: str, uuid):
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    inwoner = current(request)
    webvraag = selectors.mijn_webvraag(inwoner, uuid)
    if webvraag is None:
        raise Http404("Deze vraag is niet gevonden.")
    context = {"gemeente": gemeente, "inwoner": inwoner, "webvraag": webvraag}
    return persoonlijk(render(request, "klantcontact/publiek/mijn_vraag.html", context))
