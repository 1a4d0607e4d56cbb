"""Staff pages of the contact centre (beneath /werkplek/klantcontact/): the
webvragen inbox and answering, contactmomenten, call-back requests and the
knowledge base. The klantbeeld is in ``klantbeeld``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from loket.klantcontact import selectors, services, tokens
from loket.klantcontact.forms import AfrondForm, AntwoordForm, ContactmomentForm
from loket.klantcontact.models import Terugbelverzoek, Webvraag
from loket.organisaties import selectors as organisaties
from loket.verwerkingen.models import Activiteit, Doel
from loket.verwerkingen.services import leg_vast
from loket.werkplek import toegang
from loket.werkplek.decorators import medewerker_required


def _is_kcc(medewerker) -> bool:
    return toegang.heeft_werkplek(medewerker) and toegang.is_kcc(medewerker)


kcc_required = medewerker_required(_is_kcc)
terugbel_required = medewerker_required(selectors.mag_terugbelverzoeken)


def page(request, template: str, context: dict, status: int = 200):
    response = render(request, f"klantcontact/{template}", context)
    add_never_cache_headers(response)  # personal data
    return response


def log_ingezien(medewerker, rijen, *, toelichting: str, klant=lambda r: r) -> None:
    """One processing-log insert for the persons and companies on a page."""
    leg_vast(
        medewerker=medewerker,
        activiteit=Activiteit.VRAAG_INGEZIEN,
        doel=Doel.KLANTCONTACT,
        betrokkenen=[(klant(r).bsn, klant(r).kvk) for r in rijen],
        toelichting=toelichting,
    )


def _validation_to_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for veld, fouten in error.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, error)


# -- webvragen -------------------------------------------------------------------------


@require_safe
@kcc_required
def webvragen(request):
    medewerker = request.user
    gemeenten = list(organisaties.gemeenten_for(medewerker).order_by("naam"))
    gemeente = next(
        (g for g in gemeenten if g.slug == request.GET.get("gemeente", "")), None
    )
    status = request.GET.get("status", "")
    if status not in Webvraag.Status.values:
        status = ""
    inbox = selectors.inbox(medewerker, gemeente=gemeente)
    log_ingezien(medewerker, inbox.webvragen, toelichting="Inbox webvragen")
    context = {
        "inbox": inbox,
        "gemeenten": gemeenten,
        "gekozen_gemeente": gemeente,
        "status": status,
        "statussen": Webvraag.Status.choices,
    }
    return page(request, "webvragen.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@kcc_required
def webvraag(request, uuid):
    medewerker = request.user
    gevonden = selectors.webvraag(medewerker, uuid)
    if gevonden is None:
        raise Http404("Deze vraag is niet gevonden.")
    initial = {}
    artikel = None
    if request.method != "POST" and request.GET.get("artikel"):
        artikel = selectors.kennisartikel(medewerker, request.GET["artikel"])
        if artikel is not None:
            initial["antwoord"] = artikel.tekst
    form = AntwoordForm(request.POST or None, initial=initial, webvraag=gevonden)
    if request.method == "POST" and gevonden.is_open and form.is_valid():
        try:
            services.beantwoord_webvraag(
                gevonden,
                medewerker=medewerker,
                antwoord=form.cleaned_data["antwoord"],
                kanaal=form.cleaned_data["kanaal"],
            )
        except ValidationError as error:
            _validation_to_form(form, error)
        else:
            messages.success(
                request,
                "Uw antwoord is verstuurd."
                if form.cleaned_data["kanaal"] == "email"
                else "Uw antwoord staat in Mijn Loket; de vraagsteller krijgt een "
                "e-mail dat het er is.",
            )
            return redirect("klantcontact:webvraag", uuid=gevonden.uuid)
    if gevonden.is_ingelogd:
        leg_vast(
            medewerker=medewerker,
            activiteit=Activiteit.VRAAG_INGEZIEN,
            doel=Doel.KLANTCONTACT,
            bsn=gevonden.bsn,
            kvk=gevonden.kvk,
            gemeente=gevonden.gemeente,
            toelichting=f"Webvraag: {gevonden.onderwerp}",
        )
    klant_token = (
        tokens.maak(
            tokens.Klant(bsn=gevonden.bsn, kvk=gevonden.kvk, naam=gevonden.naam)
        )
        if gevonden.is_ingelogd
        else ""
    )
    context = {
        "webvraag": gevonden,
        "form": form,
        "artikel": artikel,
        "klant_token": klant_token,
    }
    return page(request, "webvraag.html", context)


@require_POST
@kcc_required
def webvraag_oppakken(request, uuid):
    gevonden = selectors.webvraag(request.user, uuid)
    if gevonden is None:
        raise Http404("Deze vraag is niet gevonden.")
    try:
        services.pak_webvraag_op(gevonden, medewerker=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "U heeft deze vraag opgepakt.")
    return redirect("klantcontact:webvraag", uuid=gevonden.uuid)


# -- contactmomenten -----------------------------------------------------------------


@require_safe
@kcc_required
def contactmomenten(request):
    rijen = selectors.eigen_contactmomenten(request.user)
    log_ingezien(request.user, rijen, toelichting="Eigen contactmomenten")
    return page(request, "contactmomenten.html", {"contactmomenten": rijen})


def _klant_uit(request) -> tuple[tokens.Klant | None, str]:
    token = request.POST.get("klant") or request.GET.get("klant") or ""
    if not token:
        return None, ""
    try:
        return tokens.lees(token), token
    except tokens.OngeldigToken:
        raise Http404(
            "Deze link is verlopen of klopt niet. Zoek de klant opnieuw op."
        ) from None


@require_http_methods(["GET", "HEAD", "POST"])
@kcc_required
def contactmoment_nieuw(request):
    medewerker = request.user
    klant, token = _klant_uit(request)
    gemeenten = organisaties.gemeenten_for(medewerker).order_by("naam")
    zaken = (
        selectors.zaakkeuzes(medewerker, bsn=klant.bsn, kvk=klant.kvk) if klant else []
    )
    form = ContactmomentForm(
        request.POST or None,
        initial={"naam": klant.naam if klant else ""},
        gemeenten=gemeenten,
        teams=organisaties.teams_for(medewerker).order_by("naam"),
        zaken=zaken,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        zaak = None
        if data.get("zaak"):
            zaak = selectors.zichtbare_zaak(
                medewerker, data["zaak"], bsn=klant.bsn, kvk=klant.kvk
            )
        terugbellen = (
            services.Terugbellen(
                team=data["team"],
                telefoonnummer=data["telefoonnummer"],
                beste_moment=data["beste_moment"],
                toelichting=data["toelichting"],
            )
            if data["terugbellen"]
            else None
        )
        try:
            services.registreer_contactmoment(
                medewerker=medewerker,
                gemeente=data["gemeente"],
                kanaal=data["kanaal"],
                onderwerp=data["onderwerp"],
                tekst=data["tekst"],
                klant=klant,
                naam=data["naam"],
                zaak=zaak,
                terugbellen=terugbellen,
            )
        except ValidationError as error:
            _validation_to_form(form, error)
        else:
            melding = "Het contactmoment is vastgelegd."
            if terugbellen:
                melding += f" Team {terugbellen.team.naam} ziet het terugbelverzoek."
            messages.success(request, melding)
            if token:
                return redirect("klantcontact:klantbeeld_klant", token=token)
            return redirect("klantcontact:contactmomenten")
    context = {"form": form, "klant": klant, "token": token}
    return page(request, "contactmoment_nieuw.html", context)


# -- call-back requests ----------------------------------------------------------------


@require_safe
@terugbel_required
def terugbelverzoeken(request):
    medewerker = request.user
    afgehandeld = request.GET.get("status") == "afgehandeld"
    rijen = selectors.terugbelverzoeken_voor(medewerker)
    if afgehandeld:
        rijen = rijen.filter(status=Terugbelverzoek.Status.AFGEHANDELD).order_by(
            "-afgehandeld_op", "-pk"
        )
    else:
        rijen = rijen.exclude(status=Terugbelverzoek.Status.AFGEHANDELD)
    rijen = list(rijen[:200])
    log_ingezien(
        medewerker,
        rijen,
        toelichting="Terugbelverzoeken",
        klant=lambda r: r.contactmoment,
    )
    context = {"verzoeken": rijen, "afgehandeld": afgehandeld}
    return page(request, "terugbelverzoeken.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@terugbel_required
def terugbelverzoek(request, uuid):
    medewerker = request.user
    verzoek = selectors.terugbelverzoek(medewerker, uuid)
    if verzoek is None:
        raise Http404("Dit terugbelverzoek is niet gevonden.")
    mag = selectors.mag_terugbellen(medewerker, verzoek)
    form = AfrondForm(request.POST or None)
    if request.method == "POST":
        if not mag:
            raise Http404("Dit terugbelverzoek is niet voor uw team.")
        try:
            if request.POST.get("actie") == "oppakken":
                services.pak_terugbelverzoek_op(verzoek, medewerker=medewerker)
                messages.success(request, "U heeft dit terugbelverzoek opgepakt.")
                return redirect("klantcontact:terugbelverzoek", uuid=verzoek.uuid)
            if form.is_valid():
                services.rond_terugbelverzoek_af(
                    verzoek,
                    medewerker=medewerker,
                    afhandeling=form.cleaned_data["afhandeling"],
                )
                messages.success(request, "Het terugbelverzoek is afgerond.")
                return redirect("klantcontact:terugbelverzoeken")
        except ValidationError as error:
            _validation_to_form(form, error)
    cm = verzoek.contactmoment
    leg_vast(
        medewerker=medewerker,
        activiteit=Activiteit.VRAAG_INGEZIEN,
        doel=Doel.KLANTCONTACT,
        bsn=cm.bsn,
        kvk=cm.kvk,
        gemeente=cm.gemeente,
        zaak_identificatie=cm.zaak.identificatie if cm.zaak_id else "",
        toelichting=f"Terugbelverzoek: {cm.onderwerp}",
    )
    context = {"verzoek": verzoek, "cm": cm, "form": form, "mag": mag}
    return page(request, "terugbelverzoek.html", context)


# -- knowledge base ------------------------------------------------------------------


def _voor(request, medewerker):
    """The webvraag an agent is answering, when they came from its page."""
    uuid = request.GET.get("voor", "")
    try:
        return selectors.webvraag(medewerker, uuid) if uuid else None
    except ValidationError:  # not a UUID
        return None


@require_safe
@kcc_required
def kennisbank(request):
    zoek = request.GET.get("q", "").strip()[:200]
    artikelen = list(selectors.kennisartikelen(request.user, zoek)[:100])
    context = {
        "zoek": zoek,
        "artikelen": artikelen,
        "voor": _voor(request, request.user),
    }
    return page(request, "kennisbank.html", context)


@require_safe
@kcc_required
def kennisartikel(request, pk: int):
    artikel = selectors.kennisartikel(request.user, pk)
    if artikel is None:
        raise Http404("Dit artikel is niet gevonden.")
    voor = _voor(request, request.user)
    gebruik_url = ""
    if voor is not None and voor.is_open:
        gebruik_url = (
            reverse("klantcontact:webvraag", kwargs={"uuid": voor.uuid})
            + f"?artikel={artikel.pk}#antwoord"
        )
    context = {"artikel": artikel, "voor": voor, "gebruik_url": gebruik_url}
    return page(request, "kennisartikel.html", context)
