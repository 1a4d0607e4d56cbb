"""The zaak page and its actions (under /werkplek/zaken/).

Every view finds the zaak through ``gedeeld.behandeling`` (404 for what the staff
member may not see); every change is a POST to its own URL that calls one
function of ``services.dossier`` and redirects back to the page with a message.
Taking, giving back and assigning are the queue's own endpoints
(``werkplek:nemen``, ``werkplek:teruggeven``, ``werkplek:toewijzen``), which
return here through ``next``; documents and letters are in ``documenten``. A form
with errors re-renders the page with what was typed and a notice at the top that
links to the form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_POST,
    require_safe,
)

from loket.core.http import persoonlijk
from loket.verwerkingen.models import Activiteit
from loket.werkplek import brieven, dossier, forms
from loket.werkplek.decorators import werkplek_required
from loket.werkplek.services import dossier as acties
from loket.werkplek.views import documenten, gedeeld

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
    return persoonlijk(render(request, "werkplek/zaak.html", context))


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
    return _toon(request, gedeeld.behandeling(request, uuid))


def _actie(request, uuid, naam: str, uitvoeren, gelukt):
    """Handle one handling form: check access, run ``uitvoeren(behandeling,
    cleaned_data)`` and redirect with the message ``gelukt`` (a text, or a function
    of what ``uitvoeren`` returned); or show the page again with the errors."""
    behandeling = gedeeld.behandeling(request, uuid)
    gedeeld.eis_behandelaar(request, behandeling)
    if behandeling.zaak.einddatum is not None:
        messages.error(
            request, "Deze zaak is afgesloten; er kan niets meer aan veranderen."
        )
        return redirect(gedeeld.zaak_url(behandeling))
    d = dossier.dossier(request.user, behandeling)
    form = _formulieren(request.user, d, naam, request.POST, request.FILES)[naam]
    if form.is_valid():
        try:
            uitkomst = uitvoeren(behandeling, form.cleaned_data)
        except ValidationError as error:
            gedeeld.fouten(form, error)
        else:
            messages.success(request, gelukt(uitkomst) if callable(gelukt) else gelukt)
            return redirect(gedeeld.zaak_url(behandeling, FORMULIEREN[naam][1]))
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
    behandeling = gedeeld.behandeling(request, uuid)
    gedeeld.eis_behandelaar(request, behandeling)
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
    return redirect(gedeeld.zaak_url(behandeling, "termijn"))


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


@require_safe
@never_cache
@werkplek_required
def geschiedenis(request, uuid):
    """The zaak's whole audit trail, newest first, by pages."""
    behandeling = gedeeld.behandeling(request, uuid)
    pagina = Paginator(
        dossier.audit_trail(behandeling.zaak), AUDIT_PER_PAGINA
    ).get_page(request.GET.get("pagina"))
    context = {
        "zaak": behandeling.zaak,
        "pagina": pagina,
        "audit": [_audit_regel(r) for r in pagina.object_list],
    }
    return persoonlijk(render(request, "werkplek/zaak_geschiedenis.html", context))


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
        documenten.document,
        name="zaak_document",
    ),
    path(
        "<uuid:uuid>/documenten/<uuid:document_uuid>/inhoud/",
        documenten.document_inhoud,
        name="zaak_document_inhoud",
    ),
    path("<uuid:uuid>/bericht/", bericht, name="zaak_bericht"),
    path("<uuid:uuid>/notitie/", notitie, name="zaak_notitie"),
    path("<uuid:uuid>/brief/", documenten.brief, name="zaak_brief"),
    path("<uuid:uuid>/geschiedenis/", geschiedenis, name="zaak_geschiedenis"),
]
