"""``/verzendingen``: to whom a document was sent, or from whom it came.

The specification names no scopes for these operations; Loket asks the same as
for the document itself (documenten.lezen, .aanmaken, .bijwerken, .verwijderen
for its informatieobjecttype and confidentiality), so a verzending never shows
more than its document would."""

from datetime import date

from loket.zgw.api.views import Call, paginate
from loket.zgw.documenten import representation, selectors, services
from loket.zgw.documenten.api import common
from loket.zgw.documenten.api.base import BelowDocumentResource

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


class VerzendingResource(BelowDocumentResource):
    path = representation.VERZENDINGEN
    field_names = FIELD_NAMES
    select = staticmethod(selectors.verzendingen_for)
    represent = staticmethod(representation.verzending_dicts)
    remove = staticmethod(services.delete_verzending)
    not_found = "Er is geen verzending met deze UUID."

    def list(self, call: Call):
        expand = self._expand(call)
        queryset = selectors.verzendingen_for(call.client)
        queryset = common.document_filter(queryset, call.params.get("informatieobject"))
        if call.params.get("aardRelatie"):
            queryset = queryset.filter(aard_relatie=call.params["aardRelatie"])
        if call.params.get("betrokkene"):
            queryset = queryset.filter(betrokkene=call.params["betrokkene"])
        return paginate(call, queryset, lambda page: self._dicts(call, page, expand))

    def create(self, call: Call):
        body = call.body
        refs = common.References(call)
        document = refs.informatieobject(body["informatieobject"])
        refs.check()
        self._require_create(call, document)
        verzending = services.create_verzending(
            actor=common.actor(call),
            informatieobject=document,
            **verzending_fields(body),
        )
        return self._dicts(call, [verzending], set())[0]

    def _change(self, call: Call, uuid, actie: str):
        verzending = self._get(call, uuid, "documenten.bijwerken")
        changes = self._changed_document(call, verzending_fields(call.body))
        services.update_verzending(
            verzending, actor=common.actor(call), actie=actie, **changes
        )
        return self._dicts(call, [verzending], set())[0]
