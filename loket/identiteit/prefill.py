"""Prefill: what the national registers know about the logged-in resident or
business, to fill in forms.

``persoon`` asks the BRP (Haal Centraal BRP bevragen), ``bedrijf`` the KvK
(basisprofiel), ``adressen`` the BAG (Haal Centraal BAG bevragen). Each calls a real
HTTP API at a configurable address (``LOKET_BRP_URL`` …, read at call time); in the
demo and the tests those are the test servers under /testdiensten/. Every failure
is a ``PrefillError`` whose text can be shown to the resident.
"""

from dataclasses import dataclass
from datetime import date

from loket.identiteit.clients import PrefillError  # noqa: F401 (part of the contract)


@dataclass(frozen=True)
class Adres:
    straat: str
    huisnummer: int
    huisletter: str
    toevoeging: str
    postcode: str
    woonplaats: str

    @property
    def regel(self) -> str:
        """ "Boterdiep 31A-2, 3077 AW Rotterdam"."""
        nummer = f"{self.huisnummer}{self.huisletter}"
        if self.toevoeging:
            nummer += f"-{self.toevoeging}"
        postcode = self.postcode
        if len(postcode) == 6:
            postcode = f"{postcode[:4]} {postcode[4:]}"
        plaats = " ".join(part for part in (postcode, self.woonplaats) if part)
        return f"{self.straat} {nummer}, {plaats}".strip(", ")


@dataclass(frozen=True)
class Persoon:
    bsn: str
    voornamen: str
    voorvoegsel: str
    geslachtsnaam: str
    geboortedatum: date | None
    adres: Adres | None

    @property
    def naam(self) -> str:
        """ "Jan de Vries"."""
        parts = (self.voornamen, self.voorvoegsel, self.geslachtsnaam)
        return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class Bedrijf:
    kvk: str
    naam: str
    vestigingsnummer: str
    adres: Adres | None


def persoon(bsn: str) -> Persoon | None:
    """The person with this BSN in the BRP, None if the BRP does not know it."""
    from loket.identiteit.clients import brp

    return brp.persoon(bsn)


def bedrijf(kvk: str) -> Bedrijf | None:
    """The company with this KvK number (its main branch), None if unknown."""
    from loket.identiteit.clients import kvk as kvk_client

    return kvk_client.bedrijf(kvk)


def adressen(postcode: str, huisnummer: int) -> list[Adres]:
    """The addresses in the BAG with this postcode and house number (several when
    there are letters or additions)."""
    from loket.identiteit.clients import bag

    return bag.adressen(postcode, huisnummer)
