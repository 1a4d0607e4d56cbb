"""``/besluitinformatieobjecten``: the documents that lay down a besluit."""

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.views import Call, Resource
from loket.zgw.besluiten import selectors, services
from loket.zgw.besluiten.api import common, expand
from loket.zgw.besluiten.models import Besluit, BesluitInformatieObject
from loket.zgw.besluiten.representation import (
    INFORMATIEOBJECTEN,
    besluitinformatieobject_dicts,
)
from loket.zgw.documenten.models import InformatieObject
from loket.zgw.registers.services import Actor


class BesluitInformatieObjectResource(Resource):
    api = apis.BESLUITEN
    path = "/besluitinformatieobjecten"

    def _get(self, call: Call, uuid, scope: str) -> BesluitInformatieObject:
        bio = (
            BesluitInformatieObject.objects.select_related(
                "besluit", "besluit__zaak", "informatieobject"
            )
            .filter(uuid=uuid)
            .first()
        )
        if bio is None:
            raise errors.not_found()
        common.require(call, scope, bio.besluit.besluittype_id)
        return bio

    def _dicts(self, call: Call, bios: list, paths=frozenset()) -> list[dict]:
        dicts = besluitinformatieobject_dicts(call.urls, bios)
        return expand.besluitinformatieobjecten(call, bios, dicts, paths)

    def list(self, call: Call):
        paths = expand.requested(call, expand.BESLUITINFORMATIEOBJECT)
        queryset = selectors.besluitinformatieobjecten_for(call.client).order_by("pk")
        queryset = common.url_filter(
            call,
            queryset,
            "besluit",
            api=apis.BESLUITEN,
            path="/besluiten",
            lookup="besluit__uuid",
        )
        queryset = common.url_filter(
            call,
            queryset,
            "informatieobject",
            api=apis.DOCUMENTEN,
            path=INFORMATIEOBJECTEN,
            lookup="informatieobject__uuid",
        )
        # The file documents this list without pagination: all of it, at once.
        return self._dicts(call, list(queryset), paths)

    def retrieve(self, call: Call, uuid):
        paths = expand.requested(call, expand.BESLUITINFORMATIEOBJECT)
        bio = self._get(call, uuid, "besluiten.lezen")
        return self._dicts(call, [bio], paths)[0]

    def create(self, call: Call):
        refs = common.References()
        besluit = refs.one(
            call.body["besluit"],
            Besluit.objects.select_related("besluittype", "zaak"),
            api=apis.BESLUITEN,
            path="/besluiten",
            name="besluit",
            what="besluit",
        )
        # brc-003: the document must exist in this installation's Documenten API.
        informatieobject = refs.one(
            call.body["informatieobject"],
            InformatieObject.objects.all(),
            api=apis.DOCUMENTEN,
            path=INFORMATIEOBJECTEN,
            name="informatieobject",
            what="informatieobject",
        )
        refs.check()
        common.require(call, "besluiten.aanmaken", besluit.besluittype_id)
        common.require_open_zaak(call, besluit.zaak)
        bio = services.add_document(
            actor=Actor.for_call(call),
            besluit=besluit,
            informatieobject=informatieobject,
        )
        return self._dicts(call, [bio])[0]

    def destroy(self, call: Call, uuid):
        bio = self._get(call, uuid, "besluiten.verwijderen")
        common.require_open_zaak(call, bio.besluit.zaak)
        services.remove_document(
            actor=Actor.for_call(call), besluitinformatieobject=bio
        )
