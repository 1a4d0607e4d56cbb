"""Pages beneath /sturing/beleid/: per gemeente the programmes with their goals
and the projectenboek, a page per project with its history, and the forms to
keep them up to date.

Reading is for the sturing roles (``toegang.mag_sturing_zien``), changing for
``toegang.mag_beleid_wijzigen``: a bestuurder gets a 403 on every changing URL.
A gemeente the person may not see is a 404, as is a goal or project of another
gemeente.
"""

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from loket.beleid import selectors, services
from loket.beleid.forms import (
    DoelForm,
    MijlpaalForm,
    ProgrammaForm,
    ProjectForm,
    RisicoForm,
    StandForm,
)
from loket.sturing import toegang
from loket.sturing.views.gedeeld import gemeente_kiezen
from loket.werkplek.decorators import medewerker_required

lezen_required = medewerker_required(toegang.mag_sturing_zien)
wijzigen_required = medewerker_required(toegang.mag_beleid_wijzigen)


def _project(gemeente, uuid):
    project = selectors.project(gemeente, uuid)
    if project is None:
        raise Http404("Dit project is niet gevonden.")
    return project


def _render(request, template: str, context: dict):
    context.setdefault("mag_wijzigen", toegang.mag_beleid_wijzigen(request.user))
    return render(request, f"beleid/{template}", context)


# -- overview --------------------------------------------------------------------------


@require_safe
@lezen_required
def index(request):
    """Which gemeente; with only one, straight to it."""
    return gemeente_kiezen(request, naar="beleid:gemeente", toon=_render)


@require_safe
@lezen_required
def gemeente(request, gemeente):
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    context = {
        "gemeente": gemeente,
        "programmas": selectors.programmas(gemeente),
        "projecten": selectors.projecten(gemeente),
    }
    return _render(request, "gemeente.html", context)


# -- programmes and goals --------------------------------------------------------------


def _programma_data(form) -> dict:
    data = form.cleaned_data
    return {
        "naam": data["naam"],
        "omschrijving": data["omschrijving"],
        "volgorde": data["volgorde"],
    }


@require_http_methods(["GET", "HEAD", "POST"])
@wijzigen_required
def programma_nieuw(request, gemeente):
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    form = ProgrammaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            programma = services.create_programma(
                gemeente=gemeente, **_programma_data(form)
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Het programma {programma.naam} is toegevoegd.")
            return redirect("beleid:gemeente", gemeente=gemeente.slug)
    context = {"gemeente": gemeente, "form": form, "programma": None}
    return _render(request, "programma_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@wijzigen_required
def programma_wijzigen(request, gemeente, pk):
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    programma = selectors.programma(gemeente, pk)
    if programma is None:
        raise Http404("Dit programma is niet gevonden.")
    form = ProgrammaForm(
        request.POST or None,
        initial={
            "naam": programma.naam,
            "omschrijving": programma.omschrijving,
            "volgorde": programma.volgorde,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_programma(programma, **_programma_data(form))
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Het programma {programma.naam} is gewijzigd.")
            return redirect("beleid:gemeente", gemeente=gemeente.slug)
    context = {"gemeente": gemeente, "form": form, "programma": programma}
    return _render(request, "programma_form.html", context)


def _doel_opslaan(request, gemeente, form, programmas, doel=None):
    """Save the goal from a valid form; the response, or None on errors."""
    data = form.cleaned_data
    programma = next(p for p in programmas if p.pk == data["programma"])
    velden = {
        "programma": programma,
        "titel": data["titel"],
        "indicator": data["indicator"],
        "streefwaarde": data["streefwaarde"],
        "jaar": data["jaar"],
        "toelichting": data["toelichting"],
        "nulmeting": data["nulmeting"],
    }
    try:
        if doel is None:
            doel = services.create_beleidsdoel(**velden)
        else:
            services.update_beleidsdoel(doel, **velden)
    except ValidationError as error:
        form.add_service_error(error)
        return None
    messages.success(request, f'Het doel "{doel.titel}" is opgeslagen.')
    return redirect("beleid:gemeente", gemeente=gemeente.slug)


@require_http_methods(["GET", "HEAD", "POST"])
@wijzigen_required
def doel_nieuw(request, gemeente):
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    programmas = selectors.programmas(gemeente)
    initial = {}
    if request.GET.get("programma", "").isdigit():
        initial["programma"] = int(request.GET["programma"])
    form = DoelForm(request.POST or None, initial=initial, programmas=programmas)
    if request.method == "POST" and form.is_valid():
        response = _doel_opslaan(request, gemeente, form, programmas)
        if response:
            return response
    context = {"gemeente": gemeente, "form": form, "doel": None}
    return _render(request, "doel_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@wijzigen_required
def doel_wijzigen(request, gemeente, uuid):
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    doel = selectors.doel(gemeente, uuid)
    if doel is None:
        raise Http404("Dit doel is niet gevonden.")
    programmas = selectors.programmas(gemeente)
    form = DoelForm(
        request.POST or None,
        initial={
            "programma": doel.programma_id,
            "titel": doel.titel,
            "indicator": doel.indicator,
            "streefwaarde": doel.streefwaarde,
            "jaar": doel.jaar,
            "nulmeting": doel.nulmeting,
            "toelichting": doel.toelichting,
        },
        programmas=programmas,
    )
    if request.method == "POST" and form.is_valid():
        response = _doel_opslaan(request, gemeente, form, programmas, doel)
        if response:
            return response
    context = {"gemeente": gemeente, "form": form, "doel": doel}
    return _render(request, "doel_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@wijzigen_required
def doel_verwijderen(request, gemeente, uuid):
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    doel = selectors.doel(gemeente, uuid)
    if doel is None:
        raise Http404("Dit doel is niet gevonden.")
    if request.method == "POST":
        services.delete_beleidsdoel(doel)
        messages.success(request, f'Het doel "{doel.titel}" is verwijderd.')
        return redirect("beleid:gemeente", gemeente=gemeente.slug)
    return _render(
        request, "doel_verwijderen.html", {"gemeente": gemeente, "doel": doel}
    )


# -- projects --------------------------------------------------------------------------


def _project_data(form, doelen) -> dict:
    data = form.cleaned_data
    gekozen = set(data["doelen"])
    return {
        "naam": data["naam"],
        "omschrijving": data["omschrijving"],
        "eigenaar": data["eigenaar"],
        "begindatum": data["begindatum"],
        "einddatum": data["einddatum"],
        "budget": data["budget"],
        "doelen": [d for d in doelen if d.pk in gekozen],
    }


@require_http_methods(["GET", "HEAD", "POST"])
@wijzigen_required
def project_nieuw(request, gemeente):
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    doelen = selectors.doelen(gemeente)
    form = ProjectForm(request.POST or None, doelen=doelen)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.create_project(
                gemeente=gemeente, **_project_data(form, doelen)
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Het project {project.naam} is toegevoegd.")
            return redirect("beleid:project", gemeente=gemeente.slug, uuid=project.uuid)
    context = {"gemeente": gemeente, "form": form, "project": None}
    return _render(request, "project_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@wijzigen_required
def project_wijzigen(request, gemeente, uuid):
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    project = _project(gemeente, uuid)
    doelen = selectors.doelen(gemeente)
    form = ProjectForm(
        request.POST or None,
        initial={
            "naam": project.naam,
            "omschrijving": project.omschrijving,
            "eigenaar": project.eigenaar,
            "begindatum": project.begindatum,
            "einddatum": project.einddatum,
            "budget": project.budget,
            "doelen": [d.pk for d in project.doelen.all()],
        },
        doelen=doelen,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_project(project, **_project_data(form, doelen))
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, f"Het project {project.naam} is gewijzigd.")
            return redirect("beleid:project", gemeente=gemeente.slug, uuid=project.uuid)
    context = {"gemeente": gemeente, "form": form, "project": project}
    return _render(request, "project_form.html", context)


def _project_pagina(request, gemeente, project, **forms):
    mag = toegang.mag_beleid_wijzigen(request.user)
    context = {
        "gemeente": gemeente,
        "project": project,
        "mag_wijzigen": mag,
        "volgende_mijlpaal": selectors.volgende_mijlpaal(project),
        "open_risicos": selectors.open_risicos(project),
        "gesloten_risicos": [r for r in project.risicos.all() if r.gesloten],
    }
    if mag:
        context["stand_form"] = forms.get("stand_form") or StandForm(
            initial={"status": project.status, "besteed": project.besteed}
        )
        context["mijlpaal_form"] = forms.get("mijlpaal_form") or MijlpaalForm()
        context["risico_form"] = forms.get("risico_form") or RisicoForm()
    return _render(request, "project.html", context)


def _terug_naar(project, gemeente, anker: str):
    response = redirect("beleid:project", gemeente=gemeente.slug, uuid=project.uuid)
    response["Location"] += f"#{anker}"
    return response


@require_safe
@lezen_required
def project(request, gemeente, uuid):
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    return _project_pagina(request, gemeente, _project(gemeente, uuid))


def _project_formulier(request, gemeente, uuid, form_class, opslaan, *, melding, anker):
    """A form posted from the project page (a new stand, milestone or risk):
    ``opslaan(project, **cleaned_data)``, then back to section ``anker`` with
    ``melding``; with errors the project page again, the form showing them."""
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    project = _project(gemeente, uuid)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            opslaan(project, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, melding)
            return _terug_naar(project, gemeente, anker)
    forms = {f"{form.prefix}_form": form}  # the name _project_pagina knows it by
    return _project_pagina(request, gemeente, project, **forms)


def _markeer(request, gemeente, uuid, pk, soort: str, markeer, melding):
    """Mark one of the project's ``soort`` ("mijlpalen" or "risicos", also the
    section to go back to): ``markeer(item)``, then ``melding(item)``, or the
    service's reason when it refuses."""
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    project = _project(gemeente, uuid)
    item = next((i for i in getattr(project, soort).all() if i.pk == pk), None)
    if item is None:
        raise Http404("Dit onderdeel van het project is niet gevonden.")
    try:
        markeer(item)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, melding(item))
    return _terug_naar(project, gemeente, soort)


@require_POST
@wijzigen_required
def project_bijwerken(request, gemeente, uuid):
    return _project_formulier(
        request,
        gemeente,
        uuid,
        StandForm,
        partial(services.werk_project_bij, door=request.user.naam),
        melding="De nieuwe stand van het project is opgeslagen.",
        anker="standen",
    )


@require_POST
@wijzigen_required
def mijlpaal_nieuw(request, gemeente, uuid):
    return _project_formulier(
        request,
        gemeente,
        uuid,
        MijlpaalForm,
        services.voeg_mijlpaal_toe,
        melding="De mijlpaal is toegevoegd.",
        anker="mijlpalen",
    )


@require_POST
@wijzigen_required
def mijlpaal_gehaald(request, gemeente, uuid, pk):
    return _markeer(
        request,
        gemeente,
        uuid,
        pk,
        "mijlpalen",
        services.markeer_mijlpaal_gehaald,
        lambda mijlpaal: f'De mijlpaal "{mijlpaal.naam}" is gehaald.',
    )


@require_POST
@wijzigen_required
def risico_nieuw(request, gemeente, uuid):
    return _project_formulier(
        request,
        gemeente,
        uuid,
        RisicoForm,
        services.voeg_risico_toe,
        melding="Het risico is toegevoegd.",
        anker="risicos",
    )


@require_POST
@wijzigen_required
def risico_sluiten(request, gemeente, uuid, pk):
    return _markeer(
        request,
        gemeente,
        uuid,
        pk,
        "risicos",
        services.sluit_risico,
        lambda risico: f'Het risico "{risico.omschrijving}" is gesloten.',
    )
