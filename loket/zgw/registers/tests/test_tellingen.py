"""The kept counts follow every write (they are what an unfiltered list shows as
``count``), on PostgreSQL and on SQLite, and a client's share of them is exactly
what it may see."""

from datetime import date

from django.db import connection

import pytest

from loket.zgw.api.auth import ApiClient, Grant
from loket.zgw.besluiten import selectors as besluiten_selectors
from loket.zgw.besluiten import services as besluiten
from loket.zgw.besluiten.models import Besluit
from loket.zgw.besluiten.tests import besluit_data
from loket.zgw.documenten import selectors as documenten_selectors
from loket.zgw.documenten import services as documenten
from loket.zgw.documenten.models import EnkelvoudigInformatieObject
from loket.zgw.registers import tellingen
from loket.zgw.registers.models import Telling
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import selectors as zaken_selectors
from loket.zgw.zaken import services as zaken
from loket.zgw.zaken.models import Zaak
from tests import zgw_data

pytestmark = pytest.mark.django_db


def kept() -> dict:
    """The kept counts per cell: the sum of its parts."""
    result = {}
    for t in Telling.objects.all():
        key = (t.soort, t.type_id, t.vertrouwelijkheidaanduiding)
        result[key] = result.get(key, 0) + t.aantal
    return {key: n for key, n in result.items() if n}


def counted() -> dict:
    """The same cells, counted in the tables themselves."""
    result = {}
    for z in Zaak.objects.all():
        key = ("zaak", z.zaaktype_id, z.vertrouwelijkheidaanduiding)
        result[key] = result.get(key, 0) + 1
    for v in EnkelvoudigInformatieObject.objects.filter(laatste=True):
        key = ("document", v.informatieobjecttype_id, v.vertrouwelijkheidaanduiding)
        result[key] = result.get(key, 0) + 1
    for b in Besluit.objects.all():
        key = ("besluit", b.besluittype_id, "")
        result[key] = result.get(key, 0) + 1
    return result


def test_counts_follow_every_write():
    cat = zgw_data.catalogue()
    first = zgw_data.zaak(cat, vertrouwelijkheidaanduiding="openbaar")
    second = zgw_data.zaak(cat, vertrouwelijkheidaanduiding="geheim")
    zgw_data.zaak(cat, vertrouwelijkheidaanduiding="openbaar")
    assert kept() == counted()
    assert kept()[("zaak", cat.zaaktype.pk, "openbaar")] == 2

    zaken.update_zaak(first, actor=LOKET, vertrouwelijkheidaanduiding="intern")
    assert kept() == counted()
    zaken.delete_zaak(second, actor=LOKET)
    assert kept() == counted()
    assert ("zaak", cat.zaaktype.pk, "geheim") not in kept()

    document = besluit_data.document(cat)
    assert kept() == counted()
    lock = documenten.lock_document(document, actor=LOKET)
    documenten.update_document(
        document, actor=LOKET, lock=lock, vertrouwelijkheidaanduiding="intern"
    )  # a new version: the old one stops counting, the new one counts
    assert kept() == counted()
    assert sum(v for k, v in kept().items() if k[0] == "document") == 1

    besluit = besluiten.create_besluit(
        actor=LOKET,
        besluittype=cat.besluittype,
        verantwoordelijke_organisatie=cat.rsin,
        datum=date(2026, 2, 1),
        ingangsdatum=date(2026, 2, 1),
    )
    assert kept() == counted()
    besluiten.delete_besluit(actor=LOKET, besluit=besluit)
    documenten.delete_document(document, actor=LOKET)
    assert kept() == counted()

    # A write that bypasses the services is counted too (the triggers are in the
    # database), and a recount after a load without triggers gives the same.
    Zaak.objects.filter(pk=first.pk).update(vertrouwelijkheidaanduiding="geheim")
    assert kept() == counted()
    tellingen.recount()
    assert kept() == counted()


def test_a_clients_share_is_what_it_may_see():
    cat = zgw_data.catalogue()
    other = zgw_data.catalogue()
    for level in ("openbaar", "intern", "geheim", "zeer_geheim"):
        zgw_data.zaak(cat, vertrouwelijkheidaanduiding=level)
    zgw_data.zaak(other, vertrouwelijkheidaanduiding="openbaar")
    besluit_data.document(cat, vertrouwelijkheidaanduiding="openbaar")
    besluit_data.document(cat, vertrouwelijkheidaanduiding="geheim")
    besluiten.create_besluit(
        actor=LOKET,
        besluittype=cat.besluittype,
        verantwoordelijke_organisatie=cat.rsin,
        datum=date(2026, 2, 1),
        ingangsdatum=date(2026, 2, 1),
    )
    grants = (
        Grant(
            "zrc",
            frozenset({"zaken.lezen"}),
            zaaktype_id=cat.zaaktype.pk,
            max_vertrouwelijkheidaanduiding="intern",
        ),
        Grant(
            "drc",
            frozenset({"documenten.lezen"}),
            informatieobjecttype_id=cat.informatieobjecttypen["Besluit"].pk,
            max_vertrouwelijkheidaanduiding="intern",
        ),
        Grant(
            "brc",
            frozenset({"besluiten.lezen"}),
            besluittype_id=other.besluittype.pk,
        ),
    )
    client = ApiClient("beperkt", 1, "beperkt", False, grants)
    everything = ApiClient("alles", 2, "alles", True)
    cases = [
        (zaken_selectors.zaken_count, zaken_selectors.zaken_for),
        (documenten_selectors.documents_count, documenten_selectors.documents_for),
        (besluiten_selectors.besluiten_count, besluiten_selectors.besluiten_for),
    ]
    for count, rows in cases:
        for each in (client, everything, None):
            assert count(each) == rows(each).count(), (count.__name__, each)
    assert zaken_selectors.zaken_count(client) == 2
    assert documenten_selectors.documents_count(client) == 1
    assert besluiten_selectors.besluiten_count(client) == 0


def test_unfiltered_list_uses_the_kept_count(zgw):
    """The first page of all zaken reads the counts, not the zaken table, for its
    count; a filtered list still counts rows."""
    cat = zgw_data.catalogue()
    zgw_data.zaak(cat)
    queries = []

    def watch(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    def counts_rows() -> bool:
        return any(
            "COUNT(" in sql.upper() and 'FROM "zaken_zaak"' in sql for sql in queries
        )

    with connection.execute_wrapper(watch):
        assert zgw.get("/zaken/api/v1/zaken").json()["count"] == 1
    assert not counts_rows()
    assert any(Telling._meta.db_table in sql for sql in queries)
    queries.clear()
    with connection.execute_wrapper(watch):
        response = zgw.get("/zaken/api/v1/zaken", {"bronorganisatie": cat.rsin})
    assert response.json()["count"] == 1
    assert counts_rows()
