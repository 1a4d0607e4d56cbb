"""The shape every resource below a zaak shares: read through the zaak's
authorisation, list (paginated or not, as the specification says), filter on the
zaak, and the zaak a write is about."""

from loket.zgw import apis
from loket.zgw.api.references import uuid_from_url
from loket.zgw.api.views import Call, Resource, Result, paginate
from loket.zgw.zaken.api import common


class BelowZaakResource(Resource):
    """Subclasses set ``path``, ``model``, ``related`` (what ``dicts`` reads) and
    ``paginated``, and implement ``dicts`` and the writes."""

    api = apis.ZAKEN
    model = None
    related: tuple[str, ...] = ()
    paginated = True
    # API filter name → (model lookup, kind); kind "url:<api path>" reads a URL of
    # this installation, "zaak" the zaak URL, anything else is compared as is.
    filters: dict[str, tuple[str, str]] = {"zaak": ("zaak__uuid", "zaak")}

    def queryset(self):
        return self.model.objects.select_related(
            "zaak", "zaak__zaaktype", *self.related
        ).order_by("pk")

    def dicts(self, call: Call, objects: list) -> list[dict]:
        raise NotImplementedError

    def list(self, call: Call, **kwargs):
        queryset = self.filter(call, common.sub_visible(call, self.queryset()))
        if self.paginated:
            return paginate(call, queryset, lambda page: self.dicts(call, page))
        return self.dicts(call, list(queryset))

    def filter(self, call: Call, queryset):
        conditions = {}
        for name, (lookup, kind) in self.filters.items():
            value = call.params.get(name)
            if value in (None, ""):
                continue
            if kind == "zaak":
                value = uuid_from_url(value, apis.ZAKEN, "/zaken")
            elif kind.startswith("url:"):
                api_name, path = kind[4:].split(":")
                value = uuid_from_url(value, getattr(apis, api_name), path)
            if value is None:
                return queryset.none()  # a URL that is not one of ours: no matches
            conditions[lookup] = value
        return queryset.filter(**conditions)

    def get(self, call: Call, uuid):
        return common.sub_get(call, self.queryset(), uuid)

    def retrieve(self, call: Call, uuid, **kwargs):
        return self.dicts(call, [self.get(call, uuid)])[0]

    # PUT and PATCH, where the specification has them, go to ``change``.
    def update(self, call: Call, uuid):
        return self.change(call, uuid, partial=False)

    def partial_update(self, call: Call, uuid):
        return self.change(call, uuid, partial=True)

    def change(self, call: Call, uuid, *, partial: bool):
        raise NotImplementedError

    def zaak_for_write(self, call: Call, body: dict, scopes=None):
        """The zaak a new object is for, with the client's right to change it."""
        refs = common.References(call)
        zaak = refs.zaak(body.get("zaak"))
        refs.check()
        common.require_write(call, zaak, scopes)
        return zaak

    def existing_for_write(self, call: Call, uuid):
        obj = self.get(call, uuid)
        common.require_write(call, obj.zaak)
        return obj

    # The service that deletes one object; DELETE is only routed where the
    # specification has it.
    remove = None

    def destroy(self, call: Call, uuid):
        if self.remove is None:
            raise NotImplementedError
        self.remove(self.existing_for_write(call, uuid), actor=common.actor(call))
        return Result(None)

    def fresh(self, call: Call, obj) -> dict:
        return self.dicts(call, [self.queryset().get(pk=obj.pk)])[0]
