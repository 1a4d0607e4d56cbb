"""``/besluiten``: list, create, read, change and destroy besluiten."""

from datetime import date

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.views import Call, Resource, paginate
from loket.zgw.besluiten import selectors, services
from loket.zgw.besluiten.api import common, expand
from loket.zgw.besluiten.models import Besluit
from loket.zgw.besluiten.representation import besluit_dicts
from loket.zgw.catalogi.models import BesluitType
from loket.zgw.registers.services import Actor
from loket.zgw.zaken.models import Zaak

TEXT = {
    "identificatie": "identificatie",
    "verantwoordelijkeOrganisatie": "verantwoordelijke_organisatie",
    "toelichting": "toelichting",
    "bestuursorgaan": "bestuursorgaan",
    "vervalreden": "vervalreden",
}
DATES = {
    "datum": "datum",
    "ingangsdatum": "ingangsdatum",
    "vervaldatum": "vervaldatum",
    "publicatiedatum": "publicatiedatum",
    "verzenddatum": "verzenddatum",
    "uiterlijkeReactiedatum": "uiterlijke_reactiedatum",
}


def _fields(body: dict) -> dict:
    """The plain fields of a request body as model fields; what the body leaves
    out stays out (and so unchanged on PUT and PATCH)."""
    fields = {model: body[api] for api, model in TEXT.items() if api in body}
    for api, model in DATES.items():
        if api in body:
            fields[model] = date.fromisoformat(body[api]) if body[api] else None
    return fields


def _references(body: dict) -> dict:
    """``besluittype`` and ``zaak`` as rows of this installation (brc-001,
    brc-006); a URL to anything else is a 400."""
    refs = common.References()
    found = {}
    if "besluittype" in body:
        found["besluittype"] = refs.one(
            body["besluittype"],
            BesluitType.objects.all(),
            api=apis.CATALOGI,
            path="/besluittypen",
            name="besluittype",
            what="besluittype",
        )
    if "zaak" in body:
        found["zaak"] = refs.one(
            body["zaak"],
            Zaak.objects.select_related("zaaktype"),
            api=apis.ZAKEN,
            path="/zaken",
            name="zaak",
            what="zaak",
        )
    refs.check()
    return found


class BesluitResource(Resource):
    api = apis.BESLUITEN
    path = "/besluiten"
    field_names = {
        **{model: api for api, model in TEXT.items()},
        **{model: api for api, model in DATES.items()},
    }

    def _get(self, call: Call, uuid, scope: str) -> Besluit:
        """The besluit, or a 404; a 403 if the client may not use ``scope`` on
        it."""
        besluit = Besluit.objects.filter(uuid=uuid).first()
        if besluit is None:
            raise errors.not_found()
        common.require(call, scope, besluit.besluittype_id)
        return besluit

    def _dicts(self, call: Call, besluiten: list, paths=frozenset()) -> list[dict]:
        dicts = besluit_dicts(call.urls, besluiten)
        return expand.besluiten(call, besluiten, dicts, paths)

    def list(self, call: Call):
        paths = expand.requested(call, expand.BESLUIT)
        queryset = selectors.besluiten_for(call.client).order_by("pk")
        for param, field in (
            ("identificatie", "identificatie"),
            ("verantwoordelijkeOrganisatie", "verantwoordelijke_organisatie"),
        ):
            if param in call.params:
                queryset = queryset.filter(**{field: call.params[param]})
        queryset = common.url_filter(
            call,
            queryset,
            "besluittype",
            api=apis.CATALOGI,
            path="/besluittypen",
            lookup="besluittype__uuid",
        )
        queryset = common.url_filter(
            call, queryset, "zaak", api=apis.ZAKEN, path="/zaken", lookup="zaak__uuid"
        )
        return paginate(
            call,
            queryset,
            lambda page: self._dicts(call, page, paths),
            unfiltered_count=lambda: selectors.besluiten_count(call.client),
            narrow=True,
        )

    def retrieve(self, call: Call, uuid):
        paths = expand.requested(call, expand.BESLUIT)
        return self._dicts(call, [self._get(call, uuid, "besluiten.lezen")], paths)[0]

    def create(self, call: Call):
        refs = _references(call.body)
        besluittype, zaak = refs["besluittype"], refs.get("zaak")
        common.require(call, "besluiten.aanmaken", besluittype.pk)
        common.require_open_zaak(call, zaak)
        besluit = services.create_besluit(
            actor=Actor.for_call(call),
            besluittype=besluittype,
            zaak=zaak,
            **_fields(call.body),
        )
        return self._dicts(call, [besluit])[0]

    def update(self, call: Call, uuid):
        return self._change(call, uuid, "update")

    def partial_update(self, call: Call, uuid):
        return self._change(call, uuid, "partial_update")

    def _change(self, call: Call, uuid, actie: str):
        besluit = self._get(call, uuid, "besluiten.bijwerken")
        common.require_open_zaak(call, besluit.zaak)
        besluit = services.update_besluit(
            actor=Actor.for_call(call),
            besluit=besluit,
            actie=actie,
            **_references(call.body),
            **_fields(call.body),
        )
        return self._dicts(call, [besluit])[0]

    def destroy(self, call: Call, uuid):
        besluit = self._get(call, uuid, "besluiten.verwijderen")
        common.require_open_zaak(call, besluit.zaak)
        services.delete_besluit(actor=Actor.for_call(call), besluit=besluit)
