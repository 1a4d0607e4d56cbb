"""The pages of a form under /<gemeente>/aanvragen/<product>/: start (or resume),
one page per step, check and send, the confirmation; and the same form filled in
by a staff member for a resident (namens)."""

import logging

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods, require_safe

from loket.formulieren import selectors, services, stappen
from loket.formulieren.indienen import product_van
from loket.formulieren.models import Concept, Doelgroep, Veldtype
from loket.formulieren.velden import Vraag
from loket.organisaties import selectors as organisaties

logger = logging.getLogger(__name__)
MISLUKT = (
    "Het versturen is niet gelukt. Uw gegevens zijn bewaard; probeer het over een "
    "paar minuten opnieuw."
)


class _Context:
    """The gemeente, form and product a request is about."""

    def __init__(self, gemeente_slug: str, product_slug: str):
        self.gemeente = organisaties.public_gemeente_or_404(gemeente_slug)
        self.formulier = selectors.formulier(self.gemeente, product_slug)
        if self.formulier is None:
            raise Http404("Dit product kunt u niet online aanvragen.")
        self.product = product_van(self.formulier)
        self.naam = self.product.naam if self.product else self.formulier.naam

    def url(self, name: str, **kwargs) -> str:
        return reverse(
            f"gemeente:formulieren:{name}",
            kwargs={
                "gemeente_slug": self.gemeente.slug,
                "product_slug": self.formulier.product_slug,
                **kwargs,
            },
        )

    def page(self, request, template: str, status: int = 200, **context):
        response = render(
            request,
            template,
            {
                "gemeente": self.gemeente,
                "formulier": self.formulier,
                "product": self.product,
                "naam": self.naam,
                **context,
            },
            status=status,
        )
        add_never_cache_headers(response)  # personal data
        return response


def _inwoner(request, gemeente_slug: str):
    """The resident logged in at this gemeente, or None."""
    from loket.identiteit import inwoner

    current = inwoner.current(request)
    if current is None or inwoner.current_gemeente_slug(request) != gemeente_slug:
        return None
    return current


def _login(request, ctx: _Context):
    from loket.identiteit import inwoner

    middel = {Doelgroep.BURGER: "digid", Doelgroep.BEDRIJF: "eherkenning"}.get(
        ctx.formulier.doelgroep, ""
    )
    return redirect(
        inwoner.login_url(ctx.gemeente.slug, request.get_full_path(), middel)
    )


def _is_staff(request) -> bool:
    from loket.identiteit.selectors import is_fully_logged_in

    return is_fully_logged_in(request)


def _concept(request, ctx: _Context, concept_uuid):
    """The draft, if the person asking may fill it in: the resident it belongs
    to, or the staff member filling it in for them. Returns (concept, response):
    a response (login, 404) when not."""
    concept = (
        Concept.objects.filter(uuid=concept_uuid, formulier=ctx.formulier)
        .select_related("medewerker")
        .first()
    )
    if concept is not None and concept.medewerker_id is not None:
        if _is_staff(request) and request.user.pk == concept.medewerker_id:
            return concept, None
        raise Http404("Dit formulier bestaat niet.")
    inwoner = _inwoner(request, ctx.gemeente.slug)
    if inwoner is None:
        return None, _login(request, ctx)
    if concept is None or not services.Eigenaar.van_inwoner(inwoner).owns(concept):
        raise Http404("Dit formulier bestaat niet.")
    return concept, None


def _past_bij_doelgroep(inwoner, formulier) -> bool:
    if formulier.doelgroep == Doelgroep.BURGER:
        return not inwoner.is_bedrijf
    if formulier.doelgroep == Doelgroep.BEDRIJF:
        return inwoner.is_bedrijf
    return True


# -- starting ------------------------------------------------------------------------


@require_safe
def start(request, gemeente_slug: str, product_slug: str):
    """Start the form, or go on with the open draft."""
    ctx = _Context(gemeente_slug, product_slug)
    if ctx.product is not None and not ctx.product.online_aanvraagbaar:
        raise Http404("Dit product kunt u niet online aanvragen.")
    inwoner = _inwoner(request, gemeente_slug)
    if inwoner is None:
        return _login(request, ctx)
    if not _past_bij_doelgroep(inwoner, ctx.formulier):
        return ctx.page(
            request,
            "formulieren/verkeerd_middel.html",
            status=403,
            bedrijf=ctx.formulier.doelgroep == Doelgroep.BEDRIJF,
        )
    concept, melding = services.start_concept(
        formulier=ctx.formulier, eigenaar=services.Eigenaar.van_inwoner(inwoner)
    )
    if melding:
        messages.warning(request, melding)
    return redirect(_waar_verder(ctx, concept))


def _waar_verder(ctx: _Context, concept: Concept) -> str:
    definitie = stappen.definitie(ctx.formulier)
    if concept.huidige_stap >= len(definitie.stappen):
        return ctx.url("controleren", concept=concept.uuid)
    return ctx.url("stap", concept=concept.uuid, nummer=concept.huidige_stap + 1)


@require_safe
def hervat(request, gemeente_slug: str, product_slug: str, token: str):
    """The link to go on with a draft (from Mijn Loket or an e-mail): only for the
    person it belongs to, logged in."""
    ctx = _Context(gemeente_slug, product_slug)
    inwoner = _inwoner(request, gemeente_slug)
    if inwoner is None:
        return _login(request, ctx)
    concept = Concept.objects.filter(
        token=token, formulier=ctx.formulier, medewerker__isnull=True
    ).first()
    if concept is None or not services.Eigenaar.van_inwoner(inwoner).owns(concept):
        raise Http404("Dit formulier bestaat niet (meer).")
    if hasattr(concept, "inzending"):
        return redirect(ctx.url("verstuurd", inzending=concept.inzending.uuid))
    return redirect(_waar_verder(ctx, concept))


# -- a step --------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def stap(request, gemeente_slug: str, product_slug: str, concept, nummer: int):
    ctx = _Context(gemeente_slug, product_slug)
    concept, weg = _concept(request, ctx, concept)
    if weg is not None:
        return weg
    if hasattr(concept, "inzending"):
        return redirect(ctx.url("verstuurd", inzending=concept.inzending.uuid))
    definitie = stappen.definitie(ctx.formulier)
    huidige = definitie.stap(nummer)
    if huidige is None or nummer > concept.huidige_stap + 1:
        return redirect(_waar_verder(ctx, concept))
    if request.method == "POST":
        return _verwerk_stap(request, ctx, concept, definitie, nummer)
    vragen = stappen.vragen_voor_weergave(
        definitie,
        huidige,
        antwoorden=concept.antwoorden,
        prefill=concept.prefill,
        herhalingen=concept.herhalingen,
    )
    return _toon_stap(request, ctx, concept, definitie, nummer, vragen)


def _verwerk_stap(request, ctx, concept, definitie, nummer):
    huidige = definitie.stap(nummer)
    resultaat = stappen.verwerk(
        definitie,
        huidige,
        antwoorden=concept.antwoorden,
        prefill=concept.prefill,
        herhalingen=concept.herhalingen,
        data=request.POST,
        files=request.FILES,
    )
    actie = request.POST.get("_actie", "")
    if actie.startswith(("toevoegen:", "verwijderen:")):
        # Another repetition (or one less), without JavaScript: keep what is
        # right so far, and show the page again.
        soort, _, sleutel = actie.partition(":")
        groep = next(
            (
                v
                for v in definitie.velden[huidige.pk]
                if v.sleutel == sleutel and v.type == Veldtype.HERHAALGROEP
            ),
            None,
        )
        if groep is not None:
            aantal = stappen.aantal_rijen(
                groep, concept.herhalingen, concept.antwoorden
            )
            aantal += 1 if soort == "toevoegen" else -1
            aantal = max(aantal, max(groep.minimum or 1, 1))
            if groep.maximum:
                aantal = min(aantal, groep.maximum)
            resultaat.fouten.clear()
            services.save_stap(
                concept,
                nummer=nummer,
                resultaat=resultaat,
                definitie=definitie,
                herhalingen={sleutel: aantal},
                volgende=False,
            )
        return redirect(
            ctx.url("stap", concept=concept.uuid, nummer=nummer) + f"#{sleutel}"
        )
    if not resultaat.geldig:
        return _toon_stap(request, ctx, concept, definitie, nummer, resultaat.vragen)
    services.save_stap(concept, nummer=nummer, resultaat=resultaat, definitie=definitie)
    if actie == "later":
        messages.success(request, "Uw antwoorden zijn bewaard. U kunt later verder.")
        return redirect(ctx.url("stap", concept=concept.uuid, nummer=nummer))
    if nummer >= len(definitie.stappen):
        return redirect(ctx.url("controleren", concept=concept.uuid))
    return redirect(ctx.url("stap", concept=concept.uuid, nummer=nummer + 1))


def _foutoverzicht(vragen: list[Vraag]) -> list[dict]:
    uit = []
    for vraag in vragen:
        if vraag.fout:
            uit.append(
                {"label": vraag.veld.label, "fout": vraag.fout, "anker": _anker(vraag)}
            )
        for i, rij in enumerate(vraag.rijen, start=1):
            for kind in rij:
                if kind.fout:
                    uit.append(
                        {
                            "label": f"{vraag.veld.label} {i}: {kind.veld.label}",
                            "fout": kind.fout,
                            "anker": _anker(kind),
                        }
                    )
    return uit


def _anker(vraag: Vraag) -> str:
    if vraag.type in (Veldtype.KEUZE, Veldtype.MEERKEUZE):
        return f"id_{vraag.naam}_0"
    if vraag.type == Veldtype.ADRES:
        return f"id_{vraag.naam}_postcode"
    if vraag.type == Veldtype.HERHAALGROEP:
        return vraag.naam
    return f"id_{vraag.naam}"


def _toon_stap(request, ctx, concept, definitie, nummer, vragen, status=200):
    return ctx.page(
        request,
        "formulieren/stap.html",
        status=status,
        concept=concept,
        stappen=definitie.stappen,
        nummer=nummer,
        stap=definitie.stap(nummer),
        aantal=len(definitie.stappen) + 1,
        vragen=vragen,
        fouten=_foutoverzicht(vragen),
        vorige=(
            ctx.url("stap", concept=concept.uuid, nummer=nummer - 1)
            if nummer > 1
            else ""
        ),
        namens=concept.medewerker_id is not None,
    )


# -- check and send ------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def controleren(request, gemeente_slug: str, product_slug: str, concept):
    ctx = _Context(gemeente_slug, product_slug)
    concept, weg = _concept(request, ctx, concept)
    if weg is not None:
        return weg
    if hasattr(concept, "inzending"):
        return redirect(ctx.url("verstuurd", inzending=concept.inzending.uuid))
    definitie = stappen.definitie(ctx.formulier)
    if concept.huidige_stap < len(definitie.stappen):
        return redirect(_waar_verder(ctx, concept))
    fout = ""
    if request.method == "POST":
        verklaard = request.POST.get("verklaring") == "ja"
        if not verklaard:
            fout = "Vink aan dat u het formulier naar waarheid heeft ingevuld."
        else:
            return _verstuur(request, ctx, concept)
    return ctx.page(
        request,
        "formulieren/controleren.html",
        concept=concept,
        stappen=definitie.stappen,
        nummer=len(definitie.stappen) + 1,
        aantal=len(definitie.stappen) + 1,
        samenvatting=stappen.samenvatting(
            definitie, concept.antwoorden, concept.prefill
        ),
        fout=fout,
        namens=concept.medewerker_id is not None,
    )


def _verstuur(request, ctx, concept):
    medewerker = request.user if concept.medewerker_id else None
    try:
        inzending = services.submit(
            concept,
            actor=services.actor_voor(concept, medewerker=medewerker),
            kanaal=concept.kanaal,
            verklaard=True,
        )
    except services.NietCompleet as onvolledig:
        messages.error(request, onvolledig.messages[0])
        return redirect(ctx.url("stap", concept=concept.uuid, nummer=onvolledig.stap))
    except Exception:
        logger.exception(
            "versturen mislukt: formulier %s, concept %s", ctx.formulier.pk, concept.pk
        )
        messages.error(request, MISLUKT)
        return redirect(ctx.url("controleren", concept=concept.uuid))
    return redirect(ctx.url("verstuurd", inzending=inzending.uuid))


@require_safe
def verstuurd(request, gemeente_slug: str, product_slug: str, inzending):
    ctx = _Context(gemeente_slug, product_slug)
    gevonden = selectors.inzending(inzending)
    if gevonden is None or gevonden.formulier_id != ctx.formulier.pk:
        raise Http404("Deze aanvraag bestaat niet.")
    _, weg = _concept(request, ctx, gevonden.concept.uuid)
    if weg is not None:
        return weg
    return ctx.page(
        request,
        "formulieren/verstuurd.html",
        inzending=gevonden,
        namens=gevonden.concept.medewerker_id is not None,
    )


# -- on behalf of a resident ---------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def namens(request, gemeente_slug: str, product_slug: str):
    """A staff member (KCC, behandelaar) fills in the form for a resident who
    called or came to the counter."""
    from django.contrib.auth.views import redirect_to_login

    from loket.formulieren.forms import NamensForm
    from loket.organisaties.roles import NAMENS_INWONER

    ctx = _Context(gemeente_slug, product_slug)
    if not _is_staff(request):
        return redirect_to_login(request.get_full_path(), reverse("identiteit:login"))
    medewerker = request.user
    mag = medewerker.is_superuser or (
        medewerker.rolcodes & NAMENS_INWONER
        and organisaties.gemeenten_for(medewerker).filter(pk=ctx.gemeente.pk).exists()
    )
    if not mag:
        raise Http404("Dit formulier kunt u niet namens een inwoner invullen.")
    form = NamensForm(request.POST or None, doelgroep=ctx.formulier.doelgroep)
    if request.method == "POST" and form.is_valid():
        concept, melding = services.start_concept(
            formulier=ctx.formulier,
            eigenaar=form.eigenaar(),
            kanaal=form.cleaned_data["kanaal"],
            medewerker=medewerker,
        )
        if melding:
            messages.warning(request, melding)
        _leg_namens_vast(medewerker, ctx, form.eigenaar())
        return redirect(_waar_verder(ctx, concept))
    return ctx.page(
        request,
        "formulieren/namens.html",
        form=form,
    )


def _leg_namens_vast(medewerker, ctx: _Context, eigenaar) -> None:
    """The staff member opened the resident's form, with what the registers know
    about them (processing log)."""
    from loket.verwerkingen.models import Activiteit, Doel
    from loket.verwerkingen.services import leg_vast

    leg_vast(
        medewerker=medewerker,
        activiteit=Activiteit.FORMULIER_NAMENS,
        doel=Doel.DIENSTVERLENING,
        bsn="" if eigenaar.kvk else eigenaar.bsn,
        kvk=eigenaar.kvk,
        gemeente=ctx.gemeente,
        toelichting=f"Formulier {ctx.naam}"[:200],
    )
