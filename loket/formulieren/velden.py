"""What each field type accepts, in which words it says what is wrong, and how an
answer reads back (on the summary and in the PDF). Pure functions on the form's
definition and the submitted values: no database writes here.

Answers are JSON: text as ``str``; a number as ``str`` (exact); a date as ISO
``"2026-03-02"``; meerkeuze as a list; an adres as a dict; a bestand as
``{"bijlage": uuid, "naam": …, "grootte": …}``; a herhaalgroep as a list of dicts.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.formats import date_format

from loket.formulieren.models import Veld, Veldtype

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Za-z]{2})$")
# Magic bytes per file type, so a renamed file does not pass: (extensions, mime,
# test on the first bytes).
BESTANDSSOORTEN = {
    "pdf": ("application/pdf", lambda b: b.startswith(b"%PDF-")),
    "jpg": ("image/jpeg", lambda b: b.startswith(b"\xff\xd8\xff")),
    "jpeg": ("image/jpeg", lambda b: b.startswith(b"\xff\xd8\xff")),
    "png": ("image/png", lambda b: b.startswith(b"\x89PNG\r\n\x1a\n")),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        lambda b: b.startswith(b"PK\x03\x04"),
    ),
    "odt": (
        "application/vnd.oasis.opendocument.text",
        lambda b: b.startswith(b"PK\x03\x04"),
    ),
}
DEFAULT_MAX_MB = 10


class Fout(Exception):
    """An answer that is not right; ``str(e)`` tells the resident why, in Dutch."""


@dataclass
class Upload:
    """A file the resident just chose, checked, not yet stored."""

    naam: str
    formaat: str
    inhoud: object  # Django UploadedFile
    grootte: int


@dataclass
class Vraag:
    """A field as a page shows it: its name in the HTML form, its value, what is
    wrong with it."""

    veld: Veld
    naam: str
    waarde: object = None
    fout: str = ""
    alleen_lezen: bool = False
    rijen: list[list["Vraag"]] = field(default_factory=list)  # herhaalgroep
    deelfouten: dict = field(default_factory=dict)  # adres: per part

    @property
    def type(self) -> str:
        return self.veld.type

    @property
    def template(self) -> str:
        return f"formulieren/velden/{self.veld.type}.html"


# -- conditions ----------------------------------------------------------------------


def zichtbaar(veld: Veld, waarden: dict) -> bool:
    """Is the field asked, given the answers so far? Evaluated on the server; the
    page script only mirrors it."""
    if not veld.conditie_veld:
        return True
    antwoord = waarden.get(veld.conditie_veld)
    if isinstance(antwoord, list):
        return veld.conditie_waarde in antwoord
    if isinstance(antwoord, bool):
        return veld.conditie_waarde.lower() in (("ja", "true") if antwoord else ())
    return antwoord is not None and str(antwoord) == veld.conditie_waarde


# -- parsing one field ---------------------------------------------------------------


def lees(veld: Veld, data, files, naam: str, bestaand=None):
    """The answer to ``veld`` from the submitted ``data``/``files`` (its inputs
    are named ``naam``…), or None when left empty. Raises ``Fout``."""
    lezer = _LEZERS[veld.type]
    waarde = lezer(veld, data, files, naam, bestaand)
    if _leeg(waarde) and veld.verplicht:
        raise Fout(_VERPLICHT.get(veld.type, "Vul dit veld in."))
    return None if _leeg(waarde) else waarde


def _leeg(waarde) -> bool:
    return waarde is None or waarde == "" or waarde == [] or waarde == {}


_VERPLICHT = {
    Veldtype.KEUZE: "Kies een antwoord.",
    Veldtype.MEERKEUZE: "Kies minstens één antwoord.",
    Veldtype.BESTAND: "Kies een bestand.",
    Veldtype.DATUM: "Vul een datum in.",
    Veldtype.GETAL: "Vul een getal in.",
    Veldtype.EMAIL: "Vul uw e-mailadres in.",
    Veldtype.TELEFOON: "Vul uw telefoonnummer in.",
    Veldtype.IBAN: "Vul uw IBAN (rekeningnummer) in.",
}


def _tekst(veld, data, files, naam, bestaand):
    waarde = (data.get(naam) or "").strip()
    if veld.type == Veldtype.TEKST:
        waarde = " ".join(waarde.split())
    if veld.maximum and len(waarde) > veld.maximum:
        raise Fout(
            f"Gebruik hooguit {veld.maximum} tekens. U gebruikte er {len(waarde)}."
        )
    return waarde


def _getal(veld, data, files, naam, bestaand):
    ruw = (data.get(naam) or "").strip().replace(" ", "")
    if not ruw:
        return ""
    try:
        getal = Decimal(ruw.replace(".", "").replace(",", ".") if "," in ruw else ruw)
    except InvalidOperation:
        raise Fout("Vul een getal in, met alleen cijfers, bijvoorbeeld 12.") from None
    if not getal.is_finite():
        raise Fout("Vul een getal in, met alleen cijfers, bijvoorbeeld 12.")
    if veld.minimum is not None and getal < veld.minimum:
        raise Fout(f"Het getal moet {veld.minimum} of hoger zijn.")
    if veld.maximum is not None and getal > veld.maximum:
        raise Fout(f"Het getal moet {veld.maximum} of lager zijn.")
    return str(getal.normalize() if getal != getal.to_integral() else int(getal))


def _datum(veld, data, files, naam, bestaand):
    ruw = (data.get(naam) or "").strip()
    if not ruw:
        return ""
    dag = parse_datum(ruw)
    if dag is None:
        raise Fout(
            "Vul een bestaande datum in als dag-maand-jaar, bijvoorbeeld 15-03-2026."
        )
    vandaag = timezone.localdate()
    if veld.minimum is not None and dag < vandaag + timedelta(days=veld.minimum):
        grens = vandaag + timedelta(days=veld.minimum)
        raise Fout(f"De datum mag niet vóór {leesbare_datum(grens)} liggen.")
    if veld.maximum is not None and dag > vandaag + timedelta(days=veld.maximum):
        grens = vandaag + timedelta(days=veld.maximum)
        raise Fout(f"De datum mag niet na {leesbare_datum(grens)} liggen.")
    return dag.isoformat()


def parse_datum(ruw: str) -> date | None:
    """ISO (what a date input sends) or Dutch dag-maand-jaar."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", ruw)
    if match:
        jaar, maand, dag = (int(g) for g in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})", ruw)
        if not match:
            return None
        dag, maand, jaar = (int(g) for g in match.groups())
    try:
        return date(jaar, maand, dag)
    except ValueError:
        return None


def _keuze(veld, data, files, naam, bestaand):
    waarde = data.get(naam) or ""
    if waarde and waarde not in veld.keuzes:
        raise Fout("Kies een van de antwoorden.")
    return waarde


def _meerkeuze(veld, data, files, naam, bestaand):
    gekozen = data.getlist(naam) if hasattr(data, "getlist") else data.get(naam, [])
    if any(k not in veld.keuzes for k in gekozen):
        raise Fout("Kies alleen uit de antwoorden die er staan.")
    return [k for k in veld.keuzes if k in gekozen]  # in the form's order


def _email(veld, data, files, naam, bestaand):
    waarde = (data.get(naam) or "").strip()
    if waarde and (len(waarde) > 254 or not EMAIL.match(waarde)):
        raise Fout("Vul een e-mailadres in zoals naam@voorbeeld.nl.")
    return waarde


def _telefoon(veld, data, files, naam, bestaand):
    waarde = (data.get(naam) or "").strip()
    if not waarde:
        return ""
    cijfers = re.sub(r"[\s()-]", "", waarde)
    if cijfers.startswith("+"):
        ok = cijfers[1:].isdigit() and 8 <= len(cijfers) - 1 <= 15
    elif cijfers.startswith("00"):
        ok = cijfers.isdigit() and 10 <= len(cijfers) <= 17
    else:
        ok = cijfers.isdigit() and len(cijfers) == 10 and cijfers.startswith("0")
    if not ok:
        raise Fout(
            "Vul een telefoonnummer in van 10 cijfers, zoals 0612345678, of met "
            "landnummer, zoals +31612345678."
        )
    return cijfers


def _iban(veld, data, files, naam, bestaand):
    waarde = re.sub(r"\s", "", data.get(naam) or "").upper()
    if not waarde:
        return ""
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", waarde):
        raise Fout(
            "Vul een IBAN in zoals NL91 ABNA 0417 1643 00: twee letters, twee "
            "cijfers en dan het rekeningnummer."
        )
    if waarde.startswith("NL") and len(waarde) != 18:
        raise Fout("Een Nederlands IBAN heeft 18 tekens. Controleer het nummer.")
    if not iban_klopt(waarde):
        raise Fout(
            "Dit IBAN bestaat niet: er zit een tikfout in. Controleer het nummer."
        )
    return waarde


def iban_klopt(iban: str) -> bool:
    """The ISO 13616 mod-97 check."""
    herschikt = iban[4:] + iban[:4]
    getal = "".join(str(int(c, 36)) for c in herschikt)
    return int(getal) % 97 == 1


def _adres(veld, data, files, naam, bestaand):
    """Postcode and huisnummer, looked up in the BAG; when the lookup cannot help,
    straat and woonplaats as the resident typed them."""
    deel = {k: (data.get(f"{naam}_{k}") or "").strip() for k in ADRESDELEN}
    if not any(deel.values()):
        return {}
    match = POSTCODE.match(deel["postcode"])
    if not match:
        raise Fout("Vul een postcode in zoals 1234 AB.")
    postcode = f"{match.group(1)} {match.group(2).upper()}"
    if not deel["huisnummer"].isdigit() or int(deel["huisnummer"]) < 1:
        raise Fout("Vul een huisnummer in, met alleen cijfers, bijvoorbeeld 12.")
    huisnummer = int(deel["huisnummer"])
    adres = {
        "postcode": postcode,
        "huisnummer": huisnummer,
        "huisletter": deel["huisletter"][:1].upper(),
        "toevoeging": deel["toevoeging"][:4],
        "straat": "",
        "woonplaats": "",
    }
    gevonden, storing = zoek_adres(postcode, huisnummer, adres["huisletter"])
    if gevonden:
        adres.update(straat=gevonden.straat, woonplaats=gevonden.woonplaats)
        return adres
    if deel["straat"] and deel["woonplaats"]:
        adres.update(straat=deel["straat"][:80], woonplaats=deel["woonplaats"][:80])
        return adres
    if storing:
        raise Fout(
            "Wij kunnen het adres nu niet opzoeken. Vul de straat en de plaats zelf in."
        )
    raise Fout(
        "Wij vinden geen adres bij deze postcode en dit huisnummer. Controleer ze, of "
        "vul de straat en de plaats zelf in."
    )


ADRESDELEN = (
    "postcode",
    "huisnummer",
    "huisletter",
    "toevoeging",
    "straat",
    "woonplaats",
)


def zoek_adres(postcode: str, huisnummer: int, huisletter: str = ""):
    """(the address the BAG has, failed): the first match, preferring the same
    huisletter; ``failed`` when the BAG could not be asked."""
    from loket.identiteit import prefill

    try:
        adressen = prefill.adressen(postcode.replace(" ", ""), huisnummer)
    except prefill.PrefillError:
        return None, True
    for adres in adressen:
        if (adres.huisletter or "").upper() == huisletter:
            return adres, False
    return (adressen[0] if adressen else None), False


def _bestand(veld, data, files, naam, bestaand):
    upload = files.get(naam) if files else None
    if upload is None:
        return bestaand or {}
    toegestaan = toegestane_typen(veld)
    extensie = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    max_mb = veld.max_mb or DEFAULT_MAX_MB
    if upload.size > max_mb * 1024 * 1024:
        raise Fout(
            f"Het bestand is te groot ({upload.size / 1024 / 1024:.1f} MB). Het mag "
            f"hooguit {max_mb} MB zijn."
        )
    kop = upload.read(16)
    upload.seek(0)
    soort = BESTANDSSOORTEN.get(extensie)
    if extensie not in toegestaan or soort is None or not soort[1](kop):
        raise Fout(
            "Dit soort bestand kan niet. Kies een bestand van het type "
            f"{opsomming([t.upper() for t in toegestaan])}."
        )
    if upload.size == 0:
        raise Fout("Het bestand is leeg. Kies een ander bestand.")
    return Upload(
        naam=upload.name[-255:], formaat=soort[0], inhoud=upload, grootte=upload.size
    )


def toegestane_typen(veld: Veld) -> list[str]:
    return [
        t.strip().lower().lstrip(".")
        for t in veld.bestandstypen.split(",")
        if t.strip().lower().lstrip(".") in BESTANDSSOORTEN
    ]


def opsomming(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " of " + items[-1]


_LEZERS = {
    Veldtype.TEKST: _tekst,
    Veldtype.TEKSTVAK: _tekst,
    Veldtype.GETAL: _getal,
    Veldtype.DATUM: _datum,
    Veldtype.KEUZE: _keuze,
    Veldtype.MEERKEUZE: _meerkeuze,
    Veldtype.EMAIL: _email,
    Veldtype.TELEFOON: _telefoon,
    Veldtype.IBAN: _iban,
    Veldtype.ADRES: _adres,
    Veldtype.BESTAND: _bestand,
}


# -- reading back --------------------------------------------------------------------


def leesbare_datum(dag: date) -> str:
    return date_format(dag, "j F Y")


def weergave(veld: Veld, waarde) -> str:
    """An answer as a sentence fragment a person reads (summary, PDF)."""
    if waarde is None or waarde == "" or waarde == []:
        return "(niet ingevuld)"
    if veld.type == Veldtype.DATUM:
        dag = parse_datum(str(waarde))
        return leesbare_datum(dag) if dag else str(waarde)
    if veld.type == Veldtype.MEERKEUZE:
        return ", ".join(waarde)
    if veld.type == Veldtype.ADRES:
        return adres_regel(waarde)
    if veld.type == Veldtype.BESTAND:
        return f"{waarde.get('naam', '')} ({waarde.get('grootte', 0) / 1024:.0f} kB)"
    if veld.type == Veldtype.IBAN:
        return " ".join(waarde[i : i + 4] for i in range(0, len(waarde), 4))
    if veld.type == Veldtype.GETAL:
        return str(waarde).replace(".", ",")
    return str(waarde)


def adres_regel(adres: dict) -> str:
    if not isinstance(adres, dict):
        return str(adres)
    nummer = f"{adres.get('huisnummer', '')}{adres.get('huisletter', '')}"
    if adres.get("toevoeging"):
        nummer += f"-{adres['toevoeging']}"
    straat = " ".join(p for p in (adres.get("straat", ""), nummer) if p)
    plaats = " ".join(
        p for p in (adres.get("postcode", ""), adres.get("woonplaats", "")) if p
    )
    return ", ".join(p for p in (straat, plaats) if p)


def eigenschap_waarde(veld: Veld, waarde, formaat: str) -> str:
    """An answer as the value of a zaakeigenschap of ``formaat`` (ZGW: a datum is
    YYYYMMDD)."""
    if formaat == "datum" and veld.type == Veldtype.DATUM:
        return str(waarde).replace("-", "")
    if veld.type == Veldtype.MEERKEUZE:
        return ", ".join(waarde)
    if veld.type == Veldtype.ADRES:
        return adres_regel(waarde)
    if veld.type == Veldtype.BESTAND:
        return waarde.get("naam", "")
    return str(waarde)
