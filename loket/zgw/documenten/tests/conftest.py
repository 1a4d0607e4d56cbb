"""Helpers for the Documenten API tests: a published catalogue, a document body, a
client limited to one informatieobjecttype and confidentiality, and multipart
uploads of bestandsdelen."""

import base64

from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

import pytest

from loket.zgw.autorisaties.services import AutorisatieSpec
from tests import zgw as kit
from tests import zgw_data

API = "/documenten/api/v1"
DOCUMENTEN = f"{API}/enkelvoudiginformatieobjecten"
HOST = "http://testserver"
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"


@pytest.fixture
def cat(db):
    return zgw_data.catalogue()


def iot_url(iotype) -> str:
    return f"{HOST}/catalogi/api/v1/informatieobjecttypen/{iotype.uuid}"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def body(cat, soort: str = "Aanvraag", **overrides) -> dict:
    """A valid document for POST /enkelvoudiginformatieobjecten."""
    return {
        "informatieobjecttype": iot_url(cat.informatieobjecttypen[soort]),
        "bronorganisatie": cat.rsin,
        "creatiedatum": "2026-03-01",
        "titel": "Aanvraag parkeervergunning",
        "auteur": "J. Jansen",
        "taal": "dut",
        "bestandsnaam": "aanvraag.pdf",
        "formaat": "application/pdf",
        "inhoud": b64(PDF),
        **overrides,
    }


def create(client, cat, soort: str = "Aanvraag", **overrides) -> dict:
    response = client.post(DOCUMENTEN, body(cat, soort, **overrides))
    assert response.status_code == 201, response.json()
    return response.json()


def path(url: str) -> str:
    """The path (and query) of one of Loket's URLs, for the test client."""
    return url.removeprefix(HOST)


def lock(client, document: dict) -> str:
    response = client.post(f"{path(document['url'])}/lock")
    assert response.status_code == 200, response.json()
    return response.json()["lock"]


def restricted(django_client, label: str, *scopes: str, iotype, level: str):
    """A client that may use ``scopes`` on documents of one informatieobjecttype,
    up to one confidentiality."""
    app = kit.applicatie(
        label=label,
        alles=False,
        autorisaties=[
            AutorisatieSpec(
                component="drc",
                scopes=list(scopes),
                informatieobjecttype=iotype,
                max_vertrouwelijkheidaanduiding=level,
            )
        ],
    )
    return kit.ZgwClient(django_client, app.clients.get().client_id)


def put_part(client: kit.ZgwClient, url: str, data: bytes | None, lock: str):
    """PUT one bestandsdeel as multipart/form-data, as a client would."""
    fields = {"lock": lock}
    if data is not None:
        from django.core.files.uploadedfile import SimpleUploadedFile

        fields["inhoud"] = SimpleUploadedFile("deel.bin", data)
    return client.client.put(
        path(url),
        encode_multipart(BOUNDARY, fields),
        content_type=MULTIPART_CONTENT,
        **client.headers(),
    )
