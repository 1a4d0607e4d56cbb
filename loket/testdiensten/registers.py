"""Test servers for the registers behind prefill, speaking their real APIs:
Haal Centraal BRP bevragen 2.x, the KvK API (basisprofiel) and Haal Centraal BAG
bevragen 2.x, with the test persons, companies and addresses of ``testdata``.
Each checks the API key Loket's clients send (``keys.api_key``)."""

import hmac

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


@csrf_exempt
@testdienst
@require_POST
def brp_personen(request):
    """POST /personen. Like the real API, an unknown BSN gives an empty list."""
    if not _key_ok(request, "brp", "X-API-Key"):
        return _unauthorized()
    try:
        query = orjson.loads(request.body)
    except orjson.JSONDecodeError:
        return _problem(400, "Ongeldige JSON.", "paramsValidation")
    if not isinstance(query, dict) or query.get("type") != (
        "RaadpleegMetBurgerservicenummer"
    ):
        return _problem(
            400,
            "Een of meerdere parameters zijn niet correct.",
            "paramsValidation",
            "Alleen RaadpleegMetBurgerservicenummer wordt ondersteund.",
        )
    bsns = query.get("burgerservicenummer")
    if (
        not isinstance(bsns, list)
        or not 0 < len(bsns) <= 20
        or not all(isinstance(b, str) and len(b) == 9 and b.isdigit() for b in bsns)
        or not isinstance(query.get("fields"), list)
        or not query["fields"]
    ):
        return _problem(
            400,
            "Een of meerdere parameters zijn niet correct.",
            "paramsValidation",
        )
    personen = testdata.personen()
    found = [_brp_persoon(personen[b]) for b in bsns if b in personen]
    return JsonResponse({"type": "RaadpleegMetBurgerservicenummer", "personen": found})


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
