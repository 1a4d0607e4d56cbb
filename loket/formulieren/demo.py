"""The demo forms: six products residents and businesses of the demo gemeenten can
request online, on the demo zaaktypen (``loket/demo/zaaktypen.py``) and their
eigenschappen. Plain Dutch; prefilled from the BRP and the Handelsregister."""

from loket.formulieren import services
from loket.formulieren.models import Formulier

EIGEN = "Over u"
PERSOON = [
    {
        "sleutel": "naam",
        "label": "Naam",
        "type": "tekst",
        "prefill": "persoon.naam",
    },
    {
        "sleutel": "woonadres",
        "label": "Adres",
        "type": "adres",
        "prefill": "persoon.adres",
    },
]
CONTACT = [
    {
        "sleutel": "email",
        "label": "E-mailadres",
        "type": "email",
        "hulptekst": "Hierop krijgt u bericht over uw aanvraag.",
    },
    {
        "sleutel": "telefoon",
        "label": "Telefoonnummer",
        "type": "telefoon",
        "verplicht": False,
        "hulptekst": "Zodat wij u kunnen bellen als er iets niet duidelijk is.",
    },
]

FORMULIEREN = [
    {
        "product_slug": "parkeervergunning-bewoners",
        "naam": "Parkeervergunning voor bewoners aanvragen",
        "zaaktype_identificatie": "PARKEERVERGUNNING-BEWONERS",
        "documenttype": "Aanvraag",
        "inleiding": "Woont u in een wijk met betaald parkeren? Met een "
        "parkeervergunning parkeert u in uw eigen zone. Houd het kenteken van uw "
        "auto bij de hand.",
        "stappen": [
            {"titel": EIGEN, "velden": [*PERSOON, *CONTACT]},
            {
                "titel": "Uw auto",
                "velden": [
                    {
                        "sleutel": "kenteken",
                        "label": "Kenteken",
                        "type": "tekst",
                        "maximum": 8,
                        "eigenschap": "kenteken",
                        "hulptekst": "Bijvoorbeeld AB-123-C.",
                    },
                    {
                        "sleutel": "parkeerzone",
                        "label": "In welke zone woont u?",
                        "type": "keuze",
                        "keuzes": ["Centrum", "Strand", "Dorp-Noord"],
                        "eigenschap": "parkeerzone",
                    },
                    {
                        "sleutel": "eigenaar",
                        "label": "Staat de auto op uw naam?",
                        "type": "keuze",
                        "keuzes": ["Ja", "Nee, het is een auto van de zaak of lease"],
                    },
                    {
                        "sleutel": "kentekenbewijs",
                        "label": "Verklaring van de werkgever of leasemaatschappij",
                        "type": "bestand",
                        "bestandstypen": "pdf,jpg,png",
                        "max_mb": 5,
                        "documenttype": "Kentekenbewijs",
                        "conditie_veld": "eigenaar",
                        "conditie_waarde": "Nee, het is een auto van de zaak of lease",
                        "hulptekst": "Een brief waarin staat dat u de auto mag "
                        "gebruiken.",
                    },
                    {
                        "sleutel": "ingangsdatum",
                        "label": "Vanaf wanneer heeft u de vergunning nodig?",
                        "type": "datum",
                        "minimum": 0,
                        "maximum": 90,
                    },
                ],
            },
            {
                "titel": "Betalen",
                "velden": [
                    {
                        "sleutel": "iban",
                        "label": "Uw IBAN (rekeningnummer)",
                        "type": "iban",
                        "hulptekst": "Wij schrijven de kosten elk jaar af van deze "
                        "rekening.",
                    }
                ],
            },
        ],
    },
    {
        "product_slug": "verhuizing-doorgeven",
        "naam": "Verhuizing doorgeven",
        "zaaktype_identificatie": "VERHUIZING",
        "documenttype": "Verhuismelding",
        "inleiding": "Geef uw nieuwe adres door binnen vijf dagen na de verhuizing. "
        "Dat kan ook tot vier weken ervoor.",
        "stappen": [
            {"titel": EIGEN, "velden": [*PERSOON, *CONTACT]},
            {
                "titel": "Uw nieuwe adres",
                "velden": [
                    {
                        "sleutel": "nieuw_adres",
                        "label": "Nieuw adres",
                        "type": "adres",
                        "zaakobject": True,
                        "hulptekst": "Vul de postcode en het huisnummer in. Wij "
                        "zoeken de straat op.",
                    },
                    {
                        "sleutel": "verhuisdatum",
                        "label": "Verhuisdatum",
                        "type": "datum",
                        "minimum": -5,
                        "maximum": 28,
                        "eigenschap": "verhuisdatum",
                    },
                    {
                        "sleutel": "woonsituatie",
                        "label": "Gaat u in een huis wonen waar al iemand woont?",
                        "type": "keuze",
                        "keuzes": ["Nee", "Ja"],
                    },
                    {
                        "sleutel": "toestemming",
                        "label": "Toestemming van de hoofdbewoner",
                        "type": "bestand",
                        "bestandstypen": "pdf,jpg,png",
                        "max_mb": 5,
                        "documenttype": "Toestemming hoofdbewoner",
                        "conditie_veld": "woonsituatie",
                        "conditie_waarde": "Ja",
                        "hulptekst": "Een brief van de hoofdbewoner, met een kopie "
                        "van zijn of haar identiteitsbewijs.",
                    },
                ],
            },
            {
                "titel": "Wie verhuizen er mee?",
                "velden": [
                    {
                        "sleutel": "meeverhuizers",
                        "label": "Meeverhuizer",
                        "type": "herhaalgroep",
                        "verplicht": False,
                        "maximum": 10,
                        "hulptekst": "Verhuist er niemand mee? Laat dit dan leeg.",
                        "kinderen": [
                            {
                                "sleutel": "meeverhuizer_naam",
                                "label": "Naam",
                                "type": "tekst",
                                "verplicht": False,
                            },
                            {
                                "sleutel": "meeverhuizer_geboortedatum",
                                "label": "Geboortedatum",
                                "type": "datum",
                                "verplicht": False,
                            },
                        ],
                    }
                ],
            },
        ],
    },
    {
        "product_slug": "uittreksel-brp",
        "naam": "Uittreksel BRP aanvragen",
        "zaaktype_identificatie": "UITTREKSEL-BRP",
        "documenttype": "Aanvraag",
        "inleiding": "Een uittreksel laat zien welke gegevens de gemeente van u "
        "heeft. Wij sturen het per post naar uw adres.",
        "stappen": [
            {
                "titel": EIGEN,
                "velden": [
                    *PERSOON,
                    {
                        "sleutel": "geboortedatum",
                        "label": "Geboortedatum",
                        "type": "datum",
                        "prefill": "persoon.geboortedatum",
                    },
                    CONTACT[0],
                ],
            },
            {
                "titel": "Het uittreksel",
                "velden": [
                    {
                        "sleutel": "soort",
                        "label": "Welk uittreksel heeft u nodig?",
                        "type": "keuze",
                        "keuzes": [
                            "Uittreksel BRP",
                            "Uittreksel BRP met adreshistorie",
                            "Internationaal uittreksel",
                        ],
                        "eigenschap": "soort uittreksel",
                    },
                    {
                        "sleutel": "doel",
                        "label": "Waarvoor heeft u het nodig?",
                        "type": "tekst",
                        "verplicht": False,
                        "maximum": 200,
                        "hulptekst": "Bijvoorbeeld: voor mijn werkgever.",
                    },
                ],
            },
        ],
    },
    {
        "product_slug": "gehandicaptenparkeerkaart",
        "naam": "Gehandicaptenparkeerkaart aanvragen",
        "zaaktype_identificatie": "GEHANDICAPTENPARKEERKAART",
        "documenttype": "Aanvraag",
        "inleiding": "Kunt u niet ver lopen? Met een gehandicaptenparkeerkaart "
        "parkeert u op een parkeerplaats voor gehandicapten.",
        "stappen": [
            {"titel": EIGEN, "velden": [*PERSOON, *CONTACT]},
            {
                "titel": "De kaart",
                "velden": [
                    {
                        "sleutel": "soort_kaart",
                        "label": "Wie rijdt er?",
                        "type": "keuze",
                        "keuzes": ["Bestuurderskaart", "Passagierskaart"],
                        "eigenschap": "soort kaart",
                        "hulptekst": "Rijdt u zelf? Kies dan de bestuurderskaart.",
                    },
                    {
                        "sleutel": "loopafstand",
                        "label": "Hoeveel meter kunt u lopen zonder te rusten?",
                        "type": "getal",
                        "minimum": 0,
                        "maximum": 1000,
                    },
                    {
                        "sleutel": "hulpmiddelen",
                        "label": "Welke hulpmiddelen gebruikt u?",
                        "type": "meerkeuze",
                        "verplicht": False,
                        "keuzes": ["Stok", "Rollator", "Rolstoel", "Scootmobiel"],
                    },
                    {
                        "sleutel": "medisch",
                        "label": "Medische verklaring",
                        "type": "bestand",
                        "bestandstypen": "pdf,jpg,png",
                        "max_mb": 10,
                        "documenttype": "Medisch advies",
                        "hulptekst": "Een brief van uw huisarts of specialist over "
                        "uw beperking.",
                    },
                    {
                        "sleutel": "pasfoto",
                        "label": "Pasfoto",
                        "type": "bestand",
                        "bestandstypen": "jpg,png",
                        "max_mb": 2,
                        "documenttype": "Pasfoto",
                    },
                ],
            },
        ],
    },
    {
        "product_slug": "evenementenvergunning",
        "naam": "Evenementenvergunning aanvragen",
        "doelgroep": "bedrijf",
        "zaaktype_identificatie": "EVENEMENTENVERGUNNING",
        "documenttype": "Aanvraag",
        "inleiding": "Organiseert u een evenement op straat of in een park? Vraag "
        "de vergunning minstens acht weken van tevoren aan.",
        "stappen": [
            {
                "titel": "Uw organisatie",
                "velden": [
                    {
                        "sleutel": "bedrijf",
                        "label": "Naam",
                        "type": "tekst",
                        "prefill": "bedrijf.naam",
                    },
                    {
                        "sleutel": "kvk",
                        "label": "KvK-nummer",
                        "type": "tekst",
                        "prefill": "bedrijf.kvk",
                    },
                    {
                        "sleutel": "contactpersoon",
                        "label": "Naam van de contactpersoon",
                        "type": "tekst",
                    },
                    *CONTACT,
                ],
            },
            {
                "titel": "Het evenement",
                "velden": [
                    {
                        "sleutel": "omschrijving",
                        "label": "Wat voor evenement is het?",
                        "type": "tekstvak",
                        "maximum": 1000,
                    },
                    {
                        "sleutel": "datum",
                        "label": "Eerste dag van het evenement",
                        "type": "datum",
                        "minimum": 56,
                        "eigenschap": "datum evenement",
                        "hulptekst": "Minstens acht weken na vandaag.",
                    },
                    {
                        "sleutel": "bezoekers",
                        "label": "Hoeveel bezoekers verwacht u tegelijk?",
                        "type": "getal",
                        "minimum": 1,
                        "eigenschap": "aantal bezoekers",
                    },
                    {
                        "sleutel": "locatie",
                        "label": "Adres van de plek",
                        "type": "adres",
                        "zaakobject": True,
                    },
                    {
                        "sleutel": "situatietekening",
                        "label": "Situatietekening",
                        "type": "bestand",
                        "bestandstypen": "pdf,jpg,png",
                        "max_mb": 10,
                        "documenttype": "Situatietekening",
                    },
                ],
            },
        ],
    },
    {
        "product_slug": "bezwaar",
        "naam": "Bezwaar maken",
        "doelgroep": "beide",
        "zaaktype_identificatie": "BEZWAAR",
        "documenttype": "Bezwaarschrift",
        "inleiding": "Bent u het niet eens met een besluit van de gemeente? Maak "
        "dan bezwaar binnen zes weken na de datum van het besluit.",
        "stappen": [
            {
                "titel": "Uw gegevens",
                "velden": [{**PERSOON[0], "verplicht": True}, *CONTACT],
            },
            {
                "titel": "Uw bezwaar",
                "velden": [
                    {
                        "sleutel": "besluitdatum",
                        "label": "Datum van het besluit",
                        "type": "datum",
                        "maximum": 0,
                    },
                    {
                        "sleutel": "kenmerk",
                        "label": "Kenmerk of zaaknummer van het besluit",
                        "type": "tekst",
                        "verplicht": False,
                        "maximum": 40,
                    },
                    {
                        "sleutel": "reden",
                        "label": "Waarom bent u het niet eens met het besluit?",
                        "type": "tekstvak",
                        "maximum": 5000,
                    },
                    {
                        "sleutel": "besluit",
                        "label": "Kopie van het besluit",
                        "type": "bestand",
                        "verplicht": False,
                        "bestandstypen": "pdf,jpg,png",
                        "max_mb": 10,
                    },
                    {
                        "sleutel": "horen",
                        "label": "Wilt u uw bezwaar komen toelichten?",
                        "type": "keuze",
                        "keuzes": ["Ja", "Nee"],
                    },
                ],
            },
        ],
    },
]


def load(gemeenten: dict, report) -> None:
    """The demo forms for every demo gemeente; a form that exists stays as it is."""
    for gemeente in gemeenten.values():
        for spec in FORMULIEREN:
            exists = Formulier.objects.filter(
                gemeente=gemeente, product_slug=spec["product_slug"]
            ).exists()
            report.note(not exists, f"formulier {spec['naam']} ({gemeente.naam})")
            if not exists:
                services.create_formulier(gemeente=gemeente, **spec)
