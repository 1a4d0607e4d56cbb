"""Test data for the catalogue beheer, import and export: the reference lists and
a small but complete catalogus document, created through the services."""

from loket.organisaties.models import Gemeente
from loket.zgw.catalogi import exchange, services
from loket.zgw.catalogi.models import Catalogus
from loket.zgw.referentielijsten.models import (
    ProcesType,
    Resultaat,
    ResultaattypeOmschrijving,
)
from loket.zgw.referentielijsten.services import load_selectielijst

OMSCHRIJVINGEN = (
    "Afgebroken",
    "Afgehandeld",
    "Afgewezen",
    "Buiten behandeling",
    "Geweigerd",
    "Ingewilligd",
    "Toegekend",
    "Verleend",
    "Verwerkt",
)


def referentielijsten() -> None:
    if not ProcesType.objects.exists():
        load_selectielijst()
    for name in OMSCHRIJVINGEN:
        ResultaattypeOmschrijving.objects.get_or_create(
            omschrijving=name, defaults={"definitie": f"Het resultaat is {name}."}
        )


def klasse(nummer: str) -> str:
    """The UUID of a Selectielijst 2020 class by its number (``"11.1"``)."""
    procestype, *rest = (int(part) for part in nummer.split("."))
    klassen = Resultaat.objects.filter(
        proces_type__nummer=procestype, proces_type__jaar=2020
    )
    if len(rest) == 1:
        return str(klassen.get(generiek_resultaat=None, nummer=rest[0]).uuid)
    return str(klassen.get(generiek_resultaat__nummer=rest[0], nummer=rest[1]).uuid)


def procestype(nummer: int) -> str:
    return str(ProcesType.objects.get(jaar=2020, nummer=nummer).uuid)


def catalogus(gemeente: Gemeente, **fields) -> Catalogus:
    return services.create_catalogus(
        domein=fields.pop("domein", "ZAKEN"),
        rsin=gemeente.rsin,
        contactpersoon_beheer_naam="Fatima El Amrani",
        naam=f"Zaaktypen {gemeente.naam}",
        **fields,
    )


def zaaktype(identificatie: str = "PARKEER", **overrides) -> dict:
    """A published zaaktype that uses every part of the format."""
    data = {
        "identificatie": identificatie,
        "omschrijving": "Parkeervergunning",
        "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        "doel": "Een parkeervergunning verlenen.",
        "aanleiding": "Een bewoner vraagt een vergunning aan.",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "Aanvragen",
        "onderwerp": "Parkeervergunning",
        "handelingBehandelaar": "Behandelen",
        "doorlooptijd": "P8W",
        "servicenorm": "P2W",
        "opschortingEnAanhoudingMogelijk": True,
        "verlengingMogelijk": True,
        "verlengingstermijn": "P4W",
        "trefwoorden": ["parkeren"],
        "productenOfDiensten": [
            "http://standaarden.overheid.nl/owms/terms/parkeervergunning"
        ],
        "referentieprocesNaam": "Vergunning verlenen",
        "verantwoordelijke": "Team Vergunningen",
        "besluittypen": ["Besluit op aanvraag"],
        "beginGeldigheid": "2026-01-01",
        "versiedatum": "2026-01-01",
        "concept": False,
        "selectielijstProcestype": procestype(11),
        "statustypen": [
            {"omschrijving": "Ontvangen", "volgnummer": 1, "informeren": True},
            {
                "omschrijving": "In behandeling",
                "volgnummer": 2,
                "statustekst": "We beoordelen uw aanvraag.",
                "eigenschappen": ["kenteken"],
                "checklistitemStatustype": [
                    {
                        "itemnaam": "Kenteken gecontroleerd",
                        "toelichting": "",
                        "vraagstelling": "Klopt het kenteken met de RDW?",
                        "verplicht": True,
                    }
                ],
            },
            {"omschrijving": "Afgehandeld", "volgnummer": 3, "informeren": True},
        ],
        "resultaattypen": [
            {
                "omschrijving": "Verleend",
                "resultaattypeomschrijving": "Verleend",
                "selectielijstklasse": klasse("11.1.2"),
                "brondatumAfleidingswijze": "vervaldatum_besluit",
                "besluittypen": ["Besluit op aanvraag"],
                "informatieobjecttypen": ["Besluit"],
            },
            {
                "omschrijving": "Geweigerd",
                "resultaattypeomschrijving": "Geweigerd",
                "selectielijstklasse": klasse("11.2"),
                "brondatumAfleidingswijze": "afgehandeld",
            },
        ],
        "roltypen": [
            {"omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"},
            {"omschrijving": "Behandelaar", "omschrijvingGeneriek": "behandelaar"},
        ],
        "eigenschappen": [
            {
                "naam": "kenteken",
                "definitie": "Het kenteken van de auto.",
                "formaat": "tekst",
                "lengte": "8",
                "kardinaliteit": "1",
                "statustype": 2,
            }
        ],
        "informatieobjecttypen": [
            {
                "informatieobjecttype": "Aanvraag",
                "volgnummer": 1,
                "richting": "inkomend",
            },
            {
                "informatieobjecttype": "Besluit",
                "volgnummer": 2,
                "richting": "uitgaand",
                "statustype": 3,
            },
        ],
        "zaakobjecttypen": [
            {
                "relatieOmschrijving": "Auto",
                "objecttype": "https://objecttypen.example/api/v2/objecttypes/auto",
                "statustypen": [2],
                "resultaattypen": ["Verleend"],
            }
        ],
    }
    data.update(overrides)
    return data


def document(*zaaktypen: dict) -> dict:
    return {
        "formaat": exchange.FORMAAT,
        "versie": exchange.VERSIE,
        "catalogus": {"domein": "ZAKEN", "rsin": "", "naam": "Test"},
        "informatieobjecttypen": [
            {
                "omschrijving": name,
                "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
                "informatieobjectcategorie": name,
                "beginGeldigheid": "2026-01-01",
                "concept": False,
            }
            for name in ("Aanvraag", "Besluit")
        ],
        "besluittypen": [
            {
                "omschrijving": "Besluit op aanvraag",
                "besluitcategorie": "Beschikking",
                "reactietermijn": "P6W",
                "informatieobjecttypen": ["Besluit"],
                "beginGeldigheid": "2026-01-01",
                "concept": False,
            }
        ],
        "zaaktypen": list(zaaktypen) or [zaaktype()],
    }
