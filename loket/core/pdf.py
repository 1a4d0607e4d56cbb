"""Small but valid PDF files: one or more A4 pages of text in Helvetica, written by
hand (PDF 1.4, ISO 32000-1) so Loket needs no PDF library. The demo writes its
letters with it, and a submitted form becomes a PDF in its zaak (``document``).
Reports with headings, tables and bar charts are laid out with ``Opmaak``.

Text is encoded as WinAnsi (Windows-1252), which covers Dutch and most European
names; a character outside it loses its accent, or becomes a question mark."""

import textwrap
import unicodedata
from datetime import datetime

WIDTH, HEIGHT = 595, 842  # A4 in points
MARGIN = 72
LEADING = 15
COLUMNS = 84  # characters of Helvetica 10 pt that fit between the margins
LINES_PER_PAGE = (HEIGHT - 2 * MARGIN) // LEADING - 2
# Letters without a WinAnsi form that do not decompose into one.
SIMILAR = {"\u0131": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h"}


def document(
    *, titel: str, regels: list[str], auteur: str = "", gemaakt: datetime
) -> bytes:
    """A PDF with ``titel`` in bold on top, then ``regels`` (paragraphs; an empty
    string is an empty line), wrapped to the page width and continued on further
    pages when needed."""
    lines = []
    for paragraph in regels:
        lines.extend(textwrap.wrap(paragraph, COLUMNS) or [""])
    pages = [
        lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)
    ] or [[]]
    streams = [
        _page_stream(titel if n == 0 else "", page) for n, page in enumerate(pages)
    ]
    return _assemble(streams, titel=titel, auteur=auteur, gemaakt=gemaakt)


def _page_stream(titel: str, lines: list[str]) -> bytes:
    ops = ["BT", f"{MARGIN} {HEIGHT - MARGIN} Td"]
    if titel:
        ops += ["/F2 14 Tf", f"({_text(titel)}) Tj", f"0 -{2 * LEADING} Td"]
    ops += ["/F1 10 Tf", f"{LEADING} TL"]
    ops += [f"({_text(line)}) '" for line in lines]
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def _assemble(
    streams: list[bytes], *, titel: str, auteur: str, gemaakt: datetime
) -> bytes:
    # Objects: 1 catalog, 2 pages, 3 and 4 fonts, 5 info, then per page a page
    # object and its content stream.
    count = len(streams)
    page_ids = [6 + 2 * n for n in range(count)]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: (
            "<< /Type /Pages /Kids ["
            + " ".join(f"{i} 0 R" for i in page_ids)
            + f"] /Count {count} >>"
        ).encode(),
        3: _font("Helvetica"),
        4: _font("Helvetica-Bold"),
        5: (
            f"<< /Title ({_text(titel)}) /Author ({_text(auteur)}) "
            f"/Producer (Loket) /CreationDate ({_date(gemaakt)}) >>"
        ).encode("latin-1"),
    }
    for page_id, stream in zip(page_ids, streams, strict=True):
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            f"/Contents {page_id + 1} 0 R >>"
        ).encode()
        objects[page_id + 1] = (
            f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        out += f"{offsets[number]:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {size} /Root 1 0 R /Info 5 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _font(name: str) -> bytes:
    return (
        f"<< /Type /Font /Subtype /Type1 /BaseFont /{name} "
        "/Encoding /WinAnsiEncoding >>"
    ).encode()


def _text(value: str) -> str:
    """``value`` as the inside of a PDF string in WinAnsi: every character a
    single byte (returned as latin-1 text so the caller can encode it), with
    backslashes and parentheses escaped."""
    out = []
    for char in value:
        try:
            byte = char.encode("cp1252")
        except UnicodeEncodeError:
            similar = SIMILAR.get(char, char)
            plain = unicodedata.normalize("NFKD", similar).encode("ascii", "ignore")
            byte = plain[:1] or b"?"
        if byte in (b"\\", b"(", b")"):
            byte = b"\\" + byte
        out.append(byte.decode("latin-1"))
    return "".join(out)


def _date(moment: datetime) -> str:
    offset = moment.strftime("%z") or "+0000"
    return f"D:{moment:%Y%m%d%H%M%S}{offset[:3]}'{offset[3:]}'"


# -- reports: headings, paragraphs, tables and bar charts over several pages ---------

# Advance widths (1/1000 em) of the printable ASCII characters, 32-126, from the
# Adobe font metrics of Helvetica and Helvetica-Bold; accented letters measure as
# their base letter, anything else as a digit.
_WIDTHS = {
    False: (
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
        278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584,
        584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556,
        833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
        278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222,
        500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,
        500, 334, 260, 334, 584,
    ),
    True: (
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278,
        278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584,
        584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611,
        833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333,
        278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278,
        556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556,
        500, 389, 280, 389, 584,
    ),
}  # fmt: skip


def breedte(tekst: str, grootte: float, *, vet: bool = False) -> float:
    """The width of ``tekst`` in points, set in Helvetica (bold) of ``grootte``."""
    return _eenheden(tekst, vet) * grootte / 1000


def _eenheden(tekst: str, vet: bool) -> int:
    """The width of ``tekst`` in thousandths of the font size."""
    widths = _WIDTHS[vet]
    total = 0
    for char in tekst:
        code = ord(char)
        if not 32 <= code <= 126:  # é → e: the accent takes no room of its own
            code = ord(unicodedata.normalize("NFKD", char)[:1] or char)
        total += widths[code - 32] if 32 <= code <= 126 else 556
    return total


def _wrap(tekst: str, ruimte: float, grootte: float, vet: bool) -> list[str]:
    """``tekst`` broken into lines no wider than ``ruimte`` points (a word longer
    than a line is cut). Widths add up word by word, so a long text costs one
    pass over its characters."""
    past = ruimte * 1000 / grootte  # the room in thousandths of the font size
    spatie = _WIDTHS[vet][0]
    lines: list[str] = []
    for paragraph in tekst.split("\n"):
        line, width = "", 0
        for word in paragraph.split():
            wide = _eenheden(word, vet)
            langer = width + spatie + wide if line else wide
            if langer <= past:
                line = f"{line} {word}" if line else word
                width = langer
                continue
            if line:
                lines.append(line)
            while wide > past and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and _eenheden(word[:cut], vet) > past:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
                wide = _eenheden(word, vet)
            line, width = word, wide
        lines.append(line)
    return lines


KOPPEN = {1: 18, 2: 14, 3: 11}  # font size per heading level
BALK = "0.09 0.26 0.45 rg"  # the fill of a bar: dark blue
GRIJS = "0.3 g"  # secondary text: dark grey, still well readable
ROOD = "0.64 0.15 0.17"  # a target: dark red
STREEFRUIMTE = 64  # room right of the bars for the target's label


def _show(x: float, y: float, tekst: str, grootte: float, font: str, kleur: str):
    """The operators that write ``tekst`` with its baseline starting at (x, y)."""
    ops = f"BT {font} {grootte} Tf {x:.2f} {y:.2f} Td ({_text(tekst)}) Tj ET"
    return f"{kleur} {ops} 0 g" if kleur else ops


class Opmaak:
    """An A4 report, laid out from top to bottom: headings, paragraphs, tables and
    bar charts. A block that does not fit on the page starts a new one; a table
    continues on the next page with its header row repeated; a heading never
    ends up alone at the bottom of a page. ``pdf()`` numbers the pages.

    Text stays uncompressed in the file, so it can be searched and checked."""

    def __init__(self, *, marge: int = 56):
        self.marge = marge
        self.breedte = WIDTH - 2 * marge
        self._pages: list[list[str]] = []
        self.nieuwe_pagina()

    # -- blocks

    def nieuwe_pagina(self) -> None:
        self._pages.append([])
        self._y = HEIGHT - self.marge

    def ruimte(self, punten: float) -> None:
        self._y -= punten

    def kop(self, tekst: str, niveau: int = 1) -> None:
        grootte = KOPPEN[niveau]
        lines = _wrap(tekst, self.breedte, grootte, True)
        regel = grootte * 1.25
        # Keep the heading with at least a few lines of what follows.
        self._plaats(len(lines) * regel + 4 * LEADING, boven=grootte * 0.6)
        for line in lines:
            self._tekst(self.marge, line, grootte, vet=True, y=self._y - grootte)
            self._y -= regel
        self._y -= grootte * 0.4

    def alinea(
        self, tekst: str, *, grootte: float = 10, vet: bool = False, grijs=False
    ) -> None:
        """A paragraph; a line break in ``tekst`` starts a new line."""
        regel = grootte * 1.4
        for line in _wrap(tekst, self.breedte, grootte, vet):
            self._plaats(regel)
            y = self._y - grootte
            self._tekst(self.marge, line, grootte, vet=vet, grijs=grijs, y=y)
            self._y -= regel
        self._y -= grootte * 0.5

    def tabel(
        self,
        koppen: list[str],
        rijen: list[list[str]],
        *,
        breedtes: list[float] | None = None,
        grootte: float = 9,
    ) -> None:
        """A table with a bold header row; ``breedtes`` are the columns' shares of
        the width (equal when left out). Cells wrap within their column."""
        shares = breedtes or [1] * len(koppen)
        total = sum(shares)
        columns = [self.breedte * share / total for share in shares]
        regel = grootte * 1.3

        def cells(values: list[str], vet: bool) -> list[list[str]]:
            return [
                _wrap(value, width - 6, grootte, vet)
                for value, width in zip(values, columns, strict=True)
            ]

        def row(values: list[list[str]], vet: bool) -> None:
            x = self.marge
            for lines, width in zip(values, columns, strict=True):
                for n, line in enumerate(lines):
                    y = self._y - grootte - 2 - n * regel
                    self._tekst(x + 3, line, grootte, vet=vet, y=y)
                x += width
            self._y -= max(len(lines) for lines in values) * regel + 4
            self._lijn(self.marge, self._y, self.marge + self.breedte, self._y)

        kop = cells(koppen, True)
        kop_hoogte = max(len(lines) for lines in kop) * regel + 4
        for n, values in enumerate(rijen):
            body = cells(values, False)
            height = max(len(lines) for lines in body) * regel + 4
            if n == 0 or self._y - height < self.marge + LEADING:
                self._plaats(kop_hoogte + height)
                self._lijn(self.marge, self._y, self.marge + self.breedte, self._y)
                row(kop, True)
            row(body, False)
        if not rijen:
            self._plaats(kop_hoogte)
            row(kop, True)
        self._y -= grootte

    def staven(
        self,
        punten: list[tuple[str, float | None, str]],
        *,
        maximum: float,
        hoogte: float = 110,
        streef: float | None = None,
        streeftekst: str = "",
        labels_om: int = 1,
    ) -> None:
        """A bar chart drawn with vector operators: one bar per (label, value,
        value as text), scaled to ``maximum``, the text above its bar; None draws
        no bar. ``streef`` draws a target as a dashed line with ``streeftekst``
        behind it, right of the bars; ``labels_om`` writes every n-th label (and
        the last)."""
        self._plaats(hoogte + 34)
        self._y -= 10  # room for the text above the highest bar
        basis = self._y - hoogte
        staven = self.breedte - (STREEFRUIMTE if streeftekst else 0)
        vak = staven / max(len(punten), 1)
        ops = self._pages[-1]
        self._lijn(self.marge, basis, self.marge + self.breedte, basis)
        for n, (label, value, tekst) in enumerate(punten):
            midden = self.marge + (n + 0.5) * vak
            if value is not None and maximum > 0:
                bar = hoogte * min(max(value, 0), maximum) / maximum
                x = midden - vak * 0.35
                ops.append(
                    f"{BALK} {x:.2f} {basis:.2f} {vak * 0.7:.2f} {bar:.2f} re f 0 g"
                )
                if tekst:
                    width = breedte(tekst, 7)
                    self._tekst(midden - width / 2, tekst, 7, y=basis + bar + 3)
            if (len(punten) - 1 - n) % labels_om == 0:
                width = breedte(label, 7)
                self._tekst(midden - width / 2, label, 7, y=basis - 10)
        if streef is not None and maximum > 0:
            y = basis + hoogte * min(streef, maximum) / maximum
            rechts = self.marge + staven
            ops.append(
                f"{ROOD} RG 1 w [4 3] 0 d {self.marge} {y:.2f} m "
                f"{rechts} {y:.2f} l S [] 0 d 0 G"
            )
            if streeftekst:
                ops.append(
                    _show(rechts + 4, y - 2.5, streeftekst, 7, "/F2", f"{ROOD} rg")
                )
        self._y = basis - 22

    # -- output

    def pdf(self, *, titel: str, gemaakt: datetime, auteur: str = "", voet="") -> bytes:
        """The document; every page gets ``voet`` and "pagina n van m" at the
        bottom."""
        count = len(self._pages)
        streams = []
        for n, ops in enumerate(self._pages, start=1):
            footer = (
                f"{voet} - pagina {n} van {count}"
                if voet
                else f"pagina {n} van {count}"
            )
            voetregel = _show(self.marge, self.marge / 2, footer, 8, "/F1", GRIJS)
            streams.append("\n".join([*ops, voetregel]).encode("latin-1"))
        return _assemble(streams, titel=titel, auteur=auteur, gemaakt=gemaakt)

    # -- drawing

    def _plaats(self, hoogte: float, *, boven: float = 0) -> None:
        """Start a new page unless ``hoogte`` points (plus ``boven`` of space
        above, left out at the top of a page) still fit on this one."""
        at_top = self._y >= HEIGHT - self.marge
        if not at_top and self._y - boven - hoogte < self.marge + LEADING:
            self.nieuwe_pagina()
        elif not at_top:
            self._y -= boven

    def _tekst(
        self,
        x: float,
        tekst: str,
        grootte: float,
        *,
        vet: bool = False,
        grijs: bool = False,
        y: float | None = None,
    ) -> None:
        self._pages[-1].append(
            _show(
                x,
                self._y if y is None else y,
                tekst,
                grootte,
                "/F2" if vet else "/F1",
                GRIJS if grijs else "",
            )
        )

    def _lijn(self, x1: float, y1: float, x2: float, y2: float) -> None:
        self._pages[-1].append(
            f"0.75 G 0.5 w {x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l S 0 G"
        )
