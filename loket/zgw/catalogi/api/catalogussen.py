from __future__ import annotations

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.views import Call, Resource, paginate
from loket.zgw.catalogi import services
from loket.zgw.catalogi.api import common
from loket.zgw.catalogi.models import (
    BesluitType,
    Catalogus,
    InformatieObjectType,
    ZaakType,
)

FIELDS = {
    "domein": "domein",
    "rsin": "rsin",
    "contactpersoonBeheerNaam": "contactpersoon_beheer_naam",
    "contactpersoonBeheerTelefoonnummer": "contactpersoon_beheer_telefoonnummer",
    "contactpersoonBeheerEmailadres": "contactpersoon_beheer_emailadres",
    "naam": "naam",
    "versie": "versie",
}


def catalogus_dicts(call: Call, catalogussen: list[Catalogus]) -> list[dict]:
    ids = [c.pk for c in catalogussen]
    members = {
        name: _uuids(model, ids)
        for name, model in (
            ("zaaktypen", ZaakType),
            ("besluittypen", BesluitType),
            ("informatieobjecttypen", InformatieObjectType),
        )
    }
    result = []
    for catalogus in catalogussen:
        data = {
            "url": common.url(call, catalogus),
            **{api: getattr(catalogus, model) for api, model in FIELDS.items()},
            "begindatumVersie": common.date_or_none(catalogus.begindatum_versie),
            "zaaktypen": [
                common.url_for(call, ZaakType, u)
                for u in members["zaaktypen"].get(catalogus.pk, [])
            ],
            "besluittypen": [
                common.url_for(call, BesluitType, u)
                for u in members["besluittypen"].get(catalogus.pk, [])
            ],
            "informatieobjecttypen": [
                common.url_for(call, InformatieObjectType, u)
                for u in members["informatieobjecttypen"].get(catalogus.pk, [])
            ],
        }
        result.append(data)
    return result


def _uuids(model, ids) -> dict:
    result: dict = {}
    for catalogus_id, object_uuid in model.objects.filter(
        catalogus__in=ids
    ).values_list("catalogus_id", "uuid"):
        result.setdefault(catalogus_id, []).append(object_uuid)
    return result


class CatalogusResource(Resource):
    api = apis.CATALOGI
    path = "/catalogussen"
    field_names = {model: api for api, model in FIELDS.items()}

    def list(self, call: Call):
        queryset = Catalogus.objects.order_by("domein", "rsin", "pk")
        for param, lookup in (("domein", "domein"), ("rsin", "rsin")):
            if call.params.get(param):
                queryset = queryset.filter(**{lookup: call.params[param]})
            if call.params.get(f"{param}__in"):
                values = [v for v in call.params[f"{param}__in"].split(",") if v]
                queryset = queryset.filter(**{f"{lookup}__in": values})
        return paginate(call, queryset, lambda page: catalogus_dicts(call, page))

    def retrieve(self, call: Call, uuid):
        catalogus = Catalogus.objects.filter(uuid=uuid).first()
        if catalogus is None:
            raise errors.not_found()
        return catalogus_dicts(call, [catalogus])[0]

    def create(self, call: Call):
        body = call.body
        fields = {model: body[api] for api, model in FIELDS.items() if api in body}
        if body.get("naam") is None:
            fields["naam"] = ""
        if body.get("versie") is None:
            fields["versie"] = ""
        if body.get("begindatumVersie"):
            from datetime import date

            fields["begindatum_versie"] = date.fromisoformat(body["begindatumVersie"])
        catalogus = services.create_catalogus(**fields)
        return catalogus_dicts(call, [catalogus])[0]
