"""Test servers for the registers behind prefill, speaking their real APIs:
Haal Centraal BRP bevragen 2.x, the KvK API (basisprofiel) and Haal Centraal BAG
bevragen 2.x, with the test persons, companies and addresses of ``testdata``.
Each checks the API key Loket's clients send (``keys.api_key``)."""

import hmac
import re
from datetime import date

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

import orjson

from loket.testdiensten import keys, testdata
from loket.testdiensten.guard import testdienst

PROBLEM = "application/problem+json"


def _problem(status: int, title: str, code: str, detail: str = "", **extra):
    body = {
        "type": f"https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.{status}",
        "title": title,
        "status": status,
        "code": code,
        **({"detail": detail} if detail else {}),
        **extra,
    }
    return JsonResponse(body, status=status, content_type=PROBLEM)


def _key_ok(request, service: str, header: str) -> bool:
    given = request.headers.get(header, "")
    return bool(given) and hmac.compare_digest(given, keys.api_key(service))


def _unauthorized():
    return _problem(
        401,
        "Niet correct geauthenticeerd.",
        "authentication",
        type="https://datatracker.ietf.org/doc/html/rfc7235#section-3.1",
    )


# -- BRP ------------------------------------------------------------------------------


def _brp_persoon(persoon: testdata.TestPersoon) -> dict:
    data = {
        "burgerservicenummer": persoon.bsn,
        "naam": {
            "voornamen": persoon.voornamen,
            "geslachtsnaam": persoon.geslachtsnaam,
            **({"voorvoegsel": persoon.voorvoegsel} if persoon.voorvoegsel else {}),
        },
    }
    if persoon.geboortedatum_iso:
        data["geboorte"] = {
            "datum": {"type": "Datum", "datum": persoon.geboortedatum_iso}
        }
    adres = persoon.adres
    if adres is not None:
        verblijfadres = {
            "officieleStraatnaam": adres.straat,
            "korteStraatnaam": adres.korte_naam,
            "huisnummer": adres.huisnummer,
            "postcode": adres.postcode,
            "woonplaats": adres.woonplaats,
        }
        if adres.huisletter:
            verblijfadres["huisletter"] = adres.huisletter
        if adres.toevoeging:
            verblijfadres["huisnummertoevoeging"] = adres.toevoeging
        data["verblijfplaats"] = {"type": "Adres", "verblijfadres": verblijfadres}
    return data


def _brp_persoon_beperkt(persoon: testdata.TestPersoon) -> dict:
    """What a search answers (``PersoonBeperkt``): no structured address, only
    the address lines."""
    volledig = _brp_persoon(persoon)
    data = {
        key: volledig[key]
        for key in ("burgerservicenummer", "naam", "geboorte")
        if key in volledig
    }
    adres = persoon.adres
    if adres is not None:
        nummer = f"{adres.huisnummer}{adres.huisletter}"
        if adres.toevoeging:
            nummer += f"-{adres.toevoeging}"
        postcode = f"{adres.postcode[:4]} {adres.postcode[4:]}"
        data["adressering"] = {
            "adresregel1": f"{adres.straat} {nummer}",
            "adresregel2": f"{postcode}  {adres.woonplaats.upper()}".strip(),
        }
    return data


# The fields a search may ask for (features/fields-filtered-PersoonBeperkt.csv of
# the BRP API, those this server fills).
_VELDEN_BEPERKT = {
    "burgerservicenummer",
    "naam",
    "naam.voornamen",
    "naam.voorvoegsel",
    "naam.geslachtsnaam",
    "geboorte",
    "geboorte.datum",
    "adressering",
    "adressering.adresregel1",
    "adressering.adresregel2",
}


def _alleen(data: dict, velden: list[str]) -> dict:
    """``data`` with only the asked ``fields`` (a group or one field in it)."""
    uit: dict = {}
    for veld in velden:
        groep, _, deel = veld.partition(".")
        if groep not in data:
            continue
        if not deel:
            uit[groep] = data[groep]
        elif isinstance(data[groep], dict) and deel in data[groep]:
            uit.setdefault(groep, {})[deel] = data[groep][deel]
    return uit


_ONGELDIG = ("Een of meerdere parameters zijn niet correct.", "paramsValidation")
_NAAM = re.compile(
    r"[a-zA-Z0-9\u00c0-\u017e .\-']{1,200}|[a-zA-Z0-9\u00c0-\u017e .\-']{3,199}\*"
)
_VOORNAMEN = re.compile(r"[a-zA-Z0-9\u00c0-\u017e .\-']{1,199}\*?")
_ZOEKPARAMETERS = {
    "ZoekMetGeslachtsnaamEnGeboortedatum": {
        "type",
        "fields",
        "geslachtsnaam",
        "geboortedatum",
        "voornamen",
        "voorvoegsel",
        "geslacht",
        "inclusiefOverledenPersonen",
        "gemeenteVanInschrijving",
    },
    "ZoekMetPostcodeEnHuisnummer": {
        "type",
        "fields",
        "postcode",
        "huisnummer",
        "huisletter",
        "huisnummertoevoeging",
        "geboortedatum",
        "geslachtsnaam",
        "inclusiefOverledenPersonen",
        "gemeenteVanInschrijving",
    },
}


def _brp_raadpleeg(query: dict):
    bsns = query.get("burgerservicenummer")
    if (
        not isinstance(bsns, list)
        or not 0 < len(bsns) <= 20
        or not all(isinstance(b, str) and len(b) == 9 and b.isdigit() for b in bsns)
        or not isinstance(query.get("fields"), list)
        or not query["fields"]
    ):
        return _problem(400, *_ONGELDIG)
    personen = testdata.personen()
    found = [_brp_persoon(personen[b]) for b in bsns if b in personen]
    return JsonResponse({"type": "RaadpleegMetBurgerservicenummer", "personen": found})


def _brp_zoek(query: dict):
    """The two searches Loket uses. Like the real API: case- and
    diacritics-insensitive names, a trailing wildcard after three letters,
    deceased persons only with ``inclusiefOverledenPersonen``. Not here:
    geslacht, gemeenteVanInschrijving, the other search types."""
    soort = query["type"]
    onbekend = set(query) - _ZOEKPARAMETERS[soort]
    if onbekend:
        return _problem(
            400, *_ONGELDIG, f"Onbekende parameter(s): {', '.join(sorted(onbekend))}."
        )
    velden = query.get("fields")
    if (
        not isinstance(velden, list)
        or not velden
        or not all(isinstance(v, str) and v in _VELDEN_BEPERKT for v in velden)
    ):
        return _problem(400, *_ONGELDIG, "Deze fields horen niet bij een zoekvraag.")
    overleden = query.get("inclusiefOverledenPersonen", False) is True
    if soort == "ZoekMetGeslachtsnaamEnGeboortedatum":
        naam = query.get("geslachtsnaam")
        datum = query.get("geboortedatum")
        voornamen = query.get("voornamen", "")
        voorvoegsel = query.get("voorvoegsel", "")
        try:
            geldig_datum = isinstance(datum, str) and bool(date.fromisoformat(datum))
        except ValueError:
            geldig_datum = False
        if (
            not isinstance(naam, str)
            or not _NAAM.fullmatch(naam)
            or not geldig_datum
            or not isinstance(voornamen, str)
            or (voornamen and not _VOORNAMEN.fullmatch(voornamen))
            or not isinstance(voorvoegsel, str)
            or len(voorvoegsel) > 10
        ):
            return _problem(400, *_ONGELDIG)
        gevonden = testdata.zoek_op_naam(
            naam,
            datum,
            voornamen=voornamen,
            voorvoegsel=voorvoegsel,
            inclusief_overleden=overleden,
        )
    else:
        postcode = query.get("postcode")
        huisnummer = query.get("huisnummer")
        huisletter = query.get("huisletter", "")
        toevoeging = query.get("huisnummertoevoeging", "")
        if isinstance(huisnummer, str) and huisnummer.isdigit():
            huisnummer = int(huisnummer)
        if (
            not isinstance(postcode, str)
            or not re.fullmatch(r"[1-9][0-9]{3} ?[a-zA-Z]{2}", postcode)
            or not isinstance(huisnummer, int)
            or not 0 < huisnummer <= 99999
            or not isinstance(huisletter, str)
            or len(huisletter) > 1
            or not isinstance(toevoeging, str)
            or len(toevoeging) > 4
        ):
            return _problem(400, *_ONGELDIG)
        gevonden = testdata.zoek_op_adres(
            postcode,
            huisnummer,
            huisletter=huisletter,
            toevoeging=toevoeging,
            inclusief_overleden=overleden,
        )
    return JsonResponse(
        {
            "type": soort,
            "personen": [
                _alleen(_brp_persoon_beperkt(persoon), velden) for persoon in gevonden
            ],
        }
    )


@csrf_exempt
@testdienst
@require_POST
def brp_personen(request):
    """POST /personen: raadplegen by BSN (an unknown BSN gives an empty list, as in
    the real API) and the searches by name and birth date, or by address."""
    if not _key_ok(request, "brp", "X-API-Key"):
        return _unauthorized()
    try:
        query = orjson.loads(request.body)
    except orjson.JSONDecodeError:
        return _problem(400, "Ongeldige JSON.", "paramsValidation")
    soort = query.get("type") if isinstance(query, dict) else None
    if soort == "RaadpleegMetBurgerservicenummer":
        return _brp_raadpleeg(query)
    if soort in _ZOEKPARAMETERS:
        return _brp_zoek(query)
    return _problem(
        400,
        *_ONGELDIG,
        "Alleen RaadpleegMetBurgerservicenummer, ZoekMetGeslachtsnaamEnGeboortedatum "
        "en ZoekMetPostcodeEnHuisnummer worden ondersteund.",
    )


# -- KvK ------------------------------------------------------------------------------


@testdienst
@require_GET
def kvk_basisprofiel(request, kvk_nummer: str):
    if not _key_ok(request, "kvk", "apikey"):
        return JsonResponse(
            {"fout": [{"code": "IPD0001", "omschrijving": "Ongeldige API-key."}]},
            status=401,
        )
    profiel = testdata.basisprofiel(kvk_nummer)
    if profiel is None:
        return JsonResponse(
            {
                "fout": [
                    {
                        "code": "IPD0004",
                        "omschrijving": "Het KvK-nummer is niet gevonden.",
                    }
                ]
            },
            status=404,
        )
    return JsonResponse(profiel)


# -- BAG ------------------------------------------------------------------------------


@testdienst
@require_GET
def bag_adressen(request):
    if not _key_ok(request, "bag", "X-Api-Key"):
        return _unauthorized()
    postcode = request.GET.get("postcode", "").replace(" ", "").upper()
    huisnummer = request.GET.get("huisnummer", "")
    if len(postcode) != 6 or not huisnummer.isdigit():
        return _problem(
            400,
            "Een of meerdere parameters zijn niet correct.",
            "paramsValidation",
            "Geef postcode en huisnummer.",
        )
    found = testdata.adressen().get((postcode, int(huisnummer)), [])
    base = request.build_absolute_uri(request.path)
    adressen = []
    for adres in found:
        item = {
            "openbareRuimteNaam": adres.straat,
            "korteNaam": adres.korte_naam,
            "huisnummer": adres.huisnummer,
            "postcode": adres.postcode,
            "woonplaatsNaam": adres.woonplaats,
            "nummeraanduidingIdentificatie": adres.nummeraanduiding,
            "adresseerbaarObjectIdentificatie": adres.adresseerbaar_object,
            "adresregel5": f"{adres.straat} {adres.huisnummer}{adres.huisletter}"
            + (f"-{adres.toevoeging}" if adres.toevoeging else ""),
            "adresregel6": f"{adres.postcode}  {adres.woonplaats}".strip(),
        }
        if adres.huisletter:
            item["huisletter"] = adres.huisletter
        if adres.toevoeging:
            item["huisnummertoevoeging"] = adres.toevoeging
        if adres.nummeraanduiding:
            item["_links"] = {"self": {"href": f"{base}/{adres.nummeraanduiding}"}}
        adressen.append(item)
    return JsonResponse(
        {
            "_embedded": {"adressen": adressen},
            "_links": {"self": {"href": request.build_absolute_uri()}},
        },
        content_type="application/hal+json",
    )
