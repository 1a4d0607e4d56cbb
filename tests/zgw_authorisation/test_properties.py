"""A client limited to some zaaktypen, informatieobjecttypen and besluittypen, each
up to a maximum confidentiality (zrc-006 and its equivalents in the Documenten and
Besluiten APIs), never receives anything else: not in a list or its count, not
through a filter, a page, a search, an ``expand``, a detail, a version, a
download or an audit trail. And without a scope for a type it changes nothing of
that type.

Hypothesis makes a world (zaken, documents and besluiten over two or three
catalogues: deelzaken and relevante andere zaken across zaaktypen, documents in
zaken and besluiten of other types and levels, versions that change type and
level, …) and a client (a few autorisaties with random scopes, types and maximum
levels); see :mod:`.world`. The world is built through the services; the client
reads every read endpoint of the three APIs (:mod:`.endpoints`, :mod:`.example`);
:mod:`.model` says in plain Python what it may see and :mod:`.checks` compares.
Each example runs in its own transaction (hypothesis' Django TestCase), so the
database is reset between examples; the three catalogues are made once.

A failure prints the shrunk world, the client and what the model lets it see, as
text (``World: … Client: … The client may see: …``). For a longer hunt than CI
affords: ``LOKET_PROPERTY_SCALE=10 .venv/bin/pytest tests/zgw_authorisation``
runs ten times as many examples.
"""

import os
from unittest import mock
from uuid import uuid4

from hypothesis import event, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from loket.zgw.api import views
from loket.zgw.besluiten.api import expand as besluiten_expand
from loket.zgw.documenten.api import common as documenten_common
from loket.zgw.documenten.api import enkelvoudiginformatieobjecten
from loket.zgw.zaken.api.expand import MAX_DEPTH, RELATIONS
from tests import zgw_data
from tests.zgw_authorisation import writes
from tests.zgw_authorisation.endpoints import (
    Listing,
    listings,
    required_scope,
    unknown,
)
from tests.zgw_authorisation.example import Example, snapshot
from tests.zgw_authorisation.model import BESLUITEN, DOCUMENTEN, ZAKEN, Node
from tests.zgw_authorisation.world import CATALOGUES, examples


def _paths(kind: str, depth: int = 1) -> list[str]:
    """Every expand path of the Zaken API below ``kind``, up to its maximum depth
    (the paths come from Loket's table; what they must show, from the model)."""
    result = []
    for name, relation in RELATIONS.get(kind, {}).items():
        result.append(name)
        if depth < MAX_DEPTH:
            result += [f"{name}.{p}" for p in _paths(relation.kind, depth + 1)]
    return result


ZAAK_EXPAND = tuple(_paths("zaak"))
DOCUMENT_EXPAND = tuple(enkelvoudiginformatieobjecten.EXPAND)
RELATED_EXPAND = tuple(documenten_common.RELATED_EXPAND)
BESLUIT_EXPAND = tuple(besluiten_expand.BESLUIT)
BIO_EXPAND = tuple(besluiten_expand.BESLUITINFORMATIEOBJECT)
# Detail endpoints that also answer HEAD (their specification documents it).
HEAD = frozenset(
    {
        "zaak",
        "status",
        "rol",
        "resultaat",
        "zaakobject",
        "zaakinformatieobject",
        "zaakeigenschap",
        "document",
        "gebruiksrechten",
        "objectinformatieobject",
        "verzending",
    }
)
COLLECTIONS = (
    f"{ZAKEN}/zaken",
    f"{ZAKEN}/statussen",
    f"{ZAKEN}/rollen",
    f"{ZAKEN}/resultaten",
    f"{ZAKEN}/zaakobjecten",
    f"{ZAKEN}/zaakinformatieobjecten",
    f"{ZAKEN}/klantcontacten",
    f"{ZAKEN}/zaakcontactmomenten",
    f"{ZAKEN}/zaakverzoeken",
    f"{DOCUMENTEN}/enkelvoudiginformatieobjecten",
    f"{DOCUMENTEN}/gebruiksrechten",
    f"{DOCUMENTEN}/objectinformatieobjecten",
    f"{DOCUMENTEN}/verzendingen",
    f"{BESLUITEN}/besluiten",
    f"{BESLUITEN}/besluitinformatieobjecten",
)
ROOTS = {
    "zaak": f"{ZAKEN}/zaken",
    "document": f"{DOCUMENTEN}/enkelvoudiginformatieobjecten",
    "besluit": f"{BESLUITEN}/besluiten",
}


def runs(n: int):
    """``n`` examples (times LOKET_PROPERTY_SCALE), no deadline (an example makes
    a world and a few hundred requests), no example database on disk."""
    n *= int(os.environ.get("LOKET_PROPERTY_SCALE", "1"))
    return settings(max_examples=n, deadline=None, database=None, print_blob=True)


class AuthorisationProperties(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cats = [zgw_data.catalogue() for _ in range(CATALOGUES)]

    def setUp(self):
        # Two per page, so that a small world has pages to leaf through.
        patcher = mock.patch.object(views, "PAGE_SIZE", 2)
        patcher.start()
        self.addCleanup(patcher.stop)

    @runs(15)
    @given(case=examples())
    def test_lists_filters_pages_and_counts_hold_only_what_the_client_may_see(
        self, case
    ):
        example = Example(self, *case)
        for listing in listings(example.model):
            example.listing(listing)

    @runs(20)
    @given(case=examples(), data=st.data())
    def test_expand_embeds_exactly_the_related_objects_the_client_may_see(
        self, case, data
    ):
        example = Example(self, *case)
        model = example.model
        some = tuple(
            data.draw(
                st.lists(st.sampled_from(ZAAK_EXPAND), min_size=1, max_size=3),
                label="zaak expand",
            )
        )
        for paths in (ZAAK_EXPAND, some):
            example.listing(Listing(f"{ZAKEN}/zaken", "zaak", {}, _all, True), paths)
            for zaak in model.of_kind("zaak"):
                example.detail(zaak, paths)
        zoek = Listing(f"{ZAKEN}/zaken/_zoek", "zaak", {}, _all, True, search=True)
        example.listing(zoek, ZAAK_EXPAND)
        documents = {"uuid_In": [d.uuid for d in model.of_kind("document")]}
        example.listing(
            Listing(
                f"{DOCUMENTEN}/enkelvoudiginformatieobjecten/_zoek",
                "document",
                documents,
                _all,
                True,
                search=True,
            ),
            DOCUMENT_EXPAND,
        )
        for kind, path, paginated, paths in (
            ("document", "enkelvoudiginformatieobjecten", True, DOCUMENT_EXPAND),
            ("gebruiksrechten", "gebruiksrechten", False, RELATED_EXPAND),
            ("verzending", "verzendingen", True, RELATED_EXPAND),
            (
                "objectinformatieobject",
                "objectinformatieobjecten",
                False,
                RELATED_EXPAND,
            ),
        ):
            example.listing(
                Listing(f"{DOCUMENTEN}/{path}", kind, {}, _all, paginated), paths
            )
            for node in model.of_kind(kind):
                example.detail(node, paths)
        for kind, path, paginated, paths in (
            ("besluit", "besluiten", True, BESLUIT_EXPAND),
            ("besluitinformatieobject", "besluitinformatieobjecten", False, BIO_EXPAND),
        ):
            example.listing(
                Listing(f"{BESLUITEN}/{path}", kind, {}, _all, paginated), paths
            )
            for node in model.of_kind(kind):
                example.detail(node, paths)

    @runs(20)
    @given(case=examples())
    def test_details_heads_versions_and_downloads_out_of_reach_are_refused(self, case):
        example = Example(self, *case)
        model = example.model
        for node in model.nodes.values():
            example.detail(node)
            if node.kind in HEAD:
                example.head(node)
        for document in model.of_kind("document"):
            example.versions_and_downloads(document)
        for zaak in model.of_kind("zaak"):
            example.below_zaak(zaak)
        # What does not exist is not there (404), once the token has the scope.
        for collection in COLLECTIONS:
            missing = unknown(collection)
            response = example.get(missing)
            scope = required_scope(collection)
            if scope is None or model.has_scope(scope):
                assert response.status_code == 404, (
                    f"GET {missing}: {response.status_code}"
                )
            else:
                example.inspect.refused(response, None, f"GET {missing}")
        nowhere = unknown(f"{ZAKEN}/zaken")
        for part in ("zaakeigenschappen", "besluiten"):
            response = example.get(f"{nowhere}/{part}")
            if model.has_scope("zaken.lezen"):
                assert example.ok(response, part) == []
            else:
                example.inspect.refused(response, None, f"GET {nowhere}/{part}")

    @runs(25)
    @given(case=examples())
    def test_audit_trails_only_of_what_the_client_may_read_their_history_of(self, case):
        example = Example(self, *case)
        for root in example.model.roots():
            example.trail(root)
        for kind, collection in ROOTS.items():
            nowhere = unknown(collection)
            listed = example.get(f"{nowhere}/audittrail")
            entry = example.get(f"{nowhere}/audittrail/{uuid4()}")
            if example.model.has_scope("audittrails.lezen"):
                assert example.ok(listed, kind) == []  # the list documents no 404
                assert entry.status_code == 404, f"{kind}: {entry.status_code}"
            else:
                example.inspect.refused(listed, None, f"{kind} audit trail")
                example.inspect.refused(entry, None, f"{kind} audit trail entry")

    @runs(15)
    @given(case=examples(writes=True), data=st.data())
    def test_without_a_scope_for_a_type_nothing_of_it_changes(self, case, data):
        example = Example(self, *case)
        before = snapshot()
        attempts = writes.attempts(example.model, data)
        refused = 0
        for attempt in attempts:
            if attempt.permitted(example.model):
                continue
            response = attempt.send(example.api)
            where = str(attempt)
            example.inspect.refused(response, None, where)
            assert snapshot() == before, f"{where}: refused, yet the database changed"
            refused += 1
        event(f"writes refused: {'none' if not refused else 'some'}")


def _all(node: Node) -> bool:
    return True
