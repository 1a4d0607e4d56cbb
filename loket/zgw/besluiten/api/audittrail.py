"""``/besluiten/{besluit_uuid}/audittrail``: the history of one besluit."""

from loket.zgw import apis
from loket.zgw.api.views import Call
from loket.zgw.besluiten.api import common
from loket.zgw.besluiten.models import Besluit
from loket.zgw.registers.api import AuditTrailResource


class BesluitAuditTrailResource(AuditTrailResource):
    api = apis.BESLUITEN
    path = "/besluiten/{besluit_uuid}/audittrail"
    bron = "brc"
    parent_kwarg = "besluit_uuid"

    def check_parent(self, call: Call, parent_uuid) -> bool:
        """The client reads the history of a besluit only with audittrails.lezen
        for the besluit's besluittype. A besluit that does not (or no longer)
        exist has no history."""
        besluittype_id = (
            Besluit.objects.filter(uuid=parent_uuid)
            .values_list("besluittype_id", flat=True)
            .first()
        )
        if besluittype_id is None:
            return False
        common.require(call, "audittrails.lezen", besluittype_id)
        return True
