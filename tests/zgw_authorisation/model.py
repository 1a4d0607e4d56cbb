"""What a client should see, worked out in plain Python from the generated world
and the client's autorisaties, without Loket's selectors.

Every object the services made becomes a :class:`Node`: its kind, its URL path (the
key; the host differs between responses and the audit trail), the zaak, document
or besluit whose autorisatie governs it (its *root*), the objects it refers to per
API field, and the facts the filters look at. The rule (zrc-006 and its
equivalents for documents and besluiten): a root is readable with a scope when one
autorisatie of the client for that component holds the scope, names the root's
type, and (zaken, documents) its maximum confidentiality reaches the root's level.
A document counts with its latest version; an older version is readable when both
the document and that version are.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from loket.zgw.documenten.models import ObjectInformatieObject
from loket.zgw.registers.models import AuditTrail
from tests.zgw_authorisation.build import Built
from tests.zgw_authorisation.world import LEVELS, STATUS_PATHS, ClientSpec, World

HOST = "http://testserver"
ZAKEN = "/zaken/api/v1"
DOCUMENTEN = "/documenten/api/v1"
BESLUITEN = "/besluiten/api/v1"
CATALOGI = "/catalogi/api/v1"
OURS = (f"{ZAKEN}/", f"{DOCUMENTEN}/", f"{BESLUITEN}/")
READ = {"zrc": "zaken.lezen", "drc": "documenten.lezen", "brc": "besluiten.lezen"}
COMPONENT = {"zaak": "zrc", "document": "drc", "besluit": "brc"}
# How a root is named in its own audit trail, and the field of its type there.
TRAIL_RESOURCE = {
    "zaak": "zaak",
    "document": "enkelvoudiginformatieobject",
    "besluit": "besluit",
}
TYPE_FIELD = {
    "zaak": "zaaktype",
    "document": "informatieobjecttype",
    "besluit": "besluittype",
}


def key_of(value) -> str | None:
    """The path of one of Loket's URLs (a document's download URL counts as the
    document); None for anything else."""
    if not isinstance(value, str) or "://" not in value:
        return None
    path = urlsplit(value).path
    if not path.startswith((*OURS, f"{CATALOGI}/")):
        return None
    return path.removesuffix("/download")


def url(key: str) -> str:
    return f"{HOST}{key}"


@dataclass(eq=False)
class Node:
    kind: str
    key: str
    label: str  # for messages: "zaak#2", "status of zaak#2"
    root: "Node | None" = None  # None: the node is a root itself
    refs: dict[str, list[str]] = field(default_factory=dict)
    facts: dict = field(default_factory=dict)

    @property
    def owner(self) -> "Node":
        return self.root or self

    @property
    def uuid(self) -> str:
        return self.key.rsplit("/", 1)[1]

    def referenced(self) -> set[str]:
        return {key for keys in self.refs.values() for key in keys}

    def __repr__(self) -> str:
        return self.label


class Model:
    def __init__(self, world: World, client: ClientSpec, built: Built, cats: list):
        self.world = world
        self.client = client
        self.cats = cats
        self.nodes: dict[str, Node] = {}
        # Type URL path → (component, catalogue, soort): what a type in a
        # representation means for the rule.
        self.types: dict[str, tuple] = {}
        for c, cat in enumerate(cats):
            self.types[self._type_key("zaaktypen", cat.zaaktype)] = ("zrc", c, None)
            self.types[self._type_key("besluittypen", cat.besluittype)] = (
                "brc",
                c,
                None,
            )
            for soort, iotype in cat.informatieobjecttypen.items():
                key = self._type_key("informatieobjecttypen", iotype)
                self.types[key] = ("drc", c, soort)
        # root key → {entry uuid: may the client see it}
        self.audit: dict[str, dict[str, bool]] = {}
        self._index(built)

    # -- the rule -------------------------------------------------------------------

    def covers(self, component: str, scope: str, cat, soort, level) -> bool:
        """Does one autorisatie allow ``scope`` on an object of this type/level?"""
        for grant in self.client.grants:
            if grant.component != component or scope not in grant.scopes:
                continue
            if grant.cat is None or grant.cat != cat:
                continue
            if component == "drc" and grant.soort != soort:
                continue
            if component == "brc":
                return True
            if grant.maximum and LEVELS.index(level) <= LEVELS.index(grant.maximum):
                return True
        return False

    def has_scope(self, scope: str) -> bool:
        """Does the client hold ``scope`` at all, for any type? (What an operation
        demands of the token before it looks at any object.)"""
        return any(scope in grant.scopes for grant in self.client.grants)

    def root_allows(self, root: Node, scope: str) -> bool:
        facts = root.facts
        return self.covers(
            COMPONENT[root.kind],
            scope,
            facts["cat"],
            facts.get("soort"),
            facts.get("level"),
        )

    def readable(self, node: Node) -> bool:
        root = node.owner
        return self.root_allows(root, READ[COMPONENT[root.kind]])

    def version_readable(self, document: Node, versie: int) -> bool:
        cat, soort, level = document.facts["versions"][versie - 1]
        return self.readable(document) and self.covers(
            "drc", "documenten.lezen", cat, soort, level
        )

    def trail_readable(self, root: Node) -> bool:
        return self.root_allows(root, "audittrails.lezen")

    def summary(self) -> str:
        """What the model expects the client to see, for a failure report."""
        lines = []
        for root in self.roots():
            rights = [
                name
                for name, yes in (
                    ("reads", self.readable(root)),
                    ("its audit trail", self.trail_readable(root)),
                )
                if yes
            ]
            lines.append(f"  {root.label}: {', '.join(rights) or 'nothing'}")
        return "The client may see:\n" + "\n".join(lines)

    def of_kind(self, kind: str) -> list[Node]:
        return [n for n in self.nodes.values() if n.kind == kind]

    def roots(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.root is None]

    # -- the world as nodes ---------------------------------------------------------

    def _add(self, kind, key, label, root=None, **facts) -> Node:
        node = Node(kind, key, label, root, {}, facts)
        self.nodes[key] = node
        return node

    def _type_key(self, path: str, obj) -> str:
        return f"{CATALOGI}/{path}/{obj.uuid}"

    def _index(self, built: Built) -> None:
        world, cats = self.world, self.cats
        zaak_nodes = []
        for i, (spec, zaak) in enumerate(zip(world.zaken, built.zaken, strict=True)):
            zaak_nodes.append(
                self._add(
                    "zaak",
                    f"{ZAKEN}/zaken/{zaak.uuid}",
                    f"zaak#{i}",
                    cat=spec.cat,
                    level=spec.final_level,
                    identificatie=zaak.identificatie,
                    rsin=cats[spec.cat].rsin,
                    startdatum=spec.startdatum.isoformat(),
                    closed=spec.status == "Afgehandeld",
                    geometrie=spec.geometrie,
                    bsns={r.bsn for r in spec.rollen},
                    generiek={
                        "initiator" if r.roltype == "Aanvrager" else "behandelaar"
                        for r in spec.rollen
                    },
                )
            )
        besluit_nodes = []
        for i, (spec, besluit) in enumerate(
            zip(world.besluiten, built.besluiten, strict=True)
        ):
            besluit.refresh_from_db()
            besluit_nodes.append(
                self._add(
                    "besluit",
                    f"{BESLUITEN}/besluiten/{besluit.uuid}",
                    f"besluit#{i}",
                    cat=spec.cat,
                    identificatie=besluit.identificatie,
                    zaak=zaak_nodes[spec.zaak].key if spec.zaak is not None else None,
                )
            )
        document_nodes = []
        for i, (spec, document) in enumerate(
            zip(world.documenten, built.documenten, strict=True)
        ):
            latest = spec.versions[-1]
            document_nodes.append(
                self._add(
                    "document",
                    f"{DOCUMENTEN}/enkelvoudiginformatieobjecten/{document.uuid}",
                    f"document#{i}",
                    cat=latest.cat,
                    soort=latest.soort,
                    level=latest.level,
                    versions=[(v.cat, v.soort, v.level) for v in spec.versions],
                    trefwoord=spec.trefwoord,
                    rsin=cats[spec.versions[0].cat].rsin,
                    identificatie=document.versies.get(versie=1).identificatie,
                    registered=dict(
                        document.versies.values_list("versie", "begin_registratie")
                    ),
                    contents={
                        versie: data
                        for (d, versie), data in built.contents.items()
                        if d == i
                    },
                )
            )
        self._zaken(built, zaak_nodes, document_nodes, besluit_nodes)
        self._documenten(built, zaak_nodes, document_nodes, besluit_nodes)
        self._besluiten(built, zaak_nodes, document_nodes, besluit_nodes)
        for root in self.roots():
            self.audit[root.key] = {
                str(uuid): self._in_reach(root, resource, states)
                for uuid, resource, *states in AuditTrail.objects.filter(
                    bron=COMPONENT[root.kind], hoofd_object_uuid=root.uuid
                ).values_list("uuid", "resource", "oud", "nieuw")
            }

    def _in_reach(self, root: Node, resource: str, states: list) -> bool:
        """May the client see this entry of ``root``'s trail? Where the entry
        records the root itself as it was, only if that type and level are within
        its audittrails.lezen autorisaties too (as for an older version)."""
        if resource != TRAIL_RESOURCE[root.kind]:
            return True
        for state in filter(None, states):
            component, cat, soort = self.types[key_of(state[TYPE_FIELD[root.kind]])]
            level = state.get("vertrouwelijkheidaanduiding")
            if not self.covers(component, "audittrails.lezen", cat, soort, level):
                return False
        return True

    def _zaken(self, built, zaak_nodes, document_nodes, besluit_nodes) -> None:
        world, cats = self.world, self.cats
        for i, (spec, zaak_node) in enumerate(
            zip(world.zaken, zaak_nodes, strict=True)
        ):
            cat = cats[spec.cat]
            label = f"of zaak#{i}"
            below = {"zaak": [zaak_node.key]}
            rollen = [
                self._add(
                    "rol",
                    f"{ZAKEN}/rollen/{rol.uuid}",
                    f"rol {label}",
                    zaak_node,
                    zaak=zaak_node.key,
                    roltype=self._type_key("roltypen", rol.roltype),
                    bsn=rol_spec.bsn,
                    generiek=rol.omschrijving_generiek,
                    omschrijving=rol.omschrijving,
                )
                for rol, rol_spec in zip(built.rollen[i], spec.rollen, strict=True)
            ]
            statussen = [
                self._add(
                    "status",
                    f"{ZAKEN}/statussen/{status.uuid}",
                    f"status {status.statustype.omschrijving} {label}",
                    zaak_node,
                    zaak=zaak_node.key,
                    statustype=self._type_key("statustypen", status.statustype),
                    last=n == len(built.statussen[i]) - 1,
                )
                for n, status in enumerate(built.statussen[i])
            ]
            assert len(statussen) == len(STATUS_PATHS[spec.status])
            for status_node, status in zip(statussen, built.statussen[i], strict=True):
                gezetdoor = [
                    r.key
                    for r, rol in zip(rollen, built.rollen[i], strict=True)
                    if status.gezetdoor_id == rol.pk
                ]
                status_node.refs = {
                    **below,
                    "statustype": [status_node.facts["statustype"]],
                    "gezetdoor": gezetdoor,
                    "zaakinformatieobjecten": [],
                }
            for rol_node, rol in zip(rollen, built.rollen[i], strict=True):
                rol_node.refs = {
                    **below,
                    "roltype": [rol_node.facts["roltype"]],
                    "statussen": [
                        s.key
                        for s, status in zip(statussen, built.statussen[i], strict=True)
                        if status.gezetdoor_id == rol.pk
                    ],
                }
            single = {}
            if i in built.resultaten:
                resultaat = built.resultaten[i]
                single["resultaat"] = self._add(
                    "resultaat",
                    f"{ZAKEN}/resultaten/{resultaat.uuid}",
                    f"resultaat {label}",
                    zaak_node,
                    zaak=zaak_node.key,
                    resultaattype=self._type_key(
                        "resultaattypen", resultaat.resultaattype
                    ),
                )
                rtype = [single["resultaat"].facts["resultaattype"]]
                single["resultaat"].refs = {
                    **below,
                    "resultaattype": rtype,
                    "resultaattypen": rtype,
                }
            if i in built.zaakobjecten:
                zaakobject = built.zaakobjecten[i]
                single["zaakobject"] = self._add(
                    "zaakobject",
                    f"{ZAKEN}/zaakobjecten/{zaakobject.uuid}",
                    f"zaakobject {label}",
                    zaak_node,
                    zaak=zaak_node.key,
                    object=zaakobject.object,
                    object_type=zaakobject.object_type,
                )
                single["zaakobject"].refs = {
                    **below,
                    "zaakobjecttype": [
                        self._type_key("zaakobjecttypen", zaakobject.zaakobjecttype)
                    ],
                }
            if i in built.zaakeigenschappen:
                ze = built.zaakeigenschappen[i]
                single["zaakeigenschap"] = self._add(
                    "zaakeigenschap",
                    f"{zaak_node.key}/zaakeigenschappen/{ze.uuid}",
                    f"zaakeigenschap {label}",
                    zaak_node,
                    zaak=zaak_node.key,
                )
                single["zaakeigenschap"].refs = {
                    **below,
                    "eigenschap": [self._type_key("eigenschappen", ze.eigenschap)],
                }
            if i in built.contacts:
                klantcontact, contactmoment, verzoek = built.contacts[i]
                for kind, path, obj, extra in (
                    ("klantcontact", "klantcontacten", klantcontact, {}),
                    (
                        "zaakcontactmoment",
                        "zaakcontactmomenten",
                        contactmoment,
                        {"contactmoment": contactmoment.contactmoment},
                    ),
                    (
                        "zaakverzoek",
                        "zaakverzoeken",
                        verzoek,
                        {"verzoek": verzoek.verzoek},
                    ),
                ):
                    node = self._add(
                        kind,
                        f"{ZAKEN}/{path}/{obj.uuid}",
                        f"{kind} {label}",
                        zaak_node,
                        zaak=zaak_node.key,
                        **extra,
                    )
                    node.refs = dict(below)
            zios = []
            for (d, z), zio in built.zios.items():
                if z != i:
                    continue
                status = [
                    s.key
                    for s, obj in zip(statussen, built.statussen[i], strict=True)
                    if zio.status_id == obj.pk
                ]
                node = self._add(
                    "zaakinformatieobject",
                    f"{ZAKEN}/zaakinformatieobjecten/{zio.uuid}",
                    f"zaakinformatieobject of document#{d} {label}",
                    zaak_node,
                    zaak=zaak_node.key,
                    informatieobject=document_nodes[d].key,
                )
                node.refs = {
                    **below,
                    "informatieobject": [document_nodes[d].key],
                    "status": status,
                }
                for s in status:
                    self.nodes[s].refs["zaakinformatieobjecten"].append(node.key)
                zios.append(node)
            for b, (b_spec, besluit_node) in enumerate(
                zip(world.besluiten, besluit_nodes, strict=True)
            ):
                if b_spec.zaak != i:
                    continue
                node = self._add(
                    "zaakbesluit",
                    f"{zaak_node.key}/besluiten/{besluit_node.uuid}",
                    f"zaakbesluit of besluit#{b} {label}",
                    zaak_node,
                    zaak=zaak_node.key,
                )
                node.refs = {**below, "besluit": [besluit_node.key]}
            current = [s.key for s in statussen if s.facts["last"]]
            zaak_node.refs = {
                "zaaktype": [self._type_key("zaaktypen", cat.zaaktype)],
                "hoofdzaak": (
                    [zaak_nodes[spec.hoofdzaak].key]
                    if spec.hoofdzaak is not None
                    else []
                ),
                "deelzaken": [
                    zaak_nodes[j].key
                    for j, other in enumerate(world.zaken)
                    if other.hoofdzaak == i
                ],
                "relevanteAndereZaken": [zaak_nodes[j].key for j in spec.relevante],
                "eigenschappen": _keys(single, "zaakeigenschap"),
                "rollen": [r.key for r in rollen],
                "status": current,
                "zaakinformatieobjecten": [z.key for z in zios],
                "zaakobjecten": _keys(single, "zaakobject"),
                "resultaat": _keys(single, "resultaat"),
            }

    def _documenten(self, built, zaak_nodes, document_nodes, besluit_nodes) -> None:
        world, cats = self.world, self.cats
        for i, (spec, node) in enumerate(
            zip(world.documenten, document_nodes, strict=True)
        ):
            label = f"of document#{i}"
            node.refs = {
                "informatieobjecttype": [
                    self._type_key(
                        "informatieobjecttypen",
                        cats[v.cat].informatieobjecttypen[v.soort],
                    )
                    for v in spec.versions
                ],
            }
            own = {"informatieobject": [node.key]}
            if i in built.gebruiksrechten:
                rights = built.gebruiksrechten[i]
                self._add(
                    "gebruiksrechten",
                    f"{DOCUMENTEN}/gebruiksrechten/{rights.uuid}",
                    f"gebruiksrechten {label}",
                    node,
                    informatieobject=node.key,
                ).refs = dict(own)
            if i in built.verzendingen:
                verzending = built.verzendingen[i]
                self._add(
                    "verzending",
                    f"{DOCUMENTEN}/verzendingen/{verzending.uuid}",
                    f"verzending {label}",
                    node,
                    informatieobject=node.key,
                ).refs = dict(own)
            targets = [
                (zaak_nodes[z], {"zaak__uuid": zaak_nodes[z].uuid}) for z in spec.zaken
            ]
            targets += [
                (besluit_nodes[b], {"besluit__uuid": besluit_nodes[b].uuid})
                for b in spec.besluiten
            ]
            for target, lookup in targets:
                oio = ObjectInformatieObject.objects.get(
                    informatieobject=built.documenten[i], **lookup
                )
                self._add(
                    "objectinformatieobject",
                    f"{DOCUMENTEN}/objectinformatieobjecten/{oio.uuid}",
                    f"objectinformatieobject {label} for {target.label}",
                    node,
                    informatieobject=node.key,
                    object=target.key,
                ).refs = {**own, "object": [target.key]}

    def _besluiten(self, built, zaak_nodes, document_nodes, besluit_nodes) -> None:
        world, cats = self.world, self.cats
        for spec, node in zip(world.besluiten, besluit_nodes, strict=True):
            node.refs = {
                "besluittype": [
                    self._type_key("besluittypen", cats[spec.cat].besluittype)
                ],
                "zaak": [node.facts["zaak"]] if node.facts["zaak"] else [],
            }
        for (d, b), bio in built.bios.items():
            self._add(
                "besluitinformatieobject",
                f"{BESLUITEN}/besluitinformatieobjecten/{bio.uuid}",
                f"besluitinformatieobject of document#{d} for besluit#{b}",
                besluit_nodes[b],
                besluit=besluit_nodes[b].key,
                informatieobject=document_nodes[d].key,
            ).refs = {
                "besluit": [besluit_nodes[b].key],
                "informatieobject": [document_nodes[d].key],
            }


def _keys(single: dict, kind: str) -> list[str]:
    return [single[kind].key] if kind in single else []
