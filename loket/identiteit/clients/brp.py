"""Haal Centraal BRP bevragen 2.x: ``POST {base}/personen``, header X-API-Key.

``persoon`` asks one person by BSN (``RaadpleegMetBurgerservicenummer``). The two
searches (``ZoekMetGeslachtsnaamEnGeboortedatum``, ``ZoekMetPostcodeEnHuisnummer``)
return only the limited person (``PersoonBeperkt``: no structured address), so they
ask for the BSNs and then fetch the found persons in one raadpleeg call of at
most 20, as the BRP API's own guidance says (zoek, then raadpleeg).
"""

import re
from datetime import date

from loket.identiteit.clients import PrefillError, endpoint, number, request_json, text
from loket.identiteit.prefill import Adres, Persoon

SERVICE = "de Basisregistratie Personen (BRP)"
FIELDS = [
    "burgerservicenummer",
    "naam.voornamen",
    "naam.voorvoegsel",
    "naam.geslachtsnaam",
    "geboorte.datum",
    "verblijfplaats.verblijfadres",
]


# The BRP API answers at most this many persons per raadpleeg call.
MAX_RAADPLEEG = 20
# Search results Loket fetches in full; a search that finds more is too broad for
# a person at the counter to choose from.
MAX_GEVONDEN = 40


def persoon(bsn: str) -> Persoon | None:
    if not (len(bsn) == 9 and bsn.isdigit()):
        raise PrefillError("Dit burgerservicenummer klopt niet.")
    gevonden = _raadpleeg([bsn])
    return gevonden[0] if gevonden else None


def zoek_op_naam(
    geslachtsnaam: str, geboortedatum: date, voornamen: str = ""
) -> list[Persoon]:
    """Living persons with this surname (without voorvoegsel, case-insensitive;
    ``Gro*`` after at least three letters), born on this date, optionally with
    these first names. A leading voorvoegsel (``de Vries``) is sent apart, as the
    BRP keeps it apart."""
    voorvoegsel, naam = splits_voorvoegsel(geslachtsnaam)
    if not _NAAM.fullmatch(naam) or (naam.endswith("*") and len(naam) < 4):
        raise PrefillError(
            "Vul de achternaam in met letters (ook spaties, punten, streepjes en "
            "apostroffen mogen). Een * aan het eind mag na minstens drie letters."
        )
    voornamen = " ".join(voornamen.split())
    if voornamen and not _NAAM.fullmatch(voornamen):
        raise PrefillError(
            "Vul de voornamen in met letters (ook spaties, punten, streepjes en "
            "apostroffen mogen)."
        )
    if not isinstance(geboortedatum, date):
        raise PrefillError("Vul een geldige geboortedatum in.")
    vraag = {
        "type": "ZoekMetGeslachtsnaamEnGeboortedatum",
        "geslachtsnaam": naam,
        "geboortedatum": geboortedatum.isoformat(),
    }
    if voornamen:
        vraag["voornamen"] = voornamen
    if voorvoegsel:
        vraag["voorvoegsel"] = voorvoegsel
    return _zoek(vraag)


def zoek_op_adres(
    postcode: str, huisnummer: int, huisletter: str = "", toevoeging: str = ""
) -> list[Persoon]:
    """Living persons registered at this address; without huisletter or
    toevoeging also those at every letter and addition of the number."""
    postcode = postcode.replace(" ", "").upper()
    if not re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", postcode):
        raise PrefillError("Vul een geldige postcode in, zoals 1234 AB.")
    if not isinstance(huisnummer, int) or not 0 < huisnummer <= 99999:
        raise PrefillError("Vul een huisnummer in tussen 1 en 99999.")
    huisletter = huisletter.strip()
    toevoeging = toevoeging.strip()
    if huisletter and not re.fullmatch(r"[a-zA-Z]", huisletter):
        raise PrefillError("Een huisletter is één letter.")
    if toevoeging and not re.fullmatch(r"[a-zA-Z0-9 \-]{1,4}", toevoeging):
        raise PrefillError("Een toevoeging heeft hoogstens vier letters of cijfers.")
    vraag = {
        "type": "ZoekMetPostcodeEnHuisnummer",
        "postcode": postcode,
        "huisnummer": huisnummer,
    }
    if huisletter:
        vraag["huisletter"] = huisletter
    if toevoeging:
        vraag["huisnummertoevoeging"] = toevoeging
    return _zoek(vraag)


# The characters the BRP API allows in a name filter (letters with diacritics,
# space, dot, hyphen, apostrophe) and one trailing wildcard.
_NAAM = re.compile(r"[a-zA-Z0-9\u00c0-\u017e .\-']{1,199}\*?")
# Common Dutch voorvoegsels (RvIG tabel 36 has more), longest first.
VOORVOEGSELS = sorted(
    [
        "van der", "van den", "van de", "van 't", "van het", "in 't", "in de",
        "in het", "op de", "op den", "op het", "op 't", "uit de", "uit den",
        "uit het", "van", "de", "den", "der", "het", "'t", "ter", "ten", "te",
        "la", "le", "les", "du", "des", "d'", "di", "da", "del", "della", "von",
        "von der", "zu", "aan de", "aan den", "bij de", "onder de", "over de",
        "voor de", "voor den",
    ],
    key=len,
    reverse=True,
)  # fmt: skip


def splits_voorvoegsel(achternaam: str) -> tuple[str, str]:
    """ "van der Berg" -> ("van der", "Berg"); a name without one -> ("", name)."""
    achternaam = " ".join(achternaam.split())
    lager = achternaam.lower()
    for voorvoegsel in VOORVOEGSELS:
        scheiding = "" if voorvoegsel.endswith("'") else " "
        begin = voorvoegsel + scheiding
        if lager.startswith(begin) and len(achternaam) > len(begin):
            return achternaam[: len(voorvoegsel)], achternaam[len(begin) :].strip()
    return "", achternaam


def _zoek(vraag: dict) -> list[Persoon]:
    data = _post({**vraag, "fields": ["burgerservicenummer"]})
    bsns = []
    for gevonden in (data or {}).get("personen") or []:
        bsn = text((gevonden or {}).get("burgerservicenummer"))
        if len(bsn) == 9 and bsn.isdigit() and bsn not in bsns:
            bsns.append(bsn)
    if len(bsns) > MAX_GEVONDEN:
        raise PrefillError(
            f"De BRP vond meer dan {MAX_GEVONDEN} personen. Maak de zoekvraag "
            "preciezer, bijvoorbeeld met voornamen of een huisletter."
        )
    return _raadpleeg(bsns)


def _raadpleeg(bsns: list[str]) -> list[Persoon]:
    """The persons with these BSNs, in this order (unknown ones left out)."""
    gevonden: dict[str, Persoon] = {}
    for start in range(0, len(bsns), MAX_RAADPLEEG):
        deel = bsns[start : start + MAX_RAADPLEEG]
        data = _post(
            {
                "type": "RaadpleegMetBurgerservicenummer",
                "burgerservicenummer": deel,
                "fields": FIELDS,
            }
        )
        for item in (data or {}).get("personen") or []:
            if isinstance(item, dict):
                found = _persoon(item, deel[0] if len(deel) == 1 else "")
                if found.bsn:
                    gevonden[found.bsn] = found
    return [gevonden[bsn] for bsn in bsns if bsn in gevonden]


def _post(body: dict) -> dict | None:
    base, key = endpoint("brp")
    return request_json(
        "POST",
        f"{base}/personen" if base else "",
        service=SERVICE,
        headers={"X-API-Key": key},
        body=body,
    )


def _persoon(data: dict, bsn: str) -> Persoon:
    naam = data.get("naam") or {}
    return Persoon(
        bsn=text(data.get("burgerservicenummer")) or bsn,
        voornamen=text(naam.get("voornamen")),
        voorvoegsel=text(naam.get("voorvoegsel")),
        geslachtsnaam=text(naam.get("geslachtsnaam")),
        geboortedatum=_datum((data.get("geboorte") or {}).get("datum")),
        adres=_adres((data.get("verblijfplaats") or {}).get("verblijfadres")),
    )


def _datum(value) -> date | None:
    """BRP 2.x gives ``{"type": "Datum", "datum": "1985-12-01"}``; an unknown
    (part of a) date has another type and no full date. A plain string is
    accepted too."""
    if isinstance(value, dict):
        value = value.get("datum")
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _adres(data) -> Adres | None:
    if not isinstance(data, dict) or not data.get("huisnummer"):
        return None
    return Adres(
        straat=text(data.get("officieleStraatnaam") or data.get("korteStraatnaam")),
        huisnummer=number(data.get("huisnummer")),
        huisletter=text(data.get("huisletter")),
        toevoeging=text(data.get("huisnummertoevoeging")),
        postcode=text(data.get("postcode")).replace(" ", "").upper(),
        woonplaats=text(data.get("woonplaats")),
    )
