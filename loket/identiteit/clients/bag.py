"""Haal Centraal BAG bevragen 2.x: ``GET {base}/adressen?postcode=…&huisnummer=…``,
header X-Api-Key, a HAL response."""

import re
from urllib.parse import urlencode

from loket.identiteit.clients import PrefillError, endpoint, number, request_json, text
from loket.identiteit.prefill import Adres

SERVICE = "de Basisregistratie Adressen en Gebouwen (BAG)"
POSTCODE = re.compile(r"^[1-9][0-9]{3}[A-Z]{2}$")


def adressen(postcode: str, huisnummer: int) -> list[Adres]:
    postcode = postcode.replace(" ", "").upper()
    if not POSTCODE.match(postcode):
        raise PrefillError("Deze postcode klopt niet. Een postcode is zoals 1234 AB.")
    if not 0 < int(huisnummer) < 100_000:
        raise PrefillError("Dit huisnummer klopt niet.")
    base, key = endpoint("bag")
    query = urlencode({"postcode": postcode, "huisnummer": int(huisnummer)})
    data = request_json(
        "GET",
        f"{base}/adressen?{query}" if base else "",
        service=SERVICE,
        headers={"X-Api-Key": key, "Accept": "application/hal+json"},
        not_found_ok=True,
    )
    found = ((data or {}).get("_embedded") or {}).get("adressen") or []
    return [
        Adres(
            straat=text(a.get("openbareRuimteNaam") or a.get("korteNaam")),
            huisnummer=number(a.get("huisnummer")),
            huisletter=text(a.get("huisletter")),
            toevoeging=text(a.get("huisnummertoevoeging")),
            postcode=text(a.get("postcode")),
            woonplaats=text(a.get("woonplaatsNaam")),
        )
        for a in found
        if isinstance(a, dict)
    ]
