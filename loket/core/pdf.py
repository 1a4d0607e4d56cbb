"""Small but valid PDF files: one or more A4 pages of text in Helvetica, written by
hand (PDF 1.4, ISO 32000-1) so Loket needs no PDF library. The demo writes its
letters with it, and a submitted form becomes a PDF in its zaak.

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
