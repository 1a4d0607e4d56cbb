"""Large files in bestandsdelen: announce the size, upload the parts with real
multipart PUTs, unlock to join them."""

import os

from django.core.files.storage import default_storage

import pytest

from loket.zgw.documenten.models import BestandsDeel, EnkelvoudigInformatieObject
from loket.zgw.documenten.tests.conftest import (
    DOCUMENTEN,
    PDF,
    body,
    create,
    lock,
    path,
    put_part,
)

# Looks like a PDF at the start (not like a program), random after that.
DATA = b"%PDF-1.7\n" + os.urandom(2491)


@pytest.fixture
def small_parts(settings):
    settings.DOCUMENTEN_PART_SIZE = 1000


def download(client, document: dict, **params) -> bytes:
    response = client.get(f"{path(document['url'])}/download", params)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def announce(client, cat, size: int) -> dict:
    response = client.post(DOCUMENTEN, body(cat, inhoud=None, bestandsomvang=size))
    assert response.status_code == 201, response.json()
    return response.json()


def test_a_file_in_three_parts_is_joined_byte_for_byte_on_unlock(
    zgw, cat, small_parts, django_capture_on_commit_callbacks
):
    document = announce(zgw, cat, len(DATA))
    parts = document["bestandsdelen"]

    assert document["locked"] is True
    assert document["lock"]
    assert document["inhoud"] is None
    assert [(p["volgnummer"], p["omvang"], p["voltooid"]) for p in parts] == [
        (1, 1000, False),
        (2, 1000, False),
        (3, 500, False),
    ]
    for part, start in zip(parts, (0, 1000, 2000), strict=True):
        response = put_part(
            zgw, part["url"], DATA[start : start + part["omvang"]], document["lock"]
        )
        assert response.status_code == 200, response.json()
        assert response.json()["voltooid"] is True
        assert response.json()["lock"] == document["lock"]
    part_files = [p.inhoud.name for p in BestandsDeel.objects.all()]

    with django_capture_on_commit_callbacks(execute=True):
        unlocked = zgw.post(
            f"{path(document['url'])}/unlock", {"lock": document["lock"]}
        )

    assert unlocked.status_code == 204
    joined = zgw.get(path(document["url"])).json()
    assert joined["locked"] is False
    assert joined["bestandsdelen"] == []
    assert joined["bestandsomvang"] == len(DATA)
    assert joined["inhoud"].endswith("/download?versie=1")
    assert download(zgw, document) == DATA
    assert not BestandsDeel.objects.exists()
    assert not any(default_storage.exists(name) for name in part_files)


def test_unlocking_before_every_part_arrived_is_refused(zgw, cat, small_parts):
    document = announce(zgw, cat, len(DATA))
    first, second, _ = document["bestandsdelen"]
    put_part(zgw, first["url"], DATA[:1000], document["lock"])
    put_part(zgw, second["url"], DATA[1000:2000], document["lock"])

    response = zgw.post(f"{path(document['url'])}/unlock", {"lock": document["lock"]})

    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "incomplete-upload"
    assert "3" in response.json()["invalidParams"][0]["reason"]
    assert zgw.get(path(document["url"])).json()["locked"] is True


def test_a_part_needs_the_lock_and_its_own_size(zgw, cat, small_parts):
    document = announce(zgw, cat, len(DATA))
    first = document["bestandsdelen"][0]

    wrong_lock = put_part(zgw, first["url"], DATA[:1000], "0" * 32)
    wrong_size = put_part(zgw, first["url"], DATA[:999], document["lock"])
    no_file = put_part(zgw, first["url"], None, document["lock"])

    assert wrong_lock.status_code == 400
    assert wrong_lock.json()["invalidParams"][0]["code"] == "incorrect-lock-id"
    assert wrong_size.status_code == 400
    assert wrong_size.json()["invalidParams"][0]["code"] == "file-size"
    assert no_file.status_code == 400
    assert no_file.json()["invalidParams"][0]["name"] == "inhoud"
    assert not BestandsDeel.objects.get(volgnummer=1).voltooid


def test_a_part_sent_again_replaces_the_first_attempt(zgw, cat, small_parts):
    document = announce(zgw, cat, len(DATA))
    parts = document["bestandsdelen"]
    put_part(zgw, parts[0]["url"], b"%PDF-oud!" + b"x" * 991, document["lock"])
    for part, start in zip(parts, (0, 1000, 2000), strict=True):
        put_part(zgw, part["url"], DATA[start : start + 1000], document["lock"])

    zgw.post(f"{path(document['url'])}/unlock", {"lock": document["lock"]})

    assert download(zgw, document) == DATA


def test_an_update_can_bring_new_content_in_parts(zgw, cat, small_parts):
    document = create(zgw, cat)
    key = lock(zgw, document)

    response = zgw.patch(
        path(document["url"]),
        {"inhoud": None, "bestandsomvang": 1500, "lock": key},
    )
    updated = response.json()
    for part, start in zip(updated["bestandsdelen"], (0, 1000), strict=True):
        put_part(zgw, part["url"], DATA[start : start + part["omvang"]], key)
    zgw.post(f"{path(document['url'])}/unlock", {"lock": key})

    assert response.status_code == 200
    assert updated["versie"] == 2
    assert updated["inhoud"] is None
    assert [p["omvang"] for p in updated["bestandsdelen"]] == [1000, 500]
    assert download(zgw, document) == DATA[:1500]
    assert download(zgw, document, versie=1) == PDF


def test_a_forced_unlock_drops_an_unfinished_upload(zgw, cat, small_parts):
    document = announce(zgw, cat, len(DATA))
    put_part(zgw, document["bestandsdelen"][0]["url"], DATA[:1000], document["lock"])

    response = zgw.post(f"{path(document['url'])}/unlock", {})

    after = zgw.get(path(document["url"])).json()
    assert response.status_code == 204
    assert after["locked"] is False
    assert after["bestandsdelen"] == []
    assert after["bestandsomvang"] is None
    assert after["inhoud"] is None
    assert not BestandsDeel.objects.exists()


def test_a_part_larger_than_django_keeps_in_memory_is_streamed(zgw, cat, settings):
    settings.DOCUMENTEN_PART_SIZE = 3 * 1024 * 1024
    data = b"%PDF-1.7\n" + os.urandom(3 * 1024 * 1024 + 1000)
    document = announce(zgw, cat, len(data))
    first, second = document["bestandsdelen"]

    big = put_part(zgw, first["url"], data[: first["omvang"]], document["lock"])
    put_part(zgw, second["url"], data[first["omvang"] :], document["lock"])
    zgw.post(f"{path(document['url'])}/unlock", {"lock": document["lock"]})

    assert first["omvang"] > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    assert big.status_code == 200, big.json()
    assert download(zgw, document) == data
    assert EnkelvoudigInformatieObject.objects.get().bestandsomvang == len(data)
