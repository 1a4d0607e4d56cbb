"""Queues per team, counts, filters and search; taking, assigning and giving back a
zaak."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from loket.core.forms import LoketForm
from loket.organisaties import selectors as organisaties
from loket.organisaties.roles import Rolcode
from loket.verwerkingen import services as verwerkingen
from loket.verwerkingen.models import Activiteit, Doel
from loket.werkplek import selectors, toegang
from loket.werkplek.decorators import werkplek_required
from loket.werkplek.models import Fase
from loket.werkplek.services import toewijzing

ZOEK_SESSIE = "werkplek:zoekopdracht"


# -- werkvoorraad --------------------------------------------------------------------


@never_cache
@werkplek_required
def index(request):
    medewerker = request.user
    if not selectors.behandelt_zaken(medewerker):
        return render(request, "werkplek/index_kcc.html", {})
    teams = selectors.werkvoorraad_teams(medewerker)
    tellingen = selectors.tellingen(medewerker, teams)
    mijn, mijn_meer = selectors.aantal(selectors.mijn_zaken(medewerker))
    return render(
        request,
        "werkplek/index.html",
        {
            "teams": [
                {
                    "team": team,
                    "wachtrijen": [
                        {"wachtrij": w, "aantal": tellingen[team.pk][w.code]}
                        for w in selectors.WACHTRIJEN
                    ],
                }
                for team in teams
            ],
            "mijn_zaken": mijn,
            "mijn_zaken_meer": mijn_meer,
            "bijna_werkdagen": selectors.BIJNA_VERLOPEN_WERKDAGEN,
        },
    )


@never_cache
@werkplek_required
def wachtrij(request, team_uuid, code):
    medewerker = request.user
    wachtrij_ = selectors.WACHTRIJ.get(code)
    team = selectors.team_van(medewerker, team_uuid)
    if wachtrij_ is None or team is None:
        raise Http404("Deze wachtrij bestaat niet of hoort niet bij uw teams.")
    return _wachtrij_pagina(request, wachtrij_, team)


@never_cache
@werkplek_required
def mijn_zaken(request):
    if not selectors.behandelt_zaken(request.user):
        raise PermissionDenied("Alleen behandelaars en teamleiders hebben eigen zaken.")
    return _wachtrij_pagina(request, selectors.MIJN_ZAKEN, None)


class FilterForm(LoketForm):
    zaaktype = forms.ChoiceField(label="Zaaktype", required=False)
    behandelaar = forms.ChoiceField(label="Behandelaar", required=False)
    sortering = forms.ChoiceField(
        label="Sorteren op",
        required=False,
        choices=[(k, v[0]) for k, v in selectors.SORTERINGEN.items()],
    )

    def __init__(self, *args, zaaktypen, leden, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zaaktype"].choices = [("", "Alle zaaktypen"), *zaaktypen]
        if leden is None:
            del self.fields["behandelaar"]
        else:
            self.fields["behandelaar"].choices = [
                ("", "Iedereen"),
                ("geen", "Zonder behandelaar"),
                *[(str(m.uuid), m.naam) for m in leden],
            ]


def _wachtrij_pagina(request, wachtrij_, team):
    medewerker = request.user
    vandaag = timezone.localdate()
    leden = list(selectors.team_leden(team)) if team is not None else None
    form = FilterForm(
        request.GET or None,
        zaaktypen=selectors.zaaktype_keuzes(medewerker),
        leden=leden,
    )
    filters = form.cleaned_data if form.is_valid() else {}
    rijen = selectors.wachtrij(
        medewerker,
        team=team,
        code=wachtrij_.code,
        vandaag=vandaag,
        zaaktype=filters.get("zaaktype", ""),
        behandelaar=filters.get("behandelaar", ""),
    )
    nummer = _paginanummer(request)
    pagina, volgende = selectors.pagina(
        selectors.tabel(rijen, filters.get("sortering") or ""), nummer
    )
    totaal, meer = selectors.aantal(rijen)
    eigen_team = medewerker.is_superuser or (
        team is not None and team.pk in toegang.team_ids(medewerker)
    )
    mag_nemen = eigen_team or team is None
    mag_toewijzen = medewerker.is_superuser or (
        eigen_team and Rolcode.TEAMLEIDER in medewerker.rolcodes
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "werkplek/wachtrij.html",
        {
            "wachtrij": wachtrij_,
            "team": team,
            "form": form,
            "rijen": [
                _regel(rij, medewerker, vandaag, mag_nemen, mag_toewijzen)
                for rij in pagina
            ],
            "totaal": totaal,
            "meer": meer,
            "pagina": nummer,
            "vorige": nummer - 1 if nummer > 1 else None,
            "volgende": nummer + 1 if volgende else None,
            "paginas": None if meer else max(1, -(-totaal // selectors.PER_PAGINA)),
            "caption": f"{wachtrij_.naam}"
            + (f", team {team.naam}" if team else "")
            + f", pagina {nummer}",
            "query": query.urlencode(),
        },
    )


def _paginanummer(request) -> int:
    try:
        return max(1, min(int(request.GET.get("pagina", 1)), 10_000))
    except ValueError:
        return 1


def _regel(rij, medewerker, vandaag, mag_nemen, mag_toewijzen) -> dict:
    open_ = rij.fase != Fase.AFGEHANDELD
    return {
        "rij": rij,
        "termijn": selectors.termijn(rij, vandaag),
        "te_laat": open_
        and rij.fase != Fase.OPGESCHORT
        and rij.uiterste_datum is not None
        and rij.uiterste_datum < vandaag,
        "nemen": open_
        and mag_nemen
        and rij.behandelaar_id != medewerker.pk
        and (rij.behandelaar_id is None or mag_toewijzen),
        "toewijzen": open_ and mag_toewijzen,
    }


# -- zoeken --------------------------------------------------------------------------


class ZoekForm(LoketForm):
    term = forms.CharField(
        label="Zoeken naar",
        max_length=100,
        min_length=2,
        help_text="Een zaaknummer (ook het begin), BSN, KvK-nummer, naam, adres of "
        "woorden uit de omschrijving.",
        error_messages={
            "required": "Vul in waar u naar zoekt.",
            "min_length": "Vul minstens 2 tekens in.",
            "max_length": "Gebruik hoogstens 100 tekens.",
        },
    )
    gemeente = forms.ChoiceField(label="Gemeente", required=False)
    zaaktype = forms.ChoiceField(label="Zaaktype", required=False)
    fase = forms.ChoiceField(
        label="Fase", required=False, choices=[("", "Alle fasen"), *Fase.choices]
    )

    def __init__(self, *args, medewerker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [
            ("", "Alle gemeenten"),
            *[(str(g.pk), g.naam) for g in organisaties.gemeenten_for(medewerker)],
        ]
        self.fields["zaaktype"].choices = [
            ("", "Alle zaaktypen"),
            *selectors.zaaktype_keuzes(medewerker),
        ]


@never_cache
@werkplek_required
@require_http_methods(["GET", "POST"])
def zoeken(request):
    """Search; the term (maybe a BSN) travels only in a POST and the session,
    never in a URL: a POST stores it and redirects here (GET) for the results."""
    medewerker = request.user
    if request.method == "POST":
        if "wissen" in request.POST:
            request.session.pop(ZOEK_SESSIE, None)
            return redirect("werkplek:zoeken")
        form = ZoekForm(request.POST, medewerker=medewerker)
        if form.is_valid():
            request.session[ZOEK_SESSIE] = form.cleaned_data
            return redirect("werkplek:zoeken")
        return render(
            request,
            "werkplek/zoeken.html",
            {"form": form, "gezocht": False},
            status=400,
        )
    opdracht = request.session.get(ZOEK_SESSIE)
    form = ZoekForm(initial=opdracht, medewerker=medewerker)
    context = {"form": form, "gezocht": False}
    if opdracht:
        gemeente = opdracht.get("gemeente")
        rijen, meer = selectors.zoek(
            medewerker,
            opdracht["term"],
            gemeente=int(gemeente) if gemeente else None,
            zaaktype=opdracht.get("zaaktype", ""),
            fase=opdracht.get("fase", ""),
        )
        _leg_zoeken_vast(medewerker, rijen)
        vandaag = timezone.localdate()
        context |= {
            "gezocht": True,
            "rijen": [_regel(r, medewerker, vandaag, False, False) for r in rijen],
            "meer": meer,
            "maximum": selectors.ZOEK_MAXIMUM,
        }
    return render(request, "werkplek/zoeken.html", context)


def _leg_zoeken_vast(medewerker, rijen) -> None:
    """The processing log: whose data the results showed, one call per gemeente."""
    doel = (
        Doel.KLANTCONTACT
        if Rolcode.KCC_MEDEWERKER in medewerker.rolcodes
        and not medewerker.rolcodes & toegang.BEHANDELROLLEN
        else Doel.BEHANDELEN
    )
    per_gemeente: dict = {}
    for rij in rijen:
        if rij.initiator_bsn or rij.initiator_kvk:
            per_gemeente.setdefault(rij.gemeente_id, []).append(
                (rij.initiator_bsn, rij.initiator_kvk)
            )
    for gemeente_id, betrokkenen in per_gemeente.items():
        verwerkingen.leg_vast(
            medewerker=medewerker,
            activiteit=Activiteit.ZOEKEN,
            doel=doel,
            betrokkenen=betrokkenen,
            gemeente=organisaties.gemeenten_for(medewerker)
            .filter(pk=gemeente_id)
            .first(),
            toelichting="Zoeken in de werkplek",
        )


# -- nemen, toewijzen, teruggeven ----------------------------------------------------


def _zichtbare_rij(medewerker, uuid):
    rij = (
        toegang.zichtbaar(medewerker)
        .select_related("zaak", "team", "behandelaar")
        .filter(zaak__uuid=uuid)
        .first()
    )
    if rij is None:
        raise Http404("Deze zaak bestaat niet of u mag haar niet zien.")
    return rij


def _terug(request, rij):
    """Where the person came from (``next``), else the zaak page, else the
    werkvoorraad."""
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if volgende and url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(volgende)
    try:
        return redirect(reverse("werkplek:zaak", kwargs={"uuid": rij.zaak.uuid}))
    except NoReverseMatch:
        return redirect("werkplek:index")


@werkplek_required
@require_POST
def nemen(request, uuid):
    rij = _zichtbare_rij(request.user, uuid)
    try:
        toewijzing.neem(rij, medewerker=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"U behandelt nu zaak {rij.identificatie}.")
    return _terug(request, rij)


@werkplek_required
@require_POST
def teruggeven(request, uuid):
    rij = _zichtbare_rij(request.user, uuid)
    try:
        toewijzing.geef_terug(rij, medewerker=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"Zaak {rij.identificatie} staat weer in de wachtrij van het team."
        )
    return _terug(request, rij)


class ToewijzenForm(LoketForm):
    medewerker = forms.ChoiceField(label="Aan een medewerker", required=False)
    team = forms.ChoiceField(label="Of aan een team", required=False)

    def __init__(self, *args, medewerkers, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["medewerker"].choices = [
            ("", "Kies een medewerker"),
            *[(str(m.uuid), m.naam) for m in medewerkers],
        ]
        self.fields["team"].choices = [
            ("", "Kies een team"),
            *[(str(t.uuid), t.naam) for t in teams],
        ]

    def clean(self):
        data = super().clean()
        if bool(data.get("medewerker")) == bool(data.get("team")):
            raise ValidationError("Kies één medewerker of één team, niet allebei.")
        return data


@never_cache
@werkplek_required
@require_http_methods(["GET", "POST"])
def toewijzen(request, uuid):
    medewerker = request.user
    rij = _zichtbare_rij(medewerker, uuid)
    if not toegang.mag_toewijzen(medewerker, rij):
        raise PermissionDenied(toewijzing.GEEN_TOEWIJZING)
    medewerkers = (
        organisaties.medewerkers_for(medewerker)
        .filter(
            is_active=True,
            organisatie__gemeenten=rij.gemeente_id,
            roltoekenningen__rol__in=toegang.BEHANDELROLLEN,
            teams__isnull=False,
        )
        .distinct()
        .order_by("naam")
    )
    teams = (
        organisaties.teams_for(medewerker)
        .filter(organisatie__gemeenten=rij.gemeente_id)
        .distinct()
        .order_by("naam")
    )
    form = ToewijzenForm(request.POST or None, medewerkers=medewerkers, teams=teams)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            gekozen = form.cleaned_data
            try:
                if gekozen["medewerker"]:
                    wie = medewerkers.get(uuid=gekozen["medewerker"])
                    toewijzing.wijs_toe(rij, door=medewerker, medewerker=wie)
                    aan = wie.naam
                else:
                    team = teams.get(uuid=gekozen["team"])
                    toewijzing.wijs_toe(rij, door=medewerker, team=team)
                    aan = f"team {team.naam}"
            except ValidationError as error:
                form.add_error(None, " ".join(error.messages))
            else:
                messages.success(
                    request, f"Zaak {rij.identificatie} is toegewezen aan {aan}."
                )
                return _terug(request, rij)
    volgende = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        volgende = ""
    return render(
        request,
        "werkplek/wachtrij_toewijzen.html",
        {"rij": rij, "form": form, "next": volgende},
        status=status,
    )


urlpatterns = [
    path("", index, name="index"),
    path("mijn-zaken/", mijn_zaken, name="mijn_zaken"),
    path("wachtrij/<uuid:team_uuid>/<slug:code>/", wachtrij, name="wachtrij"),
    path("zoeken/", zoeken, name="zoeken"),
    path("toewijzing/<uuid:uuid>/nemen/", nemen, name="nemen"),
    path("toewijzing/<uuid:uuid>/toewijzen/", toewijzen, name="toewijzen"),
    path("toewijzing/<uuid:uuid>/teruggeven/", teruggeven, name="teruggeven"),
]
