"""The read endpoints of the Zaken, Documenten and Besluiten APIs, each with the
filters worth asking in a given world and what each filter means, in plain
Python: a list is expected to hold exactly the objects of its kind the client may
see and the filter keeps."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from tests.zgw_authorisation.model import (
    BESLUITEN,
    CATALOGI,
    DOCUMENTEN,
    ZAKEN,
    Model,
    Node,
    url,
)
from tests.zgw_authorisation.world import BSNS, LEVELS, POINT, STARTDATA


@dataclass(frozen=True)
class Listing:
    path: str
    kind: str
    params: dict
    keeps: Callable[[Node], bool]
    paginated: bool
    search: bool = False  # POST …/_zoek, with ``params`` as its body

    def __str__(self) -> str:
        method = "POST" if self.search else "GET"
        return f"{method} {self.path} {self.params or ''}".rstrip()


def required_scope(path: str) -> str | None:
    """The scope an operation below ``path`` demands of the token itself, before
    it looks at any object (verzendingen: the specification names none)."""
    if path.startswith(f"{DOCUMENTEN}/verzendingen"):
        return None
    for prefix, scope in (
        (ZAKEN, "zaken.lezen"),
        (DOCUMENTEN, "documenten.lezen"),
        (BESLUITEN, "besluiten.lezen"),
    ):
        if path.startswith(prefix):
            return scope
    raise ValueError(path)


def unknown(path: str) -> str:
    """A URL of this installation that points at nothing."""
    return url(f"{path}/{uuid.uuid4()}")


def _all(node: Node) -> bool:
    return True


def _none(node: Node) -> bool:
    return False


def _is(fact: str, value) -> Callable[[Node], bool]:
    return lambda node: node.facts.get(fact) == value


def _by(fact: str, targets: list[Node], path: str) -> list[tuple[dict, Callable]]:
    """Filter ``fact`` (an API name, a URL) on each of ``targets``, and on a URL
    that points at nothing."""
    result = [({fact: url(t.key)}, _is(fact, t.key)) for t in targets]
    result.append(({fact: unknown(path)}, _none))
    return result


def _zaak_filters(model: Model) -> list[tuple[dict, Callable]]:
    zaken = model.of_kind("zaak")
    filters = [({}, _all), ({"ordering": "-startdatum"}, _all)]
    for c, cat in enumerate(model.cats):
        filters.append(
            (
                {"zaaktype": url(f"{CATALOGI}/zaaktypen/{cat.zaaktype.uuid}")},
                _is("cat", c),
            )
        )
        filters.append(({"bronorganisatie": cat.rsin}, _is("rsin", cat.rsin)))
    filters.append(({"zaaktype": unknown(f"{CATALOGI}/zaaktypen")}, _none))
    for level in LEVELS:
        filters.append(
            (
                {"maximaleVertrouwelijkheidaanduiding": level},
                lambda n, level=level: (
                    LEVELS.index(n.facts["level"]) <= LEVELS.index(level)
                ),
            )
        )
    for bsn in BSNS:
        filters.append(
            (
                {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": bsn},
                lambda n, bsn=bsn: bsn in n.facts["bsns"],
            )
        )
    for generiek in ("initiator", "behandelaar"):
        filters.append(
            (
                {"rol__omschrijvingGeneriek": generiek},
                lambda n, g=generiek: g in n.facts["generiek"],
            )
        )
    for ident in sorted({z.facts["identificatie"] for z in zaken}):
        filters.append(({"identificatie": ident}, _is("identificatie", ident)))
    for day in STARTDATA:
        filters.append(
            ({"startdatum": day.isoformat()}, _is("startdatum", day.isoformat()))
        )
    filters.append(({"einddatum__isnull": "true"}, _is("closed", False)))
    filters.append(({"einddatum__isnull": "false"}, _is("closed", True)))
    return filters


def _zaak_searches(model: Model) -> list[tuple[dict, Callable]]:
    zaken = model.of_kind("zaak")
    zaaktypen = [url(f"{CATALOGI}/zaaktypen/{cat.zaaktype.uuid}") for cat in model.cats]
    x, y = POINT["coordinates"]  # the geometry of the zaken that have one
    square = [(x - 0.1, y - 0.1), (x + 0.1, y - 0.1), (x + 0.1, y + 0.1)]
    square += [(x - 0.1, y + 0.1), square[0]]
    within = {"type": "Polygon", "coordinates": [[list(p) for p in square]]}
    return [
        ({}, _all),
        ({"zaaktype__in": zaaktypen[:2]}, lambda n: n.facts["cat"] in (0, 1)),
        (
            {"uuid__in": [z.uuid for z in zaken] + [str(uuid.uuid4())]},
            _all,
        ),
        (
            {"uuid__in": [z.uuid for z in zaken[:1]]},
            lambda n: n is zaken[0],
        ),
        (
            {"maximaleVertrouwelijkheidaanduiding": "zaakvertrouwelijk"},
            lambda n: LEVELS.index(n.facts["level"]) <= 3,
        ),
        (
            {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSNS[0]},
            lambda n: BSNS[0] in n.facts["bsns"],
        ),
        ({"zaakgeometrie": {"within": within}}, _is("geometrie", True)),
    ]


def listings(model: Model) -> list[Listing]:
    """Every read list of the three APIs, with every filter worth asking here."""
    zaken = model.of_kind("zaak")
    documents = model.of_kind("document")
    besluiten = model.of_kind("besluit")
    result = [
        Listing(f"{ZAKEN}/zaken", "zaak", params, keeps, paginated=True)
        for params, keeps in _zaak_filters(model)
    ]
    result += [
        Listing(f"{ZAKEN}/zaken/_zoek", "zaak", body, keeps, True, search=True)
        for body, keeps in _zaak_searches(model)
    ]
    below_zaak = {
        "statussen": ("status", True),
        "rollen": ("rol", True),
        "resultaten": ("resultaat", True),
        "zaakobjecten": ("zaakobject", True),
        "zaakinformatieobjecten": ("zaakinformatieobject", False),
        "klantcontacten": ("klantcontact", True),
        "zaakcontactmomenten": ("zaakcontactmoment", False),
        "zaakverzoeken": ("zaakverzoek", False),
    }
    for path, (kind, paginated) in below_zaak.items():
        filters = [({}, _all)]
        filters += _by("zaak", zaken, f"{ZAKEN}/zaken")
        filters += _extra_filters(model, kind)
        result += [
            Listing(f"{ZAKEN}/{path}", kind, params, keeps, paginated)
            for params, keeps in filters
        ]
    doc_path = f"{DOCUMENTEN}/enkelvoudiginformatieobjecten"
    filters = [({}, _all)]
    for ident in sorted({d.facts["identificatie"] for d in documents}):
        filters.append(({"identificatie": ident}, _is("identificatie", ident)))
    for cat in model.cats:
        filters.append(({"bronorganisatie": cat.rsin}, _is("rsin", cat.rsin)))
    for words in ("parkeren", "bezwaar", "parkeren,bezwaar"):
        filters.append(
            (
                {"trefwoorden": words},
                lambda n, w=words: n.facts["trefwoord"] in w.split(","),
            )
        )
    result += [
        Listing(doc_path, "document", params, keeps, True) for params, keeps in filters
    ]
    result += [
        Listing(f"{doc_path}/_zoek", "document", body, keeps, True, search=True)
        for body, keeps in (
            (
                {"uuid_In": [d.uuid for d in documents] + [str(uuid.uuid4())]},
                _all,
            ),
            ({"uuid_In": [d.uuid for d in documents[:1]]}, lambda n: n is documents[0]),
        )
    ]
    for path, kind, paginated in (
        ("gebruiksrechten", "gebruiksrechten", False),
        ("verzendingen", "verzending", True),
        ("objectinformatieobjecten", "objectinformatieobject", False),
    ):
        filters = [({}, _all)]
        filters += _by("informatieobject", documents, doc_path)
        if kind == "objectinformatieobject":
            filters += _by("object", zaken + besluiten, f"{ZAKEN}/zaken")
        if kind == "verzending":
            filters.append(({"aardRelatie": "geadresseerde"}, _all))
        result += [
            Listing(f"{DOCUMENTEN}/{path}", kind, params, keeps, paginated)
            for params, keeps in filters
        ]
    filters = [({}, _all)]
    filters += _by("zaak", zaken, f"{ZAKEN}/zaken")
    for c, cat in enumerate(model.cats):
        filters.append(
            (
                {"besluittype": url(f"{CATALOGI}/besluittypen/{cat.besluittype.uuid}")},
                _is("cat", c),
            )
        )
    for ident in sorted({b.facts["identificatie"] for b in besluiten}):
        filters.append(({"identificatie": ident}, _is("identificatie", ident)))
    result += [
        Listing(f"{BESLUITEN}/besluiten", "besluit", params, keeps, True)
        for params, keeps in filters
    ]
    filters = [({}, _all)]
    filters += _by("besluit", besluiten, f"{BESLUITEN}/besluiten")
    filters += _by("informatieobject", documents, doc_path)
    result += [
        Listing(
            f"{BESLUITEN}/besluitinformatieobjecten",
            "besluitinformatieobject",
            params,
            keeps,
            False,
        )
        for params, keeps in filters
    ]
    return result


def _extra_filters(model: Model, kind: str) -> list[tuple[dict, Callable]]:
    if kind == "status":
        types = sorted({s.facts["statustype"] for s in model.of_kind("status")})
        return [({"statustype": url(t)}, _is("statustype", t)) for t in types] + [
            ({"indicatieLaatstGezetteStatus": "true"}, _is("last", True)),
            ({"indicatieLaatstGezetteStatus": "false"}, _is("last", False)),
        ]
    if kind == "rol":
        roltypen = sorted({r.facts["roltype"] for r in model.of_kind("rol")})
        return (
            [({"roltype": url(t)}, _is("roltype", t)) for t in roltypen]
            + [
                (
                    {"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": bsn},
                    _is("bsn", bsn),
                )
                for bsn in BSNS
            ]
            + [
                ({"omschrijvingGeneriek": g}, _is("generiek", g))
                for g in ("initiator", "behandelaar")
            ]
            + [({"betrokkeneType": "natuurlijk_persoon"}, _all)]
        )
    if kind == "zaakobject":
        return [({"objectType": "adres"}, _all), ({"objectType": "pand"}, _none)]
    if kind == "zaakinformatieobject":
        return _by(
            "informatieobject",
            model.of_kind("document"),
            f"{DOCUMENTEN}/enkelvoudiginformatieobjecten",
        )
    return []
