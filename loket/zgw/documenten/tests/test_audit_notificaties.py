"""Every change is in the document's audit trail and announced on the kanaal
``documenten``, in the transaction of the change."""

from django.conf import settings

from loket.zgw.documenten.tests.conftest import API, create, iot_url, lock, path
from loket.zgw.documenten.tests.test_verzendingen import verzending
from loket.zgw.notificaties.models import Notificatie


def announced() -> list[tuple[str, str]]:
    return list(
        Notificatie.objects.filter(kanaal="documenten")
        .order_by("pk")
        .values_list("resource", "actie")
    )


def test_each_change_of_a_document_is_in_its_audit_trail(zgw, cat):
    document = create(zgw, cat, titel="Eerste")
    url = path(document["url"])
    key = lock(zgw, document)
    zgw.patch(url, {"titel": "Tweede", "lock": key}, HTTP_X_AUDIT_TOELICHTING="Typo")
    rights = zgw.post(
        f"{API}/gebruiksrechten",
        {
            "informatieobject": document["url"],
            "startdatum": "2026-03-01T00:00:00Z",
            "omschrijvingVoorwaarden": "Intern.",
        },
    ).json()
    zgw.post(f"{url}/unlock", {"lock": key})

    trail = zgw.get(f"{url}/audittrail").json()

    assert [(e["resource"], e["actie"]) for e in trail] == [
        ("enkelvoudiginformatieobject", "create"),
        ("enkelvoudiginformatieobject", "lock"),
        ("enkelvoudiginformatieobject", "partial_update"),
        ("gebruiksrechten", "create"),
        ("enkelvoudiginformatieobject", "unlock"),
    ]
    create_entry, _, update, gebruik, _ = trail
    assert create_entry["bron"] == "drc"
    assert create_entry["applicatieId"] == "test-alles"
    assert create_entry["gebruikersWeergave"] == "Test"
    assert create_entry["hoofdObject"] == document["url"]
    assert create_entry["wijzigingen"]["nieuw"]["titel"] == "Eerste"
    assert update["toelichting"] == "Typo"
    assert update["wijzigingen"]["oud"]["titel"] == "Eerste"
    assert update["wijzigingen"]["nieuw"]["titel"] == "Tweede"
    assert update["wijzigingen"]["nieuw"]["versie"] == 2
    assert gebruik["resourceUrl"] == rights["url"]
    assert gebruik["hoofdObject"] == document["url"]


def test_each_change_is_announced_on_kanaal_documenten(zgw, cat):
    document = create(zgw, cat)
    url = path(document["url"])
    zgw.patch(url, {"titel": "Nieuw", "lock": lock(zgw, document)})
    sent = zgw.post(f"{API}/verzendingen", verzending(document)).json()
    zgw.patch(path(sent["url"]), {"toelichting": "Per post."})
    zgw.delete(path(sent["url"]))
    zgw.post(f"{url}/unlock", {"lock": "verkeerd"})  # refused: nothing announced
    zgw.post(f"{url}/unlock", {})  # forced, without an upload: nothing changed

    assert announced() == [
        ("enkelvoudiginformatieobject", "create"),
        ("enkelvoudiginformatieobject", "partial_update"),
        ("verzending", "create"),
        ("verzending", "partial_update"),
        ("verzending", "destroy"),
    ]
    first = Notificatie.objects.filter(kanaal="documenten").order_by("pk").first()
    base = settings.BASE_URL.rstrip("/")
    uuid = document["url"].rsplit("/", 1)[1]
    assert first.hoofd_object == (
        f"{base}/documenten/api/v1/enkelvoudiginformatieobjecten/{uuid}"
    )
    assert first.resource_url == first.hoofd_object
    assert first.kenmerken == {
        "bronorganisatie": cat.rsin,
        "informatieobjecttype": iot_url(cat.informatieobjecttypen["Aanvraag"]).replace(
            "http://testserver", base
        ),
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
    }


def test_destroying_a_document_is_announced_and_takes_its_trail(zgw, cat):
    document = create(zgw, cat)
    url = path(document["url"])

    zgw.delete(url)

    assert announced()[-1] == ("enkelvoudiginformatieobject", "destroy")
    assert zgw.get(f"{url}/audittrail").json() == []


def test_a_refused_change_leaves_no_trace(zgw, cat):
    document = create(zgw, cat)
    url = path(document["url"])
    key = lock(zgw, document)
    before = len(zgw.get(f"{url}/audittrail").json())

    refused = zgw.patch(
        url, {"status": "in_bewerking", "ontvangstdatum": "2026-03-02", "lock": key}
    )

    assert refused.status_code == 400
    assert len(zgw.get(f"{url}/audittrail").json()) == before
    assert announced() == [("enkelvoudiginformatieobject", "create")]
