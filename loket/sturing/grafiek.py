"""Charts drawn on the server: the geometry of a bar chart, which a template turns
into inline SVG (``sturing/_grafiek.html``) and the council report's PDF into
vector operators. No JavaScript, no chart library; every chart on a page comes
with a table of the same numbers, so the drawing itself only has to be clear.

Coordinates are in the SVG's own units (a viewBox), y pointing down; the SVG
scales to the width of its container."""

import math
from dataclasses import dataclass

# The viewBox of a chart over time (columns) and of a comparison (rows).
BREEDTE = 640
HOOGTE = 240
LINKS = 48  # room for the labels of the value axis
BOVEN = 16
ONDER = 34  # room for the labels under the columns
RECHTS = 32  # room for the last column's label
RIJ = 30  # height of one row in a comparison
NAAM = 150  # room for the names in front of the rows
WAARDE = 110  # room for the value after a row


@dataclass(frozen=True)
class Punt:
    """One number of a chart: ``label`` in full ("mei 2026", "Duinwaard"), ``kort``
    under its column ("mei"), ``waarde`` None when there is none to draw (no data,
    or a group too small to show), ``tekst`` as the table says it."""

    label: str
    kort: str
    waarde: float | None
    tekst: str


@dataclass(frozen=True)
class Staaf:
    punt: Punt
    x: float
    y: float
    breedte: float
    hoogte: float
    label_x: float  # where the axis label (kort) or the value text goes
    label_y: float
    toon_label: bool


@dataclass(frozen=True)
class Streep:
    """A horizontal grid line of the value axis, or the target."""

    y: float
    tekst: str


@dataclass(frozen=True)
class Grafiek:
    titel: str
    beschrijving: str
    liggend: bool  # rows (a comparison) instead of columns (a trend)
    breedte: int
    hoogte: int
    staven: list[Staaf]
    assen: list[Streep]
    streef: Streep | None
    links: float
    rechts: float
    basis: float  # the y of the zero line (columns) or the x where rows start
    maximum: float

    @property
    def viewbox(self) -> str:
        return f"0 0 {self.breedte} {self.hoogte}"

    @property
    def as_tekst_x(self) -> float:
        """Where the labels in front of the chart end (they are right-aligned)."""
        return self.links - 6


def getal(value: float) -> str:
    """A number the Dutch way: a decimal comma, no needless decimals."""
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:.1f}".replace(".", ",")


def schaal(waarden: list[float], *, eenheid: str = "") -> tuple[float, float]:
    """The top of the value axis and the step between its grid lines, rounded to
    1, 2, 2.5 or 5 times a power of ten, so the lines get readable labels.
    Percentages go to 100 and grades to 10."""
    if eenheid == "%":
        return 100.0, 25.0
    if eenheid == "cijfer":
        return 10.0, 2.0
    hoogste = max([w for w in waarden if w is not None] or [0])
    if hoogste <= 0:
        return 1.0, 0.25
    ruw = hoogste / 4
    macht = 10 ** math.floor(math.log10(ruw))
    stap = next(f * macht for f in (1, 2, 2.5, 5, 10) if f * macht >= ruw)
    return stap * math.ceil(hoogste / stap), stap


def kolommen(
    punten: list[Punt],
    *,
    titel: str,
    eenheid: str = "",
    streefwaarde: float | None = None,
    streeftekst: str = "",
    labels_om: int = 1,
) -> Grafiek:
    """Columns over time, oldest left. ``labels_om``: write the short label under
    every n-th column (and always under the last), so 24 months stay legible.
    ``streefwaarde`` draws the target as a dashed line, labelled "doel" and
    ``streeftekst`` (the value with its unit)."""
    maximum, stap = schaal(
        [p.waarde for p in punten] + [streefwaarde or 0], eenheid=eenheid
    )
    basis = HOOGTE - ONDER
    ruimte = basis - BOVEN
    vak = (BREEDTE - LINKS - RECHTS) / max(len(punten), 1)
    staafbreedte = vak * 0.7

    def y_van(waarde: float) -> float:
        return round(basis - _deel(ruimte, waarde, maximum), 2)

    staven = []
    for n, punt in enumerate(punten):
        x = LINKS + n * vak + (vak - staafbreedte) / 2
        y = y_van(punt.waarde) if punt.waarde is not None else basis
        staven.append(
            Staaf(
                punt=punt,
                x=round(x, 2),
                y=y,
                breedte=round(staafbreedte, 2),
                hoogte=round(basis - y, 2),
                label_x=round(x + staafbreedte / 2, 2),
                label_y=basis + 16,
                toon_label=(len(punten) - 1 - n) % labels_om == 0,
            )
        )
    assen = [
        Streep(y=y_van(stap * i), tekst=getal(stap * i))
        for i in range(round(maximum / stap) + 1)
    ]
    streef = None
    if streefwaarde is not None:
        tekst = streeftekst or getal(streefwaarde)
        streef = Streep(y=y_van(streefwaarde), tekst=f"doel {tekst}")
    return _grafiek(
        punten,
        titel=titel,
        liggend=False,
        hoogte=HOOGTE,
        staven=staven,
        assen=assen,
        streef=streef,
        links=LINKS,
        rechts=BREEDTE - RECHTS,
        basis=basis,
        maximum=maximum,
    )


def rijen(punten: list[Punt], *, titel: str, eenheid: str = "") -> Grafiek:
    """One row per item (a gemeente), the name in front and the value behind."""
    maximum, _ = schaal([p.waarde for p in punten], eenheid=eenheid)
    hoogte = BOVEN + RIJ * max(len(punten), 1) + 8
    ruimte = BREEDTE - NAAM - WAARDE
    staven = []
    for n, punt in enumerate(punten):
        lengte = 0.0
        if punt.waarde is not None:
            lengte = round(_deel(ruimte, punt.waarde, maximum), 2)
        y = BOVEN + n * RIJ
        staven.append(
            Staaf(
                punt=punt,
                x=NAAM,
                y=y + 6,
                breedte=lengte,
                hoogte=RIJ - 12,
                label_x=NAAM + lengte + 6,
                label_y=y + RIJ / 2 + 4,
                toon_label=True,
            )
        )
    return _grafiek(
        punten,
        titel=titel,
        liggend=True,
        hoogte=hoogte,
        staven=staven,
        assen=[],
        streef=None,
        links=NAAM,
        rechts=BREEDTE - WAARDE,
        basis=NAAM,
        maximum=maximum,
    )


def _deel(ruimte: float, waarde: float, maximum: float) -> float:
    """How much of ``ruimte`` a value takes on an axis up to ``maximum`` (a value
    beyond the top fills it)."""
    return ruimte * min(waarde, maximum) / maximum


def _grafiek(punten: list[Punt], *, liggend: bool, **maten) -> Grafiek:
    """A chart of the full width, described for a screen reader as a trend
    (columns) or a comparison (rows)."""
    return Grafiek(
        beschrijving=_beschrijving(punten, over_tijd=not liggend),
        liggend=liggend,
        breedte=BREEDTE,
        **maten,
    )


def _beschrijving(punten: list[Punt], *, over_tijd: bool) -> str:
    """The short text a screen reader gives for the drawing; the table beside it
    has every number."""
    getekend = [p for p in punten if p.waarde is not None]
    if not getekend:
        return "Staafdiagram zonder staven: er zijn nog geen cijfers om te tekenen."
    hoogste = max(getekend, key=lambda p: p.waarde)
    laagste = min(getekend, key=lambda p: p.waarde)
    wat = (
        f"Staafdiagram van {punten[0].label} tot en met {punten[-1].label}."
        if over_tijd
        else "Staafdiagram per gemeente."
    )
    return (
        f"{wat} Hoogste: {hoogste.tekst} ({hoogste.label}); laagste: "
        f"{laagste.tekst} ({laagste.label}). Alle cijfers staan in de tabel."
    )
