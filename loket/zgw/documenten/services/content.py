"""The content of documents: checking, storing and joining files.

Files go through Django's storage API only (the models' ``FileField``s on the
default storage), so disk or an S3-compatible store is a choice in the settings.
A file is written when its version is saved; files are deleted only once the
transaction that stopped needing them has committed, so a rollback never leaves a
version without its file.
"""

import math
import shutil
import tempfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from loket.zgw.documenten.models import (
    BestandsDeel,
    EnkelvoudigInformatieObject,
    InformatieObject,
)
from loket.zgw.documenten.services.base import invalid

# The first bytes of programs a computer runs directly, and of scripts. Loket
# stores documents, not software: these are refused so a document store cannot be
# used to pass malware around.
EXECUTABLES = (
    (b"MZ", "een Windows-programma"),
    (b"\x7fELF", "een Linux-programma"),
    (b"\xfe\xed\xfa\xce", "een macOS-programma"),
    (b"\xfe\xed\xfa\xcf", "een macOS-programma"),
    (b"\xce\xfa\xed\xfe", "een macOS-programma"),
    (b"\xcf\xfa\xed\xfe", "een macOS-programma"),
    (b"\xca\xfe\xba\xbe", "een macOS- of Java-programma"),
    (b"#!", "een script"),
)
HEAD = 8  # enough bytes to recognise every signature above
CHUNK = 1024 * 1024


def refuse_executable(head: bytes, field: str = "inhoud") -> None:
    for signature, what in EXECUTABLES:
        if head.startswith(signature):
            raise invalid(
                field,
                f"Dit bestand is {what}. Loket neemt geen uitvoerbare bestanden aan "
                "als document; stuur bijvoorbeeld een PDF of een ander "
                "documentformaat.",
                "executable-content",
            )


def size_problem(size: int | None) -> ValidationError | None:
    """Too large for this installation (LOKET_DOCUMENTEN_MAX_BESTAND_MB)?"""
    limit = settings.DOCUMENTEN_MAX_FILE_SIZE
    if size is not None and size > limit:
        return ValidationError(
            f"Dit bestand is {size / 1_048_576:.0f} MB; Loket neemt bestanden tot "
            f"{limit / 1_048_576:.0f} MB aan.",
            code="file-too-large",
        )
    return None


def file_name(version: EnkelvoudigInformatieObject) -> str:
    return version.bestandsnaam or "inhoud"


def store(version: EnkelvoudigInformatieObject, data: bytes) -> None:
    """Write ``data`` as the version's file (the version is saved by the caller)."""
    version.inhoud.save(file_name(version), ContentFile(data), save=False)


# -- bestandsdelen ---------------------------------------------------------------------


def make_parts(informatieobject: InformatieObject, size: int) -> list[BestandsDeel]:
    """Announce an upload of ``size`` bytes in parts of LOKET_DOCUMENTEN_BESTANDSDEEL_MB
    (the last one smaller)."""
    part_size = settings.DOCUMENTEN_PART_SIZE
    count = math.ceil(size / part_size)
    return BestandsDeel.objects.bulk_create(
        BestandsDeel(
            informatieobject=informatieobject,
            volgnummer=number,
            omvang=min(part_size, size - (number - 1) * part_size),
        )
        for number in range(1, count + 1)
    )


def store_part(part: BestandsDeel, upload: File) -> None:
    """Write one uploaded part; its size must be the announced ``omvang``."""
    if upload.size != part.omvang:
        raise invalid(
            "inhoud",
            f"Dit bestandsdeel is {upload.size} bytes; verwacht zijn er "
            f"{part.omvang} (het veld omvang van het bestandsdeel).",
            "file-size",
        )
    if part.volgnummer == 1:
        head = upload.read(HEAD)
        upload.seek(0)
        refuse_executable(head)
    if part.inhoud:
        delete_on_commit([part.inhoud.name])  # sent again: the new one counts
    part.inhoud.save("deel", upload, save=False)
    part.save(update_fields=["inhoud"])


def join_parts(version: EnkelvoudigInformatieObject, parts: list[BestandsDeel]) -> None:
    """Write the parts, in order, as the version's file, streaming through a
    temporary file so a large document never sits in memory."""
    with tempfile.TemporaryFile() as joined:
        for part in parts:
            with part.inhoud.open("rb") as source:
                shutil.copyfileobj(source, joined, CHUNK)
        joined.seek(0)
        version.inhoud.save(file_name(version), File(joined), save=False)
    version.bestandsomvang = sum(part.omvang for part in parts)


def discard_parts(informatieobject: InformatieObject) -> None:
    """Forget an upload in progress, with the parts already sent."""
    parts = list(informatieobject.bestandsdelen.all())
    delete_on_commit([part.inhoud.name for part in parts if part.inhoud])
    BestandsDeel.objects.filter(pk__in=[part.pk for part in parts]).delete()


def delete_on_commit(names) -> None:
    names = sorted({name for name in names if name})
    if names:
        transaction.on_commit(lambda: _delete(names))


def _delete(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)
