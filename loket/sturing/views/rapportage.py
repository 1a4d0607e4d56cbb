"""The council report of one gemeente over a period, as a printable page and as
a PDF. The same for everyone who may see sturing information."""

from functools import wraps

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from loket.sturing import rapport, toegang
from loket.sturing.pdf import rapport_pdf
from loket.sturing.views.gedeeld import pagina, periode_of_fout, sturing_required
from loket.sturing.weergave import periodekeuzes


def _rapportview(toon):
    """A view of the council report: the gemeente in the address (else a 404) and
    the period asked for (a year by default; else the page that says what is
    wrong with it); then ``toon(request, the report)``."""

    @require_safe
    @sturing_required
    @wraps(toon)
    def view(request, gemeente):
        gemeente = toegang.gemeente_of_404(request.user, gemeente)
        periode, fout = periode_of_fout(
            request, standaard="jaar", titel=f"Raadsrapportage {gemeente.naam}"
        )
        if fout:
            return fout
        return toon(request, rapport.maak(gemeente, periode))

    return view


@_rapportview
def html(request, gemaakt):
    context = {
        "rapport": gemaakt,
        "gemeente": gemaakt.gemeente,
        "periode": gemaakt.periode,
        "keuzes": periodekeuzes(gemaakt.periode),
    }
    return pagina(request, "rapportage.html", context)


@_rapportview
def pdf(request, gemaakt):
    response = HttpResponse(rapport_pdf(gemaakt), content_type="application/pdf")
    naam = f"raadsrapportage-{gemaakt.gemeente.slug}-{gemaakt.periode.code}.pdf"
    response["Content-Disposition"] = f'inline; filename="{naam}"'
    response["Cache-Control"] = "private, no-store"
    return response
