"""Every change to documents goes through these functions: each one transaction
with its audit trail entry and notificatie (kanaal ``documenten``). The Documenten
API uses them, and so does the rest of Loket (a form stores its PDF with
``create_document``; the Zaken and Besluiten services keep the relations with
``relate_object`` and ``unrelate_object``)."""

from loket.zgw.documenten.services.documents import (
    create_document,
    delete_document,
    lock_document,
    unlock_document,
    update_document,
    upload_part,
    vertrouwelijkheid,
)
from loket.zgw.documenten.services.gebruiksrechten import (
    create_gebruiksrechten,
    delete_gebruiksrechten,
    update_gebruiksrechten,
)
from loket.zgw.documenten.services.relations import (
    delete_mirror,
    mirror_relation,
    relate_object,
    unrelate_object,
)
from loket.zgw.documenten.services.verzendingen import (
    create_verzending,
    delete_verzending,
    update_verzending,
)

__all__ = [
    "create_document",
    "create_gebruiksrechten",
    "create_verzending",
    "delete_document",
    "delete_gebruiksrechten",
    "delete_mirror",
    "delete_verzending",
    "lock_document",
    "mirror_relation",
    "relate_object",
    "unlock_document",
    "unrelate_object",
    "update_document",
    "update_gebruiksrechten",
    "update_verzending",
    "upload_part",
    "vertrouwelijkheid",
]
