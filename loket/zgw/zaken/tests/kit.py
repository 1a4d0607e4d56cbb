"""Short ways to say what a Zaken API test needs: URLs of the catalogue's types
and request bodies with sensible values."""

from tests import zgw_data

API = "/zaken/api/v1"
HOST = "http://testserver"


def catalogi_url(path: str, obj) -> str:
    return f"{HOST}/catalogi/api/v1/{path}/{obj.uuid}"


def zaak_url(zaak) -> str:
    return f"{HOST}{API}/zaken/{zaak.uuid}"


def zaak_body(cat: zgw_data.Catalogue, **overrides) -> dict:
    body = {
        "zaaktype": catalogi_url("zaaktypen", cat.zaaktype),
        "bronorganisatie": cat.rsin,
        "verantwoordelijkeOrganisatie": cat.rsin,
        "startdatum": "2026-03-02",
    }
    body.update(overrides)
    return body


def status_body(zaak, statustype, moment="2026-03-03T10:00:00Z") -> dict:
    return {
        "zaak": zaak_url(zaak),
        "statustype": catalogi_url("statustypen", statustype),
        "datumStatusGezet": moment,
    }


def rol_body(zaak, roltype, bsn="111222333", **overrides) -> dict:
    body = {
        "zaak": zaak_url(zaak),
        "betrokkeneType": "natuurlijk_persoon",
        "roltype": catalogi_url("roltypen", roltype),
        "roltoelichting": "Aanvrager van de vergunning",
        "betrokkeneIdentificatie": {"inpBsn": bsn, "geslachtsnaam": "Jansen"},
    }
    body.update(overrides)
    return body


def invalid_params(response) -> set[tuple[str, str]]:
    return {(p["name"], p["code"]) for p in response.json().get("invalidParams", [])}
