from __future__ import annotations

from datetime import date

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.references import uuid_from_url
from loket.zgw.api.views import Call, Resource, Result, paginate
from loket.zgw.catalogi import selectors, services
from loket.zgw.catalogi.api import common
from loket.zgw.catalogi.api.zaaktypen import correction_allowed, resolve
from loket.zgw.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    ResultaatType,
    ZaakType,
)

PLAIN = {
    "omschrijving": "omschrijving",
    "omschrijvingGeneriek": "omschrijving_generiek",
    "besluitcategorie": "besluitcategorie",
    "reactietermijn": "reactietermijn",
    "publicatieIndicatie": "publicatie_indicatie",
    "publicatietekst": "publicatietekst",
    "publicatietermijn": "publicatietermijn",
    "toelichting": "toelichting",
    "informatieobjecttypen": "informatieobjecttype_omschrijvingen",
}
DATES = {
    "beginGeldigheid": "begin_geldigheid",
    "eindeGeldigheid": "einde_geldigheid",
    "beginObject": "begin_object",
    "eindeObject": "einde_object",
}


def besluittype_fields(call: Call, body: dict) -> dict:
    refs = common.References(call)
    fields = {model: body[api] for api, model in PLAIN.items() if api in body}
    for api, model in DATES.items():
        if api in body:
            fields[model] = date.fromisoformat(body[api]) if body[api] else None
    if "catalogus" in body:
        fields["catalogus"] = refs.one(
            body["catalogus"], Catalogus, "catalogus", required=True
        )
    refs.check()
    return fields


def besluittype_dicts(
    call: Call, besluittypen: list[BesluitType], day=None
) -> list[dict]:
    day = day or common.today()
    iot_keys = {
        (b.catalogus_id, n)
        for b in besluittypen
        for n in b.informatieobjecttype_omschrijvingen
    }
    iotypen = resolve(InformatieObjectType, "omschrijving", iot_keys, day)
    names = {(b.catalogus_id, b.omschrijving) for b in besluittypen}
    zaaktypen: dict = {}
    for z in ZaakType.objects.filter(catalogus__in={c for c, _ in names}).only(
        "uuid", "catalogus_id", "besluittype_omschrijvingen"
    ):
        for name in z.besluittype_omschrijvingen:
            zaaktypen.setdefault((z.catalogus_id, name), []).append(z.uuid)
    resultaattypen: dict = {}
    for r in ResultaatType.objects.filter(
        zaaktype__catalogus__in={c for c, _ in names}
    ).values(
        "uuid", "omschrijving", "zaaktype__catalogus_id", "besluittype_omschrijvingen"
    ):
        for name in r["besluittype_omschrijvingen"]:
            resultaattypen.setdefault((r["zaaktype__catalogus_id"], name), []).append(r)
    result = []
    for b in besluittypen:
        key = (b.catalogus_id, b.omschrijving)
        data = {
            "url": common.url(call, b),
            "catalogus": common.url_for(call, Catalogus, b.catalogus.uuid),
            **{api: getattr(b, model) for api, model in PLAIN.items()},
            **{
                api: common.date_or_none(getattr(b, model))
                for api, model in DATES.items()
            },
            "concept": b.concept,
            "informatieobjecttypen": [
                common.url(call, i)
                for name in b.informatieobjecttype_omschrijvingen
                for i in iotypen.get((b.catalogus_id, name), [])
            ],
            "zaaktypen": [
                common.url_for(call, ZaakType, u) for u in zaaktypen.get(key, [])
            ],
            "resultaattypen": [
                common.url_for(call, ResultaatType, r["uuid"])
                for r in resultaattypen.get(key, [])
            ],
            "resultaattypenOmschrijving": sorted(
                {r["omschrijving"] for r in resultaattypen.get(key, [])}
            ),
            "vastgelegdIn": [],
        }
        result.append(data)
    return result


class BesluitTypeResource(Resource):
    api = apis.CATALOGI
    path = "/besluittypen"
    actions = ("publish",)
    field_names = {
        **{model: api for api, model in PLAIN.items()},
        **{model: api for api, model in DATES.items()},
    }
    fallback_schemas = {"patch": "BesluitTypeUpdate"}

    def _get(self, uuid) -> BesluitType:
        besluittype = (
            BesluitType.objects.select_related("catalogus").filter(uuid=uuid).first()
        )
        if besluittype is None:
            raise errors.not_found()
        return besluittype

    def list(self, call: Call):
        queryset = BesluitType.objects.select_related("catalogus").order_by(
            "catalogus_id", "omschrijving", "begin_geldigheid", "pk"
        )
        queryset = common.catalogus_filter(call, queryset)
        if call.params.get("omschrijving"):
            queryset = queryset.filter(omschrijving=call.params["omschrijving"])
        for param, model, path in (
            ("zaaktypen", ZaakType, "/zaaktypen"),
            ("informatieobjecttypen", InformatieObjectType, "/informatieobjecttypen"),
        ):
            if call.params.get(param):
                queryset = _filter_related(queryset, call.params[param], model, path)
        queryset = selectors.with_status(queryset, common.status_param(call))
        day = common.day_param(call)
        queryset = selectors.valid_on(queryset, day)
        return paginate(call, queryset, lambda page: besluittype_dicts(call, page, day))

    def retrieve(self, call: Call, uuid):
        return besluittype_dicts(call, [self._get(uuid)])[0]

    def create(self, call: Call):
        besluittype = services.create_besluittype(**besluittype_fields(call, call.body))
        return besluittype_dicts(call, [self._get(besluittype.uuid)])[0]

    def update(self, call: Call, uuid):
        return self._change(call, uuid, "update")

    def partial_update(self, call: Call, uuid):
        return self._change(call, uuid, "partial_update")

    def _change(self, call: Call, uuid, actie: str):
        besluittype = self._get(uuid)
        services.update_besluittype(
            besluittype,
            besluittype_fields(call, call.body),
            actie=actie,
            correctie=correction_allowed(call, besluittype),
        )
        return besluittype_dicts(call, [self._get(uuid)])[0]

    def destroy(self, call: Call, uuid):
        services.delete_besluittype(self._get(uuid))
        return Result({})

    def publish(self, call: Call, uuid):
        services.publish_besluittype(self._get(uuid))
        return besluittype_dicts(call, [self._get(uuid)])[0]


def _filter_related(queryset, value: str, model, path: str):
    """Besluittypen used by a zaaktype, or using an informatieobjecttype."""
    object_uuid = uuid_from_url(value, apis.CATALOGI, path)
    related = model.objects.filter(uuid=object_uuid).first() if object_uuid else None
    if related is None:
        return queryset.none()
    if model is ZaakType:
        return queryset.filter(
            catalogus=related.catalogus_id,
            omschrijving__in=related.besluittype_omschrijvingen,
        )
    ids = [
        b.pk
        for b in queryset.filter(catalogus=related.catalogus_id)
        if related.omschrijving in b.informatieobjecttype_omschrijvingen
    ]
    return queryset.filter(pk__in=ids)
