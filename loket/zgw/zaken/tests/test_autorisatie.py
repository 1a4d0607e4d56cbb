"""A client sees and changes only zaken of its zaaktypen, up to its maximum
confidentiality (zrc-006) — in lists, counts, details, filters and expand."""

import json
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from loket.zgw.autorisaties.services import AutorisatieSpec
from loket.zgw.besluiten import services as besluiten
from loket.zgw.registers.services import LOKET
from loket.zgw.zaken import services
from tests import zgw as kit
from tests import zgw_data

from .kit import API, rol_body, zaak_body, zaak_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def two():
    return zgw_data.catalogue(), zgw_data.catalogue()


def client_for(client, cat, scopes=("zaken.lezen",), maximum="zaakvertrouwelijk"):
    app = kit.applicatie(
        label=f"Beperkt {cat.zaaktype.pk} {maximum} {len(scopes)}",
        alles=False,
        autorisaties=[
            AutorisatieSpec(
                component="zrc",
                scopes=list(scopes),
                zaaktype=cat.zaaktype,
                max_vertrouwelijkheidaanduiding=maximum,
            )
        ],
    )
    return kit.ZgwClient(client, app.clients.get().client_id)


def test_lists_and_counts_hold_only_what_the_client_may_see(client, zgw, two):
    mine, theirs = two
    visible = zgw_data.zaak(mine)
    zgw_data.zaak(mine, vertrouwelijkheidaanduiding="geheim")
    zgw_data.zaak(theirs)
    reader = client_for(client, mine)

    listed = reader.get(f"{API}/zaken").json()
    assert listed["count"] == 1
    assert [z["url"] for z in listed["results"]] == [zaak_url(visible)]
    searched = reader.post(f"{API}/zaken/_zoek", {}).json()
    assert searched["count"] == 1


def test_a_detail_out_of_reach_is_forbidden(client, two):
    mine, theirs = two
    reader = client_for(client, mine)
    assert reader.get(zaak_url(zgw_data.zaak(theirs))).status_code == 403
    secret = zgw_data.zaak(mine, vertrouwelijkheidaanduiding="geheim")
    assert reader.get(zaak_url(secret)).status_code == 403
    assert reader.get(f"{zaak_url(secret)}/audittrail").status_code == 403


def test_below_a_zaak_the_same_limits_apply(client, zgw, two):
    mine, theirs = two
    own, other = zgw_data.zaak(mine), zgw_data.zaak(theirs)
    zgw.post(f"{API}/rollen", rol_body(own, mine.roltypen["Aanvrager"]))
    foreign = zgw.post(f"{API}/rollen", rol_body(other, theirs.roltypen["Aanvrager"]))
    reader = client_for(client, mine)

    assert reader.get(f"{API}/rollen").json()["count"] == 1
    assert reader.get(foreign.json()["url"]).status_code == 403
    bsn = {"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "111222333"}
    assert reader.get(f"{API}/rollen", bsn).json()["count"] == 1


def test_expand_leaves_out_what_the_client_may_not_see(client, two):
    mine, _ = two
    hoofd = zgw_data.zaak(mine)
    zgw_data.zaak(mine, hoofdzaak=hoofd, vertrouwelijkheidaanduiding="geheim")
    reader = client_for(client, mine)

    data = reader.get(zaak_url(hoofd), {"expand": "deelzaken"}).json()
    assert len(data["deelzaken"]) == 1  # the reference exists …
    assert data["_expand"]["deelzaken"] == []  # … its content is not shown


def test_writes_need_the_scope_for_that_zaaktype(client, two):
    mine, theirs = two
    writer = client_for(client, mine, scopes=("zaken.lezen", "zaken.aanmaken"))

    assert writer.post(f"{API}/zaken", zaak_body(mine)).status_code == 201
    assert writer.post(f"{API}/zaken", zaak_body(theirs)).status_code == 403
    too_secret = zaak_body(mine, vertrouwelijkheidaanduiding="geheim")
    assert writer.post(f"{API}/zaken", too_secret).status_code == 403
    own = zgw_data.zaak(mine)
    assert writer.patch(zaak_url(own), {"toelichting": "x"}).status_code == 403
    assert writer.delete(zaak_url(own)).status_code == 403


def test_raising_confidentiality_beyond_the_clients_maximum_is_refused(client, two):
    mine, _ = two
    editor = client_for(client, mine, scopes=("zaken.lezen", "zaken.bijwerken"))
    own = zgw_data.zaak(mine)
    raised = editor.patch(zaak_url(own), {"vertrouwelijkheidaanduiding": "geheim"})
    assert raised.status_code == 403


def test_the_zaken_list_costs_the_same_queries_for_1_or_20_zaken(client, zgw, two):
    mine, _ = two

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = zgw.get(f"{API}/zaken", {"expand": "status,rollen"})
            assert response.status_code == 200
        return len(captured.captured_queries)

    zaak = zgw_data.zaak(mine)
    zgw.post(f"{API}/rollen", rol_body(zaak, mine.roltypen["Aanvrager"]))
    one = queries()
    for _ in range(19):
        other = zgw_data.zaak(mine)
        zgw.post(f"{API}/rollen", rol_body(other, mine.roltypen["Aanvrager"]))
    assert queries() == one


def test_the_audit_trail_leaves_out_an_earlier_state_beyond_the_clients_maximum(
    client, zgw, two
):
    """A zaak that was geheim before it became openbaar: its history shows the
    client nothing of the geheim time (found by the property tests in
    tests/zgw_authorisation)."""
    mine, _ = two
    zaak = zgw_data.zaak(mine, vertrouwelijkheidaanduiding="geheim")
    services.update_zaak(zaak, actor=LOKET, vertrouwelijkheidaanduiding="openbaar")
    zgw.post(f"{API}/rollen", rol_body(zaak, mine.roltypen["Aanvrager"]))
    reader = client_for(client, mine, scopes=("zaken.lezen", "audittrails.lezen"))
    trail = f"{zaak_url(zaak)}/audittrail"

    everything = zgw.get(trail).json()
    shown = reader.get(trail).json()
    hidden = [entry for entry in everything if entry not in shown]

    assert reader.get(zaak_url(zaak)).status_code == 200
    assert [(e["resource"], e["actie"]) for e in hidden] == [
        ("zaak", "create"),
        ("zaak", "partial_update"),
    ]
    assert [e["resource"] for e in shown] == ["rol"]
    assert "geheim" not in json.dumps(shown)
    assert reader.get(f"{trail}/{hidden[0]['uuid']}").status_code == 403
    cleared = client_for(
        client, mine, scopes=("zaken.lezen", "audittrails.lezen"), maximum="geheim"
    )
    assert cleared.get(trail).json() == everything


def test_the_audit_trail_of_a_zaak_names_no_besluit_the_client_may_not_see(client, two):
    mine, _ = two
    zaak = zgw_data.zaak(mine)
    besluit = besluiten.create_besluit(
        actor=LOKET,
        besluittype=mine.besluittype,
        verantwoordelijke_organisatie=mine.rsin,
        datum=date(2026, 3, 2),
        ingangsdatum=date(2026, 3, 3),
        zaak=zaak,
    )
    reader = client_for(client, mine, scopes=("zaken.lezen", "audittrails.lezen"))

    trail = reader.get(f"{zaak_url(zaak)}/audittrail").json()

    zaakbesluit = next(e for e in trail if e["resource"] == "zaakbesluit")
    assert zaakbesluit["resourceUrl"].endswith(f"/besluiten/{besluit.uuid}")
    assert besluit.identificatie not in json.dumps(trail)


def test_a_deep_page_of_a_client_with_a_few_zaaktypen_holds_the_right_zaken(client):
    """Past the first page, the keys of a client that may see a few zaaktypen are
    found per zaaktype and merged (on PostgreSQL): the same zaken, newest first,
    as one walk over all zaken would give."""
    first, second, other = (zgw_data.catalogue() for _ in range(3))
    visible = []
    for n in range(120):
        cat = (first, second, other)[n % 3]
        zaak = zgw_data.zaak(cat)
        if cat is not other:
            visible.append(zaak)
    hidden = zgw_data.zaak(first, vertrouwelijkheidaanduiding="geheim")
    app = kit.applicatie(
        label="Twee zaaktypen",
        alles=False,
        autorisaties=[
            AutorisatieSpec(
                component="zrc",
                scopes=["zaken.lezen"],
                zaaktype=cat.zaaktype,
                max_vertrouwelijkheidaanduiding="zaakvertrouwelijk",
            )
            for cat in (first, second)
        ],
    )
    reader = kit.ZgwClient(client, app.clients.get().client_id)

    first_page = reader.get(f"{API}/zaken").json()
    second_page = reader.get(f"{API}/zaken", {"page": 2}).json()
    assert first_page["count"] == second_page["count"] == len(visible) == 80
    assert len(first_page["results"]) == 80 and second_page["results"] == []

    for _ in range(30):  # a second page with zaken on it
        visible.append(zgw_data.zaak(second))
    with CaptureQueriesContext(connection) as queries:
        second_page = reader.get(f"{API}/zaken", {"page": 2}).json()
    newest_first = [zaak_url(z) for z in sorted(visible, key=lambda z: -z.pk)]
    assert second_page["count"] == 110
    assert [z["url"] for z in second_page["results"]] == newest_first[100:]
    assert zaak_url(hidden) not in newest_first
    if connection.vendor == "postgresql":
        assert any("UNION ALL" in q["sql"] for q in queries.captured_queries)


def test_a_deep_page_of_a_client_with_one_zaaktype(client):
    cat = zgw_data.catalogue()
    zaken = [zgw_data.zaak(cat) for _ in range(101)]
    reader = client_for(client, cat)
    second_page = reader.get(f"{API}/zaken", {"page": 2}).json()
    assert second_page["count"] == 101
    assert [z["url"] for z in second_page["results"]] == [zaak_url(zaken[0])]
