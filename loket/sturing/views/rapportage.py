"""The council report of one gemeente over a period, as a printable page and as
a PDF. The same for everyone who may see sturing information."""

from django.http import HttpResponse
from django.views.decorators.http import require_safe

from loket.sturing import rapport
from loket.sturing.pdf import rapport_pdf
from loket.sturing.views.gedeeld import (
    gemeente_of_404,
    pagina,
    periode_of_fout,
    sturing_required,
)
from loket.sturing.weergave import periodekeuzes


def _rapport(request, gemeente):
    gemeente = gemeente_of_404(request, gemeente)
    periode, fout = periode_of_fout(
        request, standaard="jaar", titel=f"Raadsrapportage {gemeente.naam}"
    )
    if fout:
        return None, fout
    return rapport.maak(gemeente, periode), None


@require_safe
@sturing_required
def html(request, gemeente):
    gemaakt, fout = _rapport(request, gemeente)
    if fout:
        return fout
    context = {
        "rapport": gemaakt,
        "gemeente": gemaakt.gemeente,
        "periode": gemaakt.periode,
        "keuzes": periodekeuzes(gemaakt.periode),
    }
    return pagina(request, "rapportage.html", context)


@require_safe
@sturing_required
def pdf(request, gemeente):
    gemaakt, fout = _rapport(request, gemeente)
    if fout:
        return fout
    response = HttpResponse(rapport_pdf(gemaakt), content_type="application/pdf")
    naam = f"raadsrapportage-{gemaakt.gemeente.slug}-{gemaakt.periode.code}.pdf"
    response["Content-Disposition"] = f'inline; filename="{naam}"'
    response["Cache-Control"] = "private, no-store"
    return response
