"""A small form on the test catalogue (tests/zgw_data.py: zaaktype PARKEER with
eigenschap kenteken), made through the service, and helpers to fill it in as the
pages would."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from loket.formulieren import services, stappen
from loket.formulieren.models import Kanaal
from loket.formulieren.services import Eigenaar

BSN = "111222333"  # passes the elfproef
PDF = b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

STAPPEN = [
    {
        "titel": "Uw auto",
        "velden": [
            {
                "sleutel": "kenteken",
                "label": "Kenteken",
                "type": "tekst",
                "maximum": 8,
                "eigenschap": "kenteken",
            },
            {
                "sleutel": "soort",
                "label": "Van wie is de auto?",
                "type": "keuze",
                "keuzes": ["Van mij", "Van de zaak"],
            },
            {
                "sleutel": "werkgever",
                "label": "Naam van uw werkgever",
                "type": "tekst",
                "conditie_veld": "soort",
                "conditie_waarde": "Van de zaak",
            },
            {
                "sleutel": "kentekenbewijs",
                "label": "Kentekenbewijs",
                "type": "bestand",
                "bestandstypen": "pdf,jpg,png",
                "max_mb": 1,
            },
        ],
    },
    {
        "titel": "Adres en contact",
        "velden": [
            {
                "sleutel": "adres",
                "label": "Adres",
                "type": "adres",
                "zaakobject": True,
            },
            {"sleutel": "email", "label": "E-mailadres", "type": "email"},
            {
                "sleutel": "telefoon",
                "label": "Telefoonnummer",
                "type": "telefoon",
                "verplicht": False,
            },
        ],
    },
    {
        "titel": "Bestuurders",
        "velden": [
            {
                "sleutel": "bestuurders",
                "label": "Bestuurder",
                "type": "herhaalgroep",
                "maximum": 3,
                "kinderen": [
                    {"sleutel": "naam", "label": "Naam", "type": "tekst"},
                    {
                        "sleutel": "rijbewijs",
                        "label": "Rijbewijs",
                        "type": "bestand",
                        "bestandstypen": "pdf",
                        "verplicht": False,
                    },
                ],
            }
        ],
    },
]


def formulier(cat, **overrides):
    fields = {
        "gemeente": cat.gemeente,
        "product_slug": "parkeervergunning",
        "naam": "Parkeervergunning",
        "zaaktype_identificatie": cat.zaaktype.identificatie,
        "stappen": STAPPEN,
    }
    fields.update(overrides)
    return services.create_formulier(**fields)


def post(**values) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in values.items():
        if isinstance(value, list):
            data.setlist(key, value)
        else:
            data[key] = value
    return data


def files(**uploads) -> MultiValueDict:
    return MultiValueDict(
        {
            key: [SimpleUploadedFile(name, content)]
            for key, (name, content) in uploads.items()
        }
    )


def antwoorden() -> dict:
    """Valid answers per step (fresh upload objects each time)."""
    return {
        1: (
            post(kenteken="AB-123-C", soort="Van de zaak", werkgever="Bakkerij Bol"),
            files(kentekenbewijs=("kenteken.pdf", PDF)),
        ),
        2: (
            post(
                adres_postcode="1234ab",
                adres_huisnummer="12",
                adres_straat="Dorpsstraat",
                adres_woonplaats="Duinwaard",
                email="jan@voorbeeld.nl",
            ),
            None,
        ),
        3: (post(**{"bestuurders-0-naam": "Jan de Vries"}), None),
    }


def concept(formulier_, *, eigenaar=None, kanaal=Kanaal.WEB, medewerker=None):
    concept_, _ = services.start_concept(
        formulier=formulier_,
        eigenaar=eigenaar or Eigenaar(bsn=BSN, naam="J. de Vries"),
        kanaal=kanaal,
        medewerker=medewerker,
    )
    return concept_


def stap(concept_, nummer, data, files_=None):
    """Send step ``nummer`` as the page would; returns the step's result."""
    definitie = stappen.definitie(concept_.formulier)
    resultaat = stappen.verwerk(
        definitie,
        definitie.stap(nummer),
        antwoorden=concept_.antwoorden,
        prefill=concept_.prefill,
        herhalingen=concept_.herhalingen,
        data=data,
        files=files_,
    )
    if resultaat.geldig:
        services.save_stap(
            concept_, nummer=nummer, resultaat=resultaat, definitie=definitie
        )
        concept_.refresh_from_db()
    return resultaat


def ingevuld(formulier_, **kwargs):
    concept_ = concept(formulier_, **kwargs)
    for nummer, (data, files_) in antwoorden().items():
        resultaat = stap(concept_, nummer, data, files_)
        assert resultaat.geldig, resultaat.fouten
    return concept_
