"""KvK API basisprofiel: ``GET {base}/v1/basisprofielen/{kvkNummer}``, header apikey."""

from loket.identiteit.clients import PrefillError, endpoint, number, request_json, text
from loket.identiteit.prefill import Adres, Bedrijf

SERVICE = "het Handelsregister van de KvK"


def bedrijf(kvk: str) -> Bedrijf | None:
    if not (len(kvk) == 8 and kvk.isdigit()):
        raise PrefillError("Dit KvK-nummer klopt niet: het heeft 8 cijfers.")
    base, key = endpoint("kvk")
    data = request_json(
        "GET",
        f"{base}/v1/basisprofielen/{kvk}" if base else "",
        service=SERVICE,
        headers={"apikey": key},
        not_found_ok=True,
    )
    if data is None:
        return None
    hoofdvestiging = (data.get("_embedded") or {}).get("hoofdvestiging") or {}
    return Bedrijf(
        kvk=text(data.get("kvkNummer")) or kvk,
        naam=text(data.get("naam") or hoofdvestiging.get("eersteHandelsnaam")),
        vestigingsnummer=text(hoofdvestiging.get("vestigingsnummer")),
        adres=_adres(hoofdvestiging.get("adressen") or []),
    )


def _adres(adressen: list) -> Adres | None:
    """The visiting address (bezoekadres), else the first; none when shielded."""
    usable = [
        a for a in adressen if isinstance(a, dict) and a.get("indAfgeschermd") != "Ja"
    ]
    usable.sort(key=lambda a: a.get("type") != "bezoekadres")
    if not usable or not usable[0].get("huisnummer"):
        return None
    adres = usable[0]
    return Adres(
        straat=text(adres.get("straatnaam")),
        huisnummer=number(adres.get("huisnummer")),
        huisletter=text(adres.get("huisletter")),
        toevoeging=text(adres.get("huisnummerToevoeging")),
        postcode=text(adres.get("postcode")).replace(" ", "").upper(),
        woonplaats=text(adres.get("plaats")),
    )
