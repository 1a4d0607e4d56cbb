"""The shape gebruiksrechten, verzendingen and objectinformatieobjecten share: each
belongs to one document, is read and written with that document's rights, and can
show the document itself under ``expand=informatieobject``."""

from loket.zgw import apis
from loket.zgw.api import errors
from loket.zgw.api.views import Call, Resource, Result
from loket.zgw.documenten import selectors
from loket.zgw.documenten.api import common


class BelowDocumentResource(Resource):
    """Subclasses set ``path`` and, as staticmethods, ``select`` (client → the
    queryset that client may read; None → all), ``represent`` (urls, objects →
    dicts) and ``remove`` (the service that deletes one), and ``not_found``."""

    api = apis.DOCUMENTEN
    select = None
    represent = None
    remove = None
    not_found = "Er is geen object met deze UUID."

    def _get(self, call: Call, uuid, scope: str = selectors.READ):
        obj = self.select(None).filter(uuid=uuid).first()
        if obj is None:
            raise errors.not_found(self.not_found)
        common.require(call, scope, selectors.latest_version(obj.informatieobject))
        return obj

    def _dicts(self, call: Call, items: list, expand: set[str]) -> list[dict]:
        dicts = self.represent(call.urls, items)
        return common.expand_documents(call, items, dicts, expand)

    def _expand(self, call: Call) -> set[str]:
        return common.expansions(call, common.RELATED_EXPAND)

    def retrieve(self, call: Call, uuid):
        return self._dicts(call, [self._get(call, uuid)], self._expand(call))[0]

    def _require_create(self, call: Call, document) -> None:
        """The client may add to ``document``."""
        common.require(call, "documenten.aanmaken", selectors.latest_version(document))

    # PUT and PATCH, where the specification has them, go to ``_change``.
    def update(self, call: Call, uuid):
        return self._change(call, uuid, "update")

    def partial_update(self, call: Call, uuid):
        return self._change(call, uuid, "partial_update")

    def _change(self, call: Call, uuid, actie: str):
        raise NotImplementedError

    def _changed_document(self, call: Call, changes: dict) -> dict:
        """``changes`` with the document a PUT or PATCH moves the object to."""
        if "informatieobject" in call.body:
            refs = common.References(call)
            changes["informatieobject"] = refs.informatieobject(
                call.body["informatieobject"]
            )
            refs.check()
        return changes

    def destroy(self, call: Call, uuid):
        obj = self._get(call, uuid, "documenten.verwijderen")
        self.remove(obj, actor=common.actor(call))
        return Result(None)
