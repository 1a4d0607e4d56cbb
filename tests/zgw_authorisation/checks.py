"""Reading a response the way a suspicious auditor would.

:class:`Inspector` walks a response body recursively. Every object representation
it meets (a result, a detail, an object under ``_expand``, the ``oud`` and
``nieuw`` of an audit trail entry) must be one the model says the client may see,
and must show a type and confidentiality the client's autorisaties reach. Every
URL elsewhere in an object must be one of that object's own references (its
zaak, its document, its deelzaken …): a reference may point at something the
client cannot open, its content may never be there. An ``_expand`` holds exactly
the referenced objects the client may see, no more and no fewer. Finally, no
identificatie of a zaak, document or besluit the client may not see appears
anywhere in the text of the response.
"""

import json
from dataclasses import dataclass

from tests.zgw_authorisation.model import (
    CATALOGI,
    COMPONENT,
    READ,
    TYPE_FIELD,
    Model,
    Node,
    key_of,
)

# Expand fields that embed a type from the Catalogi API rather than an object.
CATALOGUE_FIELDS = frozenset(
    {
        "zaaktype",
        "statustype",
        "roltype",
        "zaakobjecttype",
        "eigenschap",
        "resultaattype",
        "resultaattypen",
        "informatieobjecttype",
        "besluittype",
    }
)
ERROR_KEYS = {"type", "code", "title", "status", "detail", "instance", "invalidParams"}


@dataclass(frozen=True)
class Reading:
    """The normal case: objects the client may read (zaken.lezen and its kin)."""

    model: Model

    def allows(self, node: Node) -> bool:
        return self.model.readable(node)

    def scope(self, component: str) -> str:
        return READ[component]

    def may_name(self, root: Node) -> bool:
        return self.model.readable(root)


@dataclass(frozen=True)
class Trail:
    """An audit trail: the history of one root, for audittrails.lezen."""

    model: Model
    root: Node

    def allows(self, node: Node) -> bool:
        return node.owner is self.root

    def scope(self, component: str) -> str:
        return "audittrails.lezen"

    def may_name(self, root: Node) -> bool:
        return root is self.root or self.model.readable(root)


class Inspector:
    def __init__(self, model: Model):
        self.model = model

    def label(self, key: str) -> str:
        node = self.model.nodes.get(key)
        return node.label if node else f"an unknown object {key}"

    # -- objects --------------------------------------------------------------------

    def object(self, data, context, tree: dict | None, where: str) -> Node:
        """Check one object representation; return its node."""
        assert isinstance(data, dict), f"{where}: expected an object, got {data!r}"
        key = key_of(data.get("url"))
        node = self.model.nodes.get(key)
        assert node is not None, (
            f"{where}: shows {data.get('url')!r}, which this world does not have"
        )
        assert context.allows(node), (
            f"{where}: shows {node.label}, which the client may not see"
        )
        self._within_grant(node, data, context, where)
        own = {n.key for n in self.model.nodes.values() if n.owner is node.owner}
        allowed = node.referenced() | own
        for name, value in data.items():
            if name != "_expand":
                self.references(value, allowed, f"{where}: {node.label}.{name}")
        self._expanded(node, data.get("_expand"), context, tree or {}, where)
        return node

    def _within_grant(self, node: Node, data: dict, context, where: str) -> None:
        """The type and confidentiality *shown* (an older version, an earlier state
        in the audit trail) must be within the client's autorisaties too."""
        if node.kind not in TYPE_FIELD:
            return
        field = TYPE_FIELD[node.kind]
        component, cat, soort = self.model.types[key_of(data[field])]
        assert component == COMPONENT[node.kind]
        level = data.get("vertrouwelijkheidaanduiding")
        assert self.model.covers(
            component, context.scope(component), cat, soort, level
        ), (
            f"{where}: shows {node.label} as {data[field]} at level {level!r}, "
            f"beyond the client's autorisaties ({context.scope(component)})"
        )

    def references(self, value, allowed: set[str], where: str) -> None:
        for text in _strings(value):
            key = key_of(text)
            if key is None or key.startswith(f"{CATALOGI}/"):
                continue
            assert key in allowed, (
                f"{where} refers to {self.label(key)}, which is not one of its "
                "relations"
            )

    def _expanded(self, node: Node, expanded, context, tree: dict, where: str):
        if not tree:
            assert not expanded, f"{where}: {node.label} has an _expand nobody asked"
            return
        assert isinstance(expanded, dict), f"{where}: {node.label} lacks _expand"
        unasked = set(expanded) - set(tree)
        assert not unasked, f"{where}: {node.label}._expand has {unasked}, not asked"
        for name, subtree in tree.items():
            assert name in node.refs, (
                f"{where}: the model does not know {node.kind}.{name}; teach it"
            )
            here = f"{where} {node.label}._expand.{name}"
            value = expanded.get(name)
            items = value if isinstance(value, list) else [value] if value else []
            referenced = node.refs[name]
            if name in CATALOGUE_FIELDS:
                for item in items:
                    assert key_of(item.get("url")) in referenced, (
                        f"{here}: {item.get('url')} is not the type of {node.label}"
                    )
                continue
            shown = [self.object(item, context, subtree, here) for item in items]
            for each in shown:
                assert each.key in referenced, (
                    f"{here}: {each.label} is not related to {node.label}"
                )
            expected = sorted(
                self.label(k) for k in referenced if context.allows(self.model.nodes[k])
            )
            assert sorted(each.label for each in shown) == expected, (
                f"{here}: shows {sorted(e.label for e in shown)}, expected {expected}"
            )

    # -- whole responses ------------------------------------------------------------

    def no_names(self, body, context, where: str) -> None:
        """No identificatie of a root the client may not see, anywhere in the
        text (unless a root it may see has the same identificatie)."""
        text = json.dumps(body)
        roots = self.model.roots()
        named = {r.facts["identificatie"] for r in roots if context.may_name(r)}
        for root in roots:
            ident = root.facts["identificatie"]
            if ident in named or context.may_name(root):
                continue
            assert ident not in text, (
                f"{where}: the response names {root.label} ({ident}), which the "
                "client may not see"
            )

    def refused(self, response, node: Node | None, where: str) -> None:
        """A 403 that tells nothing about the object."""
        assert response.status_code == 403, (
            f"{where}: expected 403 for {node.label if node else 'this'}, got "
            f"{response.status_code}: {response.content[:500]!r}"
        )
        if response.request["REQUEST_METHOD"] == "HEAD":
            assert not response.content
            return
        body = response.json()
        assert set(body) <= ERROR_KEYS, f"{where}: a 403 with more: {body}"
        assert body["code"] == "permission_denied", f"{where}: {body}"
        if node is not None:
            text = json.dumps(body)
            for secret in (node.uuid, node.owner.facts["identificatie"]):
                assert secret not in text, f"{where}: the 403 names {secret}"

    def entry(self, data, root: Node, where: str) -> str:
        """One audit trail entry of ``root``; returns its uuid."""
        context = Trail(self.model, root)
        assert key_of(data["hoofdObject"]) == root.key, (
            f"{where}: an entry of {self.label(key_of(data['hoofdObject']))} in the "
            f"trail of {root.label}"
        )
        subject = self.model.nodes.get(key_of(data["resourceUrl"]))
        assert subject is not None and subject.owner is root, (
            f"{where}: an entry about {self.label(key_of(data['resourceUrl']))} in "
            f"the trail of {root.label}"
        )
        own = {n.key for n in self.model.nodes.values() if n.owner is root}
        for name, value in data.items():
            if name != "wijzigingen":
                self.references(value, own, f"{where}: entry.{name}")
        for state in ("oud", "nieuw"):
            if data["wijzigingen"].get(state) is not None:
                self.object(
                    data["wijzigingen"][state], context, None, f"{where}: {state}"
                )
        self.no_names(data, context, where)
        return data["uuid"]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
