"""Addresses in the two fictional demo gemeenten, for zaken about a place (a
parking permit, a melding openbare ruimte, an event, a building permit).

The streets are made up; each gemeente lies in its own small area of the
Netherlands (WGS 84): Duinwaard behind the dunes of the North Holland coast,
Lindebroek on the river in the Gelderse Vallei. Postcodes follow the demo's
own (9901 for Duinwaard, 9902 for Lindebroek, as in ``data.GEMEENTEN``), and a
nummeraanduiding-id is built like the BAG builds one: the gemeentecode, 20 for
a nummeraanduiding, then ten digits.
"""

from dataclasses import dataclass
from random import Random


@dataclass(frozen=True)
class Straat:
    naam: str
    postcode: str  # without the house-number range, e.g. "9901 AB"
    noord: float  # degrees latitude of the street's middle
    oost: float  # degrees longitude
    huisnummers: int = 60


@dataclass(frozen=True)
class Plek:
    """One address, with a point for the zaakgeometrie."""

    gemeentecode: str
    woonplaats: str
    straat: str
    huisnummer: int
    postcode: str
    noord: float
    oost: float
    nummeraanduiding: str

    @property
    def adres(self) -> str:
        return f"{self.straat} {self.huisnummer}"

    def geometrie(self) -> dict:
        """GeoJSON: longitude first."""
        return {"type": "Point", "coordinates": [self.oost, self.noord]}

    def object_identificatie(self) -> dict:
        """``ObjectAdres`` of the Zaken API."""
        return {
            "identificatie": self.nummeraanduiding,
            "wplWoonplaatsNaam": self.woonplaats,
            "gorOpenbareRuimteNaam": self.straat,
            "huisnummer": self.huisnummer,
            "huisletter": "",
            "huisnummertoevoeging": "",
            "postcode": self.postcode.replace(" ", ""),
        }


# Per gemeente (slug): the centre and the streets around it.
STRATEN = {
    "duinwaard": [
        Straat("Raadhuisplein", "9901 AA", 52.5512, 4.6301, 12),
        Straat("Dorpsstraat", "9901 AB", 52.5523, 4.6322),
        Straat("Zeeweg", "9901 AC", 52.5541, 4.6175, 120),
        Straat("Strandweg", "9901 AD", 52.5560, 4.6068, 40),
        Straat("Duinweg", "9901 AE", 52.5478, 4.6212),
        Straat("Helmgrasstraat", "9901 AG", 52.5455, 4.6280),
        Straat("Schelpenpad", "9901 AH", 52.5497, 4.6388),
        Straat("Vuurtorenplein", "9901 AJ", 52.5583, 4.6120, 20),
        Straat("Badhuisweg", "9901 AK", 52.5531, 4.6247, 80),
        Straat("Kerkstraat", "9901 AL", 52.5506, 4.6339),
        Straat("Noorderduin", "9901 AM", 52.5602, 4.6233, 90),
        Straat("Meeuwenlaan", "9901 AN", 52.5440, 4.6351),
        Straat("Kustweg", "9901 AP", 52.5467, 4.6129, 70),
        Straat("Boulevard", "9901 AR", 52.5575, 4.6041, 50),
    ],
    "lindebroek": [
        Straat("Lindeplein", "9902 BB", 51.9662, 5.6631, 16),
        Straat("Lindelaan", "9902 BC", 51.9675, 5.6604),
        Straat("Rivierdijk", "9902 BD", 51.9611, 5.6688, 140),
        Straat("Broekweg", "9902 BE", 51.9701, 5.6712, 90),
        Straat("Molenstraat", "9902 BG", 51.9650, 5.6577),
        Straat("Veerweg", "9902 BH", 51.9597, 5.6601, 30),
        Straat("Uiterwaardenpad", "9902 BJ", 51.9589, 5.6745, 20),
        Straat("Wilgenlaan", "9902 BK", 51.9689, 5.6550),
        Straat("Boomgaardstraat", "9902 BL", 51.9718, 5.6639),
        Straat("Kerkstraat", "9902 BM", 51.9657, 5.6652),
        Straat("Dijkstraat", "9902 BN", 51.9628, 5.6621),
        Straat("Populierenlaan", "9902 BP", 51.9733, 5.6580),
        Straat("Havenkade", "9902 BR", 51.9606, 5.6642, 40),
        Straat("Stationsweg", "9902 BS", 51.9694, 5.6679, 70),
    ],
}

# How far a house lies from the middle of its street, at most (degrees; about
# 200 m north-south and 140 m east-west).
SPREIDING = 0.0018


def plek(rng: Random, *, slug: str, gemeentecode: str, woonplaats: str) -> Plek:
    straten = STRATEN[slug]
    index = rng.randrange(len(straten))
    straat = straten[index]
    huisnummer = rng.randint(1, straat.huisnummers)
    return Plek(
        gemeentecode=gemeentecode,
        woonplaats=woonplaats,
        straat=straat.naam,
        huisnummer=huisnummer,
        postcode=straat.postcode,
        noord=round(straat.noord + rng.uniform(-SPREIDING, SPREIDING), 6),
        oost=round(straat.oost + rng.uniform(-SPREIDING, SPREIDING), 6),
        nummeraanduiding=f"{gemeentecode}20{index + 1:04d}{huisnummer:06d}",
    )


def gebied(slug: str) -> dict:
    """A GeoJSON polygon around every address of the gemeente (for a search by
    area), with a margin."""
    straten = STRATEN[slug]
    marge = 2 * SPREIDING
    west = min(s.oost for s in straten) - marge
    oost = max(s.oost for s in straten) + marge
    zuid = min(s.noord for s in straten) - marge
    noord = max(s.noord for s in straten) + marge
    ring = [[west, zuid], [oost, zuid], [oost, noord], [west, noord], [west, zuid]]
    return {"type": "Polygon", "coordinates": [ring]}
