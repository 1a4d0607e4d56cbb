"""The klantbeeld: a KCC agent finds a person (BSN, surname + date of birth,
postcode + house number; through the BRP) or a company (KvK) and sees in one
screen what runs with them. Searches are POSTed; the result's URL carries an
encrypted token (``tokens``), never the BSN or KvK number."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods, require_POST

from loket.formulieren import selectors as formulier_selectors
from loket.formulieren import services as formulier_services
from loket.identiteit.clients import PrefillError
from loket.klantcontact import selectors, tokens
from loket.klantcontact.forms import ZOEKFORMULIEREN
from loket.klantcontact.views.werkplek import kcc_required, page
from loket.verwerkingen.models import Activiteit, Doel
from loket.verwerkingen.services import leg_vast

TITELS = {
    "bsn": "Op burgerservicenummer",
    "naam": "Op achternaam en geboortedatum",
    "adres": "Op adres",
    "kvk": "Een bedrijf op KvK-nummer",
}


# The register's own message speaks to the resident ("uw gegevens"); staff get this.
REGISTER_FOUT = (
    "Loket kan {register} nu niet raadplegen: de koppeling is niet bereikbaar of niet "
    "ingesteld. Probeer het over een paar minuten opnieuw."
)


def _formulieren(data=None, gekozen: str = ""):
    return [
        (
            wijze,
            TITELS[wijze],
            cls(data if wijze == gekozen else None, prefix=wijze),
        )
        for wijze, cls in ZOEKFORMULIEREN.items()
    ]


def _log(medewerker, activiteit, betrokkenen, toelichting: str = "") -> None:
    leg_vast(
        medewerker=medewerker,
        activiteit=activiteit,
        doel=Doel.KLANTCONTACT,
        betrokkenen=betrokkenen,
        toelichting=toelichting,
    )


def _persoon_token(persoon) -> str:
    return tokens.maak(tokens.Klant(bsn=persoon.bsn, naam=persoon.naam))


@require_http_methods(["GET", "HEAD", "POST"])
@kcc_required
def zoeken(request):
    """Four small search forms; a hit goes to the klantbeeld, several persons to
    a choice list."""
    from loket.identiteit.clients import brp, kvk

    medewerker = request.user
    wijze = request.POST.get("zoekwijze", "")
    formulieren = _formulieren(request.POST, wijze if request.method == "POST" else "")
    form = next((f for w, _, f in formulieren if w == wijze), None)
    fout = ""
    if request.method == "POST" and form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            if wijze == "kvk":
                bedrijf = kvk.bedrijf(data["kvk"])
                _log(medewerker, Activiteit.KVK_RAADPLEGING, [("", data["kvk"])])
                naam = bedrijf.naam if bedrijf else ""
                return redirect(
                    "klantcontact:klantbeeld_klant",
                    token=tokens.maak(tokens.Klant(kvk=data["kvk"], naam=naam)),
                )
            if wijze == "bsn":
                persoon = brp.persoon(data["bsn"])
                personen = [persoon] if persoon else []
                if not personen:  # known to Loket perhaps, not to the BRP
                    return redirect(
                        "klantcontact:klantbeeld_klant",
                        token=tokens.maak(tokens.Klant(bsn=data["bsn"])),
                    )
            elif wijze == "naam":
                personen = brp.zoek_op_naam(
                    data["geslachtsnaam"], data["geboortedatum"]
                )
            else:
                personen = brp.zoek_op_adres(data["postcode"], data["huisnummer"])
        except PrefillError:
            fout = REGISTER_FOUT.format(
                register="het Handelsregister" if wijze == "kvk" else "de BRP"
            )
        else:
            _log(
                medewerker,
                Activiteit.BRP_RAADPLEGING,
                [(p.bsn, "") for p in personen],
                toelichting=f"Klantbeeld: zoeken {TITELS[wijze].lower()}",
            )
            if len(personen) == 1:
                return redirect(
                    "klantcontact:klantbeeld_klant", token=_persoon_token(personen[0])
                )
            if not personen:
                form.add_error(
                    None,
                    "De BRP kent niemand met deze gegevens. Controleer wat u "
                    "invulde, of zoek op een andere manier.",
                )
            else:
                keuzes = [(p, _persoon_token(p)) for p in personen]
                return page(
                    request, "klantbeeld_keuze.html", {"keuzes": keuzes, "wijze": wijze}
                )
    context = {"formulieren": formulieren, "gekozen": wijze, "fout": fout}
    return page(request, "klantbeeld_zoeken.html", context)


def _klant(token: str) -> tokens.Klant:
    try:
        return tokens.lees(token)
    except tokens.OngeldigToken:
        raise Http404(
            "Deze link is verlopen of klopt niet. Zoek de klant opnieuw op."
        ) from None


@require_http_methods(["GET", "HEAD"])
@kcc_required
def klant(request, token: str):
    from loket.identiteit.clients import brp, kvk

    medewerker = request.user
    klant = _klant(token)
    register, register_fout = None, ""
    try:
        if klant.is_bedrijf:
            register = kvk.bedrijf(klant.kvk)
        else:
            register = brp.persoon(klant.bsn)
    except PrefillError:
        register_fout = REGISTER_FOUT.format(
            register="het Handelsregister" if klant.is_bedrijf else "de BRP"
        )
    beeld = selectors.klantbeeld(medewerker, bsn=klant.bsn, kvk=klant.kvk)
    leg_vast(
        medewerker=medewerker,
        activiteit=Activiteit.KLANTBEELD,
        doel=Doel.KLANTCONTACT,
        bsn=klant.bsn,
        kvk=klant.kvk,
    )
    if not register_fout:
        leg_vast(
            medewerker=medewerker,
            activiteit=(
                Activiteit.KVK_RAADPLEGING
                if klant.is_bedrijf
                else Activiteit.BRP_RAADPLEGING
            ),
            doel=Doel.KLANTCONTACT,
            bsn=klant.bsn,
            kvk=klant.kvk,
            toelichting="Klantbeeld",
        )
    context = {
        "klant": klant,
        "token": token,
        "register": register,
        "register_fout": register_fout,
        "beeld": beeld,
        "formulieren": formulier_selectors.namens_formulieren(
            medewerker, bedrijf=klant.is_bedrijf
        ),
        "naam": (register.naam if register else "") or klant.naam,
    }
    return page(request, "klantbeeld.html", context)


@require_POST
@kcc_required
def namens(request, token: str):
    """Start the form of a product for this person or company, as the staff
    member's own "namens" page would after they typed the number again."""
    from loket.formulieren.models import Kanaal
    from loket.organisaties import selectors as organisaties

    medewerker = request.user
    klant = _klant(token)
    gemeente = (
        organisaties.gemeenten_for(medewerker)
        .filter(slug=request.POST.get("gemeente", ""))
        .first()
    )
    keuzes = {
        (f.gemeente_slug, f.product_slug)
        for f in formulier_selectors.namens_formulieren(
            medewerker, bedrijf=klant.is_bedrijf
        )
    }
    product = request.POST.get("product", "")
    if gemeente is None or (gemeente.slug, product) not in keuzes:
        raise Http404("Dit formulier kunt u niet namens deze klant invullen.")
    formulier = formulier_selectors.formulier(gemeente, product)
    kanaal = request.POST.get("kanaal", Kanaal.TELEFOON)
    if kanaal not in {Kanaal.BALIE, Kanaal.TELEFOON, Kanaal.POST}:
        kanaal = Kanaal.TELEFOON
    concept, melding = formulier_services.start_concept(
        formulier=formulier,
        eigenaar=formulier_services.Eigenaar(
            bsn=klant.bsn, kvk=klant.kvk, naam=klant.naam
        ),
        kanaal=kanaal,
        medewerker=medewerker,
    )
    leg_vast(
        medewerker=medewerker,
        activiteit=Activiteit.FORMULIER_NAMENS,
        doel=Doel.DIENSTVERLENING,
        bsn=klant.bsn,
        kvk=klant.kvk,
        gemeente=gemeente,
        toelichting=formulier.naam or product,
    )
    if melding:
        messages.warning(request, melding)
    # The form's step page sends on to the step the draft is at.
    return redirect(
        "gemeente:formulieren:stap",
        gemeente_slug=gemeente.slug,
        product_slug=product,
        concept=concept.uuid,
        nummer=concept.huidige_stap + 1,
    )
