"""``/objectinformatieobjecten``: the documents' side of their relations to zaken
(Zaken API) and besluiten (Besluiten API). Loket keeps these mirrors itself when a
zaakinformatieobject or besluitinformatieobject is made or removed; these
endpoints let other registers see them and check them (drc-002, drc-004)."""

from loket.zgw import apis
from loket.zgw.api.errors import InvalidParam
from loket.zgw.api.references import uuid_from_url
from loket.zgw.api.views import Call
from loket.zgw.besluiten.models import Besluit
from loket.zgw.documenten import representation, selectors, services
from loket.zgw.documenten.api import common
from loket.zgw.documenten.api.base import BelowDocumentResource
from loket.zgw.documenten.choices import ObjectType
from loket.zgw.zaken.models import Zaak

# objectType → where the object lives: API, path, model.
OBJECTS = {
    ObjectType.ZAAK: (apis.ZAKEN, "/zaken", Zaak),
    ObjectType.BESLUIT: (apis.BESLUITEN, "/besluiten", Besluit),
}


def _object(url: str, object_type: str):
    """The zaak or besluit of this installation at ``url``, or None (Loket keeps
    no verzoeken)."""
    if object_type not in OBJECTS:
        return None
    api, path, model = OBJECTS[object_type]
    object_uuid = uuid_from_url(url, api, path)
    if object_uuid is None:
        return None
    return model.objects.filter(uuid=object_uuid).first()


class ObjectInformatieObjectResource(BelowDocumentResource):
    path = representation.OBJECTINFORMATIEOBJECTEN
    select = staticmethod(selectors.objectinformatieobjecten_for)
    represent = staticmethod(representation.objectinformatieobject_dicts)
    remove = staticmethod(services.delete_mirror)
    not_found = "Er is geen objectinformatieobject met deze UUID."

    def list(self, call: Call):
        expand = self._expand(call)
        queryset = selectors.objectinformatieobjecten_for(call.client).order_by("pk")
        queryset = common.document_filter(queryset, call.params.get("informatieobject"))
        url = call.params.get("object")
        if url:
            zaak = uuid_from_url(url, apis.ZAKEN, "/zaken")
            besluit = uuid_from_url(url, apis.BESLUITEN, "/besluiten")
            if zaak is not None:
                queryset = queryset.filter(zaak__uuid=zaak)
            elif besluit is not None:
                queryset = queryset.filter(besluit__uuid=besluit)
            else:
                queryset = queryset.none()
        return self._dicts(call, list(queryset), expand)

    def create(self, call: Call):
        body = call.body
        refs = common.References(call)
        document = refs.informatieobject(body["informatieobject"])
        target = _object(body["object"], body["objectType"])
        if target is None:
            refs.problems.append(
                InvalidParam(
                    "object",
                    "bad-url",
                    f"De URL {body['object']} verwijst niet naar een "
                    f"{body['objectType']} in deze installatie (Loket kent zaken "
                    "en besluiten).",
                )
            )
        refs.check()
        self._require_create(call, document)
        relation = {body["objectType"]: target}
        oio = services.mirror_relation(
            actor=common.actor(call), informatieobject=document, **relation
        )
        return self._dicts(call, [oio], set())[0]
