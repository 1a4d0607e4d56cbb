"""``/zaken``: list with filters, ordering and expand, search (``_zoek``),
create, read, change, destroy."""

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.views import Call, Resource, Result, paginate
from loket.zgw.catalogi.models import ZaakType
from loket.zgw.referentielijsten.models import Communicatiekanaal
from loket.zgw.referentielijsten.models import Resultaat as SelectielijstKlasse
from loket.zgw.zaken import representation, selectors, services
from loket.zgw.zaken.api import common, filters
from loket.zgw.zaken.api.expand import Expander, parse
from loket.zgw.zaken.models import Zaak

# API name → model field, for values that need no translation.
PLAIN = {
    "identificatie": "identificatie",
    "bronorganisatie": "bronorganisatie",
    "omschrijving": "omschrijving",
    "toelichting": "toelichting",
    "verantwoordelijkeOrganisatie": "verantwoordelijke_organisatie",
    "productenOfDiensten": "producten_of_diensten",
    "vertrouwelijkheidaanduiding": "vertrouwelijkheidaanduiding",
    "betalingsindicatie": "betalingsindicatie",
    "zaakgeometrie": "zaakgeometrie",
    "kenmerken": "kenmerken",
    "archiefnominatie": "archiefnominatie",
    "archiefstatus": "archiefstatus",
    "opdrachtgevendeOrganisatie": "opdrachtgevende_organisatie",
    "processobjectaard": "processobjectaard",
}
DATES = {
    "registratiedatum": "registratiedatum",
    "startdatum": "startdatum",
    "einddatumGepland": "einddatum_gepland",
    "uiterlijkeEinddatumAfdoening": "uiterlijke_einddatum_afdoening",
    "publicatiedatum": "publicatiedatum",
    "archiefactiedatum": "archiefactiedatum",
    "startdatumBewaartermijn": "startdatum_bewaartermijn",
}
FIELD_NAMES = {
    **{model: api for api, model in PLAIN.items()},
    **{model: api for api, model in DATES.items()},
    "laatste_betaaldatum": "laatsteBetaaldatum",
    "communicatiekanaal": "communicatiekanaal",
    "selectielijstklasse": "selectielijstklasse",
    "hoofdzaak": "hoofdzaak",
    "verlenging_reden": "verlenging.reden",
    "verlenging_duur": "verlenging.duur",
    "opschorting_indicatie": "opschorting.indicatie",
    "opschorting_reden": "opschorting.reden",
    "producten_of_diensten": "productenOfDiensten",
}
_NULLABLE_TEXT = {"archiefnominatie", "betalingsindicatie"}


def zaak_fields(call: Call, body: dict) -> tuple[dict, list | None]:
    """A request body as service arguments: model fields, and the relevante andere
    zaken (None when the body does not mention them)."""
    refs = common.References(call)
    fields = {}
    for api_name, model in PLAIN.items():
        if api_name in body:
            value = body[api_name]
            fields[model] = (
                "" if value is None and api_name in _NULLABLE_TEXT else value
            )
    for api_name, model in DATES.items():
        if api_name in body:
            value = body[api_name]
            fields[model] = common.parse_day(value, api_name) if value else None
    if "laatsteBetaaldatum" in body:
        value = body["laatsteBetaaldatum"]
        fields["laatste_betaaldatum"] = (
            common.parse_moment(value, "laatsteBetaaldatum") if value else None
        )
    if "zaaktype" in body:
        fields["zaaktype"] = refs.one(
            body["zaaktype"],
            "zaaktype",
            ZaakType,
            apis.CATALOGI,
            "/zaaktypen",
            required=True,
            queryset=ZaakType.objects.select_related("catalogus"),
        )
    if "communicatiekanaal" in body:
        fields["communicatiekanaal"] = refs.one(
            body["communicatiekanaal"],
            "communicatiekanaal",
            Communicatiekanaal,
            apis.REFERENTIELIJSTEN,
            "/communicatiekanalen",
        )
    if "selectielijstklasse" in body:
        fields["selectielijstklasse"] = refs.one(
            body["selectielijstklasse"],
            "selectielijstklasse",
            SelectielijstKlasse,
            apis.REFERENTIELIJSTEN,
            "/resultaten",
        )
    if "hoofdzaak" in body:
        fields["hoofdzaak"] = refs.zaak(body["hoofdzaak"], "hoofdzaak", required=False)
    if "verlenging" in body:
        verlenging = body["verlenging"] or {}
        fields["verlenging_reden"] = verlenging.get("reden", "")
        fields["verlenging_duur"] = verlenging.get("duur") or ""
    if "opschorting" in body:
        opschorting = body["opschorting"] or {}
        fields["opschorting_indicatie"] = bool(opschorting.get("indicatie"))
        fields["opschorting_reden"] = opschorting.get("reden", "")
    if "processobject" in body:
        processobject = body["processobject"] or {}
        for key in ("datumkenmerk", "identificatie", "objecttype", "registratie"):
            fields[f"processobject_{key}"] = processobject.get(key, "")
    relevante = None
    if "relevanteAndereZaken" in body:
        relevante = []
        for index, item in enumerate(body["relevanteAndereZaken"] or []):
            andere = refs.zaak(item.get("url"), f"relevanteAndereZaken.{index}.url")
            if andere is not None:
                relevante.append((andere, item["aardRelatie"]))
    refs.check()
    return fields, relevante


class ZaakResource(Resource):
    api = apis.ZAKEN
    path = "/zaken"
    collection_actions = {"_zoek": "search"}
    field_names = FIELD_NAMES

    def list(self, call: Call):
        queryset = filters.apply(common.visible_zaken(call), call.params)
        return self._page(
            call,
            queryset,
            call.params.get("expand"),
            count=lambda: selectors.zaken_count(call.client),
        )

    def search(self, call: Call):
        body = call.body
        queryset = filters.apply(common.visible_zaken(call), body)
        within = (body.get("zaakgeometrie") or {}).get("within")
        if within:
            queryset = filters.within(queryset, within)
        return self._page(
            call, queryset, body.get("expand"), ordering=body.get("ordering")
        )

    def _page(
        self, call: Call, queryset, expand: str | None, ordering=None, count=None
    ):
        tree = parse(expand)
        ordering = ordering or call.params.get("ordering")
        queryset = filters.ordered(queryset, ordering)
        return paginate(
            call,
            queryset,
            lambda page: self._dicts(call, page, tree),
            unfiltered_count=count,
            narrow=True,
            parts=None if ordering else _zaaktypen(call),
        )

    def _dicts(self, call: Call, zaken: list, tree: dict, detail=False) -> list:
        data = representation.zaak_dicts(call.urls, zaken)
        Expander(call, detail=detail).expand(
            "zaak", list(zip(zaken, data, strict=True)), tree
        )
        return data

    def _get(self, call: Call, uuid) -> Zaak:
        zaak = representation.zaak_queryset().filter(uuid=uuid).first()
        if zaak is None:
            raise errors.not_found()
        common.require_read(call, zaak)
        return zaak

    def retrieve(self, call: Call, uuid):
        zaak = self._get(call, uuid)
        return self._dicts(call, [zaak], parse(call.params.get("expand")), detail=True)[
            0
        ]

    def create(self, call: Call):
        fields, relevante = zaak_fields(call, call.body)
        zaaktype = fields.pop("zaaktype")
        candidate = Zaak(
            zaaktype=zaaktype,
            vertrouwelijkheidaanduiding=fields.get("vertrouwelijkheidaanduiding")
            or zaaktype.vertrouwelijkheidaanduiding,
        )
        if not common.may(call, candidate, "zaken.aanmaken"):
            raise common.forbidden(
                "U mag geen zaken van dit zaaktype (met deze vertrouwelijkheid) "
                "aanmaken."
            )
        zaak = services.create_zaak(
            actor=common.actor(call),
            zaaktype=zaaktype,
            relevante_andere_zaken=relevante or [],
            **fields,
        )
        return self._fresh(call, zaak)

    def update(self, call: Call, uuid):
        return self._change(call, uuid, partial=False)

    def partial_update(self, call: Call, uuid):
        return self._change(call, uuid, partial=True)

    def _change(self, call: Call, uuid, *, partial: bool):
        zaak = self._get(call, uuid)
        common.require_write(call, zaak)
        fields, relevante = zaak_fields(call, call.body)
        after = Zaak(
            zaaktype=fields.get("zaaktype") or zaak.zaaktype,
            vertrouwelijkheidaanduiding=fields.get("vertrouwelijkheidaanduiding")
            or zaak.vertrouwelijkheidaanduiding,
        )
        if not common.may(call, after, *common.operation_scopes(call)):
            raise common.forbidden(
                "Met deze wijziging valt de zaak buiten uw autorisaties."
            )
        services.update_zaak(
            zaak,
            actor=common.actor(call),
            relevante_andere_zaken=relevante,
            partial=partial,
            **fields,
        )
        return self._fresh(call, zaak)

    def destroy(self, call: Call, uuid):
        zaak = self._get(call, uuid)
        if not common.may(call, zaak, "zaken.verwijderen"):
            raise common.forbidden()
        services.delete_zaak(zaak, actor=common.actor(call))
        return Result(None)

    def _fresh(self, call: Call, zaak: Zaak) -> dict:
        fresh = representation.zaak_queryset().get(pk=zaak.pk)
        return representation.zaak_dicts(call.urls, [fresh])[0]


# A client that may see at most this many zaaktypen pages through its zaken per
# zaaktype (see ``paginate``'s ``parts``); with more, one walk is as quick.
PARTS_MAX = 25


def _zaaktypen(call: Call) -> tuple[str, list] | None:
    types = call.client.visible_types("zrc", "zaken.lezen") if call.client else None
    if types is None or len(types) > PARTS_MAX:
        return None
    return ("zaaktype_id", sorted(types))
