"""What a client with limited autorisaties notices: only besluiten of its
besluittypen, in lists (counts included), details, writes and audit trails."""

import pytest

from loket.zgw.autorisaties.services import AutorisatieSpec
from loket.zgw.besluiten.tests import besluit_data as data
from loket.zgw.besluiten.tests.besluit_data import BESLUITEN, BIOS, path
from tests import zgw as kit
from tests import zgw_data

pytestmark = pytest.mark.django_db

ALL_SCOPES = [
    "besluiten.lezen",
    "besluiten.aanmaken",
    "besluiten.bijwerken",
    "besluiten.verwijderen",
    "audittrails.lezen",
]


@pytest.fixture
def mine():
    return zgw_data.catalogue()


@pytest.fixture
def theirs():
    return zgw_data.catalogue()


def limited(django_client, label: str, *specs) -> kit.ZgwClient:
    app = kit.applicatie(label=label, alles=False, autorisaties=list(specs))
    return kit.ZgwClient(django_client, app.clients.get().client_id)


@pytest.fixture
def beperkt(client, mine):
    return limited(
        client,
        "Beperkt",
        AutorisatieSpec(
            component="brc", scopes=ALL_SCOPES, besluittype=mine.besluittype
        ),
    )


def test_a_list_shows_only_besluiten_of_the_clients_besluittypen(
    zgw, beperkt, mine, theirs
):
    own = data.create_besluit(zgw, mine)
    data.create_besluit(zgw, theirs)
    data.create_besluit(zgw, theirs)

    response = beperkt.get(BESLUITEN)

    assert response.status_code == 200
    assert response.json()["count"] == 1
    assert [b["url"] for b in response.json()["results"]] == [own["url"]]


def test_a_besluit_of_another_besluittype_is_a_403_for_every_operation(
    zgw, beperkt, mine, theirs
):
    other = data.create_besluit(zgw, theirs)
    url = path(other["url"])

    assert beperkt.get(url).status_code == 403
    assert beperkt.patch(url, {"toelichting": "Nee."}).status_code == 403
    assert beperkt.put(url, data.besluit_body(theirs)).status_code == 403
    assert beperkt.delete(url).status_code == 403
    assert beperkt.get(f"{url}/audittrail").status_code == 403
    assert zgw.get(url).json() == other


def test_creating_a_besluit_needs_aanmaken_for_its_besluittype(beperkt, mine, theirs):
    allowed = beperkt.post(BESLUITEN, data.besluit_body(mine))
    refused = beperkt.post(BESLUITEN, data.besluit_body(theirs))

    assert allowed.status_code == 201
    assert refused.status_code == 403


def test_each_operation_needs_its_own_scope(client, zgw, mine):
    reader = limited(
        client,
        "Lezer",
        AutorisatieSpec(
            component="brc", scopes=["besluiten.lezen"], besluittype=mine.besluittype
        ),
    )
    besluit = data.create_besluit(zgw, mine)

    assert reader.get(path(besluit["url"])).status_code == 200
    assert reader.post(BESLUITEN, data.besluit_body(mine)).status_code == 403
    assert reader.patch(path(besluit["url"]), {"toelichting": "x"}).status_code == 403
    assert reader.delete(path(besluit["url"])).status_code == 403
    assert reader.get(f"{path(besluit['url'])}/audittrail").status_code == 403


def test_scopes_for_one_besluittype_do_not_reach_another(client, zgw, mine, theirs):
    # Reading mine, changing theirs: neither grant lends its scope to the other.
    split = limited(
        client,
        "Gesplitst",
        AutorisatieSpec(
            component="brc", scopes=["besluiten.lezen"], besluittype=mine.besluittype
        ),
        AutorisatieSpec(
            component="brc",
            scopes=["besluiten.bijwerken"],
            besluittype=theirs.besluittype,
        ),
    )
    own = data.create_besluit(zgw, mine)
    other = data.create_besluit(zgw, theirs)

    assert split.patch(path(own["url"]), {"toelichting": "x"}).status_code == 403
    assert split.patch(path(other["url"]), {"toelichting": "x"}).status_code == 200
    assert split.get(path(other["url"])).status_code == 403


def test_besluitinformatieobjecten_follow_the_besluit(zgw, beperkt, mine, theirs):
    own = data.create_besluit(zgw, mine)
    other = data.create_besluit(zgw, theirs)
    own_bio = zgw.post(
        BIOS,
        {
            "besluit": own["url"],
            "informatieobject": data.document_url(data.document(mine)),
        },
    ).json()
    other_bio = zgw.post(
        BIOS,
        {
            "besluit": other["url"],
            "informatieobject": data.document_url(data.document(theirs)),
        },
    ).json()

    listed = beperkt.get(BIOS).json()
    refused_create = beperkt.post(
        BIOS,
        {
            "besluit": other["url"],
            "informatieobject": data.document_url(data.document(theirs)),
        },
    )

    assert [b["url"] for b in listed] == [own_bio["url"]]
    assert beperkt.get(path(other_bio["url"])).status_code == 403
    assert beperkt.delete(path(other_bio["url"])).status_code == 403
    assert refused_create.status_code == 403
    assert beperkt.get(path(own_bio["url"])).status_code == 200


def test_expand_shows_only_what_the_client_may_also_read(client, zgw, mine):
    zaak = data.zaak(mine)
    besluit = data.create_besluit(zgw, mine, zaak=data.zaak_url(zaak))
    brc = AutorisatieSpec(
        component="brc", scopes=["besluiten.lezen"], besluittype=mine.besluittype
    )
    only_besluiten = limited(client, "Alleen besluiten", brc)
    also_zaken = limited(
        client,
        "Ook zaken",
        brc,
        AutorisatieSpec(
            component="zrc",
            scopes=["zaken.lezen"],
            zaaktype=mine.zaaktype,
            max_vertrouwelijkheidaanduiding="zaakvertrouwelijk",
        ),
        AutorisatieSpec(component="ztc", scopes=["catalogi.lezen"]),
    )
    too_secret = limited(
        client,
        "Te geheim",
        brc,
        AutorisatieSpec(
            component="zrc",
            scopes=["zaken.lezen"],
            zaaktype=mine.zaaktype,
            max_vertrouwelijkheidaanduiding="openbaar",
        ),
    )
    params = {"expand": "besluittype,zaak"}

    bare = only_besluiten.get(path(besluit["url"]), params).json()["_expand"]
    full = also_zaken.get(path(besluit["url"]), params).json()["_expand"]
    secret = too_secret.get(path(besluit["url"]), params).json()["_expand"]

    assert bare == {}
    assert full["zaak"]["url"] == data.zaak_url(zaak)
    assert full["besluittype"]["url"] == besluit["besluittype"]
    assert "zaak" not in secret  # the zaak is zaakvertrouwelijk
