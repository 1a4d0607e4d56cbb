"""Statustypen, resultaattypen, roltypen, eigenschappen, zaaktype-
informatieobjecttypen and zaakobjecttypen: each belongs to one zaaktype version and
takes its validity dates from it."""

from __future__ import annotations

from datetime import date

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.errors import InvalidParam
from loket.zgw.api.views import Call, Resource, paginate
from loket.zgw.catalogi import selectors, services
from loket.zgw.catalogi.api import common
from loket.zgw.catalogi.api.zaaktypen import correction_allowed
from loket.zgw.catalogi.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from loket.zgw.catalogi.services import rules
from loket.zgw.referentielijsten.models import Resultaat, ResultaattypeOmschrijving

DATES = {
    "beginGeldigheid": "begin_geldigheid",
    "eindeGeldigheid": "einde_geldigheid",
    "beginObject": "begin_object",
    "eindeObject": "einde_object",
}


class OnderdeelResource(Resource):
    """The shared behaviour; subclasses say which fields they have."""

    api = apis.CATALOGI
    model = None
    plain: dict[str, str] = {}  # API name → model field
    zaaktype_identificatie_param = "zaaktypeIdentificatie"
    datum_param = "datumGeldigheid"
    has_status_filter = True

    @property
    def field_names(self):  # for errors from the services
        return {model: api for api, model in self.plain.items()}

    # -- reading ----------------------------------------------------------------------

    def queryset(self):
        return self.model.objects.select_related("zaaktype__catalogus")

    def _get(self, uuid):
        obj = self.queryset().filter(uuid=uuid).first()
        if obj is None:
            raise errors.not_found()
        return obj

    def list(self, call: Call):
        queryset = self.queryset().order_by("zaaktype_id", "pk")
        queryset = common.zaaktype_filter(call, queryset)
        identificatie = call.params.get(self.zaaktype_identificatie_param)
        if identificatie:
            queryset = queryset.filter(zaaktype__identificatie=identificatie)
        if self.has_status_filter:
            queryset = selectors.with_status(
                queryset, common.status_param(call), "zaaktype__"
            )
        day = (
            common.day_param(call, self.datum_param)
            if self.datum_param in call.params
            else None
        )
        queryset = selectors.valid_on(queryset, day, "zaaktype__")
        queryset = self.filter(call, queryset)
        return paginate(call, queryset, lambda page: self.dicts(call, page))

    def filter(self, call: Call, queryset):
        return queryset

    def retrieve(self, call: Call, uuid):
        return self.dicts(call, [self._get(uuid)])[0]

    def dicts(self, call: Call, objects: list) -> list[dict]:
        return [self.as_dict(call, obj) for obj in objects]

    def as_dict(self, call: Call, obj) -> dict:
        zaaktype = obj.zaaktype
        return {
            "url": common.url(call, obj),
            "zaaktype": common.url(call, zaaktype),
            "zaaktypeIdentificatie": zaaktype.identificatie,
            "catalogus": common.url_for(call, Catalogus, zaaktype.catalogus.uuid),
            **{api: getattr(obj, model) for api, model in self.plain.items()},
            **{
                api: common.date_or_none(getattr(zaaktype, model))
                for api, model in DATES.items()
            },
        }

    # -- writing ----------------------------------------------------------------------

    def create(self, call: Call):
        fields, m2m = self._fields(call, call.body)
        obj = services.create_onderdeel(
            self.model,
            m2m=m2m,
            correctie=self._correction(call, fields["zaaktype"]),
            **fields,
        )
        return self.dicts(call, [self._get(obj.uuid)])[0]

    def update(self, call: Call, uuid):
        return self._change(call, uuid, "update")

    def partial_update(self, call: Call, uuid):
        return self._change(call, uuid, "partial_update")

    def _change(self, call: Call, uuid, actie):
        obj = self._get(uuid)
        fields, m2m = self._fields(call, call.body, current=obj)
        services.update_onderdeel(
            obj,
            fields,
            m2m=m2m,
            actie=actie,
            correctie=self._correction(call, obj.zaaktype),
        )
        return self.dicts(call, [self._get(uuid)])[0]

    def destroy(self, call: Call, uuid):
        services.delete_onderdeel(self._get(uuid))

    def _correction(self, call: Call, zaaktype) -> bool:
        return zaaktype is not None and correction_allowed(call, zaaktype)

    def _fields(self, call: Call, body: dict, current=None) -> tuple[dict, dict | None]:
        refs = common.References(call)
        fields = {model: body[api] for api, model in self.plain.items() if api in body}
        zaaktype = current.zaaktype if current is not None else None
        if "zaaktype" in body:
            zaaktype = refs.one(body["zaaktype"], ZaakType, "zaaktype", required=True)
            fields["zaaktype"] = zaaktype
        m2m = self.extra_fields(call, body, fields, refs, zaaktype)
        refs.check()
        if zaaktype is not None:
            _check_dates(body, zaaktype)
        return fields, m2m

    def extra_fields(self, call, body, fields, refs, zaaktype) -> dict | None:
        return None


def _check_dates(body: dict, zaaktype: ZaakType) -> None:
    """A given begin/einde of validity must be the zaaktype's (they are derived)."""
    problems = []
    for api, model in (
        ("beginGeldigheid", "begin_geldigheid"),
        ("eindeGeldigheid", "einde_geldigheid"),
    ):
        value = body.get(api)
        if value and date.fromisoformat(value) != getattr(zaaktype, model):
            problems.append(
                InvalidParam(
                    api,
                    rules.DATE_MISMATCH,
                    f"Moet gelijk zijn aan {api} van het zaaktype "
                    f"({common.date_or_none(getattr(zaaktype, model))}).",
                )
            )
    if problems:
        raise errors.invalid(problems)


class StatusTypeResource(OnderdeelResource):
    path = "/statustypen"
    model = StatusType
    plain = {
        "omschrijving": "omschrijving",
        "omschrijvingGeneriek": "omschrijving_generiek",
        "statustekst": "statustekst",
        "volgnummer": "volgnummer",
        "informeren": "informeren",
        "doorlooptijd": "doorlooptijd",
        "toelichting": "toelichting",
        "checklistitemStatustype": "checklistitems",
    }

    def dicts(self, call, objects):
        ids = [o.pk for o in objects]
        last = {}
        for zaaktype_id, volgnummer in StatusType.objects.filter(
            zaaktype__in={o.zaaktype_id for o in objects}
        ).values_list("zaaktype_id", "volgnummer"):
            last[zaaktype_id] = max(last.get(zaaktype_id, 0), volgnummer)
        eigenschappen = _m2m_uuids(
            StatusType.eigenschappen.through, "statustype_id", "eigenschap__uuid", ids
        )
        zaakobjecttypen = _m2m_uuids(
            ZaakObjectType.statustypen.through,
            "statustype_id",
            "zaakobjecttype__uuid",
            ids,
        )
        result = []
        for obj in objects:
            data = self.as_dict(call, obj)
            data["isEindstatus"] = obj.volgnummer == last.get(obj.zaaktype_id)
            data["eigenschappen"] = [
                common.url_for(call, Eigenschap, u)
                for u in eigenschappen.get(obj.pk, [])
            ]
            related = zaakobjecttypen.get(obj.pk, [])
            data["zaakobjecttype"] = (
                common.url_for(call, ZaakObjectType, related[0]) if related else ""
            )
            data["checklistitemStatustype"] = obj.checklistitems or []
            result.append(data)
        return result

    def extra_fields(self, call, body, fields, refs, zaaktype):
        if "eigenschappen" not in body:
            return None
        return {
            "eigenschappen": refs.many(
                body["eigenschappen"], Eigenschap, "eigenschappen"
            )
        }


class RolTypeResource(OnderdeelResource):
    path = "/roltypen"
    model = RolType
    plain = {
        "omschrijving": "omschrijving",
        "omschrijvingGeneriek": "omschrijving_generiek",
    }

    def filter(self, call, queryset):
        if call.params.get("omschrijvingGeneriek"):
            queryset = queryset.filter(
                omschrijving_generiek=call.params["omschrijvingGeneriek"]
            )
        return queryset


class EigenschapResource(OnderdeelResource):
    path = "/eigenschappen"
    model = Eigenschap
    plain = {"naam": "naam", "definitie": "definitie", "toelichting": "toelichting"}
    specificatie = {
        "groep": "groep",
        "formaat": "formaat",
        "lengte": "lengte",
        "kardinaliteit": "kardinaliteit",
        "waardenverzameling": "waardenverzameling",
    }

    @property
    def field_names(self):
        return {
            **super().field_names,
            **{
                model: f"specificatie.{api}" for api, model in self.specificatie.items()
            },
        }

    def as_dict(self, call, obj):
        data = super().as_dict(call, obj)
        data["specificatie"] = {
            api: getattr(obj, model) for api, model in self.specificatie.items()
        }
        data["statustype"] = (
            common.url_for(call, StatusType, obj.statustype.uuid)
            if obj.statustype_id
            else None
        )
        return data

    def queryset(self):
        return super().queryset().select_related("statustype")

    def extra_fields(self, call, body, fields, refs, zaaktype):
        if "specificatie" in body:
            for api, model in self.specificatie.items():
                value = body["specificatie"].get(api)
                if value is not None or model != "waardenverzameling":
                    fields[model] = value if value is not None else ""
                else:
                    fields[model] = []
        if "statustype" in body:
            fields["statustype"] = refs.one(
                body["statustype"], StatusType, "statustype"
            )
        return None


class ZaakTypeInformatieObjectTypeResource(OnderdeelResource):
    path = "/zaaktype-informatieobjecttypen"
    model = ZaakTypeInformatieObjectType
    plain = {
        "informatieobjecttype": "informatieobjecttype_omschrijving",
        "volgnummer": "volgnummer",
        "richting": "richting",
    }
    datum_param = "__geen__"

    def queryset(self):
        return super().queryset().select_related("statustype")

    def as_dict(self, call, obj):
        data = super().as_dict(call, obj)
        for key in DATES:
            data.pop(key)
        data["statustype"] = (
            common.url_for(call, StatusType, obj.statustype.uuid)
            if obj.statustype_id
            else None
        )
        return data

    def filter(self, call, queryset):
        if call.params.get("informatieobjecttype"):
            value = call.params["informatieobjecttype"]
            from loket.zgw.api.references import uuid_from_url

            object_uuid = uuid_from_url(value, apis.CATALOGI, "/informatieobjecttypen")
            if object_uuid:
                iot = InformatieObjectType.objects.filter(uuid=object_uuid).first()
                value = iot.omschrijving if iot else None
            queryset = (
                queryset.filter(informatieobjecttype_omschrijving=value)
                if value
                else queryset.none()
            )
        if call.params.get("richting"):
            queryset = queryset.filter(richting=call.params["richting"])
        return queryset

    def extra_fields(self, call, body, fields, refs, zaaktype):
        if "statustype" in body:
            fields["statustype"] = refs.one(
                body["statustype"], StatusType, "statustype"
            )
        return None


class ZaakObjectTypeResource(OnderdeelResource):
    path = "/zaakobjecttypen"
    model = ZaakObjectType
    plain = {
        "anderObjecttype": "ander_objecttype",
        "objecttype": "objecttype",
        "relatieOmschrijving": "relatie_omschrijving",
    }
    has_status_filter = False

    def dicts(self, call, objects):
        ids = [o.pk for o in objects]
        statustypen = _m2m_uuids(
            ZaakObjectType.statustypen.through,
            "zaakobjecttype_id",
            "statustype__uuid",
            ids,
        )
        resultaattypen = _m2m_uuids(
            ZaakObjectType.resultaattypen.through,
            "zaakobjecttype_id",
            "resultaattype__uuid",
            ids,
        )
        result = []
        for obj in objects:
            data = self.as_dict(call, obj)
            data["statustypen"] = [
                common.url_for(call, StatusType, u) for u in statustypen.get(obj.pk, [])
            ]
            data["resultaattypen"] = [
                common.url_for(call, ResultaatType, u)
                for u in resultaattypen.get(obj.pk, [])
            ]
            result.append(data)
        return result

    def filter(self, call, queryset):
        params = call.params
        queryset = common.catalogus_filter(call, queryset, prefix="zaaktype__")
        if "anderObjecttype" in params:
            value = params["anderObjecttype"]
            if value not in ("true", "false"):
                raise errors.field_error(
                    "anderObjecttype", "invalid", "Voer true of false in."
                )
            queryset = queryset.filter(ander_objecttype=value == "true")
        for param, lookup in (
            ("datumBeginGeldigheid", "zaaktype__begin_geldigheid"),
            ("datumEindeGeldigheid", "zaaktype__einde_geldigheid"),
        ):
            if param in params:
                queryset = queryset.filter(**{lookup: common.day_param(call, param)})
        if params.get("objecttype"):
            queryset = queryset.filter(objecttype=params["objecttype"])
        if params.get("relatieOmschrijving"):
            queryset = queryset.filter(
                relatie_omschrijving=params["relatieOmschrijving"]
            )
        return queryset

    def extra_fields(self, call, body, fields, refs, zaaktype):
        m2m = {}
        if "statustypen" in body:
            m2m["statustypen"] = refs.many(
                body["statustypen"], StatusType, "statustypen"
            )
        if "resultaattypen" in body:
            m2m["resultaattypen"] = refs.many(
                body["resultaattypen"], ResultaatType, "resultaattypen"
            )
        return m2m or None


class ResultaatTypeResource(OnderdeelResource):
    path = "/resultaattypen"
    model = ResultaatType
    plain = {
        "omschrijving": "omschrijving",
        "toelichting": "toelichting",
        "archiefnominatie": "archiefnominatie",
        "archiefactietermijn": "archiefactietermijn",
        "procesobjectaard": "procesobjectaard",
        "indicatieSpecifiek": "indicatie_specifiek",
        "procestermijn": "procestermijn",
    }
    brondatum = {
        "afleidingswijze": "brondatum_afleidingswijze",
        "datumkenmerk": "brondatum_datumkenmerk",
        "einddatumBekend": "brondatum_einddatum_bekend",
        "objecttype": "brondatum_objecttype",
        "registratie": "brondatum_registratie",
        "procestermijn": "brondatum_procestermijn",
    }
    zaaktype_identificatie_param = "zaaktype_identificatie"
    datum_param = "datum_geldigheid"
    # The 1.3.1 specification spells these filters in snake_case (a generator
    # artefact); clients written against the other resources use camelCase.
    query_aliases = {
        "zaaktypeIdentificatie": "zaaktype_identificatie",
        "datumGeldigheid": "datum_geldigheid",
    }

    @property
    def field_names(self):
        return {
            **super().field_names,
            **{
                model: f"brondatumArchiefprocedure.{api}"
                for api, model in self.brondatum.items()
            },
            "resultaattypeomschrijving": "resultaattypeomschrijving",
            "selectielijstklasse": "selectielijstklasse",
            "besluittype_omschrijvingen": "besluittypen",
        }

    def queryset(self):
        return (
            super()
            .queryset()
            .select_related("resultaattypeomschrijving", "selectielijstklasse")
        )

    def dicts(self, call, objects):
        from loket.zgw.catalogi.api.zaaktypen import resolve

        ids = [o.pk for o in objects]
        iotypen = _m2m_objects(
            ResultaatType.informatieobjecttypen.through,
            "resultaattype_id",
            ("informatieobjecttype__uuid", "informatieobjecttype__omschrijving"),
            ids,
        )
        zaakobjecttypen = _m2m_uuids(
            ZaakObjectType.resultaattypen.through,
            "resultaattype_id",
            "zaakobjecttype__uuid",
            ids,
        )
        keys = {
            (o.zaaktype.catalogus_id, n)
            for o in objects
            for n in o.besluittype_omschrijvingen
        }
        besluittypen = resolve(BesluitType, "omschrijving", keys, common.today())
        referentielijsten = call.root_of(apis.REFERENTIELIJSTEN)
        result = []
        for obj in objects:
            data = self.as_dict(call, obj)
            data["resultaattypeomschrijving"] = (
                f"{referentielijsten}/resultaattypeomschrijvingen/"
                f"{obj.resultaattypeomschrijving.uuid}"
            )
            data["omschrijvingGeneriek"] = obj.resultaattypeomschrijving.omschrijving
            data["selectielijstklasse"] = (
                f"{referentielijsten}/resultaten/{obj.selectielijstklasse.uuid}"
            )
            data["brondatumArchiefprocedure"] = (
                {api: getattr(obj, model) for api, model in self.brondatum.items()}
                if obj.brondatum_afleidingswijze
                else None
            )
            data["besluittypen"] = [
                common.url(call, b)
                for name in obj.besluittype_omschrijvingen
                for b in besluittypen.get((obj.zaaktype.catalogus_id, name), [])
            ]
            data["besluittypeOmschrijving"] = list(obj.besluittype_omschrijvingen)
            related = iotypen.get(obj.pk, [])
            data["informatieobjecttypen"] = [
                common.url_for(call, InformatieObjectType, u) for u, _ in related
            ]
            data["informatieobjecttypeOmschrijving"] = sorted(
                {name for _, name in related}
            )
            data["zaakobjecttypen"] = [
                common.url_for(call, ZaakObjectType, u)
                for u in zaakobjecttypen.get(obj.pk, [])
            ]
            result.append(data)
        return result

    def extra_fields(self, call, body, fields, refs, zaaktype):
        if "resultaattypeomschrijving" in body:
            fields["resultaattypeomschrijving"] = refs.one(
                body["resultaattypeomschrijving"],
                ResultaattypeOmschrijving,
                "resultaattypeomschrijving",
                api=apis.REFERENTIELIJSTEN,
                path="/resultaattypeomschrijvingen",
                required=True,
            )
        if "selectielijstklasse" in body:
            fields["selectielijstklasse"] = refs.one(
                body["selectielijstklasse"],
                Resultaat,
                "selectielijstklasse",
                api=apis.REFERENTIELIJSTEN,
                path="/resultaten",
                required=True,
            )
        if "brondatumArchiefprocedure" in body:
            procedure = body["brondatumArchiefprocedure"] or {}
            for api, model in self.brondatum.items():
                default = (
                    False
                    if api == "einddatumBekend"
                    else (None if api == "procestermijn" else "")
                )
                value = procedure.get(api, default)
                fields[model] = (
                    default if value is None and default is not None else value
                )
        if "besluittypen" in body:
            fields["besluittype_omschrijvingen"] = _besluittype_names(
                refs, body["besluittypen"]
            )
        m2m = None
        if "informatieobjecttypen" in body:
            m2m = {
                "informatieobjecttypen": refs.many(
                    body["informatieobjecttypen"],
                    InformatieObjectType,
                    "informatieobjecttypen",
                )
            }
        return m2m


def _besluittype_names(refs: common.References, values: list[str]) -> list[str]:
    """Create takes omschrijvingen, PATCH may give URLs: both become omschrijvingen."""
    names = []
    for value in values:
        if value.startswith(("http://", "https://")):
            besluittype = refs.one(value, BesluitType, "besluittypen")
            if besluittype is not None:
                names.append(besluittype.omschrijving)
        else:
            names.append(value)
    return list(dict.fromkeys(names))


def _m2m_uuids(through, own_field: str, other_uuid: str, ids: list[int]) -> dict:
    result: dict = {}
    for own_id, other in through.objects.filter(
        **{f"{own_field}__in": ids}
    ).values_list(own_field, other_uuid):
        result.setdefault(own_id, []).append(other)
    return result


def _m2m_objects(through, own_field: str, other_fields: tuple, ids: list[int]) -> dict:
    result: dict = {}
    for own_id, *values in through.objects.filter(
        **{f"{own_field}__in": ids}
    ).values_list(own_field, *other_fields):
        result.setdefault(own_id, []).append(tuple(values))
    return result


RESOURCES = [
    StatusTypeResource,
    ResultaatTypeResource,
    RolTypeResource,
    EigenschapResource,
    ZaakTypeInformatieObjectTypeResource,
    ZaakObjectTypeResource,
]
