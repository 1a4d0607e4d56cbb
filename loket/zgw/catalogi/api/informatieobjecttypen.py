from __future__ import annotations

from datetime import date

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.views import Call, Resource, Result, paginate
from loket.zgw.catalogi import selectors, services
from loket.zgw.catalogi.api import common
from loket.zgw.catalogi.api.zaaktypen import correction_allowed
from loket.zgw.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)

PLAIN = {
    "omschrijving": "omschrijving",
    "vertrouwelijkheidaanduiding": "vertrouwelijkheidaanduiding",
    "informatieobjectcategorie": "informatieobjectcategorie",
    "trefwoord": "trefwoord",
}
DATES = {
    "beginGeldigheid": "begin_geldigheid",
    "eindeGeldigheid": "einde_geldigheid",
    "beginObject": "begin_object",
    "eindeObject": "einde_object",
}
_GENERIEK = "InformatieobjecttypeOmschrijvingGeneriek"
GENERIEK = {
    "informatieobjecttypeOmschrijvingGeneriek": "omschrijving_generiek",
    f"definitie{_GENERIEK}": "omschrijving_generiek_definitie",
    f"herkomst{_GENERIEK}": "omschrijving_generiek_herkomst",
    f"hierarchie{_GENERIEK}": "omschrijving_generiek_hierarchie",
    f"opmerking{_GENERIEK}": "omschrijving_generiek_opmerking",
}


def iot_fields(call: Call, body: dict) -> dict:
    refs = common.References(call)
    fields = {model: body[api] for api, model in PLAIN.items() if api in body}
    for api, model in DATES.items():
        if api in body:
            fields[model] = date.fromisoformat(body[api]) if body[api] else None
    if "catalogus" in body:
        fields["catalogus"] = refs.one(
            body["catalogus"], Catalogus, "catalogus", required=True
        )
    if "omschrijvingGeneriek" in body:
        generiek = body["omschrijvingGeneriek"] or {}
        for api, model in GENERIEK.items():
            value = generiek.get(api)
            fields[model] = (
                value if value is not None or model.endswith("opmerking") else ""
            )
    refs.check()
    return fields


def iot_dicts(call: Call, iotypen: list[InformatieObjectType], day=None) -> list[dict]:
    day = day or common.today()
    names = {(i.catalogus_id, i.omschrijving) for i in iotypen}
    zaaktype_ids: dict = {}
    for (
        catalogus_id,
        name,
        zaaktype_uuid,
    ) in ZaakTypeInformatieObjectType.objects.filter(
        zaaktype__catalogus__in={c for c, _ in names},
        informatieobjecttype_omschrijving__in={n for _, n in names},
    ).values_list(
        "zaaktype__catalogus_id", "informatieobjecttype_omschrijving", "zaaktype__uuid"
    ):
        zaaktype_ids.setdefault((catalogus_id, name), []).append(zaaktype_uuid)
    besluittypen: dict = {}
    for bt in BesluitType.objects.filter(catalogus__in={c for c, _ in names}).only(
        "uuid", "catalogus_id", "informatieobjecttype_omschrijvingen"
    ):
        for name in bt.informatieobjecttype_omschrijvingen:
            besluittypen.setdefault((bt.catalogus_id, name), []).append(bt.uuid)
    result = []
    for iot in iotypen:
        key = (iot.catalogus_id, iot.omschrijving)
        data = {
            "url": common.url(call, iot),
            "catalogus": common.url_for(call, Catalogus, iot.catalogus.uuid),
            **{api: getattr(iot, model) for api, model in PLAIN.items()},
            **{
                api: common.date_or_none(getattr(iot, model))
                for api, model in DATES.items()
            },
            "concept": iot.concept,
            "zaaktypen": ",".join(
                common.url_for(call, ZaakType, u)
                for u in dict.fromkeys(zaaktype_ids.get(key, []))
            ),
            "besluittypen": [
                common.url_for(call, BesluitType, u) for u in besluittypen.get(key, [])
            ],
        }
        if iot.omschrijving_generiek:
            data["omschrijvingGeneriek"] = {
                api: getattr(iot, model) for api, model in GENERIEK.items()
            }
        result.append(data)
    return result


class InformatieObjectTypeResource(Resource):
    api = apis.CATALOGI
    path = "/informatieobjecttypen"
    actions = ("publish",)
    field_names = {
        **{model: api for api, model in PLAIN.items()},
        **{model: api for api, model in DATES.items()},
        **{model: f"omschrijvingGeneriek.{api}" for api, model in GENERIEK.items()},
    }
    fallback_schemas = {
        "post": "InformatieObjectType",
        "put": "InformatieObjectType",
        "patch": "InformatieObjectType",
    }

    def _get(self, uuid) -> InformatieObjectType:
        iot = (
            InformatieObjectType.objects.select_related("catalogus")
            .filter(uuid=uuid)
            .first()
        )
        if iot is None:
            raise errors.not_found()
        return iot

    def list(self, call: Call):
        queryset = InformatieObjectType.objects.select_related("catalogus").order_by(
            "catalogus_id", "omschrijving", "begin_geldigheid", "pk"
        )
        queryset = common.catalogus_filter(call, queryset)
        if call.params.get("omschrijving"):
            queryset = queryset.filter(omschrijving=call.params["omschrijving"])
        queryset = selectors.with_status(queryset, common.status_param(call))
        day = common.day_param(call)
        queryset = selectors.valid_on(queryset, day)
        return paginate(call, queryset, lambda page: iot_dicts(call, page, day))

    def retrieve(self, call: Call, uuid):
        return iot_dicts(call, [self._get(uuid)])[0]

    def create(self, call: Call):
        iot = services.create_informatieobjecttype(**iot_fields(call, call.body))
        return iot_dicts(call, [self._get(iot.uuid)])[0]

    def update(self, call: Call, uuid):
        return self._change(call, uuid, "update")

    def partial_update(self, call: Call, uuid):
        return self._change(call, uuid, "partial_update")

    def _change(self, call: Call, uuid, actie: str):
        iot = self._get(uuid)
        services.update_informatieobjecttype(
            iot,
            iot_fields(call, call.body),
            actie=actie,
            correctie=correction_allowed(call, iot),
        )
        return iot_dicts(call, [self._get(uuid)])[0]

    def destroy(self, call: Call, uuid):
        services.delete_informatieobjecttype(self._get(uuid))
        return Result({})

    def publish(self, call: Call, uuid):
        services.publish_informatieobjecttype(self._get(uuid))
        return iot_dicts(call, [self._get(uuid)])[0]
