"""The demo's mailbox: the e-mails Loket "sent" while mail goes to files
(``LOKET_EMAIL_URL=file://…``, as ``make run`` sets it), readable in the browser.
Only with the test services on; a real installation sends real e-mail."""

import email
import re
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.utils import parsedate_to_datetime
from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from loket.testdiensten.guard import testdienst

SEPARATOR = b"\n" + b"-" * 79 + b"\n"
_NAME = re.compile(r"^[0-9]{8}-[0-9]{6}-[0-9]+\.log$")
MAXIMUM = 200


@dataclass(frozen=True)
class Mail:
    sleutel: str  # "<file>:<n>"
    aan: str
    onderwerp: str
    verzonden: datetime | None
    tekst: str


def folder() -> Path | None:
    """The folder of the file mail backend, or None when mail goes elsewhere."""
    mailer = settings.MAILERS.get("default", {})
    if not mailer.get("BACKEND", "").endswith("filebased.EmailBackend"):
        return None
    return Path(mailer["OPTIONS"]["file_path"])


def _parse(path: Path) -> list[Mail]:
    mails = []
    for n, raw in enumerate(path.read_bytes().split(SEPARATOR)):
        if not raw.strip():
            continue
        message = email.message_from_bytes(raw, policy=policy.default)
        body = message.get_body(preferencelist=("plain",))
        try:
            verzonden = parsedate_to_datetime(message["Date"])
        except (TypeError, ValueError):
            verzonden = None
        mails.append(
            Mail(
                sleutel=f"{path.name}:{n}",
                aan=str(message["To"] or ""),
                onderwerp=str(message["Subject"] or "(geen onderwerp)"),
                verzonden=verzonden,
                tekst=body.get_content() if body is not None else "",
            )
        )
    return mails


def mails() -> list[Mail]:
    """The newest mails first, at most ``MAXIMUM``."""
    map_ = folder()
    if map_ is None or not map_.is_dir():
        return []
    # Newest first: by the time the file was written (names have whole seconds).
    files = sorted(
        (p for p in map_.iterdir() if _NAME.match(p.name)),
        key=lambda p: p.stat().st_mtime_ns,
        reverse=True,
    )
    found: list[Mail] = []
    for path in files:
        found.extend(reversed(_parse(path)))
        if len(found) >= MAXIMUM:
            break
    return found[:MAXIMUM]


@require_safe
@testdienst
def index(request):
    return render(
        request,
        "testdiensten/mailbox.html",
        {"mails": mails(), "actief": folder() is not None},
    )


@require_safe
@testdienst
def bericht(request, sleutel: str):
    naam, _, _ = sleutel.partition(":")
    map_ = folder()
    if map_ is None or not _NAME.match(naam):
        raise Http404("Deze e-mail bestaat niet.")
    path = map_ / naam
    found = [
        m for m in (_parse(path) if path.is_file() else []) if m.sleutel == sleutel
    ]
    if not found:
        raise Http404("Deze e-mail bestaat niet.")
    return render(request, "testdiensten/mailbox_bericht.html", {"mail": found[0]})
