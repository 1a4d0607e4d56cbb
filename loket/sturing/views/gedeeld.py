"""What the staff pages of sturing share: who may see them, the gemeente in the
address, the period asked for."""

from django.http import Http404
from django.shortcuts import render

from loket.core.http import persoonlijk
from loket.sturing import toegang
from loket.sturing.weergave import Periodefout, lees_periode, periodekeuzes
from loket.werkplek.decorators import medewerker_required

sturing_required = medewerker_required(toegang.mag_sturing_zien)


def gemeente_of_404(request, slug: str):
    """The gemeente in the address, if this person may see its sturing
    information; any other (or unknown) gemeente is a 404."""
    gemeente = next(
        (g for g in toegang.gemeenten(request.user) if g.slug == slug), None
    )
    if gemeente is None:
        raise Http404("Deze gemeente is niet gevonden.")
    return gemeente


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
