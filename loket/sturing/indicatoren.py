"""The indicators (defined in ``definities``) computed from the monthly counts in
``Telling`` and their sums in ``Maandtotaal``, or, for a *momentopname*, from the
registers as they stand today. The public API of sturing for the dashboard, the
council report, the public page, goals and open data: ``meet``, ``reeks``,
``uitsplitsing``, ``overzicht``, ``publieke_indicatoren``."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, IntegerField, Sum, Value, When

from loket.sturing import kanalen
from loket.sturing.definities import (
    EENHEDEN,
    INDICATOREN,
    MINIMUM_GROEP,
    REGEL_KLEINE_GROEPEN,
    STANDAARD_PUBLIEK,
    Indicator,
    Meting,
    getal,
    openbaar,
)
from loket.sturing.models import Maandtotaal, Sturinginstelling, Telling
from loket.sturing.perioden import Periode, laatste_maanden

__all__ = [
    "EENHEDEN",
    "INDICATOREN",
    "MINIMUM_GROEP",
    "REGEL_KLEINE_GROEPEN",
    "STANDAARD_PUBLIEK",
    "Indicator",
    "Meting",
    "Overzicht",
    "Periode",
    "getal",
    "mediaan",
    "meet",
    "openbaar",
    "overzicht",
    "publieke_indicatoren",
    "reeks",
    "reeks_uitgesplitst",
    "uitsplitsing",
]


def publieke_indicatoren(gemeente) -> list[str]:
    """The codes "Zo doen we het" shows for ``gemeente``, in order."""
    gekozen = (
        Sturinginstelling.objects.filter(gemeente=gemeente)
        .values_list("publieke_indicatoren", flat=True)
        .first()
    )
    codes = [c for c in (gekozen or []) if c in INDICATOREN]
    return codes or list(STANDAARD_PUBLIEK)


# -- computing -----------------------------------------------------------------------

# A distribution: waarde -> [aantal, binnen_norm, deel] where ``deel`` is the part
# through the channel asked for (the share of "zaken-online").
Verdeling = dict[int, list[int]]


def _ids(gemeenten: Iterable) -> list[int]:
    return [getattr(g, "pk", g) for g in gemeenten]


def _rijen(
    gemeenten,
    meetpunten: Iterable[str],
    begin: date,
    einde: date,
    *,
    per: tuple[str, ...] = ("meetpunt", "maand"),
    kanaal: str | None = None,
    product: str | None = None,
    deel_kanaal: str = kanalen.WEB,
):
    """Sums per ``per`` and waarde, in one query on a unique index (gemeente,
    meetpunt, maand, …): of ``Maandtotaal`` when neither channel nor product
    matters, else of ``Telling``."""
    filters = {
        "gemeente_id__in": _ids(gemeenten),
        "meetpunt__in": list(meetpunten),
        "maand__gte": begin,
        "maand__lt": einde,
    }
    totaal = (
        kanaal is None
        and product is None
        and deel_kanaal == kanalen.WEB
        and set(per) <= {"meetpunt", "maand"}
    )
    if totaal:
        rijen = Maandtotaal.objects.filter(**filters)
        deel = Sum("web")
    else:
        rijen = Telling.objects.filter(**filters)
        if kanaal is not None:
            rijen = rijen.filter(kanaal=kanaal)
        if product is not None:
            rijen = rijen.filter(product=product)
        deel = Sum(
            Case(
                When(kanaal=deel_kanaal, then="aantal"),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
    return (
        rijen.order_by()
        .values(*per, "waarde")
        .annotate(n=Sum("aantal"), norm=Sum("binnen_norm"), deel=deel)
    )


def _voeg_toe(verdeling: Verdeling, rij: dict) -> None:
    som = verdeling.setdefault(rij["waarde"], [0, 0, 0])
    som[0] += rij["n"] or 0
    som[1] += rij["norm"] or 0
    som[2] += rij["deel"] or 0


def _samen(verdelingen: Iterable[Verdeling]) -> Verdeling:
    totaal: Verdeling = {}
    for verdeling in verdelingen:
        for waarde, (n, norm, deel) in verdeling.items():
            som = totaal.setdefault(waarde, [0, 0, 0])
            som[0] += n
            som[1] += norm
            som[2] += deel
    return totaal


def mediaan(verdeling: Verdeling) -> float | None:
    """The median of the values, each counted ``aantal`` times (the mean of the
    two middle values when their number is even)."""
    totaal = sum(n for n, _, _ in verdeling.values())
    if totaal <= 0:
        return None
    midden = [(totaal - 1) // 2, totaal // 2]  # 0-based positions
    gevonden: list[int] = []
    gezien = 0
    for waarde in sorted(verdeling):
        gezien += verdeling[waarde][0]
        while midden and midden[0] < gezien:
            gevonden.append(waarde)
            midden.pop(0)
    return sum(gevonden) / 2


def _bereken(indicator: Indicator, verdeling: Verdeling) -> Meting:
    n = sum(a for a, _, _ in verdeling.values())
    soort = indicator.berekening
    if soort == "som":
        return indicator.meting(n, n)
    if n <= 0:
        return indicator.meting(None, 0)
    if soort == "aandeel_kanaal":
        teller = sum(d for _, _, d in verdeling.values())
    elif soort == "aandeel_norm":
        teller = sum(b for _, b, _ in verdeling.values())
    elif soort == "aandeel_eens":
        teller = sum(a for w, (a, _, _) in verdeling.items() if w >= 4)
    elif soort == "gemiddelde":
        som = sum(w * a for w, (a, _, _) in verdeling.items())
        return indicator.meting(som / n, n)
    elif soort == "mediaan":
        return indicator.meting(mediaan(verdeling), n)
    else:
        raise ValueError(f"Onbekende berekening {soort!r}")
    return indicator.meting(100 * teller / n, n)


def _momentopname(indicator: Indicator, gemeenten) -> Meting:
    if indicator.berekening == "producten_online":
        from loket.producten import selectors as producten

        online, totaal = producten.online_aanvraagbaar_telling(_ids(gemeenten))
        return indicator.meting(100 * online / totaal if totaal else None, totaal)
    if indicator.berekening == "verlopen":
        from loket.werkplek import selectors as werkplek

        n = werkplek.aantal_verlopen(_ids(gemeenten))
        return indicator.meting(n, n)
    raise ValueError(f"Onbekende momentopname {indicator.berekening!r}")


def _indicator(code: str) -> Indicator:
    try:
        return INDICATOREN[code]
    except KeyError:
        raise ValueError(f"Onbekende indicator: {code!r}") from None


def meet(
    code: str,
    gemeenten,
    periode: Periode,
    *,
    kanaal: str | None = None,
    product: str | None = None,
) -> Meting:
    """The indicator over ``periode`` for the gemeenten together, for one channel
    and/or product if given (for "zaken-online" ``kanaal`` is the channel whose
    share is measured). A momentopname is today's stand, whatever the period."""
    indicator = _indicator(code)
    if indicator.momentopname:
        return _momentopname(indicator, gemeenten)
    deel_kanaal = kanalen.WEB
    if indicator.berekening == "aandeel_kanaal" and kanaal is not None:
        deel_kanaal, kanaal = kanaal, None
    verdeling: Verdeling = {}
    for rij in _rijen(
        gemeenten,
        [indicator.meetpunt],
        periode.begin,
        periode.einde,
        per=(),
        kanaal=kanaal,
        product=product,
        deel_kanaal=deel_kanaal,
    ):
        _voeg_toe(verdeling, rij)
    return _bereken(indicator, verdeling)


def reeks(
    code: str, gemeenten, perioden: list[Periode]
) -> list[tuple[Periode, Meting]]:
    """The indicator for each period, in one query. A momentopname has a value
    only for the period that holds today."""
    indicator = _indicator(code)
    if not perioden:
        return []
    if indicator.momentopname:
        from django.utils import timezone

        vandaag = timezone.localdate()
        nu = [p for p in perioden if p.bevat(vandaag)]
        stand = _momentopname(indicator, gemeenten) if nu else None
        geen = indicator.meting(None, 0)
        return [(p, stand if p in nu else geen) for p in perioden]
    per_maand: dict[date, Verdeling] = defaultdict(dict)
    for rij in _rijen(
        gemeenten,
        [indicator.meetpunt],
        min(p.begin for p in perioden),
        max(p.einde for p in perioden),
        per=("maand",),
    ):
        _voeg_toe(per_maand[rij["maand"]], rij)
    return [
        (p, _bereken(indicator, _samen(per_maand.get(m, {}) for m in p.maanden)))
        for p in perioden
    ]


def _splits(indicator: Indicator, per: dict[str, Verdeling], naar: str) -> dict:
    """A meting per key. For "zaken-online" per channel: each channel's share."""
    if indicator.berekening == "aandeel_kanaal" and naar == "kanaal":
        totaal = sum(n for v in per.values() for n, _, _ in v.values())
        return {
            key: indicator.meting(
                100 * sum(n for n, _, _ in v.values()) / totaal if totaal else None,
                totaal,
            )
            for key, v in per.items()
        }
    return {key: _bereken(indicator, v) for key, v in per.items()}


def _kanaalvolgorde(key: str) -> int:
    return kanalen.VOLGORDE.get(key, len(kanalen.VOLGORDE))


def _splitsbaar(indicator: Indicator, naar: str) -> None:
    if naar not in indicator.splitsingen:
        raise ValueError(f"{indicator.code} is niet uit te splitsen naar {naar!r}")


def uitsplitsing(
    code: str, gemeenten, periode: Periode, naar: str
) -> list[tuple[str, str, Meting]]:
    """The indicator per channel or per product (zaaktype): (key, label, meting),
    channels in their usual order, products by name. For "zaken-online" per
    channel: each channel's share of all zaken."""
    indicator = _indicator(code)
    _splitsbaar(indicator, naar)
    per: dict[str, Verdeling] = defaultdict(dict)
    for rij in _rijen(
        gemeenten, [indicator.meetpunt], periode.begin, periode.einde, per=(naar,)
    ):
        _voeg_toe(per[rij[naar]], rij)
    metingen = _splits(indicator, per, naar)
    if naar == "kanaal":
        return [
            (key, kanalen.label(key), metingen[key])
            for key in sorted(metingen, key=_kanaalvolgorde)
        ]
    labels = _productnamen(gemeenten, list(metingen))
    rijen = [
        (key, labels.get(key) or key or "Geen zaaktype", m)
        for key, m in metingen.items()
    ]
    return sorted(rijen, key=lambda t: (t[1].lower(), t[0]))


def reeks_uitgesplitst(
    code: str, gemeenten, perioden: list[Periode], naar: str
) -> list[tuple[Periode, str, Meting]]:
    """The indicator per period and per channel or product (the keys that have
    data in that period), in one query."""
    indicator = _indicator(code)
    _splitsbaar(indicator, naar)
    if not perioden:
        return []
    per_maand: dict[date, dict[str, Verdeling]] = defaultdict(lambda: defaultdict(dict))
    for rij in _rijen(
        gemeenten,
        [indicator.meetpunt],
        min(p.begin for p in perioden),
        max(p.einde for p in perioden),
        per=("maand", naar),
    ):
        _voeg_toe(per_maand[rij["maand"]][rij[naar]], rij)
    uitkomst = []
    for periode in perioden:
        per: dict[str, list[Verdeling]] = defaultdict(list)
        for m in periode.maanden:
            for key, verdeling in per_maand.get(m, {}).items():
                per[key].append(verdeling)
        metingen = _splits(indicator, {k: _samen(v) for k, v in per.items()}, naar)
        volgorde = _kanaalvolgorde if naar == "kanaal" else str
        uitkomst += [(periode, k, metingen[k]) for k in sorted(metingen, key=volgorde)]
    return uitkomst


def _productnamen(gemeenten, identificaties: list[str]) -> dict[str, str]:
    """The omschrijving of each zaaktype (its newest version) in these gemeenten."""
    from loket.zgw.catalogi.models import ZaakType

    namen: dict[str, str] = {}
    versies = (
        ZaakType.objects.filter(
            catalogus__gemeente_id__in=_ids(gemeenten),
            identificatie__in=[i for i in identificaties if i],
        )
        .order_by("identificatie", "begin_geldigheid", "pk")
        .values_list("identificatie", "omschrijving")
    )
    for identificatie, omschrijving in versies:
        namen[identificatie] = omschrijving
    return namen


@dataclass(frozen=True)
class Overzicht:
    indicator: Indicator
    meting: Meting
    vorige: Meting
    reeks: list[tuple[Periode, Meting]]


def overzicht(gemeenten, periode: Periode, *, trend: int = 24) -> dict[str, Overzicht]:
    """Every indicator for ``periode``, the period before, and the ``trend`` months
    up to the end of ``periode`` (or up to this month, if ``periode`` runs on):
    one query on the month totals, one per momentopname."""
    vorige = periode.vorige()
    tot = min(periode, Periode.huidig("maand"), key=lambda p: p.einde)
    maanden = laatste_maanden(tot, trend) if trend > 0 else []
    begin = min([vorige.begin, *(m.begin for m in maanden)])
    meetpunten = {i.meetpunt for i in INDICATOREN.values() if not i.momentopname}
    per_maand: dict[tuple[str, date], Verdeling] = defaultdict(dict)
    for rij in _rijen(gemeenten, meetpunten, begin, periode.einde):
        _voeg_toe(per_maand[(rij["meetpunt"], rij["maand"])], rij)

    def over(indicator: Indicator, p: Periode) -> Meting:
        return _bereken(
            indicator,
            _samen(per_maand.get((indicator.meetpunt, m), {}) for m in p.maanden),
        )

    resultaat = {}
    for code, indicator in INDICATOREN.items():
        if indicator.momentopname:
            resultaat[code] = Overzicht(
                indicator,
                _momentopname(indicator, gemeenten),
                indicator.meting(None, 0),
                [],
            )
            continue
        resultaat[code] = Overzicht(
            indicator,
            over(indicator, periode),
            over(indicator, vorige),
            [(m, over(indicator, m)) for m in maanden],
        )
    return resultaat
