"""The dashboard of one gemeente, one indicator split per channel and product,
and the comparison of the gemeenten a person sees. College, management and
council see the same pages; only who may change goals and projects gets the
links to do so."""

from django.http import Http404
from django.views.decorators.http import require_safe

from loket.beleid import selectors as beleid
from loket.sturing import grafiek, indicatoren, toegang
from loket.sturing.beoordeling import REGEL
from loket.sturing.perioden import laatste_maanden
from loket.sturing.views.gedeeld import (
    gemeente_kiezen,
    pagina,
    periode_of_fout,
    sturing_required,
)
from loket.sturing.weergave import (
    REGEL_MEDEWERKERS,
    blokken,
    periodekeuzes,
    projectregels,
    tekst,
    trendgrafiek,
)


@require_safe
@sturing_required
def index(request):
    """With one gemeente straight to its dashboard, else a choice."""
    return gemeente_kiezen(request, naar="sturing:dashboard", toon=pagina)


@require_safe
@sturing_required
def dashboard(request, gemeente):
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    periode, fout = periode_of_fout(request, titel=f"Sturing {gemeente.naam}")
    if fout:
        return fout
    overzichten = indicatoren.overzicht([gemeente], periode, trend=24)
    context = {
        "gemeente": gemeente,
        "periode": periode,
        "vorige": periode.vorige(),
        "keuzes": periodekeuzes(periode),
        "blokken": blokken(overzichten, beleid.doelen(gemeente), periode),
        "projecten": projectregels(beleid.projecten(gemeente)),
        "regel": REGEL,
        "regel_kleine_groepen": REGEL_MEDEWERKERS,
    }
    return pagina(request, "dashboard.html", context)


@require_safe
@sturing_required
def indicator(request, gemeente, code):
    """One indicator in a period, per channel and per product where it can be
    split that way, and its months."""
    gemeente = toegang.gemeente_of_404(request.user, gemeente)
    gekozen = indicatoren.INDICATOREN.get(code)
    if gekozen is None:
        raise Http404("Deze indicator bestaat niet.")
    periode, fout = periode_of_fout(request, titel=gekozen.titel)
    if fout:
        return fout
    meting = indicatoren.meet(code, [gemeente], periode)
    splitsingen = []
    for naar in gekozen.splitsingen:
        rijen = indicatoren.uitsplitsing(code, [gemeente], periode, naar)
        punten = [
            grafiek.Punt(label, label, m.waarde, tekst(m)) for _, label, m in rijen
        ]
        titel = f"{gekozen.titel} per {naar}, {periode.label}"
        splitsingen.append(
            {
                "naar": naar,
                "rijen": [(label, tekst(m)) for _, label, m in rijen],
                "grafiek": grafiek.rijen(punten, titel=titel, eenheid=gekozen.eenheid)
                if rijen
                else None,
            }
        )
    trend = None
    if not gekozen.momentopname and periode.soort != "maand":
        maanden = laatste_maanden(periode, len(periode.maanden))
        reeks = indicatoren.reeks(code, [gemeente], maanden)
        trend = {
            "reeks": [(p, tekst(m)) for p, m in reeks],
            "grafiek": trendgrafiek(gekozen, reeks),
        }
    context = {
        "gemeente": gemeente,
        "periode": periode,
        "keuzes": periodekeuzes(periode),
        "indicator": gekozen,
        "meting": tekst(meting),
        "uitleg": gekozen.uitleg(meting),
        "splitsingen": splitsingen,
        "trend": trend,
        "regel_kleine_groepen": REGEL_MEDEWERKERS,
    }
    return pagina(request, "indicator.html", context)


@require_safe
@sturing_required
def vergelijking(request):
    """The gemeenten this person sees side by side, per indicator; with more than
    one also all of them together."""
    gemeenten = toegang.gemeenten(request.user)
    periode, fout = periode_of_fout(request, titel="Gemeenten vergelijken")
    if fout:
        return fout
    per_gemeente = [
        (g.naam, indicatoren.overzicht([g], periode, trend=0)) for g in gemeenten
    ]
    samen = (
        indicatoren.overzicht(gemeenten, periode, trend=0)
        if len(gemeenten) > 1
        else None
    )
    vergelijkingen = []
    for code, indicator in indicatoren.INDICATOREN.items():
        rijen = [(naam, o[code]) for naam, o in per_gemeente]
        if samen is not None:
            rijen.append(("Alle samen", samen[code]))
        punten = [
            grafiek.Punt(naam, naam, o[code].meting.waarde, tekst(o[code].meting))
            for naam, o in per_gemeente
        ]
        vergelijkingen.append(
            {
                "indicator": indicator,
                "rijen": [
                    (
                        naam,
                        tekst(o.meting),
                        "—" if indicator.momentopname else tekst(o.vorige),
                    )
                    for naam, o in rijen
                ],
                "grafiek": grafiek.rijen(
                    punten,
                    titel=f"{indicator.titel} per gemeente, {periode.label}",
                    eenheid=indicator.eenheid,
                ),
            }
        )
    context = {
        "gemeenten": gemeenten,
        "periode": periode,
        "vorige": periode.vorige(),
        "keuzes": periodekeuzes(periode),
        "vergelijkingen": vergelijkingen,
        "regel_kleine_groepen": REGEL_MEDEWERKERS,
    }
    return pagina(request, "vergelijking.html", context)
