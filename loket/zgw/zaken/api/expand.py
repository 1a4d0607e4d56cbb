"""``expand`` on zaken (Zaken API 1.5.1, zrc-025 … zrc-028): related resources of
the Zaken API and their types in the Catalogi API, inline under ``_expand``, up to
three levels deep (``status.statustype``, ``hoofdzaak.status.statustype``).

Each level is read for the whole page at once: one query per expanded field, not
per zaak. A related object the client may not read (a deelzaak of another zaaktype,
a document above its confidentiality) is left out, never shown.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from loket.zgw.api import errors
from loket.zgw.api.errors import ApiError
from loket.zgw.api.views import Call
from loket.zgw.catalogi.api.informatieobjecttypen import iot_dicts
from loket.zgw.catalogi.api.onderdelen import (
    EigenschapResource,
    ResultaatTypeResource,
    RolTypeResource,
    StatusTypeResource,
    ZaakObjectTypeResource,
)
from loket.zgw.catalogi.api.zaaktypen import ZaakTypeResource, zaaktype_dicts
from loket.zgw.zaken import models, representation
from loket.zgw.zaken.api.common import catalogi_call, sub_visible

MAX_DEPTH = 3


@dataclass(frozen=True)
class Relation:
    kind: str  # what it expands to
    many: bool
    load: Callable  # (expander, parents) → {parent pk: [objects]}


def parse(raw: str | None) -> dict:
    """``"status.statustype,zaaktype"`` → ``{"status": {"statustype": {}},
    "zaaktype": {}}``."""
    tree: dict = {}
    for path in (raw or "").split(","):
        path = path.strip()
        if not path:
            continue
        parts = path.split(".")
        if len(parts) > MAX_DEPTH:
            raise _invalid(f"{path!r} gaat dieper dan {MAX_DEPTH} niveaus.")
        node = tree
        for part in parts:
            node = node.setdefault(part, {})
    return tree


class Expander:
    def __init__(self, call: Call, *, detail: bool = False):
        self.call = call
        self.detail = detail
        self.urls = call.urls
        self.ccall = catalogi_call(call)

    def expand(self, kind: str, pairs: list[tuple[object, dict]], tree: dict) -> None:
        """Add ``_expand`` to each ``(object, dict)`` of ``kind`` for ``tree``."""
        if not tree or not pairs:
            return
        for field, subtree in tree.items():
            relation = RELATIONS.get(kind, {}).get(field)
            if relation is None:
                self._unknown(kind, field)
            children = relation.load(self, [obj for obj, _ in pairs])
            unique = {c.pk: c for group in children.values() for c in group}
            rendered = dict(
                zip(
                    unique,
                    SERIALIZERS[relation.kind](self, list(unique.values())),
                    strict=True,
                )
            )
            child_pairs = []
            for obj, data in pairs:
                found = [rendered[c.pk] for c in children.get(obj.pk, [])]
                expanded = data.setdefault("_expand", {})
                if relation.many:
                    expanded[field] = found
                else:
                    expanded[field] = found[0] if found else {}
            child_pairs = [(unique[pk], rendered[pk]) for pk in unique]
            if subtree:
                if relation.kind not in RELATIONS:
                    self._unknown(relation.kind, next(iter(subtree)))
                self.expand(relation.kind, child_pairs, subtree)

    def _unknown(self, kind: str, field: str):
        detail = f"{field!r} kan bij een {kind} niet worden uitgebreid (expand)."
        if self.detail:
            raise ApiError(404, "not_found", detail)
        raise _invalid(detail)


def _invalid(detail: str) -> ApiError:
    return errors.field_error("expand", "invalid-expand", detail)


# -- loaders: {parent pk: [related objects]} ------------------------------------------


def _by(objects, key: str) -> dict:
    grouped = defaultdict(list)
    for obj in objects:
        grouped[getattr(obj, key)].append(obj)
    return grouped


def _one(parents, attribute: str, queryset) -> dict:
    ids = {getattr(p, attribute) for p in parents} - {None}
    found = {o.pk: o for o in queryset.filter(pk__in=ids)}
    return {
        p.pk: [found[getattr(p, attribute)]]
        for p in parents
        if getattr(p, attribute) in found
    }


def _visible_zaken(expander: Expander):
    queryset = representation.zaak_queryset()
    client = expander.call.client
    if client is None:
        return queryset
    condition = client.visible(
        "zrc",
        "zaken.lezen",
        type_field="zaaktype_id",
        confidentiality_field="vertrouwelijkheidaanduiding",
    )
    return queryset if condition is None else queryset.filter(condition)


def _below(expander: Expander, model, *related):
    return sub_visible(
        expander.call, model.objects.select_related("zaak", *related).order_by("pk")
    )


def _zaaktypen(expander, zaken):
    return _one(zaken, "zaaktype_id", ZaakTypeResource()._queryset())


def _hoofdzaken(expander, zaken):
    return _one(zaken, "hoofdzaak_id", _visible_zaken(expander))


def _deelzaken(expander, zaken):
    ids = [z.pk for z in zaken]
    return _by(
        _visible_zaken(expander).filter(hoofdzaak__in=ids).order_by("pk"),
        "hoofdzaak_id",
    )


def _relevante(expander, zaken):
    relaties = models.RelevanteAndereZaak.objects.filter(
        zaak__in=[z.pk for z in zaken]
    ).order_by("pk")
    pairs = list(relaties.values_list("zaak_id", "andere_zaak_id"))
    found = {
        z.pk: z for z in _visible_zaken(expander).filter(pk__in={a for _, a in pairs})
    }
    grouped = defaultdict(list)
    for zaak_id, andere_id in pairs:
        if andere_id in found:
            grouped[zaak_id].append(found[andere_id])
    return grouped


def _of_zaken(model, *related):
    def load(expander, zaken):
        return _by(
            _below(expander, model, *related).filter(zaak__in=[z.pk for z in zaken]),
            "zaak_id",
        )

    return load


def _status_of_zaken(expander, zaken):
    return _one(
        zaken,
        "status_id",
        _below(expander, models.Status, "statustype", "gezetdoor"),
    )


def _catalogus_type(attribute: str, resource):
    def load(expander, parents):
        return _one(parents, attribute, resource.queryset())

    return load


def _rol_of(expander, statussen):
    return _one(statussen, "gezetdoor_id", _below(expander, models.Rol, "roltype"))


def _zios_of_statussen(expander, statussen):
    return _by(
        _below(
            expander, models.ZaakInformatieObject, "informatieobject", "status"
        ).filter(status__in=[s.pk for s in statussen]),
        "status_id",
    )


def _statussen_of_rollen(expander, rollen):
    return _by(
        _below(expander, models.Status, "statustype", "gezetdoor").filter(
            gezetdoor__in=[r.pk for r in rollen]
        ),
        "gezetdoor_id",
    )


def _status_of_zios(expander, zios):
    return _one(
        zios, "status_id", _below(expander, models.Status, "statustype", "gezetdoor")
    )


def _documents(expander, zios):
    """The latest version of each document, if the client may read documents of
    its type and confidentiality in the Documenten API."""
    from loket.zgw.documenten.models import EnkelvoudigInformatieObject

    versions = EnkelvoudigInformatieObject.objects.filter(
        laatste=True, informatieobject__in={z.informatieobject_id for z in zios}
    ).select_related("informatieobject", "informatieobjecttype")
    client = expander.call.client
    if client is not None:
        condition = client.visible(
            "drc",
            "documenten.lezen",
            type_field="informatieobjecttype_id",
            confidentiality_field="vertrouwelijkheidaanduiding",
        )
        if condition is not None:
            versions = versions.filter(condition)
    by_document = {v.informatieobject_id: v for v in versions}
    return {
        z.pk: [by_document[z.informatieobject_id]]
        for z in zios
        if z.informatieobject_id in by_document
    }


def _document_types(expander, versions):
    from loket.zgw.catalogi.models import InformatieObjectType

    return _one(versions, "informatieobjecttype_id", InformatieObjectType.objects.all())


RELATIONS = {
    "zaak": {
        "zaaktype": Relation("zaaktype", False, _zaaktypen),
        "hoofdzaak": Relation("zaak", False, _hoofdzaken),
        "deelzaken": Relation("zaak", True, _deelzaken),
        "relevanteAndereZaken": Relation("zaak", True, _relevante),
        "eigenschappen": Relation(
            "zaakeigenschap", True, _of_zaken(models.ZaakEigenschap, "eigenschap")
        ),
        "rollen": Relation("rol", True, _of_zaken(models.Rol, "roltype")),
        "status": Relation("status", False, _status_of_zaken),
        "zaakinformatieobjecten": Relation(
            "zaakinformatieobject",
            True,
            _of_zaken(models.ZaakInformatieObject, "informatieobject", "status"),
        ),
        "zaakobjecten": Relation(
            "zaakobject", True, _of_zaken(models.ZaakObject, "zaakobjecttype")
        ),
        "resultaat": Relation(
            "resultaat", False, _of_zaken(models.Resultaat, "resultaattype")
        ),
    },
    "status": {
        "statustype": Relation(
            "statustype", False, _catalogus_type("statustype_id", StatusTypeResource())
        ),
        "gezetdoor": Relation("rol", False, _rol_of),
        "zaakinformatieobjecten": Relation(
            "zaakinformatieobject", True, _zios_of_statussen
        ),
    },
    "rol": {
        "roltype": Relation(
            "roltype", False, _catalogus_type("roltype_id", RolTypeResource())
        ),
        "statussen": Relation("status", True, _statussen_of_rollen),
    },
    "zaakinformatieobject": {
        "informatieobject": Relation("informatieobject", False, _documents),
        "status": Relation("status", False, _status_of_zios),
    },
    "zaakobject": {
        "zaakobjecttype": Relation(
            "zaakobjecttype",
            False,
            _catalogus_type("zaakobjecttype_id", ZaakObjectTypeResource()),
        ),
    },
    "zaakeigenschap": {
        "eigenschap": Relation(
            "eigenschap", False, _catalogus_type("eigenschap_id", EigenschapResource())
        ),
    },
    "resultaat": {
        "resultaattype": Relation(
            "resultaattype",
            False,
            _catalogus_type("resultaattype_id", ResultaatTypeResource()),
        ),
    },
    "informatieobject": {
        "informatieobjecttype": Relation(
            "informatieobjecttype", False, _document_types
        ),
    },
}
# The standard's grammar spells this one in the plural.
RELATIONS["resultaat"]["resultaattypen"] = RELATIONS["resultaat"]["resultaattype"]


def _documenten_dicts(expander, versions):
    from loket.zgw.documenten.representation import informatieobject_dicts

    return informatieobject_dicts(expander.urls, versions)


SERIALIZERS = {
    "zaak": lambda e, objs: representation.zaak_dicts(e.urls, objs),
    "status": lambda e, objs: representation.status_dicts(e.urls, objs),
    "rol": lambda e, objs: representation.rol_dicts(e.urls, objs),
    "zaakinformatieobject": lambda e, objs: [
        representation.zaakinformatieobject_dict(e.urls, o) for o in objs
    ],
    "zaakobject": lambda e, objs: [
        representation.zaakobject_dict(e.urls, o) for o in objs
    ],
    "zaakeigenschap": lambda e, objs: [
        representation.zaakeigenschap_dict(e.urls, o) for o in objs
    ],
    "resultaat": lambda e, objs: [
        representation.resultaat_dict(e.urls, o) for o in objs
    ],
    "informatieobject": _documenten_dicts,
    "zaaktype": lambda e, objs: zaaktype_dicts(e.ccall, objs),
    "statustype": lambda e, objs: StatusTypeResource().dicts(e.ccall, objs),
    "roltype": lambda e, objs: RolTypeResource().dicts(e.ccall, objs),
    "resultaattype": lambda e, objs: ResultaatTypeResource().dicts(e.ccall, objs),
    "eigenschap": lambda e, objs: EigenschapResource().dicts(e.ccall, objs),
    "zaakobjecttype": lambda e, objs: ZaakObjectTypeResource().dicts(e.ccall, objs),
    "informatieobjecttype": lambda e, objs: iot_dicts(e.ccall, objs),
}
