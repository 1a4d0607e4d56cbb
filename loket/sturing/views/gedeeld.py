"""What the staff pages of sturing share: who may see them, the choice of a
gemeente, the period asked for. (The beleid pages choose a gemeente the same way;
the gemeente in the address is ``toegang.gemeente_of_404``.)"""

from django.shortcuts import redirect, render

from loket.core.http import persoonlijk
from loket.sturing import toegang
from loket.sturing.weergave import Periodefout, lees_periode, periodekeuzes
from loket.werkplek.decorators import medewerker_required

sturing_required = medewerker_required(toegang.mag_sturing_zien)


def gemeente_kiezen(request, *, naar: str, toon):
    """The start page of sturing and of beleid: with one gemeente straight to the
    page ``naar`` (a URL name with a ``gemeente``), else the list to choose from,
    ``toon(request, "index.html", {"gemeenten": …})``."""
    gemeenten = toegang.gemeenten(request.user)
    if len(gemeenten) == 1:
        return redirect(naar, gemeente=gemeenten[0].slug)
    return toon(request, "index.html", {"gemeenten": gemeenten})


def pagina(request, template: str, context: dict, status: int = 200):
    """A sturing page: behind a login, so kept out of shared caches."""
    context.setdefault("mag_wijzigen", toegang.mag_beleid_wijzigen(request.user))
    return persoonlijk(render(request, f"sturing/{template}", context, status=status))


def periode_of_fout(request, *, standaard: str = "kwartaal", titel: str):
    """(periode, None), or (None, the page that says what is wrong with the
    period in the address: status 400, with the period chooser)."""
    try:
        return lees_periode(request.GET.get("periode"), standaard=standaard), None
    except Periodefout as fout:
        context = {"titel": titel, "fout": str(fout), "keuzes": periodekeuzes()}
        return None, pagina(request, "periodefout.html", context, status=400)
