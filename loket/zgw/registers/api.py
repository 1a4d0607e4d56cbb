"""The audit trail endpoints (``/zaken/{zaak_uuid}/audittrail`` and their
Documenten and Besluiten equivalents), shared by the three registers."""

from collections.abc import Iterable
from dataclasses import dataclass

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.references import uuid_from_url
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


@dataclass(frozen=True)
class RecordedStates:
    """How a trail records its hoofdobject itself: the ``resource`` name of its
    entries, and where a recorded state (``oud``, ``nieuw``) names its type."""

    resource: str
    type_field: str
    type_model: type
    type_path: str  # in the Catalogi API, e.g. "/zaaktypen"


class AuditTrailResource(Resource):
    """``{hoofdobject}/{uuid}/audittrail``: subclasses set ``api``, ``path`` (with
    the parent's path parameter, e.g. ``/zaken/{zaak_uuid}/audittrail``), ``bron``
    and ``parent_kwarg``, and check that the client may read the parent.

    With ``states`` set, an entry that records the hoofdobject as it was (an
    earlier version of a document, a zaak before its confidentiality was lowered)
    is shown only if the client may also read that type and confidentiality with
    audittrails.lezen, as ``GET …?versie=`` demands for an older version."""

    bron: str
    parent_kwarg: str
    states: RecordedStates | None = None

    def check_parent(self, call: Call, parent_uuid) -> bool:
        """False for a parent that does not exist (its trail is empty: the list
        documents no 404); a 403 for one whose audit trail this client may not
        read."""
        raise NotImplementedError

    def list(self, call: Call, **kwargs):
        parent = kwargs[self.parent_kwarg]
        if not self.check_parent(call, parent):
            return []
        entries = list(selectors.trail(self.bron, parent))
        hidden = self._beyond_reach(call, entries)
        return [audittrail_dict(call, e) for e in entries if e.pk not in hidden]

    def retrieve(self, call: Call, uuid, **kwargs):
        parent = kwargs[self.parent_kwarg]
        if not self.check_parent(call, parent):
            raise errors.not_found()
        entry = selectors.trail(self.bron, parent).filter(uuid=uuid).first()
        if entry is None:
            raise errors.not_found()
        if self._beyond_reach(call, [entry]):
            raise errors.ApiError(
                403,
                "permission_denied",
                "Deze regel toont het object met een type of vertrouwelijkheid "
                "waarvoor u geen autorisatie heeft.",
            )
        return audittrail_dict(call, entry)

    def _beyond_reach(self, call: Call, entries: Iterable[AuditTrail]) -> set[int]:
        """The entries (ids) with a recorded state of the hoofdobject whose type
        and confidentiality this client may not read with audittrails.lezen."""
        client, states = call.client, self.states
        if client is None or client.heeft_alle_autorisaties or states is None:
            return set()
        recorded = [
            (
                entry.pk,
                uuid_from_url(
                    state.get(states.type_field), apis.CATALOGI, states.type_path
                ),
                state.get("vertrouwelijkheidaanduiding", ""),
            )
            for entry in entries
            if entry.resource == states.resource
            for state in (entry.oud, entry.nieuw)
            if state
        ]
        type_ids = dict(
            states.type_model.objects.filter(
                uuid__in={type_uuid for _, type_uuid, _ in recorded} - {None}
            ).values_list("uuid", "pk")
        )
        return {
            pk
            for pk, type_uuid, level in recorded
            if type_uuid not in type_ids
            or not client.may(
                self.bron,
                "audittrails.lezen",
                type_id=type_ids[type_uuid],
                vertrouwelijkheidaanduiding=level,
            )
        }
