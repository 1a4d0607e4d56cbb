"""``/gebruiksrechten``: conditions for using a document beyond reading it."""

from django.utils import dateparse, timezone

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.views import Call, Resource
from loket.zgw.documenten import representation, selectors, services
from loket.zgw.documenten.api import common

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


class GebruiksrechtenResource(Resource):
    api = apis.DOCUMENTEN
    path = representation.GEBRUIKSRECHTEN
    field_names = FIELD_NAMES

    def _get(self, call: Call, uuid, scope: str = selectors.READ):
        rights = selectors.gebruiksrechten_for(None).filter(uuid=uuid).first()
        if rights is None:
            raise errors.not_found("Er zijn geen gebruiksrechten met deze UUID.")
        common.require(call, scope, selectors.latest_version(rights.informatieobject))
        return rights

    def _dicts(self, call: Call, items: list, expand: set[str]) -> list[dict]:
        dicts = representation.gebruiksrechten_dicts(call.urls, items)
        return common.expand_documents(call, items, dicts, expand)

    def list(self, call: Call):
        expand = common.expansions(call, common.RELATED_EXPAND)
        queryset = selectors.gebruiksrechten_for(call.client)
        queryset = common.document_filter(queryset, call.params.get("informatieobject"))
        for name in PERIOD_FILTERS:
            moment = common.moment(call, name)
            if moment is not None:
                queryset = queryset.filter(**{name: moment})
        return self._dicts(call, list(queryset), expand)

    def retrieve(self, call: Call, uuid):
        expand = common.expansions(call, common.RELATED_EXPAND)
        return self._dicts(call, [self._get(call, uuid)], expand)[0]

    def create(self, call: Call):
        body = call.body
        refs = common.References(call)
        document = refs.informatieobject(body["informatieobject"])
        refs.check()
        common.require(call, "documenten.aanmaken", selectors.latest_version(document))
        rights = services.create_gebruiksrechten(
            actor=common.actor(call),
            informatieobject=document,
            startdatum=_moment(body["startdatum"]),
            einddatum=_moment(body.get("einddatum")),
            omschrijving_voorwaarden=body["omschrijvingVoorwaarden"],
        )
        return self._dicts(call, [rights], set())[0]

    def update(self, call: Call, uuid):
        return self._change(call, uuid, "update")

    def partial_update(self, call: Call, uuid):
        return self._change(call, uuid, "partial_update")

    def _change(self, call: Call, uuid, actie: str):
        rights = self._get(call, uuid, "documenten.bijwerken")
        body = call.body
        changes = {}
        if "informatieobject" in body:
            refs = common.References(call)
            changes["informatieobject"] = refs.informatieobject(
                body["informatieobject"]
            )
            refs.check()
        for api, model in (("startdatum", "startdatum"), ("einddatum", "einddatum")):
            if api in body:
                changes[model] = _moment(body[api])
        if "omschrijvingVoorwaarden" in body:
            changes["omschrijving_voorwaarden"] = body["omschrijvingVoorwaarden"]
        services.update_gebruiksrechten(
            rights, actor=common.actor(call), actie=actie, **changes
        )
        return self._dicts(call, [rights], set())[0]

    def destroy(self, call: Call, uuid):
        rights = self._get(call, uuid, "documenten.verwijderen")
        services.delete_gebruiksrechten(rights, actor=common.actor(call))
