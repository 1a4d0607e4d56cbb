"""/<gemeente>/zo-doen-we-het/: for everyone, without logging in, how the gemeente
is doing on the indicators it chose to publish, over the last complete quarter
and year. Aggregates only, small groups left out as in open data
(``indicatoren.openbaar``)."""

from dataclasses import dataclass

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from loket.organisaties.selectors import public_gemeente_or_404
from loket.sturing import indicatoren
from loket.sturing.indicatoren import Indicator, Meting, Periode, openbaar
from loket.sturing.weergave import tekst, trendgrafiek

KWARTALEN = 8  # in the chart: two years of quarters


@dataclass(frozen=True)
class PubliekeIndicator:
    indicator: Indicator
    kwartaal: Meting
    jaar: Meting
    trend: list[tuple[Periode, Meting]]

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def kwartaal_tekst(self) -> str:
        return tekst(self.kwartaal)

    @property
    def jaar_tekst(self) -> str:
        return tekst(self.jaar)

    @property
    def uitleg(self) -> str:
        return self.indicator.uitleg(self.kwartaal)

    @property
    def grafiek(self):
        if not self.trend:
            return None
        return trendgrafiek(
            self.indicator,
            self.trend,
            titel=f"{self.indicator.titel} per kwartaal",
        )


def _voor(gemeente, code: str, kwartalen: list[Periode], jaar: Periode):
    """One indicator over the quarters and the year, in one query."""
    indicator = indicatoren.INDICATOREN[code]
    if indicator.momentopname:
        nu = openbaar(indicatoren.meet(code, [gemeente], kwartalen[-1]))
        return PubliekeIndicator(indicator, nu, nu, [])
    reeks = [
        (p, openbaar(m))
        for p, m in indicatoren.reeks(code, [gemeente], [*kwartalen, jaar])
    ]
    return PubliekeIndicator(indicator, reeks[-2][1], reeks[-1][1], reeks[:-1])


def vandaag():
    return timezone.localdate()


@require_safe
def index(request, gemeente_slug: str):
    gemeente = public_gemeente_or_404(gemeente_slug)
    kwartaal = Periode.huidig("kwartaal", vandaag()).vorige()
    jaar = Periode.huidig("jaar", vandaag()).vorige()
    kwartalen = [kwartaal]
    while len(kwartalen) < KWARTALEN:
        kwartalen.insert(0, kwartalen[0].vorige())
    context = {
        "gemeente": gemeente,
        "kwartaal": kwartaal,
        "jaar": jaar,
        "indicatoren": [
            _voor(gemeente, code, kwartalen, jaar)
            for code in indicatoren.publieke_indicatoren(gemeente)
        ],
        "regel_kleine_groepen": indicatoren.REGEL_KLEINE_GROEPEN,
    }
    response = render(request, "sturing/publiek.html", context)
    response["Cache-Control"] = "public, max-age=900"
    return response
