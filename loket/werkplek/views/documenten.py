"""A zaak's documents (versions, preview, a new version) and letters made from a
template, under /werkplek/zaken/<uuid>/; the zaak page links here."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.csp import CSP
from django.views.decorators.cache import never_cache
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_http_methods, require_safe

from loket.core.http import persoonlijk
from loket.verwerkingen.models import Activiteit
from loket.werkplek import brieven, dossier, forms, toegang
from loket.werkplek.decorators import werkplek_required
from loket.werkplek.services import dossier as acties
from loket.werkplek.views import gedeeld

# A file shown in the browser runs nothing and loads nothing.
BESTAND_CSP = {
    "default-src": [CSP.NONE],
    "img-src": [CSP.SELF],
    "object-src": [CSP.SELF],
    "style-src": [CSP.UNSAFE_INLINE],
    "frame-ancestors": [CSP.NONE],
}


def _document(request, behandeling, document_uuid):
    gevonden = dossier.document(request.user, behandeling.zaak, document_uuid)
    if gevonden is None:
        raise Http404("Dit document is niet gevonden.")
    return gevonden


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
@werkplek_required
def document(request, uuid, document_uuid):
    """One document: its versions, a preview and (for a handler) a new version."""
    behandeling = gedeeld.behandeling(request, uuid)
    doc = _document(request, behandeling, document_uuid)
    mag = toegang.mag_behandelen(request.user, behandeling)
    open_ = behandeling.zaak.einddatum is None
    form = forms.VersieForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        gedeeld.eis_behandelaar(request, behandeling)
        if not open_:
            messages.error(
                request, "Deze zaak is afgesloten; er kan niets meer aan veranderen."
            )
            return redirect(request.path)
        if form.is_valid():
            try:
                versie = acties.nieuwe_versie(
                    request.user,
                    behandeling,
                    doc.laatste.informatieobject,
                    bestand=form.cleaned_data["bestand"],
                )
            except ValidationError as error:
                gedeeld.fouten(form, error)
            else:
                messages.success(
                    request, f"Versie {versie.versie} van het document is opgeslagen."
                )
                return redirect(request.path)
    # The page names the document and its versions, about the persons involved.
    dossier.leg_vast(
        request.user,
        behandeling.zaak,
        Activiteit.DOCUMENT_INGEZIEN,
        doel=dossier.doel(request.user, mag),
        toelichting=doc.laatste.titel,
    )
    context = {
        "zaak": behandeling.zaak,
        "doc": doc,
        "form": form if mag and open_ else None,
    }
    return persoonlijk(render(request, "werkplek/zaak_document.html", context))


@require_safe
@werkplek_required
@csp_override(BESTAND_CSP)
def document_inhoud(request, uuid, document_uuid):
    """The file of a document (``?versie=N`` for an older version): shown in the
    browser when it is a PDF, image or text, otherwise downloaded."""
    behandeling = gedeeld.behandeling(request, uuid)
    doc = _document(request, behandeling, document_uuid)
    versie = doc.laatste
    gevraagd = request.GET.get("versie", "")
    if gevraagd:
        versie = next((v for v in doc.versies if str(v.versie) == gevraagd), None)
        if versie is None:
            raise Http404("Deze versie van het document bestaat niet.")
    if not versie.inhoud:
        raise Http404("Dit document heeft (nog) geen bestand.")
    try:
        handle = versie.inhoud.open("rb")
    except FileNotFoundError:
        raise Http404("Het bestand van dit document is niet gevonden.") from None
    dossier.leg_vast(
        request.user,
        behandeling.zaak,
        Activiteit.DOCUMENT_INGEZIEN,
        doel=dossier.doel(
            request.user, toegang.mag_behandelen(request.user, behandeling)
        ),
        toelichting=f"{versie.titel} (versie {versie.versie})",
    )
    inline = versie.formaat in dossier.INLINE
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=versie.bestandsnaam or f"{versie.titel}.pdf",
        content_type=versie.formaat if inline else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return persoonlijk(response)


# -- letters --------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
@werkplek_required
def brief(request, uuid):
    """A letter from a sjabloon in two steps: choose the sjabloon and see the
    letter with the invulvelden filled in (and change it if needed), then save it
    as a PDF document of the zaak."""
    behandeling = gedeeld.behandeling(request, uuid)
    gedeeld.eis_behandelaar(request, behandeling)
    zaak_ = behandeling.zaak
    if zaak_.einddatum is not None:
        messages.error(
            request, "Deze zaak is afgesloten; er kan niets meer aan veranderen."
        )
        return redirect(gedeeld.zaak_url(behandeling))
    # Only the sjablonen whose document type this zaak's zaaktype has.
    typen = {t.omschrijving for t in dossier.informatieobjecttypen(zaak_)}
    sjablonen = [
        s
        for s in dossier.briefsjablonen(request.user, zaak_)
        if s.informatieobjecttype_omschrijving in typen
        or (typen and not s.informatieobjecttype_omschrijving)
    ]
    stap = request.POST.get("stap", "")
    kies = forms.BriefKiesForm(
        request.POST if stap == "voorbeeld" else None, sjablonen=sjablonen
    )
    form = None
    voorbeeld = None
    if stap == "voorbeeld" and kies.is_valid():
        sjabloon = kies.cleaned_data["sjabloon"]
        gevuld = brieven.samenvoegen(
            sjabloon, acties.brief_waarden(request.user, behandeling)
        )
        form = forms.BriefForm(
            initial={
                "sjabloon": str(sjabloon.pk),
                "onderwerp": gevuld.onderwerp,
                "tekst": gevuld.tekst,
            },
            sjablonen=sjablonen,
        )
        voorbeeld = gevuld
    elif stap in ("bijwerken", "opslaan"):
        form = forms.BriefForm(request.POST, sjablonen=sjablonen)
        if form.is_valid():
            waarden = acties.brief_waarden(request.user, behandeling)
            voorbeeld = brieven.Brief(
                onderwerp=brieven.vul_in(form.cleaned_data["onderwerp"], waarden),
                tekst=brieven.vul_in(form.cleaned_data["tekst"], waarden),
            )
            if stap == "opslaan":
                try:
                    versie = acties.maak_brief(
                        request.user,
                        behandeling,
                        sjabloon=form.cleaned_data["sjabloon"],
                        onderwerp=voorbeeld.onderwerp,
                        tekst=voorbeeld.tekst,
                    )
                except ValidationError as error:
                    gedeeld.fouten(form, error)
                else:
                    messages.success(
                        request,
                        f"De brief {versie.titel} is opgeslagen als document van "
                        "de zaak.",
                    )
                    return redirect(gedeeld.zaak_url(behandeling, "documenten"))
    if voorbeeld is not None:
        # The letter shows the applicant's name and address.
        dossier.leg_vast(
            request.user,
            zaak_,
            Activiteit.ZAAK_INGEZIEN,
            doel=dossier.doel(request.user, True),
            toelichting="Voorbeeld van een brief",
        )
    context = {
        "zaak": zaak_,
        "kies": kies,
        "form": form,
        "voorbeeld": voorbeeld,
        "sjablonen": sjablonen,
        "invulvelden": [
            (brieven.getoond(n), uitleg) for n, uitleg in brieven.INVULVELDEN.items()
        ],
    }
    return persoonlijk(render(request, "werkplek/zaak_brief.html", context))


# -- history --------------------------------------------------------------------------
