"""Mijn Loket: the pages of a logged-in resident or company (DigiD/eHerkenning)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from loket.core.forms import LoketForm
from loket.core.http import persoonlijk
from loket.identiteit.inwoner import current, inwoner_required
from loket.organisaties import selectors as organisaties
from loket.portaal import selectors, services


def _concepten(inwoner) -> list:
    from loket.formulieren import selectors as formulieren

    return formulieren.open_concepten(inwoner)


def _uitnodigingen(inwoner) -> list:
    from loket.feedback import selectors as feedback

    return feedback.open_uitnodigingen(inwoner)


class BerichtForm(LoketForm):
    tekst = forms.CharField(
        label="Uw reactie",
        max_length=services.MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Schrijf uw reactie.",
            "max_length": "Uw reactie is te lang: maximaal %(limit_value)d tekens.",
        },
    )


class EmailForm(LoketForm):
    emailadres = forms.EmailField(
        label="E-mailadres",
        required=False,
        help_text="Hierop krijgt u bericht als er nieuws is over uw aanvragen. "
        "Laat het leeg als u geen e-mail wilt.",
        error_messages={
            "invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."
        },
    )


@require_safe
@inwoner_required
def index(request, gemeente_slug: str):
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    inwoner = current(request)
    zaken = selectors.mijn_zaken(inwoner)
    context = {
        "gemeente": gemeente,
        "inwoner": inwoner,
        "lopend": [z for z in zaken if not z.afgerond],
        "afgerond": [z for z in zaken if z.afgerond],
        "concepten": _concepten(inwoner),
        "ongelezen": selectors.ongelezen(inwoner),
        "emailadres": selectors.emailadres_voor(inwoner),
        "uitnodigingen": _uitnodigingen(inwoner),
    }
    return persoonlijk(render(request, "portaal/index.html", context))


@require_http_methods(["GET", "HEAD", "POST"])
@inwoner_required
def zaak(request, gemeente_slug: str, zaak_uuid):
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    inwoner = current(request)
    form = BerichtForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.beantwoord(inwoner, zaak_uuid, tekst=form.cleaned_data["tekst"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Uw reactie is verstuurd.")
            url = reverse(
                "gemeente:portaal:zaak",
                kwargs={"gemeente_slug": gemeente.slug, "zaak_uuid": zaak_uuid},
            )
            return redirect(f"{url}#berichten")
    detail = selectors.mijn_zaak(inwoner, zaak_uuid)
    if detail is None:
        raise Http404("Deze aanvraag is niet gevonden.")
    services.markeer_gelezen(detail.berichten)
    context = {"gemeente": gemeente, "inwoner": inwoner, "detail": detail, "form": form}
    response = render(request, "portaal/zaak.html", context)
    return persoonlijk(response)


@require_safe
@inwoner_required
def document(request, gemeente_slug: str, zaak_uuid, document_uuid):
    organisaties.public_gemeente_or_404(gemeente_slug)
    versie = selectors.mijn_document(current(request), zaak_uuid, document_uuid)
    if versie is None:
        raise Http404("Dit document is niet gevonden.")
    try:
        handle = versie.inhoud.open("rb")
    except FileNotFoundError:
        raise Http404("Het bestand van dit document is niet gevonden.") from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=versie.bestandsnaam or f"{versie.titel}.pdf",
        content_type=versie.formaat or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return persoonlijk(response)


@require_http_methods(["GET", "HEAD", "POST"])
@inwoner_required
def gegevens(request, gemeente_slug: str):
    gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
    inwoner = current(request)
    form = EmailForm(
        request.POST or None,
        initial={"emailadres": selectors.emailadres_voor(inwoner)},
    )
    if request.method == "POST" and form.is_valid():
        wie = {"kvk": inwoner.kvk} if inwoner.is_bedrijf else {"bsn": inwoner.bsn}
        try:
            services.zet_emailadres(**wie, emailadres=form.cleaned_data["emailadres"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Uw e-mailadres is opgeslagen."
                if form.cleaned_data["emailadres"]
                else "U krijgt geen e-mail meer over uw aanvragen.",
            )
            return redirect("gemeente:portaal:index", gemeente_slug=gemeente.slug)
    context = {"gemeente": gemeente, "inwoner": inwoner, "form": form}
    return persoonlijk(render(request, "portaal/gegevens.html", context))
