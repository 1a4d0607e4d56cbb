"""Importing the real i-Navigator catalogue export (DSP XML, ICR 1.5.13)."""

from datetime import date

import pytest

from loket.zgw.catalogi import exchange, inavigator
from loket.zgw.catalogi.models import InformatieObjectType, ZaakType
from loket.zgw.catalogi.tests import catalogus_data as data
from tests import factories

pytestmark = pytest.mark.django_db

EXPORT = inavigator.EXPORT.read_bytes()


@pytest.fixture
def catalogus():
    data.referentielijsten()
    return data.catalogus(factories.gemeente())


def test_every_proces_of_the_export_becomes_a_concept_zaaktype(catalogus):
    conversie = inavigator.convert(EXPORT, begin=date(2026, 1, 1))
    report = exchange.import_catalogus(conversie.document, catalogus)
    assert report.zaaktypen == 20 and report.gepubliceerd == 0
    zaaktypen = ZaakType.objects.filter(catalogus=catalogus)
    assert zaaktypen.filter(concept=True).count() == 20
    terras = zaaktypen.get(identificatie="B1277")
    assert terras.omschrijving == "Terrasvergunning"
    assert terras.doorlooptijd == "P8W"
    assert terras.opschorting_en_aanhouding_mogelijk
    assert terras.vertrouwelijkheidaanduiding == "intern"
    assert terras.selectielijst_procestype.nummer == 11
    assert {r.omschrijving_generiek for r in terras.roltypen.all()} >= {
        "initiator",
        "behandelaar",
    }
    # Documenttypen are shared by name in the catalogus.
    assert (
        InformatieObjectType.objects.filter(
            catalogus=catalogus, omschrijving="Overig stuk inkomend"
        ).count()
        == 1
    )
    assert terras.informatieobjecttypen.count() == 17


def test_the_last_status_is_the_one_that_closes_the_zaak(catalogus):
    """In the export 'Afgehandeld' sometimes has a lower number than a status
    before it; the importer orders by the phase of each statussoort."""
    conversie = inavigator.convert(EXPORT, processen=["B1277"])
    exchange.import_catalogus(conversie.document, catalogus)
    terras = ZaakType.objects.get(catalogus=catalogus, identificatie="B1277")
    assert list(terras.statustypen.values_list("omschrijving", flat=True)) == [
        "Geregistreerd",
        "Geaccepteerd",
        "In behandeling genomen",
        "Toetsing wet- en regelgeving afgerond",
        "Voorstel voor besluitvorming opgesteld",
        "Besluitvorming afgerond",
        "Afgehandeld",
    ]
    assert any("volgorde" in w for w in conversie.warnings)
    checklist = terras.statustypen.get(volgnummer=1).checklistitems
    assert checklist[0]["itemnaam"] == "Staat in het systeem"


def test_results_keep_their_selectielijst_2020_class_and_archiving(catalogus):
    conversie = inavigator.convert(EXPORT, processen=["B1277", "B1305"])
    exchange.import_catalogus(conversie.document, catalogus)
    terras = ZaakType.objects.get(catalogus=catalogus, identificatie="B1277")
    klassen = {
        r.omschrijving: (r.selectielijstklasse.volledig_nummer, r.archiefactietermijn)
        for r in terras.resultaattypen.select_related(
            "selectielijstklasse__proces_type",
            "selectielijstklasse__generiek_resultaat",
        )
    }
    assert klassen == {
        "Afgebroken": ("11.4", "P1Y"),
        "Verleend": ("11.1", "P1Y"),
        "Geweigerd": ("11.2", "P5Y"),
        "Verleend voor bepaalde periode": ("11.1.2", "P1Y"),
        "Buiten behandeling gesteld": ("11.2", "P5Y"),
    }
    handhaving = ZaakType.objects.get(catalogus=catalogus, identificatie="B1305")
    assert handhaving.selectielijst_procestype.nummer == 6
    generiek = {
        r.omschrijving: r.resultaattypeomschrijving.omschrijving
        for r in handhaving.resultaattypen.all()
    }
    assert generiek["Overtreding opgeheven"] == "Ingewilligd"
    assert generiek["Buiten behandeling gesteld"] == "Buiten behandeling"


def test_what_cannot_be_mapped_is_left_out_with_a_warning(catalogus):
    conversie = inavigator.convert(EXPORT, processen=["LP00000052", "B1555"])
    exchange.import_catalogus(conversie.document, catalogus)
    terrasmelding = ZaakType.objects.get(
        catalogus=catalogus, identificatie="LP00000052"
    )
    assert terrasmelding.resultaattypen.count() == 0
    assert terrasmelding.selectielijst_procestype is None
    obm = ZaakType.objects.get(catalogus=catalogus, identificatie="B1555")
    assert obm.doorlooptijd == "P8W"
    assert any(
        "LP00000052" in w and "geen selectielijstklasse" in w
        for w in conversie.warnings
    )
    assert any("B1555" in w and "Awb" in w for w in conversie.warnings)


def test_a_file_that_is_not_an_export_is_refused_politely():
    with pytest.raises(ValueError, match="geen leesbare XML"):
        inavigator.convert(b"<dsp><processen>")
    with pytest.raises(ValueError, match="geen i-Navigator-export"):
        inavigator.convert(b"<catalogus/>")


def test_unknown_processen_are_named(catalogus):
    with pytest.raises(ValueError, match="B9999"):
        inavigator.convert(EXPORT, processen=["B1277", "B9999"])
