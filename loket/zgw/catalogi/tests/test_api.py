"""The Catalogi API 1.3.1 through its whole life cycle: build a zaaktype as a concept,
publish it, correct it, make a new version."""

import pytest

from loket.zgw.autorisaties.services import AutorisatieSpec
from loket.zgw.notificaties.models import Notificatie
from loket.zgw.referentielijsten.models import ProcesType, ResultaattypeOmschrijving
from loket.zgw.referentielijsten.services import load_selectielijst
from tests import zgw as kit

pytestmark = pytest.mark.django_db

API = "/catalogi/api/v1"
HOST = "http://testserver"
LIJSTEN = f"{HOST}/referentielijsten/api/v1"


def path(url: str) -> str:
    return url.removeprefix(HOST)


def omschrijving_url(omschrijving) -> str:
    return f"{LIJSTEN}/resultaattypeomschrijvingen/{omschrijving.uuid}"


@pytest.fixture
def selectielijst():
    load_selectielijst()
    omschrijving = ResultaattypeOmschrijving.objects.create(
        omschrijving="Toegekend", definitie="Het gevraagde is toegekend."
    )
    return omschrijving


@pytest.fixture
def catalogus(zgw):
    response = zgw.post(
        f"{API}/catalogussen",
        {
            "domein": "DUIN",
            "rsin": "990000011",
            "contactpersoonBeheerNaam": "Fatima El Amrani",
            "naam": "Zaaktypen Duinwaard",
        },
    )
    assert response.status_code == 201, response.json()
    return response.json()["url"]


def zaaktype_body(catalogus: str, **overrides) -> dict:
    body = {
        "identificatie": "PARKEER",
        "omschrijving": "Parkeervergunning",
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        "doel": "Een parkeervergunning verlenen.",
        "aanleiding": "Een inwoner vraagt een parkeervergunning aan.",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "aanvragen",
        "onderwerp": "Parkeervergunning",
        "handelingBehandelaar": "behandelen",
        "doorlooptijd": "P8W",
        "servicenorm": "P2W",
        "opschortingEnAanhoudingMogelijk": True,
        "verlengingMogelijk": True,
        "verlengingstermijn": "P4W",
        "trefwoorden": ["parkeren", "vergunning"],
        "publicatieIndicatie": False,
        "productenOfDiensten": ["https://example.com/upl/parkeervergunning"],
        "referentieproces": {"naam": "Vergunningverlening"},
        "verantwoordelijke": "Team Vergunningen",
        "catalogus": catalogus,
        "besluittypen": [],
        "deelzaaktypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": "2026-01-01",
        "versiedatum": "2026-01-01",
    }
    body.update(overrides)
    return body


@pytest.fixture
def zaaktype(zgw, catalogus):
    response = zgw.post(f"{API}/zaaktypen", zaaktype_body(catalogus))
    assert response.status_code == 201, response.json()
    return response.json()


def add_statustypen(zgw, zaaktype_url: str):
    for volgnummer, omschrijving in (
        (1, "Ontvangen"),
        (2, "In behandeling"),
        (3, "Afgehandeld"),
    ):
        response = zgw.post(
            f"{API}/statustypen",
            {
                "omschrijving": omschrijving,
                "zaaktype": zaaktype_url,
                "volgnummer": volgnummer,
            },
        )
        assert response.status_code == 201, response.json()


def test_a_new_zaaktype_is_a_concept_with_its_fields(zaaktype, catalogus):
    assert zaaktype["concept"] is True
    assert zaaktype["catalogus"] == catalogus
    assert zaaktype["doorlooptijd"] == "P8W"
    assert zaaktype["statustypen"] == []
    assert zaaktype["informatieobjecttypen"] == ""


def test_lists_show_published_versions_unless_asked_otherwise(zgw, zaaktype):
    assert zgw.get(f"{API}/zaaktypen").json()["count"] == 0
    concept = zgw.get(f"{API}/zaaktypen", {"status": "concept"}).json()
    assert [z["url"] for z in concept["results"]] == [zaaktype["url"]]
    assert zgw.get(f"{API}/zaaktypen", {"status": "alles"}).json()["count"] == 1
    assert zgw.get(f"{API}/zaaktypen", {"status": "nonsense"}).status_code == 400


def test_statustypen_are_ordered_and_the_last_is_the_end(zgw, zaaktype):
    add_statustypen(zgw, zaaktype["url"])
    listed = zgw.get(
        f"{API}/statustypen", {"zaaktype": zaaktype["url"], "status": "alles"}
    )
    statustypen = listed.json()["results"]
    assert [s["volgnummer"] for s in statustypen] == [1, 2, 3]
    assert [s["isEindstatus"] for s in statustypen] == [False, False, True]
    detail = zgw.get(path(zaaktype["url"])).json()
    assert len(detail["statustypen"]) == 3


def test_the_same_volgnummer_twice_is_refused(zgw, zaaktype):
    add_statustypen(zgw, zaaktype["url"])
    response = zgw.post(
        f"{API}/statustypen",
        {"omschrijving": "Nog een", "zaaktype": zaaktype["url"], "volgnummer": 2},
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "volgnummer"


@pytest.mark.parametrize(
    ("collection", "body", "field"),
    [
        ("statustypen", {"omschrijving": "Ontvangen", "volgnummer": 1}, "zaaktype"),
        (
            "roltypen",
            {"omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"},
            "zaaktype",
        ),
        (
            "besluittypen",
            {
                "omschrijving": "Besluit",
                "beginGeldigheid": "2026-01-01",
                "informatieobjecttypen": [],
                "publicatieIndicatie": False,
            },
            "catalogus",
        ),
    ],
)
def test_an_empty_required_reference_is_a_400_not_a_crash(zgw, collection, body, field):
    # Found by schemathesis: "zaaktype": "" used to reach the service as None.
    response = zgw.post(f"{API}/{collection}", {**body, field: ""})
    assert response.status_code == 400
    problems = {(p["name"], p["code"]) for p in response.json()["invalidParams"]}
    assert (field, "required") in problems


def test_resultaattype_takes_archiving_from_the_selectielijst(
    zgw, zaaktype, selectielijst
):
    procestype = ProcesType.objects.get(nummer=1, jaar=2020)
    zgw.patch(
        path(zaaktype["url"]),
        {"selectielijstProcestype": f"{LIJSTEN}/procestypen/{procestype.uuid}"},
    )
    klasse = procestype.resultaten.get(nummer=1, generiek_resultaat=None)
    response = zgw.post(
        f"{API}/resultaattypen",
        {
            "zaaktype": zaaktype["url"],
            "omschrijving": "Verleend",
            "resultaattypeomschrijving": omschrijving_url(selectielijst),
            "selectielijstklasse": f"{LIJSTEN}/resultaten/{klasse.uuid}",
            "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld"},
            "besluittypen": [],
        },
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["archiefnominatie"] == klasse.waardering
    assert data["archiefactietermijn"] == klasse.bewaartermijn
    assert data["omschrijvingGeneriek"] == "Toegekend"
    assert zgw.get(path(data["selectielijstklasse"])).status_code == 200
    # The spec's snake_case filter names and the camelCase clients also send.
    for identificatie, datum in (
        ("zaaktype_identificatie", "datum_geldigheid"),
        ("zaaktypeIdentificatie", "datumGeldigheid"),
    ):
        for day, expected in (("2026-03-01", [data["url"]]), ("2025-01-01", [])):
            listed = zgw.get(
                f"{API}/resultaattypen",
                {"status": "alles", identificatie: "PARKEER", datum: day},
            )
            assert [r["url"] for r in listed.json()["results"]] == expected


def test_brondatum_rules_are_checked(zgw, zaaktype, selectielijst):
    procestype = ProcesType.objects.get(nummer=1, jaar=2020)
    klasse = procestype.resultaten.get(
        nummer=1, generiek_resultaat=None
    )  # procestermijn nihil
    response = zgw.post(
        f"{API}/resultaattypen",
        {
            "zaaktype": zaaktype["url"],
            "omschrijving": "Verleend",
            "resultaattypeomschrijving": omschrijving_url(selectielijst),
            "selectielijstklasse": f"{LIJSTEN}/resultaten/{klasse.uuid}",
            "brondatumArchiefprocedure": {
                "afleidingswijze": "termijn",
                "datumkenmerk": "x",
            },
            "besluittypen": [],
        },
    )
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert "brondatumArchiefprocedure.afleidingswijze" in names
    assert "brondatumArchiefprocedure.procestermijn" in names
    assert "brondatumArchiefprocedure.datumkenmerk" in names


@pytest.fixture
def schrijver(client, db):
    """A client that may write, but not correct published versions."""
    kit.applicatie(
        label="Schrijver",
        client_id="schrijver",
        alles=False,
        autorisaties=[AutorisatieSpec("ztc", ["catalogi.lezen", "catalogi.schrijven"])],
    )
    return kit.ZgwClient(client, "schrijver")


def test_publish_requires_published_documenttypes_and_then_freezes(
    zgw, schrijver, zaaktype, catalogus
):
    iot = zgw.post(
        f"{API}/informatieobjecttypen",
        {
            "catalogus": catalogus,
            "omschrijving": "Aanvraag",
            "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
            "beginGeldigheid": "2026-01-01",
            "informatieobjectcategorie": "Aanvraag",
        },
    )
    assert iot.status_code == 200, iot.json()  # the specification documents 200 here
    ziot = zgw.post(
        f"{API}/zaaktype-informatieobjecttypen",
        {
            "zaaktype": zaaktype["url"],
            "informatieobjecttype": "Aanvraag",
            "volgnummer": 1,
            "richting": "inkomend",
        },
    )
    assert ziot.status_code == 201, ziot.json()
    refused = zgw.post(path(zaaktype["url"]) + "/publish")
    assert refused.status_code == 400
    assert "Aanvraag" in refused.json()["detail"] or "Aanvraag" in str(
        refused.json()["invalidParams"]
    )
    assert zgw.post(path(iot.json()["url"]) + "/publish").status_code == 200
    published = zgw.post(path(zaaktype["url"]) + "/publish")
    assert published.status_code == 200, published.json()
    assert published.json()["concept"] is False
    assert published.json()["informatieobjecttypen"] == iot.json()["url"]

    change = schrijver.put(
        path(zaaktype["url"]), zaaktype_body(catalogus, omschrijving="Anders")
    )
    assert change.status_code == 400
    end = schrijver.patch(path(zaaktype["url"]), {"eindeGeldigheid": "2026-12-31"})
    assert end.status_code == 200, end.json()
    assert end.json()["eindeGeldigheid"] == "2026-12-31"
    sub = schrijver.post(
        f"{API}/roltypen",
        {
            "zaaktype": zaaktype["url"],
            "omschrijving": "Aanvrager",
            "omschrijvingGeneriek": "initiator",
        },
    )
    assert sub.status_code == 400
    # DELETE documents no 400: the conflict with the published state is a 409.
    refused = schrijver.delete(path(zaaktype["url"]))
    assert refused.status_code == 409
    assert refused.json()["code"] == "non-concept-object"


def test_a_new_version_is_prepared_as_concept_and_may_not_overlap_once_published(
    zgw, zaaktype, catalogus
):
    """The historiemodel: prepare v2 as a concept while v1 is still open-ended, end
    v1, then publish v2. Publishing while the periods overlap is refused."""
    zgw.post(path(zaaktype["url"]) + "/publish")
    version = zgw.post(
        f"{API}/zaaktypen", zaaktype_body(catalogus, beginGeldigheid="2026-06-01")
    )
    assert version.status_code == 201, version.json()
    too_early = zgw.post(path(version.json()["url"]) + "/publish")
    assert too_early.status_code == 400
    assert too_early.json()["invalidParams"][0] == {
        "name": "beginGeldigheid",
        "code": "overlap",
        "reason": too_early.json()["invalidParams"][0]["reason"],
    }
    ended = zgw.patch(path(zaaktype["url"]), {"eindeGeldigheid": "2026-05-31"})
    assert ended.status_code == 200, ended.json()
    assert zgw.post(path(version.json()["url"]) + "/publish").status_code == 200
    reopened = zgw.patch(path(zaaktype["url"]), {"eindeGeldigheid": None})
    assert reopened.status_code == 400
    assert reopened.json()["invalidParams"][0]["name"] == "eindeGeldigheid"
    assert reopened.json()["invalidParams"][0]["code"] == "overlap"
    listed = zgw.get(
        f"{API}/zaaktypen",
        {
            "status": "alles",
            "identificatie": "PARKEER",
            "datumGeldigheid": "2026-03-01",
        },
    ).json()
    assert [z["url"] for z in listed["results"]] == [zaaktype["url"]]


def test_verlenging_needs_a_termijn_and_periods_run_forward(zgw, catalogus):
    no_term = zgw.post(
        f"{API}/zaaktypen", zaaktype_body(catalogus, verlengingstermijn=None)
    )
    assert no_term.status_code == 400
    assert no_term.json()["invalidParams"][0]["code"] == "verlenging-mismatch"
    backwards = zgw.post(
        f"{API}/zaaktypen",
        zaaktype_body(
            catalogus, beginGeldigheid="2026-06-01", eindeGeldigheid="2026-01-01"
        ),
    )
    assert backwards.status_code == 400
    assert backwards.json()["invalidParams"][0] == {
        "name": "eindeGeldigheid",
        "code": "date-mismatch",
        "reason": backwards.json()["invalidParams"][0]["reason"],
    }


def test_a_correction_needs_the_forced_scope(client, zgw, zaaktype, catalogus):
    zgw.post(path(zaaktype["url"]) + "/publish")
    kit.applicatie(
        label="Beheer",
        client_id="beheer",
        alles=False,
        autorisaties=[
            AutorisatieSpec(
                "ztc",
                [
                    "catalogi.lezen",
                    "catalogi.schrijven",
                    "catalogi.geforceerd-schrijven",
                ],
            )
        ],
    )
    beheer = kit.ZgwClient(client, "beheer")
    corrected = beheer.put(
        path(zaaktype["url"]),
        zaaktype_body(catalogus, toelichting="Aangevuld na publicatie."),
    )
    assert corrected.status_code == 200, corrected.json()
    assert corrected.json()["toelichting"] == "Aangevuld na publicatie."
    renamed = beheer.put(
        path(zaaktype["url"]), zaaktype_body(catalogus, identificatie="ANDERS")
    )
    assert renamed.status_code == 400


def test_deleting_a_concept_removes_it(zgw, zaaktype):
    response = zgw.delete(path(zaaktype["url"]))
    assert response.status_code == 200  # the specification documents 200 here
    assert zgw.get(path(zaaktype["url"])).status_code == 404


def test_relations_may_not_cross_catalogi(zgw, zaaktype):
    other = zgw.post(
        f"{API}/catalogussen",
        {"domein": "ANDER", "rsin": "990000023", "contactpersoonBeheerNaam": "X"},
    ).json()["url"]
    foreign = zgw.post(
        f"{API}/informatieobjecttypen",
        {
            "catalogus": other,
            "omschrijving": "Elders",
            "vertrouwelijkheidaanduiding": "openbaar",
            "beginGeldigheid": "2026-01-01",
            "informatieobjectcategorie": "X",
        },
    )
    assert foreign.status_code == 200
    response = zgw.post(
        f"{API}/zaaktype-informatieobjecttypen",
        {
            "zaaktype": zaaktype["url"],
            "informatieobjecttype": "Elders",
            "volgnummer": 1,
            "richting": "inkomend",
        },
    )
    assert response.status_code == 400


def test_changes_are_announced_on_the_zaaktypen_kanaal(zgw, zaaktype, catalogus):
    add_statustypen(zgw, zaaktype["url"])
    messages = [
        n.message()
        for n in Notificatie.objects.filter(kanaal="zaaktypen").order_by("pk")
    ]
    assert [(m["resource"], m["actie"]) for m in messages] == [
        ("zaaktype", "create"),
        ("statustype", "create"),
        ("statustype", "create"),
        ("statustype", "create"),
    ]
    assert all(m["hoofdObject"].endswith(path(zaaktype["url"])) for m in messages)
    assert all(m["kenmerken"]["catalogus"].endswith(path(catalogus)) for m in messages)


def test_etag_and_conditional_requests(zgw, catalogus):
    first = zgw.get(path(catalogus))
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    assert zgw.get(path(catalogus), HTTP_IF_NONE_MATCH=etag).status_code == 304
    head = zgw.head(path(catalogus))
    assert head.status_code == 200 and head.content == b"" and head["ETag"] == etag


def test_reading_is_allowed_with_zaken_or_documenten_scopes(client, zgw, zaaktype):
    from loket.zgw.catalogi.models import ZaakType

    kit.applicatie(
        label="Zaaksysteem",
        client_id="zaaksysteem",
        alles=False,
        autorisaties=[
            AutorisatieSpec(
                "zrc",
                ["zaken.lezen"],
                zaaktype=ZaakType.objects.get(),
                max_vertrouwelijkheidaanduiding="openbaar",
            )
        ],
    )
    reader = kit.ZgwClient(client, "zaaksysteem")
    assert reader.get(f"{API}/zaaktypen", {"status": "alles"}).json()["count"] == 1
    # The catalogus list itself asks for catalogi.lezen.
    assert reader.get(f"{API}/catalogussen").status_code == 403
