"""The audit trail endpoints (``/zaken/{zaak_uuid}/audittrail`` and their
Documenten and Besluiten equivalents), shared by the three registers."""

from loket.zgw.api import errors
from loket.zgw.api.views import Call, Resource
from loket.zgw.registers import selectors
from loket.zgw.registers.models import AuditTrail


def audittrail_dict(call: Call, entry: AuditTrail) -> dict:
    wijzigingen = {}
    if entry.oud is not None:
        wijzigingen["oud"] = entry.oud
    if entry.nieuw is not None:
        wijzigingen["nieuw"] = entry.nieuw
    return {
        "uuid": str(entry.uuid),
        "bron": entry.bron,
        "applicatieId": entry.applicatie_id,
        "applicatieWeergave": entry.applicatie_weergave,
        "gebruikersId": entry.gebruikers_id,
        "gebruikersWeergave": entry.gebruikers_weergave,
        "actie": entry.actie,
        "actieWeergave": entry.actie_weergave,
        "resultaat": entry.resultaat,
        "hoofdObject": call.url(entry.hoofd_object_pad, entry.hoofd_object_uuid),
        "resource": entry.resource,
        "resourceUrl": call.url(entry.resource_pad, entry.resource_uuid),
        "toelichting": entry.toelichting,
        "resourceWeergave": entry.resource_weergave,
        "aanmaakdatum": entry.aanmaakdatum.isoformat(),
        "wijzigingen": wijzigingen,
    }


class AuditTrailResource(Resource):
    """``{hoofdobject}/{uuid}/audittrail``: subclasses set ``api``, ``path`` (with
    the parent's path parameter, e.g. ``/zaken/{zaak_uuid}/audittrail``), ``bron``
    and ``parent_kwarg``, and check that the client may read the parent."""

    bron: str
    parent_kwarg: str

    def check_parent(self, call: Call, parent_uuid) -> bool:
        """False for a parent that does not exist (its trail is empty: the list
        documents no 404); a 403 for one whose audit trail this client may not
        read."""
        raise NotImplementedError

    def list(self, call: Call, **kwargs):
        parent = kwargs[self.parent_kwarg]
        if not self.check_parent(call, parent):
            return []
        return [audittrail_dict(call, e) for e in selectors.trail(self.bron, parent)]

    def retrieve(self, call: Call, uuid, **kwargs):
        parent = kwargs[self.parent_kwarg]
        if not self.check_parent(call, parent):
            raise errors.not_found()
        entry = selectors.trail(self.bron, parent).filter(uuid=uuid).first()
        if entry is None:
            raise errors.not_found()
        return audittrail_dict(call, entry)
