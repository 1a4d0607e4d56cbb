"""``/gebruiksrechten``: conditions for using a document beyond reading it."""

from django.utils import dateparse, timezone

from loket.zgw.api.views import Call
from loket.zgw.documenten import representation, selectors, services
from loket.zgw.documenten.api import common
from loket.zgw.documenten.api.base import BelowDocumentResource

FIELD_NAMES = {
    "startdatum": "startdatum",
    "einddatum": "einddatum",
    "omschrijving_voorwaarden": "omschrijvingVoorwaarden",
}
PERIOD_FILTERS = tuple(
    f"{field}__{lookup}"
    for field in ("startdatum", "einddatum")
    for lookup in ("lt", "lte", "gt", "gte")
)


def _moment(value):
    if value is None:
        return None
    moment = dateparse.parse_datetime(value)
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


class GebruiksrechtenResource(BelowDocumentResource):
    path = representation.GEBRUIKSRECHTEN
    field_names = FIELD_NAMES
    select = staticmethod(selectors.gebruiksrechten_for)
    represent = staticmethod(representation.gebruiksrechten_dicts)
    remove = staticmethod(services.delete_gebruiksrechten)
    not_found = "Er zijn geen gebruiksrechten met deze UUID."

    def list(self, call: Call):
        expand = self._expand(call)
        queryset = selectors.gebruiksrechten_for(call.client)
        queryset = common.document_filter(queryset, call.params.get("informatieobject"))
        for name in PERIOD_FILTERS:
            moment = common.moment(call, name)
            if moment is not None:
                queryset = queryset.filter(**{name: moment})
        return self._dicts(call, list(queryset), expand)

    def create(self, call: Call):
        body = call.body
        refs = common.References(call)
        document = refs.informatieobject(body["informatieobject"])
        refs.check()
        self._require_create(call, document)
        rights = services.create_gebruiksrechten(
            actor=common.actor(call),
            informatieobject=document,
            startdatum=_moment(body["startdatum"]),
            einddatum=_moment(body.get("einddatum")),
            omschrijving_voorwaarden=body["omschrijvingVoorwaarden"],
        )
        return self._dicts(call, [rights], set())[0]

    def _change(self, call: Call, uuid, actie: str):
        rights = self._get(call, uuid, "documenten.bijwerken")
        body = call.body
        changes = self._changed_document(call, {})
        for api, model in (("startdatum", "startdatum"), ("einddatum", "einddatum")):
            if api in body:
                changes[model] = _moment(body[api])
        if "omschrijvingVoorwaarden" in body:
            changes["omschrijving_voorwaarden"] = body["omschrijvingVoorwaarden"]
        services.update_gebruiksrechten(
            rights, actor=common.actor(call), actie=actie, **changes
        )
        return self._dicts(call, [rights], set())[0]
