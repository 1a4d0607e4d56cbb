"""The demo's test mailbox shows the e-mails that went to files."""

import os

from django.core.mail import send_mail

import pytest

from loket.core.email import mailer_from_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def file_mail(settings, tmp_path):
    settings.TESTDIENSTEN = True
    settings.MAILERS = {"default": mailer_from_url(f"file://{tmp_path}")}
    return tmp_path


def test_the_mailbox_lists_and_shows_the_mails_sent_to_files(client, file_mail):
    send_mail(
        "Uw aanvraag ZAAK-1: Ontvangen",
        "Beste S. Boer,\n\nEr is nieuws.",
        None,
        ["s.boer@example.nl"],
    )
    first_file = next(file_mail.iterdir())
    send_mail("Tweede", "Nog een.", None, ["a@example.nl"])
    # Two files written within one tick of the file system's clock: say which came
    # first, as a second later would.
    stat = first_file.stat()
    os.utime(first_file, ns=(stat.st_atime_ns, stat.st_mtime_ns - 1_000_000_000))

    index = client.get("/testdiensten/mailbox/").content.decode()
    assert index.index("Tweede") < index.index("Uw aanvraag ZAAK-1: Ontvangen")
    assert "s.boer@example.nl" in index

    link = index.split('href="/testdiensten/mailbox/', 1)[1].split('"', 1)[0]
    detail = client.get(f"/testdiensten/mailbox/{link}")
    assert detail.status_code == 200
    assert "Tweede" in detail.content.decode()


def test_the_mailbox_is_not_there_without_the_test_services(
    client, file_mail, settings
):
    settings.TESTDIENSTEN = False
    assert client.get("/testdiensten/mailbox/").status_code == 404


def test_an_unknown_or_malicious_mail_key_is_not_found(client, file_mail):
    for key in (
        "bestaat-niet:0",
        "..%2F..%2Fetc%2Fpasswd:0",
        "20260101-000000-1.log:9",
    ):
        assert client.get(f"/testdiensten/mailbox/{key}/").status_code == 404
