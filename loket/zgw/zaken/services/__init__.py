"""Every change to a zaak and what belongs to it goes through these functions, each
one transaction with its audit trail entry and notificatie. The Zaken API uses them,
and so does the rest of Loket (forms, the werkplek, the demo)."""

from loket.zgw.zaken.services.onderdelen import (
    add_rol,
    add_zaakeigenschap,
    add_zaakobject,
    delete_resultaat,
    delete_rol,
    delete_zaakeigenschap,
    delete_zaakobject,
    set_resultaat,
    update_resultaat,
    update_zaakeigenschap,
    update_zaakobject,
)
from loket.zgw.zaken.services.relaties import (
    add_contactmoment,
    add_document,
    add_klantcontact,
    add_verzoek,
    remove_contactmoment,
    remove_document,
    remove_verzoek,
    update_zaakinformatieobject,
    zaakbesluit_created,
    zaakbesluit_deleted,
)
from loket.zgw.zaken.services.statussen import is_end_status, set_status
from loket.zgw.zaken.services.termijnen import extend_zaak, resume_zaak, suspend_zaak
from loket.zgw.zaken.services.zaken import create_zaak, delete_zaak, update_zaak

__all__ = [
    "add_contactmoment",
    "add_document",
    "add_klantcontact",
    "add_rol",
    "add_verzoek",
    "add_zaakeigenschap",
    "add_zaakobject",
    "create_zaak",
    "delete_resultaat",
    "delete_rol",
    "delete_zaak",
    "delete_zaakeigenschap",
    "delete_zaakobject",
    "extend_zaak",
    "is_end_status",
    "remove_contactmoment",
    "remove_document",
    "remove_verzoek",
    "resume_zaak",
    "set_resultaat",
    "set_status",
    "suspend_zaak",
    "update_resultaat",
    "update_zaak",
    "update_zaakeigenschap",
    "update_zaakinformatieobject",
    "update_zaakobject",
    "zaakbesluit_created",
    "zaakbesluit_deleted",
]
