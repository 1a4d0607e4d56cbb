"""The zaak itself through the Zaken API: creating, reading, changing, destroying,
and the rules of the standard that come with it."""

from datetime import date

import pytest

from loket.zgw.notificaties.models import Notificatie
from loket.zgw.registers.models import AuditTrail
from loket.zgw.zaken.models import Zaak
from tests import zgw_data

from .kit import API, HOST, catalogi_url, invalid_params, rol_body, zaak_body, zaak_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def cat():
    return zgw_data.catalogue()


def test_a_new_zaak_gets_a_unique_identificatie_within_its_organisation(zgw, cat):
    first = zgw.post(f"{API}/zaken", zaak_body(cat))
    second = zgw.post(f"{API}/zaken", zaak_body(cat))

    assert first.status_code == second.status_code == 201
    assert first.json()["identificatie"] == "ZAAK-2026-0000000001"
    assert second.json()["identificatie"] == "ZAAK-2026-0000000002"
    assert first["Location"] == first.json()["url"]


def test_a_generated_identificatie_skips_one_a_client_chose(zgw, cat):
    zgw.post(f"{API}/zaken", zaak_body(cat, identificatie="ZAAK-2026-0000000001"))
    generated = zgw.post(f"{API}/zaken", zaak_body(cat))
    assert generated.json()["identificatie"] == "ZAAK-2026-0000000002"


def test_an_identificatie_is_unique_per_bronorganisatie(zgw, cat):
    zgw.post(f"{API}/zaken", zaak_body(cat, identificatie="Z-1"))
    again = zgw.post(f"{API}/zaken", zaak_body(cat, identificatie="Z-1"))

    assert again.status_code == 400
    assert invalid_params(again) == {("identificatie", "identificatie-niet-uniek")}
    other = zgw_data.catalogue()
    elsewhere = zgw.post(f"{API}/zaken", zaak_body(other, identificatie="Z-1"))
    assert elsewhere.status_code == 201


def test_a_zaak_takes_confidentiality_and_deadlines_from_its_zaaktype(zgw, cat):
    data = zgw.post(f"{API}/zaken", zaak_body(cat)).json()

    assert data["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"
    # doorlooptijd P8W, servicenorm P2W from 2026-03-02
    assert data["uiterlijkeEinddatumAfdoening"] == "2026-04-27"
    assert data["einddatumGepland"] == "2026-03-16"
    assert data["registratiedatum"] == date.today().isoformat()
    assert data["archiefstatus"] == "nog_te_archiveren"
    assert data["status"] is None and data["resultaat"] is None


def test_a_concept_zaaktype_cannot_have_zaken(zgw, cat):
    cat.zaaktype.concept = True
    cat.zaaktype.save()
    refused = zgw.post(f"{API}/zaken", zaak_body(cat))
    assert refused.status_code == 400
    assert invalid_params(refused) == {("zaaktype", "not-published")}


def test_a_zaaktype_url_that_is_not_one_of_ours_is_refused(zgw, cat):
    refused = zgw.post(
        f"{API}/zaken",
        zaak_body(cat, zaaktype="https://elders.example/catalogi/api/v1/zaaktypen/1"),
    )
    assert refused.status_code == 400
    assert invalid_params(refused) == {("zaaktype", "bad-url")}


def test_the_identificatie_of_a_zaak_cannot_change(zgw, cat):
    url = zgw.post(f"{API}/zaken", zaak_body(cat)).json()["url"]
    refused = zgw.patch(url, {"identificatie": "ANDERS"})
    assert refused.status_code == 400
    assert invalid_params(refused) == {("identificatie", "wijzigen-niet-toegelaten")}


def test_payment_rules(zgw, cat):
    future = zgw.post(
        f"{API}/zaken",
        zaak_body(
            cat, betalingsindicatie="geheel", laatsteBetaaldatum="2999-01-01T10:00:00Z"
        ),
    )
    assert invalid_params(future) == {("laatsteBetaaldatum", "date-in-future")}
    nvt = zgw.post(
        f"{API}/zaken",
        zaak_body(
            cat, betalingsindicatie="nvt", laatsteBetaaldatum="2026-01-01T10:00:00Z"
        ),
    )
    assert invalid_params(nvt) == {("laatsteBetaaldatum", "betaling-nvt")}

    paid = zgw.post(
        f"{API}/zaken",
        zaak_body(
            cat, betalingsindicatie="geheel", laatsteBetaaldatum="2026-01-01T10:00:00Z"
        ),
    ).json()
    assert paid["betalingsindicatieWeergave"].startswith("De met de zaak")
    changed = zgw.patch(paid["url"], {"betalingsindicatie": "nvt"}).json()
    assert changed["laatsteBetaaldatum"] is None


def test_producten_of_diensten_come_from_the_zaaktype(zgw, cat):
    product = cat.zaaktype.producten_of_diensten[0]
    ok = zgw.post(f"{API}/zaken", zaak_body(cat, productenOfDiensten=[product]))
    assert ok.status_code == 201
    refused = zgw.post(
        f"{API}/zaken",
        zaak_body(cat, productenOfDiensten=["https://example.com/iets-anders"]),
    )
    assert invalid_params(refused) == {
        ("productenOfDiensten", "invalid-products-services")
    }


def test_deelzaken_one_level_deep_and_never_of_themselves(zgw, cat):
    hoofd = zgw.post(f"{API}/zaken", zaak_body(cat)).json()
    deel = zgw.post(f"{API}/zaken", zaak_body(cat, hoofdzaak=hoofd["url"])).json()
    assert zgw.get(hoofd["url"]).json()["deelzaken"] == [deel["url"]]

    deeper = zgw.post(f"{API}/zaken", zaak_body(cat, hoofdzaak=deel["url"]))
    assert invalid_params(deeper) == {("hoofdzaak", "deelzaak-als-hoofdzaak")}
    itself = zgw.patch(hoofd["url"], {"hoofdzaak": hoofd["url"]})
    assert invalid_params(itself) == {("hoofdzaak", "self-forbidden")}


def test_relevante_andere_zaken_must_exist(zgw, cat):
    other = zgw.post(f"{API}/zaken", zaak_body(cat)).json()
    related = zgw.post(
        f"{API}/zaken",
        zaak_body(
            cat,
            relevanteAndereZaken=[
                {"url": other["url"], "aardRelatie": "vervolg"},
                {"url": f"{HOST}{API}/zaken/nee", "aardRelatie": "onderwerp"},
            ],
        ),
    )
    assert related.status_code == 400
    assert invalid_params(related) == {("relevanteAndereZaken.1.url", "bad-url")}

    ok = zgw.post(
        f"{API}/zaken",
        zaak_body(
            cat, relevanteAndereZaken=[{"url": other["url"], "aardRelatie": "vervolg"}]
        ),
    ).json()
    assert ok["relevanteAndereZaken"] == [
        {"url": other["url"], "aardRelatie": "vervolg"}
    ]


def test_archiving_needs_nominatie_and_date(zgw, cat):
    refused = zgw.post(f"{API}/zaken", zaak_body(cat, archiefstatus="gearchiveerd"))
    assert invalid_params(refused) == {
        ("archiefnominatie", "required"),
        ("archiefactiedatum", "required"),
    }


def test_every_change_is_in_the_audit_trail_and_announced(zgw, cat):
    url = zgw.post(
        f"{API}/zaken", zaak_body(cat), HTTP_X_AUDIT_TOELICHTING="Aanvraag via balie"
    ).json()["url"]
    zgw.patch(url, {"omschrijving": "Parkeervergunning Dorpsstraat"})

    trail = zgw.get(f"{url}/audittrail").json()
    assert [(e["actie"], e["resultaat"]) for e in trail] == [
        ("create", 201),
        ("partial_update", 200),
    ]
    assert trail[0]["toelichting"] == "Aanvraag via balie"
    assert trail[0]["applicatieId"] == "test-alles"
    assert trail[0]["gebruikersWeergave"] == "Test"
    assert trail[1]["wijzigingen"]["oud"]["omschrijving"] == ""
    assert trail[1]["wijzigingen"]["nieuw"]["omschrijving"] == (
        "Parkeervergunning Dorpsstraat"
    )
    one = zgw.get(f"{url}/audittrail/{trail[0]['uuid']}")
    assert one.json()["hoofdObject"] == url

    sent = Notificatie.objects.filter(kanaal="zaken").order_by("pk")
    assert [(n.resource, n.actie) for n in sent] == [
        ("zaak", "create"),
        ("zaak", "partial_update"),
    ]
    assert sent[0].kenmerken["bronorganisatie"] == cat.rsin
    assert sent[0].kenmerken["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"
    assert sent[0].kenmerken["zaaktype"].endswith(str(cat.zaaktype.uuid))


def test_destroying_a_zaak_takes_everything_below_it_and_its_history(zgw, cat):
    hoofd = zgw_data.zaak(cat)
    deel = zgw_data.zaak(cat, hoofdzaak=hoofd)
    zgw.post(f"{API}/rollen", rol_body(hoofd, cat.roltypen["Aanvrager"]))

    gone = zgw.delete(zaak_url(hoofd))

    assert gone.status_code == 204
    assert not Zaak.objects.filter(pk__in=[hoofd.pk, deel.pk]).exists()
    assert not AuditTrail.objects.filter(hoofd_object_uuid=hoofd.uuid).exists()
    assert zgw.get(zaak_url(hoofd)).status_code == 404


def test_geometry_needs_a_coordinate_system(zgw, cat):
    zaak = zgw_data.zaak(cat)
    missing = zgw.get(zaak_url(zaak), HTTP_ACCEPT_CRS=None)
    assert missing.status_code == 412
    other = zgw.get(zaak_url(zaak), HTTP_ACCEPT_CRS="EPSG:28992")
    assert other.status_code == 406
    ok = zgw.get(zaak_url(zaak))
    assert ok["Content-Crs"] == "EPSG:4326"
    no_body_crs = zgw.post(f"{API}/zaken", zaak_body(cat), HTTP_CONTENT_CRS=None)
    assert no_body_crs.status_code == 412


def test_an_unchanged_zaak_answers_304(zgw, cat):
    url = zaak_url(zgw_data.zaak(cat))
    first = zgw.get(url)
    again = zgw.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    zgw.patch(url, {"toelichting": "nieuw"})
    assert zgw.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_filters_and_ordering(zgw, cat):
    early = zgw_data.zaak(cat, startdatum=date(2026, 1, 5))
    late = zgw_data.zaak(cat, startdatum=date(2026, 6, 1))
    zgw.post(
        f"{API}/rollen", rol_body(late, cat.roltypen["Aanvrager"], bsn="999990019")
    )

    def urls(**params):
        response = zgw.get(f"{API}/zaken", params)
        assert response.status_code == 200, response.json()
        return [z["url"] for z in response.json()["results"]]

    assert urls(startdatum__gte="2026-02-01") == [zaak_url(late)]
    assert urls(startdatum__lt="2026-02-01") == [zaak_url(early)]
    assert urls(
        rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn="999990019"
    ) == [zaak_url(late)]
    assert urls(
        zaaktype=catalogi_url("zaaktypen", cat.zaaktype), ordering="startdatum"
    ) == [
        zaak_url(early),
        zaak_url(late),
    ]
    assert urls(ordering="-startdatum") == [zaak_url(late), zaak_url(early)]
    assert urls(identificatie=early.identificatie) == [zaak_url(early)]
    assert urls(bronorganisatie__in=f"{cat.rsin},123456782") != []
    assert urls(maximaleVertrouwelijkheidaanduiding="openbaar") == []
    assert urls(einddatum__isnull="true") != []
    unknown = zgw.get(f"{API}/zaken", {"onbekend": "x"})
    assert unknown.status_code == 400


def test_search_by_area_and_by_uuid(zgw, cat):
    inside = zgw_data.zaak(
        cat, zaakgeometrie={"type": "Point", "coordinates": [4.40, 52.16]}
    )
    zgw_data.zaak(cat, zaakgeometrie={"type": "Point", "coordinates": [5.0, 52.0]})
    zgw_data.zaak(cat)
    area = {
        "type": "Polygon",
        "coordinates": [
            [[4.3, 52.1], [4.5, 52.1], [4.5, 52.2], [4.3, 52.2], [4.3, 52.1]]
        ],
    }
    found = zgw.post(f"{API}/zaken/_zoek", {"zaakgeometrie": {"within": area}})
    assert found.status_code == 200, found.json()
    assert [z["url"] for z in found.json()["results"]] == [zaak_url(inside)]

    by_uuid = zgw.post(f"{API}/zaken/_zoek", {"uuid__in": [str(inside.uuid)]})
    assert by_uuid.json()["count"] == 1


def test_an_invalid_geometry_is_refused(zgw, cat):
    refused = zgw.post(
        f"{API}/zaken",
        zaak_body(cat, zaakgeometrie={"type": "Point", "coordinates": [400, 52]}),
    )
    assert refused.status_code == 400
    assert invalid_params(refused) == {("zaakgeometrie", "invalid")}


def test_expand_shows_related_resources_inline(zgw, cat):
    zaak = zgw_data.zaak(cat)
    zgw.post(f"{API}/rollen", rol_body(zaak, cat.roltypen["Aanvrager"]))
    zgw.post(
        f"{API}/statussen",
        {
            "zaak": zaak_url(zaak),
            "statustype": catalogi_url("statustypen", cat.statustypen["Ontvangen"]),
            "datumStatusGezet": "2026-03-02T09:00:00Z",
        },
    )

    data = zgw.get(
        zaak_url(zaak),
        {"expand": "zaaktype,status.statustype,rollen.roltype,resultaat"},
    ).json()

    expanded = data["_expand"]
    assert expanded["zaaktype"]["identificatie"] == "PARKEER"
    assert expanded["status"]["_expand"]["statustype"]["omschrijving"] == "Ontvangen"
    assert expanded["rollen"][0]["_expand"]["roltype"]["omschrijving"] == "Aanvrager"
    assert expanded["resultaat"] == {}

    listed = zgw.get(f"{API}/zaken", {"expand": "status"}).json()
    assert listed["results"][0]["_expand"]["status"]["url"] == data["status"]

    wrong = zgw.get(f"{API}/zaken", {"expand": "bestaatniet"})
    assert wrong.status_code == 400
    too_deep = zgw.get(
        f"{API}/zaken", {"expand": "hoofdzaak.hoofdzaak.hoofdzaak.status"}
    )
    assert too_deep.status_code == 400


def test_organisations_are_named_by_a_valid_rsin(zgw, cat):
    refused = zgw.post(
        f"{API}/zaken",
        zaak_body(
            cat,
            bronorganisatie="123456789",
            verantwoordelijkeOrganisatie="12345",
            opdrachtgevendeOrganisatie="abc",
        ),
    )
    assert refused.status_code == 400
    assert invalid_params(refused) == {
        ("bronorganisatie", "invalid"),
        ("verantwoordelijkeOrganisatie", "invalid-length"),
        ("opdrachtgevendeOrganisatie", "only-digits"),
    }
