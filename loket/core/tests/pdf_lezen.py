"""Reading back what loket.core.pdf wrote, for tests: the structure of the file and
the text on each page (content streams are uncompressed)."""

import re

# A string shown with Tj, or with ' (next line, then show: what document() uses).
_STRING = re.compile(rb"\(((?:\\.|[^\\)])*)\) (?:Tj|')")
_STREAM = re.compile(rb"stream\n(.*?)\nendstream", re.S)


def controleer(pdf: bytes) -> int:
    """Check the file's structure: header, every object where the cross-reference
    table says, the trailer; return the page count."""
    assert pdf.startswith(b"%PDF-1.4\n")
    assert pdf.rstrip().endswith(b"%%EOF")
    start = int(re.search(rb"startxref\n(\d+)\n", pdf).group(1))
    assert pdf[start:].startswith(b"xref\n")
    size = int(re.search(rb"xref\n0 (\d+)\n", pdf).group(1))
    entries = pdf[start:].split(b"\n")[3 : 2 + size]
    for number, entry in enumerate(entries, start=1):
        offset = int(entry[:10])
        assert pdf[offset:].startswith(f"{number} 0 obj\n".encode()), number
    for match in re.finditer(rb"<< /Length (\d+) >>\nstream\n", pdf):
        length = int(match.group(1))
        assert pdf[match.end() + length : match.end() + length + 10] == b"\nendstream"
    kids = re.search(rb"/Kids \[([^\]]*)\] /Count (\d+)", pdf)
    count = int(kids.group(2))
    assert len(kids.group(1).split()) == 3 * count
    return count


def paginas(pdf: bytes) -> list[str]:
    """The text of every page, its strings joined by spaces."""
    return [
        " ".join(_decode(s) for s in _STRING.findall(stream))
        for stream in _STREAM.findall(pdf)
    ]


def tekst(pdf: bytes) -> str:
    return " ".join(paginas(pdf))


def _decode(raw: bytes) -> str:
    return re.sub(rb"\\(.)", rb"\1", raw).decode("cp1252")
