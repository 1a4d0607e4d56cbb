"""Test data for the Besluiten API: URLs, request bodies, and zaken and documents
to link besluiten to, made through the services of their own apps."""

from datetime import date

from loket.zgw import apis
from loket.zgw.api.references import Urls
from loket.zgw.documenten import services as documenten
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services as zaken
from tests import zgw_data

HOST = "http://testserver"
URLS = Urls(HOST)
API = "/besluiten/api/v1"
BESLUITEN = f"{API}/besluiten"
BIOS = f"{API}/besluitinformatieobjecten"


def path(url: str) -> str:
    """The path of a URL on the test host or on LOKET_BASE_URL (notificaties and
    the audit trail are built outside a request)."""
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def url_of(api, resource_path: str, obj) -> str:
    return URLS(api, resource_path, obj.uuid)


def besluittype_url(besluittype) -> str:
    return url_of(apis.CATALOGI, "/besluittypen", besluittype)


def zaak_url(zaak) -> str:
    return url_of(apis.ZAKEN, "/zaken", zaak)


def document_url(informatieobject) -> str:
    return url_of(apis.DOCUMENTEN, "/enkelvoudiginformatieobjecten", informatieobject)


def besluit_body(cat: zgw_data.Catalogue, **overrides) -> dict:
    body = {
        "verantwoordelijkeOrganisatie": cat.rsin,
        "besluittype": besluittype_url(cat.besluittype),
        "datum": "2026-02-01",
        "ingangsdatum": "2026-02-15",
    }
    body.update(overrides)
    return body


def create_besluit(zgw, cat, **overrides) -> dict:
    response = zgw.post(BESLUITEN, besluit_body(cat, **overrides))
    assert response.status_code == 201, response.json()
    return response.json()


def zaak(cat: zgw_data.Catalogue, zaaktype=None):
    return zaken.create_zaak(
        actor=LOKET,
        zaaktype=zaaktype or cat.zaaktype,
        bronorganisatie=cat.rsin,
        startdatum=date(2026, 1, 10),
    )


def close(cat: zgw_data.Catalogue, zaak):
    """End a zaak: a resultaat, then the end status (which sets its einddatum)."""
    zaken.set_resultaat(
        zaak, actor=LOKET, resultaattype=cat.resultaattypen["Geweigerd"]
    )
    zaken.set_status(zaak, actor=LOKET, statustype=cat.statustypen["Afgehandeld"])
    zaak.refresh_from_db()
    assert zaak.einddatum is not None
    return zaak


def document(
    cat: zgw_data.Catalogue,
    informatieobjecttype: str = "Besluit",
    vertrouwelijkheidaanduiding: str = "openbaar",
):
    """A document of one of the catalogue's informatieobjecttypen, made through
    the Documenten services; the document itself (not its version)."""
    version = documenten.create_document(
        actor=LOKET,
        informatieobjecttype=cat.informatieobjecttypen[informatieobjecttype],
        bronorganisatie=cat.rsin,
        titel="Besluit parkeervergunning",
        auteur="Team Vergunningen",
        taal="nld",
        creatiedatum=date(2026, 2, 1),
        inhoud=b"%PDF-1.7 besluit",
        bestandsnaam="besluit.pdf",
        formaat="application/pdf",
        vertrouwelijkheidaanduiding=vertrouwelijkheidaanduiding,
    )
    return version.informatieobject
