from __future__ import annotations

from datetime import date

from django.db.models import TextField
from django.db.models.functions import Cast

from loket.zgw import apis
from loket.zgw.api import errors, related
from loket.zgw.api.views import Call, Resource, Result, paginate
from loket.zgw.catalogi import selectors, services
from loket.zgw.catalogi.api import common
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
)
from loket.zgw.catalogi.services.notify import PATHS
from loket.zgw.referentielijsten.models import ProcesType

# API name → model field, for the fields that need no translation beyond the name.
PLAIN = {
    "identificatie": "identificatie",
    "omschrijving": "omschrijving",
    "omschrijvingGeneriek": "omschrijving_generiek",
    "vertrouwelijkheidaanduiding": "vertrouwelijkheidaanduiding",
    "doel": "doel",
    "aanleiding": "aanleiding",
    "toelichting": "toelichting",
    "indicatieInternOfExtern": "indicatie_intern_of_extern",
    "handelingInitiator": "handeling_initiator",
    "onderwerp": "onderwerp",
    "handelingBehandelaar": "handeling_behandelaar",
    "doorlooptijd": "doorlooptijd",
    "servicenorm": "servicenorm",
    "opschortingEnAanhoudingMogelijk": "opschorting_en_aanhouding_mogelijk",
    "verlengingMogelijk": "verlenging_mogelijk",
    "verlengingstermijn": "verlengingstermijn",
    "trefwoorden": "trefwoorden",
    "publicatieIndicatie": "publicatie_indicatie",
    "publicatietekst": "publicatietekst",
    "verantwoordingsrelatie": "verantwoordingsrelatie",
    "productenOfDiensten": "producten_of_diensten",
    "verantwoordelijke": "verantwoordelijke",
    "besluittypen": "besluittype_omschrijvingen",
    "deelzaaktypen": "deelzaaktype_identificaties",
}
DATES = {
    "beginGeldigheid": "begin_geldigheid",
    "eindeGeldigheid": "einde_geldigheid",
    "beginObject": "begin_object",
    "eindeObject": "einde_object",
    "versiedatum": "versiedatum",
}
FIELD_NAMES = {
    **{model: api for api, model in PLAIN.items()},
    **{model: api for api, model in DATES.items()},
    "catalogus": "catalogus",
    "selectielijst_procestype": "selectielijstProcestype",
    "referentieproces_naam": "referentieproces.naam",
    "referentieproces_link": "referentieproces.link",
    "gerelateerde_zaaktypen": "gerelateerdeZaaktypen",
}


def zaaktype_fields(call: Call, body: dict) -> tuple[dict, list | None]:
    """The body as service arguments: model fields, and the related zaaktypen."""
    refs = common.References(call)
    fields = {model: body[api] for api, model in PLAIN.items() if api in body}
    for api, model in DATES.items():
        if api in body:
            fields[model] = date.fromisoformat(body[api]) if body[api] else None
    if "catalogus" in body:
        fields["catalogus"] = refs.one(
            body["catalogus"], Catalogus, "catalogus", required=True
        )
    if "selectielijstProcestype" in body:
        fields["selectielijst_procestype"] = refs.one(
            body["selectielijstProcestype"],
            ProcesType,
            "selectielijstProcestype",
            api=apis.REFERENTIELIJSTEN,
            path="/procestypen",
        )
    if "referentieproces" in body:
        proces = body["referentieproces"] or {}
        fields["referentieproces_naam"] = proces.get("naam", "")
        fields["referentieproces_link"] = proces.get("link", "")
    for group, keys in (
        ("broncatalogus", ("url", "domein", "rsin")),
        ("bronzaaktype", ("url", "identificatie", "omschrijving")),
    ):
        if group in body:
            values = body[group] or {}
            for key in keys:
                fields[f"{group}_{key}"] = values.get(key, "")
    refs.check()
    relaties = None
    if "gerelateerdeZaaktypen" in body:
        relaties = [
            {
                "zaaktype_identificatie": r["zaaktype"],
                "aard_relatie": r["aardRelatie"],
                "toelichting": r.get("toelichting", ""),
            }
            for r in body["gerelateerdeZaaktypen"]
        ]
    return fields, relaties


def zaaktype_dicts(
    call: Call, zaaktypen: list[ZaakType], day: date | None = None
) -> list:
    """Zaaktypen as the API shows them, with every related URL, in a fixed number of
    queries for the whole page."""
    day = day or common.today()
    ids = [z.pk for z in zaaktypen]
    children = related.uuids(
        (related.Part(name, model, "zaaktype_id"), ids)
        for name, model in _CHILD_MODELS.items()
    )
    ziot_names = _ziot_names(ids)
    relaties = _relaties(ids)
    besluit_keys = {
        (z.catalogus_id, n) for z in zaaktypen for n in z.besluittype_omschrijvingen
    }
    iot_keys = {
        (z.catalogus_id, n) for z in zaaktypen for n in ziot_names.get(z.pk, [])
    }
    zaaktype_keys = {
        (z.catalogus_id, n)
        for z in zaaktypen
        for n in [
            *z.deelzaaktype_identificaties,
            *(r.zaaktype_identificatie for r in relaties.get(z.pk, [])),
        ]
    }
    besluittypen = resolve(BesluitType, "omschrijving", besluit_keys, day)
    iotypen = resolve(InformatieObjectType, "omschrijving", iot_keys, day)
    gerelateerde = resolve(ZaakType, "identificatie", zaaktype_keys, day)
    # A page of zaaktypen shows tens of thousands of these URLs: one prefix each.
    prefixes = {
        name: call.url(PATHS[model], "") for name, model in _CHILD_MODELS.items()
    }
    result = []
    for z in zaaktypen:
        data = {
            "url": common.url(call, z),
            **{
                api: getattr(z, model)
                for api, model in PLAIN.items()
                if api not in ("besluittypen", "deelzaaktypen")
            },
            "referentieproces": _referentieproces(z),
            "catalogus": common.url_for(call, Catalogus, z.catalogus.uuid),
            **{
                name: [prefix + u for u in children[name].get(z.pk, [])]
                for name, prefix in prefixes.items()
            },
            "informatieobjecttypen": ",".join(
                common.url(call, i)
                for name in ziot_names.get(z.pk, [])
                for i in iotypen.get((z.catalogus_id, name), [])
            ),
            "besluittypen": [
                common.url(call, b)
                for name in z.besluittype_omschrijvingen
                for b in besluittypen.get((z.catalogus_id, name), [])
            ],
            "deelzaaktypen": [
                common.url(call, d)
                for name in z.deelzaaktype_identificaties
                for d in gerelateerde.get((z.catalogus_id, name), [])[-1:]
            ],
            "gerelateerdeZaaktypen": [
                {
                    "zaaktype": common.url(call, related),
                    "aardRelatie": relatie.aard_relatie,
                    "toelichting": relatie.toelichting,
                }
                for relatie in relaties.get(z.pk, [])
                for related in gerelateerde.get(
                    (z.catalogus_id, relatie.zaaktype_identificatie), []
                )[-1:]
            ],
            **{
                api: common.date_or_none(getattr(z, model))
                for api, model in DATES.items()
            },
            "concept": z.concept,
        }
        if z.selectielijst_procestype_id:
            data["selectielijstProcestype"] = (
                f"{call.root_of(apis.REFERENTIELIJSTEN)}/procestypen/"
                f"{z.selectielijst_procestype.uuid}"
            )
        if z.broncatalogus_url:
            data["broncatalogus"] = {
                "url": z.broncatalogus_url,
                "domein": z.broncatalogus_domein,
                "rsin": z.broncatalogus_rsin,
            }
        if z.bronzaaktype_url:
            data["bronzaaktype"] = {
                "url": z.bronzaaktype_url,
                "identificatie": z.bronzaaktype_identificatie,
                "omschrijving": z.bronzaaktype_omschrijving,
            }
        result.append(data)
    return result


_CHILD_MODELS = {
    "statustypen": StatusType,
    "resultaattypen": ResultaatType,
    "eigenschappen": Eigenschap,
    "roltypen": RolType,
    "zaakobjecttypen": ZaakObjectType,
}


def _referentieproces(z: ZaakType) -> dict:
    proces = {"naam": z.referentieproces_naam}
    if z.referentieproces_link:
        proces["link"] = z.referentieproces_link
    return proces


def _ziot_names(ids: list[int]) -> dict[int, list[str]]:
    from loket.zgw.catalogi.models import ZaakTypeInformatieObjectType

    result: dict[int, list[str]] = {}
    for zaaktype_id, name in (
        ZaakTypeInformatieObjectType.objects.filter(zaaktype_id__any=ids)
        .order_by("volgnummer")
        .values_list("zaaktype_id", "informatieobjecttype_omschrijving")
    ):
        if name not in result.setdefault(zaaktype_id, []):
            result[zaaktype_id].append(name)
    return result


def _relaties(ids: list[int]) -> dict[int, list]:
    from loket.zgw.catalogi.models import ZaakTypenRelatie

    result: dict[int, list] = {}
    for relatie in ZaakTypenRelatie.objects.filter(zaaktype_id__any=ids).order_by("pk"):
        result.setdefault(relatie.zaaktype_id, []).append(relatie)
    return result


def resolve(model, field: str, keys: set, day: date) -> dict:
    """Name-based relations to versions: those valid on ``day``, or else the most
    recent version (so a relation never silently disappears)."""
    valid = common.versions_by_name(model, field, keys, day)
    missing = {key for key in keys if not valid.get(key)}
    if missing:
        names = {name for _, name in missing}
        catalogi = {catalogus for catalogus, _ in missing}
        for obj in model.objects.filter(
            catalogus_id__any=catalogi, **{f"{field}__any": sorted(names)}
        ).order_by("begin_geldigheid"):
            key = (obj.catalogus_id, getattr(obj, field))
            if key in missing:
                valid[key] = [obj]
    return valid


class ZaakTypeResource(Resource):
    api = apis.CATALOGI
    path = "/zaaktypen"
    actions = ("publish",)
    field_names = FIELD_NAMES
    fallback_schemas = {"patch": "ZaakTypeUpdate"}

    def _queryset(self):
        return ZaakType.objects.select_related("catalogus", "selectielijst_procestype")

    def _get(self, uuid) -> ZaakType:
        zaaktype = self._queryset().filter(uuid=uuid).first()
        if zaaktype is None:
            raise errors.not_found()
        return zaaktype

    def list(self, call: Call):
        queryset = self._queryset().order_by(
            "catalogus_id", "identificatie", "begin_geldigheid", "pk"
        )
        queryset = common.catalogus_filter(call, queryset)
        if call.params.get("identificatie"):
            queryset = queryset.filter(identificatie=call.params["identificatie"])
        for woord in call.params.get("trefwoorden") or []:
            queryset = queryset.annotate(
                _trefwoorden=Cast("trefwoorden", TextField())
            ).filter(_trefwoorden__contains=f'"{woord}"')
        queryset = selectors.with_status(queryset, common.status_param(call))
        day = common.day_param(call)
        queryset = selectors.valid_on(queryset, day)
        return paginate(call, queryset, lambda page: zaaktype_dicts(call, page, day))

    def retrieve(self, call: Call, uuid):
        zaaktype = self._get(uuid)
        day = common.day_param(call)
        if day is not None and not zaaktype.geldig_op(day):
            raise errors.not_found("Dit zaaktype is niet geldig op de gevraagde datum.")
        return zaaktype_dicts(call, [zaaktype], day)[0]

    def create(self, call: Call):
        fields, relaties = zaaktype_fields(call, call.body)
        zaaktype = services.create_zaaktype(
            **fields, gerelateerde_zaaktypen=relaties or []
        )
        return zaaktype_dicts(call, [self._get(zaaktype.uuid)])[0]

    def update(self, call: Call, uuid):
        return self._change(call, uuid, "update")

    def partial_update(self, call: Call, uuid):
        return self._change(call, uuid, "partial_update")

    def _change(self, call: Call, uuid, actie: str):
        zaaktype = self._get(uuid)
        fields, relaties = zaaktype_fields(call, call.body)
        services.update_zaaktype(
            zaaktype,
            fields,
            gerelateerde_zaaktypen=relaties,
            actie=actie,
            correctie=correction_allowed(call, zaaktype),
        )
        return zaaktype_dicts(call, [self._get(uuid)])[0]

    def destroy(self, call: Call, uuid):
        services.delete_zaaktype(self._get(uuid))
        return Result({})

    def publish(self, call: Call, uuid):
        services.publish_zaaktype(self._get(uuid))
        return zaaktype_dicts(call, [self._get(uuid)])[0]


def correction_allowed(call: Call, obj) -> bool:
    """A published version may be corrected by a client with the scope
    catalogi.geforceerd-schrijven."""
    return (
        not obj.concept
        and call.client is not None
        and call.client.has_scope("catalogi.geforceerd-schrijven")
    )
