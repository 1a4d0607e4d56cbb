"""Pages beneath /sturing/beleid/: per gemeente the programmes with their goals
and the projectenboek, a page per project with its history, and the forms to
keep them up to date.

Reading is for the sturing roles (``toegang.mag_sturing_zien``), changing for
``toegang.mag_beleid_wijzigen``: a bestuurder gets a 403 on every changing URL.
A gemeente the person may not see is a 404, as is a goal or project of another
gemeente.
"""

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
from loket.beleid.models import Mijlpaal, Risico
from loket.sturing import toegang
from loket.werkplek.decorators import medewerker_required

lezen_required = medewerker_required(toegang.mag_sturing_zien)
wijzigen_required = medewerker_required(toegang.mag_beleid_wijzigen)


def _gemeente(request, slug: str):
    gemeente = next(
        (g for g in toegang.gemeenten(request.user) if g.slug == slug), None
    )
    if gemeente is None:
        raise Http404("Deze gemeente is niet gevonden.")
    return gemeente


def _project(gemeente, uuid):
    project = selectors.project(gemeente, uuid)
    if project is None:
        raise Http404("Dit project is niet gevonden.")
    return project


def _fouten_naar_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for veld, fouten in error.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, error)


def _render(request, template: str, context: dict):
    context.setdefault("mag_wijzigen", toegang.mag_beleid_wijzigen(request.user))
    return render(request, f"beleid/{template}", context)


# -- overview --------------------------------------------------------------------------


@require_safe
@lezen_required
def index(request):
    """Which gemeente; with only one, straight to it."""
    gemeenten = toegang.gemeenten(request.user)
    if len(gemeenten) == 1:
        return redirect("beleid:gemeente", gemeente=gemeenten[0].slug)
    return _render(request, "index.html", {"gemeenten": gemeenten})


@require_safe
@lezen_required
def gemeente(request, gemeente):
    gemeente = _gemeente(request, gemeente)
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
    gemeente = _gemeente(request, gemeente)
    form = ProgrammaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            programma = services.create_programma(
                gemeente=gemeente, **_programma_data(form)
            )
        except ValidationError as error:
            _fouten_naar_form(form, error)
        else:
            messages.success(request, f"Het programma {programma.naam} is toegevoegd.")
            return redirect("beleid:gemeente", gemeente=gemeente.slug)
    context = {"gemeente": gemeente, "form": form, "programma": None}
    return _render(request, "programma_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@wijzigen_required
def programma_wijzigen(request, gemeente, pk):
    gemeente = _gemeente(request, gemeente)
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
            _fouten_naar_form(form, error)
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
        _fouten_naar_form(form, error)
        return None
    messages.success(request, f'Het doel "{doel.titel}" is opgeslagen.')
    return redirect("beleid:gemeente", gemeente=gemeente.slug)


@require_http_methods(["GET", "HEAD", "POST"])
@wijzigen_required
def doel_nieuw(request, gemeente):
    gemeente = _gemeente(request, gemeente)
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
    gemeente = _gemeente(request, gemeente)
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
    gemeente = _gemeente(request, gemeente)
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
    gemeente = _gemeente(request, gemeente)
    doelen = selectors.doelen(gemeente)
    form = ProjectForm(request.POST or None, doelen=doelen)
    if request.method == "POST" and form.is_valid():
        try:
            project = services.create_project(
                gemeente=gemeente, **_project_data(form, doelen)
            )
        except ValidationError as error:
            _fouten_naar_form(form, error)
        else:
            messages.success(request, f"Het project {project.naam} is toegevoegd.")
            return redirect("beleid:project", gemeente=gemeente.slug, uuid=project.uuid)
    context = {"gemeente": gemeente, "form": form, "project": None}
    return _render(request, "project_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@wijzigen_required
def project_wijzigen(request, gemeente, uuid):
    gemeente = _gemeente(request, gemeente)
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
            _fouten_naar_form(form, error)
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
    gemeente = _gemeente(request, gemeente)
    return _project_pagina(request, gemeente, _project(gemeente, uuid))


@require_POST
@wijzigen_required
def project_bijwerken(request, gemeente, uuid):
    gemeente = _gemeente(request, gemeente)
    project = _project(gemeente, uuid)
    form = StandForm(request.POST)
    if form.is_valid():
        try:
            services.werk_project_bij(
                project,
                status=form.cleaned_data["status"],
                besteed=form.cleaned_data["besteed"],
                voortgang=form.cleaned_data["voortgang"],
                door=request.user.naam,
            )
        except ValidationError as error:
            _fouten_naar_form(form, error)
        else:
            messages.success(request, "De nieuwe stand van het project is opgeslagen.")
            return _terug_naar(project, gemeente, "standen")
    return _project_pagina(request, gemeente, project, stand_form=form)


@require_POST
@wijzigen_required
def mijlpaal_nieuw(request, gemeente, uuid):
    gemeente = _gemeente(request, gemeente)
    project = _project(gemeente, uuid)
    form = MijlpaalForm(request.POST)
    if form.is_valid():
        try:
            services.voeg_mijlpaal_toe(project, **form.cleaned_data)
        except ValidationError as error:
            _fouten_naar_form(form, error)
        else:
            messages.success(request, "De mijlpaal is toegevoegd.")
            return _terug_naar(project, gemeente, "mijlpalen")
    return _project_pagina(request, gemeente, project, mijlpaal_form=form)


def _van_project(project, items, pk: int):
    item = next((i for i in items if i.pk == pk), None)
    if item is None:
        raise Http404("Dit onderdeel van het project is niet gevonden.")
    return item


@require_POST
@wijzigen_required
def mijlpaal_gehaald(request, gemeente, uuid, pk):
    gemeente = _gemeente(request, gemeente)
    project = _project(gemeente, uuid)
    mijlpaal: Mijlpaal = _van_project(project, project.mijlpalen.all(), pk)
    try:
        services.markeer_mijlpaal_gehaald(mijlpaal)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f'De mijlpaal "{mijlpaal.naam}" is gehaald.')
    return _terug_naar(project, gemeente, "mijlpalen")


@require_POST
@wijzigen_required
def risico_nieuw(request, gemeente, uuid):
    gemeente = _gemeente(request, gemeente)
    project = _project(gemeente, uuid)
    form = RisicoForm(request.POST)
    if form.is_valid():
        try:
            services.voeg_risico_toe(project, **form.cleaned_data)
        except ValidationError as error:
            _fouten_naar_form(form, error)
        else:
            messages.success(request, "Het risico is toegevoegd.")
            return _terug_naar(project, gemeente, "risicos")
    return _project_pagina(request, gemeente, project, risico_form=form)


@require_POST
@wijzigen_required
def risico_sluiten(request, gemeente, uuid, pk):
    gemeente = _gemeente(request, gemeente)
    project = _project(gemeente, uuid)
    risico: Risico = _van_project(project, project.risicos.all(), pk)
    try:
        services.sluit_risico(risico)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f'Het risico "{risico.omschrijving}" is gesloten.')
    return _terug_naar(project, gemeente, "risicos")
