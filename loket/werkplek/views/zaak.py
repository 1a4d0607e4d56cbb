"""The zaak page and its actions (under /werkplek/zaken/).

Every view finds the zaak through ``dossier.behandeling`` (404 for what the staff
member may not see); every change is a POST to its own URL that calls one
function of ``services.dossier`` and redirects back to the page with a message.
Taking, giving back and assigning are the queue's own endpoints
(``werkplek:nemen``, ``werkplek:teruggeven``, ``werkplek:toewijzen``), which
return here through ``next``. A form with errors re-renders the page with what was
typed and a notice at the top that links to the form."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.csp import CSP
from django.views.decorators.cache import never_cache
from django.views.decorators.csp import csp_override
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from loket.verwerkingen.models import Activiteit
from loket.werkplek import brieven, dossier, forms, toegang
from loket.werkplek.decorators import werkplek_required
from loket.werkplek.services import dossier as acties

# The forms of the page: name → (form class, anchor, heading).
FORMULIEREN = {
    "status": (forms.StatusForm, "status-wijzigen", "Status wijzigen"),
    "opschorten": (forms.OpschortenForm, "termijn", "Opschorten"),
    "verlengen": (forms.VerlengenForm, "termijn", "Termijn verlengen"),
    "besluit": (forms.BesluitForm, "besluit-vastleggen", "Besluit vastleggen"),
    "afsluiten": (forms.AfsluitenForm, "afsluiten", "Resultaat en afsluiten"),
    "document": (forms.DocumentForm, "document-toevoegen", "Document toevoegen"),
    "bericht": (forms.BerichtForm, "bericht-sturen", "Bericht aan de aanvrager"),
    "notitie": (forms.NotitieForm, "notitie-toevoegen", "Notitie toevoegen"),
}
AUDIT_PER_PAGINA = 100
ACTIES_AUDIT = {
    "create": "toegevoegd",
    "update": "gewijzigd",
    "partial_update": "gewijzigd",
    "destroy": "verwijderd",
}
RESOURCES_AUDIT = {
    "zaak": "Zaak",
    "status": "Status",
    "rol": "Betrokkene",
    "resultaat": "Resultaat",
    "zaakinformatieobject": "Document",
    "zaakbesluit": "Besluit",
    "zaakeigenschap": "Eigenschap",
    "zaakobject": "Object",
    "klantcontact": "Klantcontact",
    "zaakcontactmoment": "Contactmoment",
    "zaakverzoek": "Verzoek",
}
# A file shown in the browser runs nothing and loads nothing.
BESTAND_CSP = {
    "default-src": [CSP.NONE],
    "img-src": [CSP.SELF],
    "object-src": [CSP.SELF],
    "style-src": [CSP.UNSAFE_INLINE],
    "frame-ancestors": [CSP.NONE],
}


def _behandeling(request, uuid):
    behandeling = dossier.behandeling(request.user, uuid)
    if behandeling is None:
        raise Http404("Deze zaak is niet gevonden.")
    return behandeling


def _zaak_url(behandeling, anker: str = "") -> str:
    url = reverse("werkplek:zaak", kwargs={"uuid": behandeling.zaak.uuid})
    return f"{url}#{anker}" if anker else url


def _private(response):
    # Personal data: never in a shared cache, nor in the back-forward cache.
    response["Cache-Control"] = "no-store"
    return response


def _fouten(form, error: ValidationError) -> None:
    """Put a service's refusal on the form: on the field it names, if the form
    has it; otherwise above the form."""
    if hasattr(error, "error_dict"):
        for veld, fouten in error.error_dict.items():
            doel = veld if veld in form.fields else None
            for fout in fouten:
                form.add_error(doel, fout.messages[0] if fout.messages else fout)
    else:
        for bericht in error.messages:
            form.add_error(None, bericht)


def _formulieren(medewerker, d: dossier.Dossier, actief="", data=None, files=None):
    """The handling forms, with ``actief`` bound to what was posted."""
    if not d.acties:
        return {}
    zaak = d.zaak
    opties = {
        "status": {"statustypen": d.volgende_statustypen},
        "verlengen": {
            "max_dagen": acties.max_verlenging_dagen(zaak.zaaktype, zaak.startdatum)
        },
        "besluit": {"besluittypen": dossier.besluittypen(zaak)},
        "afsluiten": {
            "resultaattypen": dossier.resultaattypen(zaak),
            "heeft_resultaat": getattr(zaak, "resultaat", None) is not None,
        },
        "document": {
            "informatieobjecttypen": dossier.informatieobjecttypen(zaak),
            "max_rang": dossier.max_rang(medewerker),
        },
    }
    return {
        naam: klasse(*((data, files) if naam == actief else ()), **opties.get(naam, {}))
        for naam, (klasse, _, _) in FORMULIEREN.items()
    }


def _toon(request, behandeling, *, d=None, actief="", form=None):
    """Render the zaak page (and write the processing log entry for it); with
    ``form``, the form ``actief`` as it was posted, with its errors."""
    medewerker = request.user
    d = d or dossier.dossier(medewerker, behandeling)
    formulieren = _formulieren(medewerker, d)
    fout = None
    if form is not None:
        formulieren[actief] = form
        _, anker, titel = FORMULIEREN[actief]
        fout = {"anker": anker, "titel": titel}
    zaak = d.zaak
    dossier.leg_vast(
        medewerker,
        zaak,
        Activiteit.ZAAK_INGEZIEN,
        doel=dossier.doel(medewerker, d.mag_behandelen),
        rollen=d.rollen,
    )
    context = {
        "d": d,
        "zaak": zaak,
        "b": behandeling,
        "f": formulieren,
        "fout": fout,
        "audit": [_audit_regel(r) for r in d.audit],
    }
    return _private(render(request, "werkplek/zaak.html", context))


def _audit_regel(regel) -> dict:
    return {
        "moment": regel.aanmaakdatum,
        "wie": regel.gebruikers_weergave or regel.applicatie_weergave or "Onbekend",
        "via": regel.applicatie_weergave,
        "wat": RESOURCES_AUDIT.get(regel.resource, regel.resource.capitalize()),
        "actie": ACTIES_AUDIT.get(regel.actie, regel.actie_weergave or regel.actie),
        "omschrijving": regel.resource_weergave,
        "toelichting": regel.toelichting,
    }


@require_safe
@never_cache
@werkplek_required
def zaak(request, uuid):
    return _toon(request, _behandeling(request, uuid))


def _mag_behandelen(request, behandeling) -> None:
    if not toegang.mag_behandelen(request.user, behandeling):
        raise PermissionDenied("U mag deze zaak bekijken, maar niet behandelen.")


def _actie(request, uuid, naam: str, uitvoeren, gelukt):
    """Handle one handling form: check access, run ``uitvoeren(behandeling,
    cleaned_data)`` and redirect with the message ``gelukt`` (a text, or a function
    of what ``uitvoeren`` returned); or show the page again with the errors."""
    behandeling = _behandeling(request, uuid)
    _mag_behandelen(request, behandeling)
    if behandeling.zaak.einddatum is not None:
        messages.error(
            request, "Deze zaak is afgesloten; er kan niets meer aan veranderen."
        )
        return redirect(_zaak_url(behandeling))
    d = dossier.dossier(request.user, behandeling)
    form = _formulieren(request.user, d, naam, request.POST, request.FILES)[naam]
    if form.is_valid():
        try:
            uitkomst = uitvoeren(behandeling, form.cleaned_data)
        except ValidationError as error:
            _fouten(form, error)
        else:
            messages.success(request, gelukt(uitkomst) if callable(gelukt) else gelukt)
            return redirect(_zaak_url(behandeling, FORMULIEREN[naam][1]))
    return _toon(request, behandeling, d=d, actief=naam, form=form)


@require_POST
@werkplek_required
def status(request, uuid):
    def uitvoeren(b, data):
        return acties.zet_status(
            request.user,
            b,
            statustype=data["statustype"],
            toelichting=data["toelichting"],
        )

    return _actie(
        request,
        uuid,
        "status",
        uitvoeren,
        lambda s: f"De status is nu: {s.statustype.omschrijving}.",
    )


@require_POST
@werkplek_required
def opschorten(request, uuid):
    def uitvoeren(b, data):
        return acties.schort_op(request.user, b, reden=data["reden"])

    return _actie(
        request,
        uuid,
        "opschorten",
        uitvoeren,
        "De zaak is opgeschort. De termijn staat stil tot u de behandeling hervat.",
    )


@require_POST
@werkplek_required
def hervatten(request, uuid):
    behandeling = _behandeling(request, uuid)
    _mag_behandelen(request, behandeling)
    try:
        zaak_ = acties.hervat(request.user, behandeling)
    except ValidationError as error:
        for bericht in error.messages:
            messages.error(request, bericht)
    else:
        uiterste = zaak_.uiterlijke_einddatum_afdoening or zaak_.einddatum_gepland
        messages.success(
            request,
            "De behandeling is hervat."
            + (
                f" De uiterste datum is nu {brieven.datum(uiterste)}."
                if uiterste
                else ""
            ),
        )
    return redirect(_zaak_url(behandeling, "termijn"))


@require_POST
@werkplek_required
def verlengen(request, uuid):
    def uitvoeren(b, data):
        return acties.verleng(request.user, b, reden=data["reden"], dagen=data["dagen"])

    def gelukt(zaak_):
        uiterste = zaak_.uiterlijke_einddatum_afdoening or zaak_.einddatum_gepland
        return "De termijn is verlengd." + (
            f" De uiterste datum is nu {brieven.datum(uiterste)}." if uiterste else ""
        )

    return _actie(request, uuid, "verlengen", uitvoeren, gelukt)


@require_POST
@werkplek_required
def besluit(request, uuid):
    def uitvoeren(b, data):
        return acties.leg_besluit_vast(
            request.user,
            b,
            besluittype=data["besluittype"],
            datum=data["datum"],
            ingangsdatum=data["ingangsdatum"],
            toelichting=data["toelichting"],
        )

    return _actie(
        request,
        uuid,
        "besluit",
        uitvoeren,
        lambda besluit_: f"Het besluit {besluit_.identificatie} is vastgelegd.",
    )


@require_POST
@werkplek_required
def afsluiten(request, uuid):
    def uitvoeren(b, data):
        resultaattype = data.get("resultaattype") or b.zaak.resultaat.resultaattype
        return acties.sluit_af(
            request.user,
            b,
            resultaattype=resultaattype,
            toelichting=data["toelichting"],
        )

    return _actie(request, uuid, "afsluiten", uitvoeren, "De zaak is afgesloten.")


@require_POST
@werkplek_required
def document_toevoegen(request, uuid):
    def uitvoeren(b, data):
        return acties.voeg_document_toe(
            request.user,
            b,
            bestand=data["bestand"],
            titel=data["titel"],
            informatieobjecttype=data["informatieobjecttype"],
            vertrouwelijkheidaanduiding=data["vertrouwelijkheidaanduiding"],
        )

    return _actie(
        request,
        uuid,
        "document",
        uitvoeren,
        lambda v: f"Het document {v.titel} is toegevoegd.",
    )


@require_POST
@werkplek_required
def bericht(request, uuid):
    def uitvoeren(b, data):
        return acties.stuur_bericht(
            request.user, b, onderwerp=data["onderwerp"], tekst=data["tekst"]
        )

    return _actie(
        request,
        uuid,
        "bericht",
        uitvoeren,
        "Het bericht is verstuurd. De aanvrager krijgt een e-mail dat het in Mijn "
        "Loket staat.",
    )


@require_POST
@werkplek_required
def notitie(request, uuid):
    def uitvoeren(b, data):
        return acties.voeg_notitie_toe(request.user, b, tekst=data["tekst"])

    return _actie(request, uuid, "notitie", uitvoeren, "De notitie is opgeslagen.")


# -- documents ------------------------------------------------------------------------


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
    behandeling = _behandeling(request, uuid)
    doc = _document(request, behandeling, document_uuid)
    mag = toegang.mag_behandelen(request.user, behandeling)
    open_ = behandeling.zaak.einddatum is None
    form = forms.VersieForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not mag:
            raise PermissionDenied("U mag deze zaak bekijken, maar niet behandelen.")
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
                _fouten(form, error)
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
    return _private(render(request, "werkplek/zaak_document.html", context))


@require_safe
@werkplek_required
@csp_override(BESTAND_CSP)
def document_inhoud(request, uuid, document_uuid):
    """The file of a document (``?versie=N`` for an older version): shown in the
    browser when it is a PDF, image or text, otherwise downloaded."""
    behandeling = _behandeling(request, uuid)
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
    return _private(response)


# -- letters --------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
@werkplek_required
def brief(request, uuid):
    """A letter from a sjabloon in two steps: choose the sjabloon and see the
    letter with the invulvelden filled in (and change it if needed), then save it
    as a PDF document of the zaak."""
    behandeling = _behandeling(request, uuid)
    _mag_behandelen(request, behandeling)
    zaak_ = behandeling.zaak
    if zaak_.einddatum is not None:
        messages.error(
            request, "Deze zaak is afgesloten; er kan niets meer aan veranderen."
        )
        return redirect(_zaak_url(behandeling))
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
                    _fouten(form, error)
                else:
                    messages.success(
                        request,
                        f"De brief {versie.titel} is opgeslagen als document van "
                        "de zaak.",
                    )
                    return redirect(_zaak_url(behandeling, "documenten"))
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
    return _private(render(request, "werkplek/zaak_brief.html", context))


# -- history --------------------------------------------------------------------------


@require_safe
@never_cache
@werkplek_required
def geschiedenis(request, uuid):
    """The zaak's whole audit trail, newest first, by pages."""
    behandeling = _behandeling(request, uuid)
    pagina = Paginator(
        dossier.audit_trail(behandeling.zaak), AUDIT_PER_PAGINA
    ).get_page(request.GET.get("pagina"))
    context = {
        "zaak": behandeling.zaak,
        "pagina": pagina,
        "audit": [_audit_regel(r) for r in pagina.object_list],
    }
    return _private(render(request, "werkplek/zaak_geschiedenis.html", context))


urlpatterns = [
    path("<uuid:uuid>/", zaak, name="zaak"),
    path("<uuid:uuid>/status/", status, name="zaak_status"),
    path("<uuid:uuid>/opschorten/", opschorten, name="zaak_opschorten"),
    path("<uuid:uuid>/hervatten/", hervatten, name="zaak_hervatten"),
    path("<uuid:uuid>/verlengen/", verlengen, name="zaak_verlengen"),
    path("<uuid:uuid>/besluit/", besluit, name="zaak_besluit"),
    path("<uuid:uuid>/afsluiten/", afsluiten, name="zaak_afsluiten"),
    path("<uuid:uuid>/documenten/", document_toevoegen, name="zaak_document_toevoegen"),
    path(
        "<uuid:uuid>/documenten/<uuid:document_uuid>/",
        document,
        name="zaak_document",
    ),
    path(
        "<uuid:uuid>/documenten/<uuid:document_uuid>/inhoud/",
        document_inhoud,
        name="zaak_document_inhoud",
    ),
    path("<uuid:uuid>/bericht/", bericht, name="zaak_bericht"),
    path("<uuid:uuid>/notitie/", notitie, name="zaak_notitie"),
    path("<uuid:uuid>/brief/", brief, name="zaak_brief"),
    path("<uuid:uuid>/geschiedenis/", geschiedenis, name="zaak_geschiedenis"),
]
