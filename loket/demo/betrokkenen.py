"""The residents and the business that ask the demo gemeenten for things: persons
of the RvIG BRP test set and the test company of the KvK API (see
``assets/README.md``), as the Zaken API identifies them in a rol."""

import csv
import functools
import json
from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).parent / "assets"
BRP = ASSETS / "brp-testpersonen.csv"
KVK = ASSETS / "kvk-test-basisprofiel.json"

_GESLACHT = {"M": "m", "V": "v", "O": "o"}


@dataclass(frozen=True)
class Persoon:
    """A natuurlijk persoon of the BRP test set, by GBA element."""

    bsn: str
    a_nummer: str
    voornamen: str
    voorvoegsel: str
    geslachtsnaam: str
    geboortedatum: str  # jjjjmmdd, 00 where unknown
    geslacht: str
    straat: str
    huisnummer: str
    huisletter: str
    toevoeging: str
    postcode: str
    woonplaats: str
    nummeraanduiding: str

    @property
    def naam(self) -> str:
        return " ".join(
            p for p in (self.voornamen, self.voorvoegsel, self.geslachtsnaam) if p
        )

    @property
    def voorletters(self) -> str:
        """The initials, at most 20 characters as the Zaken API allows (the test
        set has a person with seventeen first names)."""
        letters = "".join(f"{part[0]}." for part in self.voornamen.split() if part)
        return letters[:20]

    @property
    def aanhef(self) -> str:
        """How a letter addresses this person: initials and surname."""
        return " ".join(
            p for p in (self.voorletters, self.voorvoegsel, self.geslachtsnaam) if p
        )

    def betrokkene_identificatie(self) -> dict:
        """``RolNatuurlijkPersoon``: BSN, A-nummer and name, the date of birth when
        it is complete, and the verblijfsadres when the BRP has all four fields the
        Zaken API asks for."""
        identificatie = {
            "inpBsn": self.bsn,
            "inpA_nummer": self.a_nummer,
            "geslachtsnaam": self.geslachtsnaam,
            "voorvoegselGeslachtsnaam": self.voorvoegsel,
            "voorletters": self.voorletters,
            "voornamen": self.voornamen,
            "geslachtsaanduiding": _GESLACHT.get(self.geslacht, "o"),
        }
        if "00" not in (self.geboortedatum[4:6], self.geboortedatum[6:]):
            d = self.geboortedatum
            identificatie["geboortedatum"] = f"{d[:4]}-{d[4:6]}-{d[6:]}"
        if all((self.nummeraanduiding, self.woonplaats, self.straat, self.huisnummer)):
            identificatie["verblijfsadres"] = {
                "aoaIdentificatie": self.nummeraanduiding,
                "wplWoonplaatsNaam": self.woonplaats,
                "gorOpenbareRuimteNaam": self.straat,
                "aoaPostcode": self.postcode,
                "aoaHuisnummer": int(self.huisnummer),
                "aoaHuisletter": self.huisletter,
                "aoaHuisnummertoevoeging": self.toevoeging,
            }
        return identificatie

    @property
    def adresregels(self) -> list[str]:
        if not self.straat:
            return []
        nummer = f"{self.huisnummer}{self.huisletter}"
        if self.toevoeging:
            nummer += f"-{self.toevoeging}"
        regels = [f"{self.straat} {nummer}"]
        if self.postcode or self.woonplaats:
            regels.append(f"{self.postcode} {self.woonplaats}".strip())
        return regels


@dataclass(frozen=True)
class Bedrijf:
    """A vestiging of a company in the Handelsregister (KvK basisprofiel)."""

    kvk_nummer: str
    vestigingsnummer: str
    naam: str
    rechtsvorm: str
    adresregels: tuple[str, ...]

    def betrokkene_identificatie(self) -> dict:
        """``RolVestiging``; without verblijfsadres: the basisprofiel has no BAG
        identification of the address, which the Zaken API requires."""
        return {
            "vestigingsNummer": self.vestigingsnummer,
            "handelsnaam": [self.naam],
            "kvkNummer": self.kvk_nummer,
        }


@functools.cache
def personen() -> tuple[Persoon, ...]:
    """Every person of the test set the demo may use, by BSN."""
    with BRP.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    return tuple(
        Persoon(
            bsn=row["01.01.20"],
            a_nummer=row["01.01.10"],
            voornamen=row["01.02.10"],
            voorvoegsel=row["01.02.30"],
            geslachtsnaam=row["01.02.40"],
            geboortedatum=row["01.03.10"],
            geslacht=row["01.04.10"],
            straat=row["08.11.15"] or row["08.11.10"],
            huisnummer=row["08.11.20"],
            huisletter=row["08.11.30"],
            toevoeging=row["08.11.40"],
            postcode=row["08.11.60"],
            woonplaats=row["08.11.70"],
            nummeraanduiding=row["08.11.90"],
        )
        for row in rows
    )


@functools.cache
def bedrijf() -> Bedrijf:
    profiel = json.loads(KVK.read_text(encoding="utf-8"))
    vestiging = profiel["_embedded"]["hoofdvestiging"]
    adres = next(
        (a for a in vestiging["adressen"] if a["type"] == "bezoekadres"),
        vestiging["adressen"][0],
    )
    return Bedrijf(
        kvk_nummer=profiel["kvkNummer"],
        vestigingsnummer=vestiging["vestigingsnummer"],
        naam=vestiging["eersteHandelsnaam"],
        rechtsvorm=profiel["_embedded"]["eigenaar"]["rechtsvorm"],
        adresregels=(
            f"{adres['straatnaam']} {adres['huisnummer']}",
            f"{adres['postcode']} {adres['plaats']}",
        ),
    )
