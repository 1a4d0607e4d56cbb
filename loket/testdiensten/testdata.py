"""The test persons, companies and addresses the test services serve.

Persons: the official RvIG test set (``data/brp-testset-…csv``): one row per
persoonslijst with its current values, followed by rows without an id that hold
history; only the first row counts here. Companies: the KvK test profile
``data/kvk-test-basisprofiel.json`` and two companies Loket derives from it, with
made-up numbers and names that say they are test data. Addresses: the current
addresses of the test persons. Parsed once per process.
"""

import copy
import csv
import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
BRP_TESTSET = DATA / "brp-testset-persoonslijsten-gba-v-20220502.csv"
KVK_PROFIEL = DATA / "kvk-test-basisprofiel.json"


@dataclass(frozen=True)
class TestAdres:
    straat: str  # officiële straatnaam (08.11.15, else 08.11.10)
    korte_naam: str  # 08.11.10
    huisnummer: int
    huisletter: str
    toevoeging: str
    postcode: str
    woonplaats: str
    gemeentecode: str
    nummeraanduiding: str
    adresseerbaar_object: str


@dataclass(frozen=True)
class TestPersoon:
    bsn: str
    voornamen: str
    voorvoegsel: str
    geslachtsnaam: str
    geboortedatum: str  # YYYYMMDD as in the GBA, 00 for an unknown part
    geslacht: str
    overleden: bool
    adres: TestAdres | None

    @property
    def naam(self) -> str:
        return " ".join(
            p for p in (self.voornamen, self.voorvoegsel, self.geslachtsnaam) if p
        )

    @property
    def korte_naam(self) -> str:
        """ "S. Moulin", "M. du Burck": initials and surname."""
        initialen = "".join(f"{part[0]}." for part in self.voornamen.split() if part)
        return " ".join(
            p for p in (initialen, self.voorvoegsel, self.geslachtsnaam) if p
        )

    @property
    def geboortedatum_iso(self) -> str:
        try:
            return date(
                int(self.geboortedatum[:4]),
                int(self.geboortedatum[4:6]),
                int(self.geboortedatum[6:8]),
            ).isoformat()
        except ValueError:
            return ""


def _adres(row: dict) -> TestAdres | None:
    huisnummer = row.get("08.11.20", "")
    if not huisnummer.isdigit() or not row.get("08.11.60"):
        return None
    korte = row.get("08.11.10", "")
    return TestAdres(
        straat=row.get("08.11.15") or korte,
        korte_naam=korte,
        huisnummer=int(huisnummer),
        huisletter=row.get("08.11.30", ""),
        toevoeging=row.get("08.11.40", ""),
        postcode=row["08.11.60"],
        woonplaats=row.get("08.11.70", ""),
        gemeentecode=row.get("08.09.10", ""),
        nummeraanduiding=row.get("08.11.90", ""),
        adresseerbaar_object=row.get("08.11.80", ""),
    )


@cache
def personen() -> dict[str, TestPersoon]:
    """The test persons by BSN, in the order of the test set."""
    found: dict[str, TestPersoon] = {}
    with BRP_TESTSET.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        header = next(reader)
        for values in reader:
            if not values or not values[0]:
                continue  # history of the persoonslijst above
            # Duplicate column names (06.88.10) keep their first value.
            row: dict[str, str] = {}
            for name, value in zip(header, values, strict=False):
                row.setdefault(name, value.strip())
            bsn = row.get("01.01.20", "")
            if len(bsn) != 9 or not bsn.isdigit() or bsn in found:
                continue
            found[bsn] = TestPersoon(
                bsn=bsn,
                voornamen=row.get("01.02.10", ""),
                voorvoegsel=row.get("01.02.30", ""),
                geslachtsnaam=row.get("01.02.40", ""),
                geboortedatum=row.get("01.03.10", ""),
                geslacht=row.get("01.04.10", ""),
                overleden=bool(row.get("06.08.10")),
                adres=_adres(row),
            )
    return found


def zoek_personen(term: str, limit: int = 20) -> list[TestPersoon]:
    """Living test persons whose BSN starts with, or name contains, ``term``."""
    term = term.strip().lower()
    result = []
    for persoon in personen().values():
        if persoon.overleden:
            continue
        if not term or persoon.bsn.startswith(term) or term in persoon.naam.lower():
            result.append(persoon)
            if len(result) >= limit:
                break
    return result


def _vergelijkbaar(tekst: str) -> str:
    """Case- and diacritics-insensitive form, as the BRP API compares names:
    "Käster" and "kaster" are the same."""
    zonder = "".join(
        c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c)
    )
    return " ".join(zonder.casefold().split())


def _past(waarde: str, filter_: str) -> bool:
    """``filter_`` equals ``waarde``, or is its beginning when it ends in ``*``."""
    if filter_.endswith("*"):
        return _vergelijkbaar(waarde).startswith(_vergelijkbaar(filter_[:-1]))
    return _vergelijkbaar(waarde) == _vergelijkbaar(filter_)


def zoek_op_naam(
    geslachtsnaam: str,
    geboortedatum: str,
    *,
    voornamen: str = "",
    voorvoegsel: str = "",
    inclusief_overleden: bool = False,
) -> list[TestPersoon]:
    """ZoekMetGeslachtsnaamEnGeboortedatum: the surname (without voorvoegsel)
    whole or with a trailing wildcard, the birth date (YYYY-MM-DD) exactly;
    voornamen (all of them, or a wildcard) and voorvoegsel narrow it down."""
    return [
        persoon
        for persoon in personen().values()
        if (inclusief_overleden or not persoon.overleden)
        and persoon.geboortedatum_iso == geboortedatum
        and _past(persoon.geslachtsnaam, geslachtsnaam)
        and (not voornamen or _past(persoon.voornamen, voornamen))
        and (
            not voorvoegsel
            or _vergelijkbaar(persoon.voorvoegsel) == _vergelijkbaar(voorvoegsel)
        )
    ]


def zoek_op_adres(
    postcode: str,
    huisnummer: int,
    *,
    huisletter: str = "",
    toevoeging: str = "",
    inclusief_overleden: bool = False,
) -> list[TestPersoon]:
    """ZoekMetPostcodeEnHuisnummer: everybody registered at this postcode and
    number; huisletter and huisnummertoevoeging (case-insensitive) narrow it."""
    postcode = postcode.replace(" ", "").upper()
    return [
        persoon
        for persoon in personen().values()
        if (inclusief_overleden or not persoon.overleden)
        and persoon.adres is not None
        and persoon.adres.postcode == postcode
        and persoon.adres.huisnummer == huisnummer
        and (not huisletter or persoon.adres.huisletter.lower() == huisletter.lower())
        and (not toevoeging or persoon.adres.toevoeging.lower() == toevoeging.lower())
    ]


@cache
def adressen() -> dict[tuple[str, int], list[TestAdres]]:
    """The addresses of the test persons by (postcode, huisnummer), each once."""
    found: dict[tuple[str, int], list[TestAdres]] = {}
    for persoon in personen().values():
        adres = persoon.adres
        if adres is None:
            continue
        same = found.setdefault((adres.postcode, adres.huisnummer), [])
        if all(
            (a.huisletter, a.toevoeging) != (adres.huisletter, adres.toevoeging)
            for a in same
        ):
            same.append(adres)
    return found


# -- companies ------------------------------------------------------------------------

# Derived from the KvK test profile: made-up numbers and names, addresses from the
# BRP test set. (kvkNummer, naam, rechtsvorm, vestigingsnummers: hoofd, neven...)
_AFGELEID = [
    (
        "99000001",
        "Test BV Loket Bakkerij",
        "Besloten Vennootschap",
        ["000099000011", "000099000012"],
    ),
    ("99000002", "Test Stichting Loket Buurthuis", "Stichting", ["000099000021"]),
]


@dataclass(frozen=True)
class TestVestiging:
    vestigingsnummer: str
    naam: str
    hoofdvestiging: bool


@cache
def basisprofielen() -> dict[str, dict]:
    """KvK basisprofiel responses by KvK number (the real test profile first)."""
    original = json.loads(KVK_PROFIEL.read_text(encoding="utf-8"))
    profielen = {original["kvkNummer"]: original}
    adres_pool = [
        p.adres for p in personen().values() if p.adres and p.adres.woonplaats
    ]
    for index, (kvk, naam, rechtsvorm, vestigingen) in enumerate(_AFGELEID):
        profiel = copy.deepcopy(original)
        adres = adres_pool[index]
        profiel.update(kvkNummer=kvk, naam=naam, totaalWerkzamePersonen=3)
        profiel["handelsnamen"] = [{"naam": naam, "volgorde": 0}]
        profiel["links"] = []
        hoofd = profiel["_embedded"]["hoofdvestiging"]
        hoofd.update(
            vestigingsnummer=vestigingen[0],
            kvkNummer=kvk,
            eersteHandelsnaam=naam,
            links=[],
            adressen=[
                {
                    "type": "bezoekadres",
                    "indAfgeschermd": "Nee",
                    "volledigAdres": f"{adres.straat} {adres.huisnummer} "
                    f"{adres.postcode} {adres.woonplaats}",
                    "straatnaam": adres.straat,
                    "huisnummer": adres.huisnummer,
                    "postcode": adres.postcode,
                    "plaats": adres.woonplaats,
                    "land": "Nederland",
                }
            ],
        )
        profiel["_embedded"]["eigenaar"] = {
            "rechtsvorm": rechtsvorm,
            "uitgebreideRechtsvorm": rechtsvorm,
            "links": [],
        }
        profiel["_loket_nevenvestigingen"] = vestigingen[1:]
        profielen[kvk] = profiel
    return profielen


def basisprofiel(kvk: str) -> dict | None:
    profiel = basisprofielen().get(kvk)
    if profiel is None:
        return None
    return {k: v for k, v in profiel.items() if not k.startswith("_loket")}


def vestigingen(kvk: str) -> list[TestVestiging]:
    profiel = basisprofielen().get(kvk)
    if profiel is None:
        return []
    hoofd = profiel["_embedded"]["hoofdvestiging"]
    found = [TestVestiging(hoofd["vestigingsnummer"], profiel["naam"], True)]
    found += [
        TestVestiging(nummer, f"{profiel['naam']} (nevenvestiging)", False)
        for nummer in profiel.get("_loket_nevenvestigingen", [])
    ]
    return found
