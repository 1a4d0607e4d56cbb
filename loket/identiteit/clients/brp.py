"""Haal Centraal BRP bevragen 2.x: ``POST {base}/personen``, header X-API-Key."""

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


def persoon(bsn: str) -> Persoon | None:
    if not (len(bsn) == 9 and bsn.isdigit()):
        raise PrefillError("Dit burgerservicenummer klopt niet.")
    base, key = endpoint("brp")
    data = request_json(
        "POST",
        f"{base}/personen" if base else "",
        service=SERVICE,
        headers={"X-API-Key": key},
        body={
            "type": "RaadpleegMetBurgerservicenummer",
            "burgerservicenummer": [bsn],
            "fields": FIELDS,
        },
    )
    personen = (data or {}).get("personen") or []
    if not personen:
        return None
    return _persoon(personen[0], bsn)


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
