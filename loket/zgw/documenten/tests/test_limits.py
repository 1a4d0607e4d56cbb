"""What Loket does not take: bodies and files too large, programs, broken base64.
Each refusal is a polite 400 in the standard's error format."""

import pytest

from loket.zgw.documenten.models import EnkelvoudigInformatieObject
from loket.zgw.documenten.tests.conftest import DOCUMENTEN, b64, body, create, put_part


def param(response) -> dict:
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    return response.json()["invalidParams"][0]


def test_a_body_too_large_for_json_is_refused_with_a_pointer_to_bestandsdelen(
    zgw, cat, settings
):
    settings.DOCUMENTEN_MAX_JSON_SIZE = 4000

    response = zgw.post(DOCUMENTEN, body(cat, inhoud=b64(b"%PDF" + b"x" * 4000)))

    problem = param(response)
    assert problem["code"] == "request-too-large"
    assert "bestandsdelen" in problem["reason"]
    assert not EnkelvoudigInformatieObject.objects.exists()


def test_the_json_limit_of_documents_is_their_own(zgw, cat, settings):
    """Documents take more than Django's limit for forms (base64 content)."""
    data = b"%PDF" + b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1000)

    response = zgw.post(DOCUMENTEN, body(cat, inhoud=b64(data)))

    assert response.status_code == 201
    assert response.json()["bestandsomvang"] == len(data)


def test_a_file_larger_than_this_installation_takes_is_refused(zgw, cat, settings):
    settings.DOCUMENTEN_MAX_FILE_SIZE = 100

    inline = zgw.post(DOCUMENTEN, body(cat, inhoud=b64(b"%PDF" + b"x" * 200)))
    announced = zgw.post(DOCUMENTEN, body(cat, inhoud=None, bestandsomvang=10**9))

    assert param(inline) == {
        "name": "inhoud",
        "code": "file-too-large",
        "reason": param(inline)["reason"],
    }
    assert param(announced)["name"] == "bestandsomvang"
    assert param(announced)["code"] == "file-too-large"


@pytest.mark.parametrize(
    "start",
    [b"MZ\x90\x00\x03\x00", b"\x7fELF\x02\x01\x01", b"\xcf\xfa\xed\xfe", b"#!/bin/sh"],
    ids=["windows", "linux", "macos", "script"],
)
def test_a_program_is_not_a_document(zgw, cat, start):
    response = zgw.post(DOCUMENTEN, body(cat, inhoud=b64(start + b"\x00" * 64)))

    problem = param(response)
    assert problem["name"] == "inhoud"
    assert problem["code"] == "executable-content"
    assert "uitvoerbare" in problem["reason"]


def test_a_program_is_not_a_document_in_bestandsdelen_either(zgw, cat, settings):
    settings.DOCUMENTEN_PART_SIZE = 100
    document = zgw.post(DOCUMENTEN, body(cat, inhoud=None, bestandsomvang=150)).json()
    first = document["bestandsdelen"][0]

    response = put_part(zgw, first["url"], b"MZ" + b"\x00" * 98, document["lock"])

    assert param(response)["code"] == "executable-content"


def test_broken_base64_is_refused(zgw, cat):
    wrong = zgw.post(DOCUMENTEN, body(cat, inhoud="dit is geen base64!"))
    padding = zgw.post(DOCUMENTEN, body(cat, inhoud="JVBERi0"))

    assert param(wrong)["code"] == "invalid-base64"
    assert param(padding)["code"] == "incorrect-base64-padding"


def test_the_announced_size_must_be_the_contents(zgw, cat):
    response = zgw.post(DOCUMENTEN, body(cat, bestandsomvang=3))

    assert param(response)["name"] == "bestandsomvang"
    assert param(response)["code"] == "file-size"
    assert create(zgw, cat)["bestandsomvang"] > 3


def test_a_part_far_larger_than_announced_is_refused_before_it_is_read(
    zgw, cat, settings
):
    settings.DOCUMENTEN_PART_SIZE = 100
    document = zgw.post(DOCUMENTEN, body(cat, inhoud=None, bestandsomvang=150)).json()
    first = document["bestandsdelen"][0]

    response = put_part(zgw, first["url"], b"%PDF" + b"x" * 200_000, document["lock"])

    assert param(response)["code"] == "request-too-large"
