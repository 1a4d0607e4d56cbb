"""Files can live in S3-compatible object storage instead of on disk: the same
document, stored through Django's storage API, read back through the Documenten API.
The object store is a real S3 server on a local port (moto), not a mock of ours."""

import socket
from datetime import date

import boto3
import pytest
from moto.server import ThreadedMotoServer

from loket.zgw.documenten import services as documenten
from loket.zgw.registers.services import LOKET
from tests import zgw_data

BUCKET = "loket-documenten"


@pytest.fixture(scope="module")
def s3_endpoint():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage(settings, s3_endpoint):
    credentials = {
        "endpoint_url": s3_endpoint,
        "region_name": "eu-west-1",
        "aws_access_key_id": "loket",
        "aws_secret_access_key": "loket-geheim",
    }
    client = boto3.client("s3", **credentials)
    if BUCKET not in [b["Name"] for b in client.list_buckets()["Buckets"]]:
        client.create_bucket(
            Bucket=BUCKET,
            CreateBucketConfiguration={"LocationConstraint": "eu-west-1"},
        )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "eu-west-1",
                "access_key": "loket",
                "secret_key": "loket-geheim",
                "default_acl": "private",
                "file_overwrite": False,
            },
        },
    }
    return client


@pytest.mark.django_db
def test_a_document_is_stored_in_and_served_from_s3(zgw, s3_storage):
    cat = zgw_data.catalogue()
    content = b"%PDF-1.7 besluit op uw aanvraag"
    version = documenten.create_document(
        actor=LOKET,
        informatieobjecttype=cat.informatieobjecttypen["Besluit"],
        bronorganisatie=cat.rsin,
        titel="Besluit",
        auteur="Team Vergunningen",
        taal="dut",
        creatiedatum=date(2026, 4, 1),
        inhoud=content,
        bestandsnaam="besluit.pdf",
        formaat="application/pdf",
    )

    stored = s3_storage.list_objects_v2(Bucket=BUCKET)["Contents"]
    assert [o["Key"] for o in stored] == [version.inhoud.name]
    assert (
        s3_storage.get_object(Bucket=BUCKET, Key=version.inhoud.name)["Body"].read()
        == content
    )

    uuid = version.informatieobject.uuid
    download = zgw.get(
        f"/documenten/api/v1/enkelvoudiginformatieobjecten/{uuid}/download"
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
