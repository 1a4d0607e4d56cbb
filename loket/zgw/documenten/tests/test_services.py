"""The services other parts of Loket call directly: storing a document from
bytes (the PDF of a submitted form), and the mirror of zaak and besluit
relations."""

from datetime import date

import pytest

from loket.zgw.documenten import selectors, services
from loket.zgw.documenten.models import ObjectInformatieObject
from loket.zgw.documenten.tests.conftest import DOCUMENTEN, PDF, path
from loket.zgw.documenten.tests.test_relaties import zaak
from loket.zgw.registers.services import LOKET


def store_pdf(cat, **extra):
    return services.create_document(
        actor=LOKET,
        informatieobjecttype=cat.informatieobjecttypen["Aanvraag"],
        bronorganisatie=cat.rsin,
        titel="Aanvraag parkeervergunning",
        auteur="Loket",
        taal="dut",
        creatiedatum=date(2026, 3, 1),
        inhoud=PDF,
        bestandsnaam="aanvraag.pdf",
        formaat="application/pdf",
        **extra,
    )


def test_a_form_stores_its_pdf_as_a_document(zgw, cat):
    version = store_pdf(cat, beschrijving="Ingediend via het formulier.")
    document = f"{DOCUMENTEN}/{version.informatieobject.uuid}"

    shown = zgw.get(document).json()
    downloaded = zgw.get(path(shown["inhoud"]))
    trail = zgw.get(f"{document}/audittrail").json()

    assert shown["beschrijving"] == "Ingediend via het formulier."
    assert shown["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"
    assert b"".join(downloaded.streaming_content) == PDF
    assert trail[0]["applicatieWeergave"] == "Loket"


def test_an_unknown_field_is_a_programming_error(cat):
    with pytest.raises(TypeError, match="kleur"):
        store_pdf(cat, kleur="blauw")


def test_relating_twice_keeps_one_mirror_and_unrelating_removes_it(cat):
    version = store_pdf(cat)
    document = version.informatieobject
    target = zaak(cat)

    first = services.relate_object(document, zaak=target)
    again = services.relate_object(document, zaak=target)
    services.unrelate_object(document, zaak=target)
    services.unrelate_object(document, zaak=target)  # nothing left: no error

    assert first == again
    assert not ObjectInformatieObject.objects.exists()
    with pytest.raises(TypeError):
        services.relate_object(document)


def test_other_apis_read_the_latest_versions(cat):
    first = store_pdf(cat)
    second = store_pdf(cat)
    services.lock_document(first.informatieobject, actor=LOKET)
    services.update_document(
        first.informatieobject,
        actor=LOKET,
        lock=first.informatieobject.lock,
        titel="Bijgewerkt",
    )

    versions = {
        v.informatieobject_id: v
        for v in selectors.latest_versions(
            [first.informatieobject_id, second.informatieobject_id]
        )
    }

    assert versions[first.informatieobject_id].versie == 2
    assert versions[first.informatieobject_id].titel == "Bijgewerkt"
    assert versions[second.informatieobject_id].versie == 1
    assert selectors.document_by_uuid(first.informatieobject.uuid) == (
        first.informatieobject
    )
