"""Checks on what a functional administrator types in, with messages in plain Dutch."""

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

# Paths that Loket itself uses at the top level; a gemeente cannot take them as slug.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "api",
        "autorisaties",
        "beheer",
        "besluiten",
        "catalogi",
        "documenten",
        "favicon.ico",
        "health",
        "inloggen",
        "media",
        "medewerker",
        "testdiensten",
        "mijn",
        "notificaties",
        "open-data",
        "portaal",
        "referentielijsten",
        "robots.txt",
        "static",
        "sturing",
        "uitloggen",
        "werkplek",
        "zaken",
    }
)


def validate_slug_not_reserved(value: str) -> None:
    if value.lower() in RESERVED_SLUGS:
        raise ValidationError(
            "'%(value)s' is al in gebruik door Loket zelf. Kies een ander "
            "webadres, bijvoorbeeld de naam van de gemeente.",
            params={"value": value},
            code="reserved",
        )


def elfproef(number: str) -> bool:
    """The 11-test of BSN and RSIN: weights 9..2 and -1 over nine digits."""
    if not re.fullmatch(r"\d{9}", number):
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(d) * w for d, w in zip(number, weights, strict=True))
    return total % 11 == 0 and number != "000000000"


def validate_rsin(value: str) -> None:
    if not re.fullmatch(r"\d{9}", value):
        raise ValidationError(
            "Een RSIN bestaat uit precies 9 cijfers.", code="rsin_format"
        )
    if not elfproef(value):
        raise ValidationError(
            "Dit RSIN klopt niet (het voldoet niet aan de elfproef). "
            "Controleer de cijfers.",
            code="rsin_elfproef",
        )


@dataclass(frozen=True)
class GemeentecodeEntry:
    code: str
    naam: str
    nieuwe_code: str
    einde: date | None


@cache
def gemeentecodes() -> dict[str, GemeentecodeEntry]:
    """RvIG table 33: every municipality code ever used (see data/README.md)."""
    path = Path(__file__).parent / "data" / "rvig-tabel33-gemeenten.csv"
    entries = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            einde = row["99.99 Datum einde"]
            entries[row["92.10 Gemeentecode"]] = GemeentecodeEntry(
                code=row["92.10 Gemeentecode"],
                naam=row["92.11 Omschrijving"],
                nieuwe_code=row["92.12 Nieuwe code"],
                einde=date(int(einde[:4]), int(einde[4:6]), int(einde[6:]))
                if einde
                else None,
            )
    return entries


def validate_gemeentecode(value: str) -> None:
    """Four digits; a code that RvIG has ended is refused with its successor.

    Codes missing from the table are allowed: municipalities formed after the table
    was published (and the demo's fictional ones) are not in it.
    """
    if not re.fullmatch(r"\d{4}", value):
        raise ValidationError(
            "Een gemeentecode bestaat uit precies 4 cijfers, bijvoorbeeld 0626.",
            code="gemeentecode_format",
        )
    if value == "0000":
        raise ValidationError("0000 is geen gemeentecode.", code="gemeentecode")
    entry = gemeentecodes().get(value)
    if entry and entry.einde and entry.einde <= date.today():
        message = (
            "De gemeentecode %(code)s (%(naam)s) bestaat niet meer sinds %(einde)s."
        )
        if entry.nieuwe_code:
            message += " De nieuwe code is %(nieuwe)s."
        raise ValidationError(
            message,
            params={
                "code": value,
                "naam": entry.naam,
                "einde": entry.einde.strftime("%d-%m-%Y"),
                "nieuwe": entry.nieuwe_code,
            },
            code="gemeentecode_beeindigd",
        )


HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def is_hex_colour(value: str) -> bool:
    return bool(HEX_COLOUR.match(value or ""))


def validate_hex_colour(value: str) -> None:
    if not is_hex_colour(value):
        raise ValidationError(
            "Geef een kleur als # met 6 tekens, bijvoorbeeld #154273.",
            code="kleur_format",
        )


def luminance(colour: str) -> float:
    """Relative luminance of a #rrggbb colour, as WCAG 2.2 defines it."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.2 contrast ratio between two #rrggbb colours (1 to 21)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    """``colour`` with ``share`` (0..1) of ``other`` mixed in, as #rrggbb."""
    channels = (
        round(
            int(colour[i : i + 2], 16) * (1 - share) + int(other[i : i + 2], 16) * share
        )
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02x}" for c in channels)


LOGO_MAX_BYTES = 512 * 1024
LOGO_TYPES = {
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
}
_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}


def validate_logo(upload) -> None:
    """Size and type of an uploaded logo, checked on its content, not its name.

    SVG may carry scripts; such files are refused rather than cleaned.
    """
    name = upload.name or ""
    suffix = Path(name).suffix.lower()
    if suffix not in LOGO_TYPES:
        raise ValidationError(
            "Een logo moet een SVG-, PNG-, JPEG- of WebP-bestand zijn.",
            code="logo_type",
        )
    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError(
            "Het logo is %(size)s; het mag hoogstens %(max)s zijn.",
            params={
                "size": filesizeformat(upload.size),
                "max": filesizeformat(LOGO_MAX_BYTES),
            },
            code="logo_size",
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    if suffix == ".svg":
        _check_svg(content)
    elif suffix == ".webp":
        if not (content[:4] == b"RIFF" and content[8:12] == b"WEBP"):
            raise _not_what_it_says(suffix)
    elif not content.startswith(_SIGNATURES[suffix]):
        raise _not_what_it_says(suffix)


def _not_what_it_says(suffix: str) -> ValidationError:
    return ValidationError(
        "Dit bestand is geen echt %(type)s-bestand.",
        params={"type": suffix[1:].upper()},
        code="logo_inhoud",
    )


_SVG_FORBIDDEN = {"script", "foreignobject", "iframe", "embed", "object"}


def _check_svg(content: bytes) -> None:
    try:
        root = ElementTree.fromstring(content, forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException):
        raise _not_what_it_says(".svg") from None
    if _local(root.tag) != "svg":
        raise _not_what_it_says(".svg")
    for element in root.iter():
        if _local(element.tag).lower() in _SVG_FORBIDDEN:
            raise _unsafe_svg()
        for attribute, value in element.attrib.items():
            name = _local(attribute).lower()
            if name.startswith("on"):
                raise _unsafe_svg()
            if name == "href" and not value.startswith("#"):
                raise _unsafe_svg()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _unsafe_svg() -> ValidationError:
    return ValidationError(
        "Dit SVG-bestand bevat scripts of verwijzingen naar andere bestanden. "
        "Gebruik een SVG zonder scripts, of een PNG.",
        code="logo_svg_onveilig",
    )
