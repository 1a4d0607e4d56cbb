"""Moving a catalogus as a file: export, import into another gemeente, new
versions of a zaaktype."""

import copy
import json
from datetime import date
from io import StringIO

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from loket.zgw.catalogi import exchange
from loket.zgw.catalogi.models import (
    BesluitType,
    InformatieObjectType,
    StatusType,
    ZaakType,
)
from loket.zgw.catalogi.tests import catalogus_data as data
from loket.zgw.notificaties.models import Notificatie
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def bron():
    data.referentielijsten()
    catalogus = data.catalogus(factories.gemeente())
    deel = data.zaaktype("DEEL", omschrijving="Deelzaak")
    hoofd = data.zaaktype(
        deelzaaktypen=["DEEL"],
        gerelateerdeZaaktypen=[
            {"zaaktype": "DEEL", "aardRelatie": "vervolg", "toelichting": "Daarna."}
        ],
    )
    exchange.import_catalogus(data.document(deel, hoofd), catalogus)
    return catalogus


def without_identity(document: dict) -> dict:
    """What must survive a move: everything but UUIDs, the export time and the
    catalogus (the target keeps its own)."""
    result = copy.deepcopy(document)
    result.pop("geexporteerdOp")
    result.pop("catalogus")

    def strip(value):
        if isinstance(value, dict):
            value.pop("uuid", None)
            for item in value.values():
                strip(item)
        elif isinstance(value, list):
            for item in value:
                strip(item)

    strip(result)
    return result


def test_a_catalogus_survives_export_and_import_into_another_gemeente(bron):
    exported = exchange.export_catalogus(bron)
    elders = data.catalogus(factories.gemeente())
    # Through the file, as a gemeente would move it.
    exchange.import_catalogus(exchange.read_document(exchange.dumps(exported)), elders)
    again = exchange.export_catalogus(elders)
    assert without_identity(again) == without_identity(exported)
    assert again["zaaktypen"][0]["uuid"] != exported["zaaktypen"][0]["uuid"]
    assert again["catalogus"]["rsin"] == elders.rsin


def test_the_export_holds_everything_below_a_zaaktype(bron):
    document = exchange.export_catalogus(bron)
    parkeer = next(z for z in document["zaaktypen"] if z["identificatie"] == "PARKEER")
    assert [s["omschrijving"] for s in parkeer["statustypen"]] == [
        "Ontvangen",
        "In behandeling",
        "Afgehandeld",
    ]
    assert parkeer["statustypen"][1]["eigenschappen"] == ["kenteken"]
    assert parkeer["eigenschappen"][0]["statustype"] == 2
    verleend = next(
        r for r in parkeer["resultaattypen"] if r["omschrijving"] == "Verleend"
    )
    assert verleend["selectielijstklasse"] == data.klasse("11.1.2")
    assert verleend["resultaattypeomschrijving"] == "Verleend"
    assert verleend["archiefnominatie"] == "vernietigen"  # from the selectielijst
    assert parkeer["deelzaaktypen"] == ["DEEL"]
    assert parkeer["gerelateerdeZaaktypen"][0]["aardRelatie"] == "vervolg"
    assert parkeer["zaakobjecttypen"][0]["resultaattypen"] == ["Verleend"]
    assert document["formaat"] == "loket-catalogus" and document["versie"] == 1


def test_import_publishes_what_was_published_and_keeps_concepts_concepts(bron):
    document = exchange.export_catalogus(bron)
    document["zaaktypen"][0]["concept"] = True
    elders = data.catalogus(factories.gemeente())
    report = exchange.import_catalogus(document, elders)
    concepts = ZaakType.objects.filter(catalogus=elders, concept=True)
    assert [z.identificatie for z in concepts] == [
        document["zaaktypen"][0]["identificatie"]
    ]
    assert not InformatieObjectType.objects.filter(catalogus=elders, concept=True)
    assert report.zaaktypen == 2 and report.gepubliceerd == 2 + 1 + 1


def test_import_announces_every_new_type_as_a_notificatie(bron):
    before = Notificatie.objects.order_by("-pk").values_list("pk", flat=True)[0]
    elders = data.catalogus(factories.gemeente())
    exchange.import_catalogus(exchange.export_catalogus(bron), elders)
    created = Notificatie.objects.filter(pk__gt=before)
    assert created.filter(kanaal="zaaktypen", resource="zaaktype", actie="create")
    statustypen = created.filter(kanaal="zaaktypen", resource="statustype")
    assert statustypen.filter(actie="create").count() == 6
    assert created.filter(kanaal="besluittypen", actie="publish").count() == 1


def test_a_broken_document_imports_nothing_and_says_where(bron):
    document = exchange.export_catalogus(bron)
    document["zaaktypen"][1]["resultaattypen"][0]["selectielijstklasse"] = (
        "00000000-0000-0000-0000-000000000000"
    )
    elders = data.catalogus(factories.gemeente())
    with pytest.raises(ValidationError) as refused:
        exchange.import_catalogus(document, elders)
    message = " ".join(refused.value.messages)
    assert "zaaktypen[1] (PARKEER) > resultaattypen[0]" in message
    assert "selectielijst" in message
    assert not ZaakType.objects.filter(catalogus=elders).exists()
    assert not BesluitType.objects.filter(catalogus=elders).exists()


def test_a_service_rule_is_reported_with_its_place_in_the_document(bron):
    document = exchange.export_catalogus(bron)
    document["zaaktypen"][1]["doorlooptijd"] = "acht weken"
    elders = data.catalogus(factories.gemeente())
    with pytest.raises(ValidationError) as refused:
        exchange.import_catalogus(document, elders)
    (message,) = refused.value.messages
    assert message.startswith("zaaktypen[1] (PARKEER): doorlooptijd:")
    assert "ISO 8601" in message


def test_unknown_fields_and_unknown_generic_results_are_refused(bron):
    document = exchange.export_catalogus(bron)
    document["zaaktypen"][0]["omschrijvng"] = "tikfout"
    with pytest.raises(ValidationError, match="onbekende velden omschrijvng"):
        exchange.import_catalogus(document, data.catalogus(factories.gemeente()))
    document = exchange.export_catalogus(bron)
    document["zaaktypen"][1]["resultaattypen"][0]["resultaattypeomschrijving"] = "Raar"
    with pytest.raises(ValidationError, match="Referentielijsten"):
        exchange.import_catalogus(document, data.catalogus(factories.gemeente()))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{niet json", "geen geldige JSON"),
        (b'{"formaat": "iets anders"}', "geen Loket-catalogus"),
        (b'{"formaat": "loket-catalogus", "versie": 2}', "versie 2"),
        (b'{"formaat": "loket-catalogus", "versie": 1, "zaaktypen": {}}', "lijst"),
    ],
)
def test_a_file_that_is_not_a_catalogus_of_this_version_is_refused(raw, message):
    with pytest.raises(ValidationError, match=message):
        exchange.read_document(raw)


def test_the_format_covers_every_field_of_the_models():
    """A new model field must be added to the format (and its documentation)."""
    derived = {"id", "uuid", "catalogus", "zaaktype", "gemeente"}
    for spec in exchange.SPECS:
        names = {
            f.name
            for f in spec.model._meta.get_fields()
            if (f.concrete or f.many_to_many) and not f.auto_created
        }
        covered = set(spec.fields) | set(spec.handled) | {"deelzaaktype_identificaties"}
        missing = names - covered - derived
        assert not missing, f"{spec.model.__name__}: {sorted(missing)}"


def test_a_new_version_copies_everything_and_ends_the_current_one(bron):
    current = ZaakType.objects.get(catalogus=bron, identificatie="PARKEER")
    nieuw = exchange.new_version(current, begin=date(2026, 12, 1))
    current.refresh_from_db()
    assert current.einde_geldigheid == date(2026, 11, 30)
    assert nieuw.concept and nieuw.begin_geldigheid == date(2026, 12, 1)
    assert nieuw.einde_geldigheid is None
    assert list(nieuw.statustypen.values_list("omschrijving", flat=True)) == [
        "Ontvangen",
        "In behandeling",
        "Afgehandeld",
    ]
    in_behandeling = nieuw.statustypen.get(volgnummer=2)
    assert list(in_behandeling.eigenschappen.values_list("naam", flat=True)) == [
        "kenteken"
    ]
    assert nieuw.eigenschappen.get().statustype == in_behandeling
    assert nieuw.deelzaaktype_identificaties == ["DEEL"]
    assert nieuw.gerelateerde_zaaktypen.get().zaaktype_identificatie == "DEEL"
    assert StatusType.objects.filter(zaaktype=current).count() == 3
    left, right = (
        exchange.zaaktype_data(z) for z in (current, ZaakType.objects.get(pk=nieuw.pk))
    )
    assert (
        without_identity({"geexporteerdOp": 0, "catalogus": 0, "z": left})["z"][
            "statustypen"
        ]
        == without_identity({"geexporteerdOp": 0, "catalogus": 0, "z": right})["z"][
            "statustypen"
        ]
    )


def test_a_new_version_needs_a_published_latest_version(bron):
    current = ZaakType.objects.get(catalogus=bron, identificatie="PARKEER")
    nieuw = exchange.new_version(current, begin=date(2026, 12, 1))
    with pytest.raises(ValidationError, match="concept"):
        exchange.new_version(nieuw)
    with pytest.raises(ValidationError, match="nieuwere versie"):
        exchange.new_version(current)


def test_the_export_of_some_zaaktypen_takes_the_types_they_use(bron):
    deel = ZaakType.objects.filter(catalogus=bron, identificatie="DEEL")
    document = exchange.export_catalogus(bron, zaaktypen=list(deel))
    assert [z["identificatie"] for z in document["zaaktypen"]] == ["DEEL"]
    assert {i["omschrijving"] for i in document["informatieobjecttypen"]} == {
        "Aanvraag",
        "Besluit",
    }
    assert json.loads(exchange.dumps(document)) == document


def test_a_catalogus_moves_to_another_gemeente_on_the_command_line(bron, tmp_path):
    bestand = tmp_path / "catalogus.json"
    call_command("loket", "exporteer-catalogus", str(bron.uuid), str(bestand))
    lindebroek = factories.gemeente(slug="lindebroek")
    out = StringIO()
    call_command(
        "loket",
        "importeer-catalogus",
        str(bestand),
        "--gemeente",
        "lindebroek",
        stdout=out,
    )
    assert "2 zaaktypen" in out.getvalue()
    catalogus = lindebroek.catalogussen.get()
    assert catalogus.naam == bron.naam
    assert ZaakType.objects.filter(catalogus=catalogus, concept=False).count() == 2


def test_the_command_line_explains_a_file_that_does_not_fit(bron, tmp_path):
    bestand = tmp_path / "kapot.json"
    bestand.write_text('{"formaat": "loket-catalogus", "versie": 7}')
    with pytest.raises(CommandError, match="versie 7"):
        call_command("loket", "importeer-catalogus", str(bestand))
    with pytest.raises(CommandError, match="geen catalogus"):
        call_command("loket", "exporteer-catalogus", "nonsens", "-")


def test_an_inavigator_export_is_imported_on_the_command_line(bron):
    from loket.zgw.catalogi import inavigator

    out = StringIO()
    call_command(
        "loket",
        "importeer-inavigator",
        str(inavigator.EXPORT),
        "--catalogus",
        str(bron.uuid),
        stdout=out,
    )
    assert "20 zaaktypen" in out.getvalue()
    assert "Let op: B0023" in out.getvalue()
