"""``/verzendingen``: to whom a document was sent, or from whom it came.

The specification names no scopes for these operations; Loket asks the same as
for the document itself (documenten.lezen, .aanmaken, .bijwerken, .verwijderen
for its informatieobjecttype and confidentiality), so a verzending never shows
more than its document would."""

from datetime import date

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.views import Call, Resource, paginate
from loket.zgw.documenten import representation, selectors, services
from loket.zgw.documenten.api import common

PLAIN = {
    "betrokkene": "betrokkene",
    "aardRelatie": "aard_relatie",
    "toelichting": "toelichting",
    "contactPersoon": "contact_persoon",
    "contactpersoonnaam": "contactpersoonnaam",
    "mijnOverheid": "mijn_overheid",
}
DATES = {"ontvangstdatum": "ontvangstdatum", "verzenddatum": "verzenddatum"}
NULLABLE_TEXT = {
    "faxnummer": "faxnummer",
    "emailadres": "emailadres",
    "telefoonnummer": "telefoonnummer",
}
ADDRESSES = {api: model for model, api in representation.ADDRESSES.items()}
FIELD_NAMES = {
    model: api
    for mapping in (PLAIN, DATES, NULLABLE_TEXT, ADDRESSES)
    for api, model in mapping.items()
}


def verzending_fields(body: dict) -> dict:
    fields = {model: body[api] for api, model in PLAIN.items() if api in body}
    for api, model in DATES.items():
        if api in body:
            fields[model] = date.fromisoformat(body[api]) if body[api] else None
    for api, model in NULLABLE_TEXT.items():
        if api in body:
            fields[model] = body[api] or ""
    for api, model in ADDRESSES.items():
        if api in body:
            fields[model] = body[api] or None
    return fields


class VerzendingResource(Resource):
    api = apis.DOCUMENTEN
    path = representation.VERZENDINGEN
    field_names = FIELD_NAMES

    def _get(self, call: Call, uuid, scope: str = selectors.READ):
        verzending = selectors.verzendingen_for(None).filter(uuid=uuid).first()
        if verzending is None:
            raise errors.not_found("Er is geen verzending met deze UUID.")
        common.require(
            call, scope, selectors.latest_version(verzending.informatieobject)
        )
        return verzending

    def _dicts(self, call: Call, items: list, expand: set[str]) -> list[dict]:
        dicts = representation.verzending_dicts(call.urls, items)
        return common.expand_documents(call, items, dicts, expand)

    def list(self, call: Call):
        expand = common.expansions(call, common.RELATED_EXPAND)
        queryset = selectors.verzendingen_for(call.client)
        queryset = common.document_filter(queryset, call.params.get("informatieobject"))
        if call.params.get("aardRelatie"):
            queryset = queryset.filter(aard_relatie=call.params["aardRelatie"])
        if call.params.get("betrokkene"):
            queryset = queryset.filter(betrokkene=call.params["betrokkene"])
        return paginate(call, queryset, lambda page: self._dicts(call, page, expand))

    def retrieve(self, call: Call, uuid):
        expand = common.expansions(call, common.RELATED_EXPAND)
        return self._dicts(call, [self._get(call, uuid)], expand)[0]

    def create(self, call: Call):
        body = call.body
        refs = common.References(call)
        document = refs.informatieobject(body["informatieobject"])
        refs.check()
        common.require(call, "documenten.aanmaken", selectors.latest_version(document))
        verzending = services.create_verzending(
            actor=common.actor(call),
            informatieobject=document,
            **verzending_fields(body),
        )
        return self._dicts(call, [verzending], set())[0]

    def update(self, call: Call, uuid):
        return self._change(call, uuid, "update")

    def partial_update(self, call: Call, uuid):
        return self._change(call, uuid, "partial_update")

    def _change(self, call: Call, uuid, actie: str):
        verzending = self._get(call, uuid, "documenten.bijwerken")
        body = call.body
        changes = verzending_fields(body)
        if "informatieobject" in body:
            refs = common.References(call)
            changes["informatieobject"] = refs.informatieobject(
                body["informatieobject"]
            )
            refs.check()
        services.update_verzending(
            verzending, actor=common.actor(call), actie=actie, **changes
        )
        return self._dicts(call, [verzending], set())[0]

    def destroy(self, call: Call, uuid):
        verzending = self._get(call, uuid, "documenten.verwijderen")
        services.delete_verzending(verzending, actor=common.actor(call))
