"""The demo catalogue, written by hand: the zaaktypen residents ask for most.

Each zaaktype says what a functional administrator would fill in: its statuses in
order (the last one closes the zaak), its possible results with the class of the
Selectielijst gemeenten en intergemeentelijke organen 2020 they are archived by
(``"11.1.2"``: procestype 11, result 1.2), the documents that belong to it and
who is involved.

Terms are ISO 8601 durations. ``doorlooptijd`` is the legal term (the law that
governs the product, else the Awb's "redelijke termijn" of eight weeks, art. 4:13);
``servicenorm`` is what the gemeente promises, usually shorter. Products refer to
the Uniforme Productnamenlijst (UPL). A few zaaktypen come from a real municipal
catalogue instead (``catalogus.INAVIGATOR``).
"""

from dataclasses import dataclass

UPL = "http://standaarden.overheid.nl/owms/terms/"


@dataclass(frozen=True)
class Status:
    omschrijving: str
    statustekst: str
    informeren: bool = True


@dataclass(frozen=True)
class Resultaat:
    omschrijving: str
    generiek: str  # a ResultaattypeOmschrijving (see data.RESULTAATTYPEOMSCHRIJVINGEN)
    selectielijst: str  # the number of the Selectielijst 2020 class
    # When the archiving term starts; "afgehandeld" when the zaak closes.
    brondatum: str = "afgehandeld"


@dataclass(frozen=True)
class Document:
    omschrijving: str  # a documenttype of DOCUMENTTYPEN
    richting: str  # inkomend, uitgaand or intern


@dataclass(frozen=True)
class Eigenschap:
    naam: str
    definitie: str
    formaat: str = "tekst"
    lengte: str = "40"
    waarden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Zaaktype:
    identificatie: str
    omschrijving: str
    onderwerp: str
    handeling_initiator: str
    doel: str
    aanleiding: str
    procestype: int  # Selectielijst 2020
    doorlooptijd: str
    servicenorm: str
    statussen: tuple[Status, ...]
    resultaten: tuple[Resultaat, ...]
    documenten: tuple[Document, ...]
    product: str
    verantwoordelijke: str
    referentieproces: str
    initiator: str = "Aanvrager"
    handeling_behandelaar: str = "Behandelen"
    vertrouwelijkheid: str = "zaakvertrouwelijk"
    opschorting: bool = True
    verlengingstermijn: str | None = None
    eigenschappen: tuple[Eigenschap, ...] = ()
    besluittype: str | None = None
    extra_rollen: tuple[tuple[str, str], ...] = ()  # (omschrijving, generiek)
    trefwoorden: tuple[str, ...] = ()


# Documenttypen, shared by the zaaktypen: omschrijving → (categorie, vertrouwelijkheid).
DOCUMENTTYPEN = {
    "Aanvraag": ("Aanvraag", "zaakvertrouwelijk"),
    "Bijlage bij aanvraag": ("Bijlage", "zaakvertrouwelijk"),
    "Ontvangstbevestiging": ("Brief", "zaakvertrouwelijk"),
    "Verzoek om aanvulling": ("Brief", "zaakvertrouwelijk"),
    "Aanvulling": ("Bijlage", "zaakvertrouwelijk"),
    "Besluit": ("Besluit", "zaakvertrouwelijk"),
    "Kentekenbewijs": ("Bewijsstuk", "zaakvertrouwelijk"),
    "Uittreksel BRP": ("Uittreksel", "zaakvertrouwelijk"),
    "Verhuismelding": ("Melding", "zaakvertrouwelijk"),
    "Toestemming hoofdbewoner": ("Bewijsstuk", "zaakvertrouwelijk"),
    "Huurcontract of koopakte": ("Bewijsstuk", "zaakvertrouwelijk"),
    "Bevestiging adreswijziging": ("Brief", "zaakvertrouwelijk"),
    "Melding": ("Melding", "zaakvertrouwelijk"),
    "Foto": ("Foto", "zaakvertrouwelijk"),
    "Terugkoppeling aan melder": ("Brief", "zaakvertrouwelijk"),
    "Situatietekening": ("Tekening", "zaakvertrouwelijk"),
    "Veiligheidsplan": ("Plan", "zaakvertrouwelijk"),
    "Advies hulpdiensten": ("Advies", "intern"),
    "Pasfoto": ("Foto", "zaakvertrouwelijk"),
    "Medisch advies": ("Advies", "vertrouwelijk"),
    "Melding voorgenomen huwelijk": ("Melding", "zaakvertrouwelijk"),
    "Gegevens getuigen": ("Bijlage", "zaakvertrouwelijk"),
    "Bevestiging ceremonie": ("Brief", "zaakvertrouwelijk"),
    "Akte burgerlijke stand": ("Akte", "zaakvertrouwelijk"),
    "Geboorteaangifte": ("Aangifte", "zaakvertrouwelijk"),
    "Bezwaarschrift": ("Bezwaarschrift", "zaakvertrouwelijk"),
    "Verweerschrift": ("Brief", "zaakvertrouwelijk"),
    "Uitnodiging hoorzitting": ("Brief", "zaakvertrouwelijk"),
    "Verslag hoorzitting": ("Verslag", "zaakvertrouwelijk"),
    "Advies bezwaarcommissie": ("Advies", "zaakvertrouwelijk"),
    "Woo-verzoek": ("Verzoek", "zaakvertrouwelijk"),
    "Inventarislijst": ("Lijst", "zaakvertrouwelijk"),
    "Zienswijze": ("Brief", "zaakvertrouwelijk"),
    "Openbaar gemaakte documenten": ("Publicatie", "openbaar"),
    "Bewijsstukken inkomsten en uitgaven": ("Bewijsstuk", "vertrouwelijk"),
    "Rapportage onderzoek": ("Rapport", "vertrouwelijk"),
    "Bouwtekening": ("Tekening", "zaakvertrouwelijk"),
    "Constructieberekening": ("Rapport", "zaakvertrouwelijk"),
    "Klaagschrift": ("Klacht", "zaakvertrouwelijk"),
    "Verslag gesprek": ("Verslag", "zaakvertrouwelijk"),
    "Afhandelingsbrief": ("Brief", "zaakvertrouwelijk"),
    "Aanvraag reisdocument": ("Aanvraag", "zaakvertrouwelijk"),
    "Bevestiging levering": ("Brief", "zaakvertrouwelijk"),
    "Verzoek om kwijtschelding": ("Verzoek", "vertrouwelijk"),
    "Melding hulpvraag": ("Melding", "vertrouwelijk"),
    "Gespreksverslag": ("Verslag", "vertrouwelijk"),
}

# Besluittypen: omschrijving → (categorie, reactietermijn, publicatie).
BESLUITTYPEN = {
    "Besluit op aanvraag": ("Beschikking", "P6W", False),
    "Beslissing op bezwaar": ("Beslissing op bezwaar", "P6W", False),
    "Besluit op Woo-verzoek": ("Beschikking", "P6W", True),
}

ONTVANGEN = Status("Ontvangen", "We hebben uw aanvraag ontvangen.")
IN_BEHANDELING = Status(
    "In behandeling",
    "Een medewerker beoordeelt uw aanvraag. Als er iets ontbreekt, nemen we "
    "contact met u op.",
)
BESLUIT = Status(
    "Besluit genomen",
    "We hebben een besluit genomen. U vindt het besluit bij uw zaak in Mijn Loket.",
)
AFGEHANDELD = Status("Afgehandeld", "Uw zaak is afgehandeld.")

AANVRAAG = (ONTVANGEN, IN_BEHANDELING, BESLUIT, AFGEHANDELD)
AANVRAAG_DOCUMENTEN = (
    Document("Aanvraag", "inkomend"),
    Document("Ontvangstbevestiging", "uitgaand"),
    Document("Verzoek om aanvulling", "uitgaand"),
    Document("Aanvulling", "inkomend"),
)


def toestemming(verleend: str) -> tuple[Resultaat, ...]:
    """The results of a permit (Selectielijst procestype 11, toestemming verlenen)."""
    return (
        Resultaat("Verleend", "Verleend", verleend, brondatum_for(verleend)),
        Resultaat("Geweigerd", "Geweigerd", "11.2"),
        Resultaat("Buiten behandeling gesteld", "Buiten behandeling", "11.2"),
        Resultaat("Aanvraag ingetrokken", "Ingetrokken", "11.4"),
    )


def brondatum_for(klasse: str) -> str:
    # A permit for a period is archived from its end; one-offs when the zaak closes.
    return "vervaldatum_besluit" if klasse in ("11.1", "11.1.2") else "afgehandeld"


ZAAKTYPEN = [
    Zaaktype(
        identificatie="PARKEERVERGUNNING-BEWONERS",
        omschrijving="Parkeervergunning voor bewoners",
        onderwerp="Parkeervergunning",
        handeling_initiator="Aanvragen",
        doel="Een bewoner van een gebied met betaald parkeren een vergunning geven "
        "om in de eigen zone te parkeren.",
        aanleiding="Een bewoner vraagt een parkeervergunning aan, meestal na een "
        "verhuizing of de aanschaf van een auto.",
        procestype=11,
        doorlooptijd="P8W",
        servicenorm="P2W",
        statussen=AANVRAAG,
        resultaten=toestemming("11.1.2"),
        documenten=(
            *AANVRAAG_DOCUMENTEN,
            Document("Kentekenbewijs", "inkomend"),
            Document("Besluit", "uitgaand"),
        ),
        eigenschappen=(
            Eigenschap("kenteken", "Het kenteken van de auto.", lengte="8"),
            Eigenschap(
                "parkeerzone",
                "De zone waarvoor de vergunning geldt.",
                waarden=("Centrum", "Strand", "Dorp-Noord"),
            ),
        ),
        besluittype="Besluit op aanvraag",
        product=UPL + "parkeervergunning",
        verantwoordelijke="Team Vergunningen",
        referentieproces="Vergunning verlenen",
        trefwoorden=("parkeren", "vergunning"),
    ),
    Zaaktype(
        identificatie="UITTREKSEL-BRP",
        omschrijving="Uittreksel uit de Basisregistratie Personen",
        onderwerp="Uittreksel BRP",
        handeling_initiator="Aanvragen",
        handeling_behandelaar="Verstrekken",
        doel="Een inwoner een uittreksel geven van de eigen gegevens in de BRP.",
        aanleiding="Een inwoner heeft een uittreksel nodig, bijvoorbeeld voor een "
        "werkgever, een woningcorporatie of een buitenlandse instantie.",
        procestype=5,
        doorlooptijd="P1W",
        servicenorm="P3D",
        opschorting=False,
        statussen=(
            ONTVANGEN,
            Status("Verstuurd", "We hebben het uittreksel naar u verstuurd."),
            AFGEHANDELD,
        ),
        resultaten=(
            Resultaat("Verstrekt", "Geleverd", "5.1.2"),
            Resultaat("Niet verstrekt", "Niet geleverd", "5.3"),
            Resultaat("Aanvraag ingetrokken", "Ingetrokken", "5.4"),
        ),
        documenten=(
            Document("Aanvraag", "inkomend"),
            Document("Uittreksel BRP", "uitgaand"),
        ),
        eigenschappen=(
            Eigenschap(
                "soort uittreksel",
                "Welk uittreksel de inwoner vraagt.",
                waarden=(
                    "Uittreksel BRP",
                    "Uittreksel BRP met adreshistorie",
                    "Internationaal uittreksel",
                ),
            ),
        ),
        product=UPL + "brpUittr",
        verantwoordelijke="Team Burgerzaken",
        referentieproces="Product leveren",
        trefwoorden=("brp", "uittreksel"),
    ),
    Zaaktype(
        identificatie="VERHUIZING",
        omschrijving="Verhuizing doorgeven",
        onderwerp="Verhuizing",
        handeling_initiator="Doorgeven",
        handeling_behandelaar="Verwerken",
        doel="Het nieuwe adres van een inwoner vastleggen in de BRP.",
        aanleiding="Een inwoner geeft binnen vijf dagen na de verhuizing het nieuwe "
        "adres door (Wet BRP, art. 2.39).",
        procestype=7,
        doorlooptijd="P4W",
        servicenorm="P5D",
        statussen=(
            Status("Ontvangen", "We hebben uw verhuizing ontvangen."),
            Status(
                "In behandeling",
                "We controleren de gegevens. Soms doen we een adresonderzoek.",
            ),
            Status(
                "Verwerkt in de BRP",
                "Uw nieuwe adres staat in de Basisregistratie Personen.",
            ),
            AFGEHANDELD,
        ),
        resultaten=(
            Resultaat("Verwerkt", "Verwerkt", "7.1.7"),
            Resultaat("Niet verwerkt", "Geweigerd", "7.2"),
            Resultaat("Ingetrokken", "Ingetrokken", "7.3"),
        ),
        documenten=(
            Document("Verhuismelding", "inkomend"),
            Document("Toestemming hoofdbewoner", "inkomend"),
            Document("Huurcontract of koopakte", "inkomend"),
            Document("Bevestiging adreswijziging", "uitgaand"),
        ),
        eigenschappen=(
            Eigenschap(
                "verhuisdatum", "De datum van de verhuizing.", "datum", lengte="8"
            ),
        ),
        initiator="Verhuizer",
        product=UPL + "verhuismelding",
        verantwoordelijke="Team Burgerzaken",
        referentieproces="Aangifte verwerken",
        trefwoorden=("verhuizen", "adres", "brp"),
    ),
    Zaaktype(
        identificatie="MELDING-OPENBARE-RUIMTE",
        omschrijving="Melding openbare ruimte",
        onderwerp="Melding openbare ruimte",
        handeling_initiator="Melden",
        handeling_behandelaar="Oplossen",
        doel="Een probleem in de openbare ruimte oplossen: kapotte verlichting, "
        "losliggende tegels, zwerfafval, overlast.",
        aanleiding="Een inwoner of ondernemer meldt iets in de openbare ruimte.",
        procestype=6,
        doorlooptijd="P4W",
        servicenorm="P5D",
        opschorting=False,
        statussen=(
            Status("Ontvangen", "Bedankt voor uw melding. We bekijken haar snel."),
            Status("Ingepland", "We hebben het werk ingepland."),
            Status("Afgehandeld", "We hebben uw melding afgehandeld."),
        ),
        resultaten=(
            Resultaat("Opgelost", "Afgehandeld", "6.1"),
            Resultaat("Niet opgelost", "Afgewezen", "6.2"),
            Resultaat("Dubbele melding", "Afgebroken", "6.3"),
        ),
        documenten=(
            Document("Melding", "inkomend"),
            Document("Foto", "inkomend"),
            Document("Terugkoppeling aan melder", "uitgaand"),
        ),
        eigenschappen=(
            Eigenschap(
                "categorie",
                "Waar de melding over gaat.",
                waarden=(
                    "Afval",
                    "Straatverlichting",
                    "Wegen, fietspaden en trottoirs",
                    "Groen",
                    "Riolering",
                    "Overlast",
                ),
            ),
        ),
        initiator="Melder",
        product=UPL + "melding_openbare_ruimte_(algemeen)",
        verantwoordelijke="Team Openbare Ruimte",
        referentieproces="Verzoek behandelen",
        trefwoorden=("melding", "openbare ruimte"),
    ),
    Zaaktype(
        identificatie="EVENEMENTENVERGUNNING",
        omschrijving="Evenementenvergunning",
        onderwerp="Evenementenvergunning",
        handeling_initiator="Aanvragen",
        doel="Beoordelen of een evenement veilig en zonder onnodige overlast kan "
        "plaatsvinden, en het zo nodig onder voorwaarden toestaan.",
        aanleiding="Een organisator vraagt een vergunning aan voor een evenement "
        "(APV, art. 2:25).",
        procestype=11,
        doorlooptijd="P8W",
        servicenorm="P6W",
        verlengingstermijn="P6W",
        statussen=(
            ONTVANGEN,
            IN_BEHANDELING,
            Status(
                "Advies hulpdiensten gevraagd",
                "We hebben politie, brandweer en GGD om advies gevraagd.",
            ),
            BESLUIT,
            AFGEHANDELD,
        ),
        resultaten=toestemming("11.1.1"),
        documenten=(
            *AANVRAAG_DOCUMENTEN,
            Document("Situatietekening", "inkomend"),
            Document("Veiligheidsplan", "inkomend"),
            Document("Advies hulpdiensten", "inkomend"),
            Document("Besluit", "uitgaand"),
        ),
        eigenschappen=(
            Eigenschap(
                "datum evenement", "De (eerste) dag van het evenement.", "datum", "8"
            ),
            Eigenschap(
                "aantal bezoekers",
                "Het verwachte grootste aantal bezoekers tegelijk.",
                "getal",
                "6",
            ),
        ),
        besluittype="Besluit op aanvraag",
        extra_rollen=(("Adviseur hulpdiensten", "adviseur"),),
        initiator="Organisator",
        product=UPL + "evenementenvergunning",
        verantwoordelijke="Team Vergunningen",
        referentieproces="Vergunning verlenen",
        trefwoorden=("evenement", "vergunning"),
    ),
    Zaaktype(
        identificatie="GEHANDICAPTENPARKEERKAART",
        omschrijving="Gehandicaptenparkeerkaart",
        onderwerp="Gehandicaptenparkeerkaart",
        handeling_initiator="Aanvragen",
        doel="Iemand die slecht ter been is een kaart geven om op "
        "gehandicaptenparkeerplaatsen te parkeren.",
        aanleiding="Een inwoner vraagt een gehandicaptenparkeerkaart aan (BABW, "
        "art. 49).",
        procestype=8,
        doorlooptijd="P8W",
        servicenorm="P6W",
        vertrouwelijkheid="vertrouwelijk",
        statussen=(
            ONTVANGEN,
            Status(
                "Medische keuring aangevraagd",
                "Een onafhankelijk arts beoordeelt uw situatie. U krijgt een "
                "uitnodiging voor de keuring.",
            ),
            BESLUIT,
            AFGEHANDELD,
        ),
        resultaten=(
            Resultaat("Verstrekt", "Toegekend", "8.1.14", "vervaldatum_besluit"),
            Resultaat("Geweigerd", "Geweigerd", "8.2"),
            Resultaat("Aanvraag ingetrokken", "Ingetrokken", "8.4"),
        ),
        documenten=(
            *AANVRAAG_DOCUMENTEN,
            Document("Pasfoto", "inkomend"),
            Document("Medisch advies", "inkomend"),
            Document("Besluit", "uitgaand"),
        ),
        eigenschappen=(
            Eigenschap(
                "soort kaart",
                "Voor de bestuurder of voor een passagier.",
                waarden=("Bestuurderskaart", "Passagierskaart"),
            ),
        ),
        besluittype="Besluit op aanvraag",
        extra_rollen=(("Keuringsarts", "adviseur"),),
        product=UPL + "gehandicaptenparkeerkaart",
        verantwoordelijke="Team Zorg en Welzijn",
        referentieproces="Voorziening verstrekken",
        trefwoorden=("parkeren", "gehandicapt"),
    ),
    Zaaktype(
        identificatie="HUWELIJK-PARTNERSCHAP",
        omschrijving="Huwelijk of geregistreerd partnerschap",
        onderwerp="Huwelijk of partnerschap",
        handeling_initiator="Melden",
        handeling_behandelaar="Voltrekken",
        doel="Een huwelijk of geregistreerd partnerschap voltrekken en in de "
        "burgerlijke stand en de BRP vastleggen.",
        aanleiding="Twee partners melden hun voorgenomen huwelijk of partnerschap, "
        "tussen een jaar en twee weken voor de datum (BW 1, art. 44).",
        procestype=7,
        doorlooptijd="P1Y",
        servicenorm="P1W",
        opschorting=False,
        statussen=(
            Status("Melding ontvangen", "We hebben uw melding ontvangen."),
            Status(
                "Melding gecontroleerd",
                "We hebben uw gegevens en die van de getuigen gecontroleerd.",
            ),
            Status(
                "Ceremonie gepland",
                "De datum, de tijd en de trouwambtenaar staan vast.",
            ),
            Status(
                "Akte opgemaakt",
                "Gefeliciteerd! De akte staat in de burgerlijke stand.",
            ),
            AFGEHANDELD,
        ),
        resultaten=(
            Resultaat("Voltrokken", "Verwerkt", "7.1.5"),
            Resultaat("Geannuleerd", "Afgebroken", "7.3"),
        ),
        documenten=(
            Document("Melding voorgenomen huwelijk", "inkomend"),
            Document("Gegevens getuigen", "inkomend"),
            Document("Bevestiging ceremonie", "uitgaand"),
            Document("Akte burgerlijke stand", "uitgaand"),
        ),
        eigenschappen=(
            Eigenschap("datum ceremonie", "De dag van de ceremonie.", "datum", "8"),
            Eigenschap(
                "soort verbintenis",
                "Huwelijk of geregistreerd partnerschap.",
                waarden=("Huwelijk", "Geregistreerd partnerschap"),
            ),
            Eigenschap("trouwlocatie", "Waar de ceremonie plaatsvindt.", lengte="80"),
        ),
        initiator="Partner",
        extra_rollen=(("Tweede partner", "mede_initiator"),),
        product=UPL + "huwelijksaangifte",
        verantwoordelijke="Team Burgerzaken",
        referentieproces="Aangifte verwerken",
        trefwoorden=("trouwen", "partnerschap", "burgerlijke stand"),
    ),
    Zaaktype(
        identificatie="GEBOORTEAANGIFTE",
        omschrijving="Geboorteaangifte",
        onderwerp="Geboorteaangifte",
        handeling_initiator="Aangeven",
        handeling_behandelaar="Verwerken",
        doel="De geboorte van een kind vastleggen in een akte en in de BRP.",
        aanleiding="Een ouder doet binnen drie dagen na de geboorte aangifte (BW 1, "
        "art. 19e).",
        procestype=7,
        doorlooptijd="P3D",
        servicenorm="P1D",
        opschorting=False,
        statussen=(
            Status("Aangifte ontvangen", "We hebben de geboorteaangifte ontvangen."),
            Status(
                "Akte opgemaakt",
                "De geboorteakte is opgemaakt en uw kind staat in de BRP.",
            ),
            AFGEHANDELD,
        ),
        resultaten=(
            Resultaat("Verwerkt", "Verwerkt", "7.1.2"),
            Resultaat("Afgebroken", "Afgebroken", "7.3"),
        ),
        documenten=(
            Document("Geboorteaangifte", "inkomend"),
            Document("Akte burgerlijke stand", "uitgaand"),
        ),
        initiator="Aangever",
        product=UPL + "geboorteaangifte",
        verantwoordelijke="Team Burgerzaken",
        referentieproces="Aangifte verwerken",
        trefwoorden=("geboorte", "burgerlijke stand"),
    ),
    Zaaktype(
        identificatie="BEZWAAR",
        omschrijving="Bezwaar tegen een besluit",
        onderwerp="Bezwaar",
        handeling_initiator="Indienen",
        handeling_behandelaar="Beslissen",
        doel="Een besluit van de gemeente opnieuw en volledig bekijken, en "
        "beslissen of het blijft, verandert of vervalt.",
        aanleiding="Iemand is het niet eens met een besluit en dient binnen zes "
        "weken bezwaar in (Awb, art. 6:7).",
        procestype=13,
        doorlooptijd="P12W",
        servicenorm="P10W",
        verlengingstermijn="P6W",
        statussen=(
            Status("Ontvangen", "We hebben uw bezwaar ontvangen."),
            Status(
                "Ontvankelijkheid beoordeeld",
                "We hebben gecontroleerd of uw bezwaar aan de eisen voldoet.",
            ),
            Status(
                "Hoorzitting gehouden",
                "U bent gehoord door de bezwaarcommissie. Het verslag vindt u in "
                "Mijn Loket.",
            ),
            Status(
                "Advies commissie ontvangen",
                "De bezwaarcommissie heeft advies uitgebracht aan het college.",
            ),
            Status(
                "Beslissing genomen",
                "Er is een beslissing op uw bezwaar. U vindt haar in Mijn Loket.",
            ),
            AFGEHANDELD,
        ),
        resultaten=(
            Resultaat("Gegrond", "Gegrond", "13.1"),
            Resultaat("Gedeeltelijk gegrond", "Gedeeltelijk gegrond", "13.1"),
            Resultaat("Ongegrond", "Ongegrond", "13.1"),
            Resultaat("Niet ontvankelijk", "Niet ontvankelijk", "13.1.4"),
            Resultaat("Ingetrokken", "Ingetrokken", "13.2"),
        ),
        documenten=(
            Document("Bezwaarschrift", "inkomend"),
            Document("Ontvangstbevestiging", "uitgaand"),
            Document("Verweerschrift", "intern"),
            Document("Uitnodiging hoorzitting", "uitgaand"),
            Document("Verslag hoorzitting", "intern"),
            Document("Advies bezwaarcommissie", "intern"),
            Document("Besluit", "uitgaand"),
        ),
        besluittype="Beslissing op bezwaar",
        initiator="Bezwaarmaker",
        extra_rollen=(("Bezwaarcommissie", "adviseur"), ("College", "beslisser")),
        product=UPL + "bezwaar",
        verantwoordelijke="Team Juridische Zaken",
        referentieproces="Geschil behandelen",
        trefwoorden=("bezwaar", "awb"),
    ),
    Zaaktype(
        identificatie="WOO-VERZOEK",
        omschrijving="Verzoek om openbaarmaking (Woo)",
        onderwerp="Woo-verzoek",
        handeling_initiator="Indienen",
        handeling_behandelaar="Beslissen",
        doel="Beslissen welke documenten over een bestuurlijke aangelegenheid "
        "openbaar worden, en ze openbaar maken.",
        aanleiding="Iemand vraagt om informatie (Wet open overheid, art. 4.1).",
        procestype=6,
        doorlooptijd="P4W",
        servicenorm="P4W",
        verlengingstermijn="P2W",
        statussen=(
            Status("Ontvangen", "We hebben uw verzoek ontvangen."),
            Status(
                "Documenten verzameld",
                "We hebben de documenten verzameld en beoordelen ze nu.",
            ),
            Status(
                "Zienswijze gevraagd",
                "We hebben betrokkenen gevraagd wat zij van openbaarmaking vinden.",
            ),
            Status(
                "Besluit genomen",
                "We hebben besloten over uw verzoek. Het besluit en de documenten "
                "vindt u in Mijn Loket.",
            ),
            AFGEHANDELD,
        ),
        resultaten=(
            Resultaat("Openbaar gemaakt", "Ingewilligd", "6.1"),
            Resultaat("Deels openbaar gemaakt", "Ingewilligd", "6.1"),
            Resultaat("Niet openbaar gemaakt", "Afgewezen", "6.2"),
            Resultaat("Ingetrokken", "Ingetrokken", "6.3"),
        ),
        documenten=(
            Document("Woo-verzoek", "inkomend"),
            Document("Ontvangstbevestiging", "uitgaand"),
            Document("Inventarislijst", "intern"),
            Document("Zienswijze", "inkomend"),
            Document("Besluit", "uitgaand"),
            Document("Openbaar gemaakte documenten", "uitgaand"),
        ),
        besluittype="Besluit op Woo-verzoek",
        initiator="Verzoeker",
        extra_rollen=(("Derde-belanghebbende", "belanghebbende"),),
        product=UPL + "verzoek_overheidsinformatie",
        verantwoordelijke="Team Juridische Zaken",
        referentieproces="Verzoek behandelen",
        trefwoorden=("woo", "openbaarheid"),
    ),
    Zaaktype(
        identificatie="BIJZONDERE-BIJSTAND",
        omschrijving="Bijzondere bijstand",
        onderwerp="Bijzondere bijstand",
        handeling_initiator="Aanvragen",
        doel="Iemand met een laag inkomen helpen met noodzakelijke kosten die hij "
        "zelf niet kan betalen.",
        aanleiding="Een inwoner vraagt bijzondere bijstand aan (Participatiewet, "
        "art. 35).",
        procestype=8,
        doorlooptijd="P8W",
        servicenorm="P4W",
        vertrouwelijkheid="vertrouwelijk",
        statussen=(
            ONTVANGEN,
            Status("Gegevens compleet", "We hebben alle gegevens die we nodig hebben."),
            Status("Onderzoek afgerond", "We hebben uw situatie onderzocht."),
            BESLUIT,
            AFGEHANDELD,
        ),
        resultaten=(
            Resultaat("Toegekend", "Toegekend", "8.1", "vervaldatum_besluit"),
            Resultaat("Afgewezen", "Afgewezen", "8.2"),
            Resultaat("Buiten behandeling gesteld", "Buiten behandeling", "8.2"),
            Resultaat("Aanvraag ingetrokken", "Ingetrokken", "8.4"),
        ),
        documenten=(
            *AANVRAAG_DOCUMENTEN,
            Document("Bewijsstukken inkomsten en uitgaven", "inkomend"),
            Document("Rapportage onderzoek", "intern"),
            Document("Besluit", "uitgaand"),
        ),
        eigenschappen=(
            Eigenschap(
                "gevraagd bedrag",
                "Het bedrag dat de inwoner vraagt, in euro.",
                "getal",
                "8,2",
            ),
        ),
        besluittype="Besluit op aanvraag",
        product=UPL + "bijzBijstUitk",
        verantwoordelijke="Team Werk en Inkomen",
        referentieproces="Voorziening verstrekken",
        trefwoorden=("bijstand", "inkomen"),
    ),
    Zaaktype(
        identificatie="OMGEVINGSVERGUNNING",
        omschrijving="Omgevingsvergunning (reguliere procedure)",
        onderwerp="Omgevingsvergunning",
        handeling_initiator="Aanvragen",
        doel="Beoordelen of een activiteit in de fysieke leefomgeving, zoals "
        "bouwen of een boom kappen, mag.",
        aanleiding="Een inwoner of bedrijf vraagt een omgevingsvergunning aan via "
        "het Omgevingsloket (Omgevingswet, art. 5.1).",
        procestype=11,
        doorlooptijd="P8W",
        servicenorm="P8W",
        verlengingstermijn="P6W",
        statussen=(
            ONTVANGEN,
            Status("Aanvraag compleet", "Uw aanvraag is compleet."),
            Status(
                "Advies ingewonnen",
                "We hebben advies gevraagd, bijvoorbeeld aan de "
                "omgevingsdienst of de commissie ruimtelijke kwaliteit.",
            ),
            BESLUIT,
            AFGEHANDELD,
        ),
        resultaten=toestemming("11.1.6"),
        documenten=(
            *AANVRAAG_DOCUMENTEN,
            Document("Bouwtekening", "inkomend"),
            Document("Constructieberekening", "inkomend"),
            Document("Besluit", "uitgaand"),
        ),
        eigenschappen=(
            Eigenschap(
                "activiteit",
                "Waarvoor de vergunning wordt gevraagd.",
                waarden=(
                    "Bouwen",
                    "Kappen",
                    "Uitweg aanleggen",
                    "Afwijken van het omgevingsplan",
                ),
            ),
        ),
        besluittype="Besluit op aanvraag",
        extra_rollen=(("Adviseur", "adviseur"), ("Belanghebbende", "belanghebbende")),
        product=UPL + "omgevingsvergunning",
        verantwoordelijke="Team Vergunningen",
        referentieproces="Vergunning verlenen",
        trefwoorden=("bouwen", "omgevingswet", "vergunning"),
    ),
    Zaaktype(
        identificatie="KLACHT",
        omschrijving="Klacht over de gemeente",
        onderwerp="Klacht",
        handeling_initiator="Indienen",
        doel="Een klacht over de manier waarop de gemeente iemand behandelde "
        "serieus nemen, onderzoeken en ervan leren.",
        aanleiding="Iemand dient een klacht in over een gedraging van de gemeente "
        "(Awb, hoofdstuk 9).",
        procestype=13,
        doorlooptijd="P6W",
        servicenorm="P4W",
        verlengingstermijn="P4W",
        statussen=(
            Status("Ontvangen", "We hebben uw klacht ontvangen."),
            Status(
                "Klager gehoord",
                "We hebben met u over uw klacht gesproken.",
            ),
            Status("Afgehandeld", "We hebben uw klacht afgehandeld."),
        ),
        resultaten=(
            Resultaat("Gegrond", "Gegrond", "13.1"),
            Resultaat("Gedeeltelijk gegrond", "Gedeeltelijk gegrond", "13.1"),
            Resultaat("Ongegrond", "Ongegrond", "13.1"),
            Resultaat("Informeel opgelost", "Afgehandeld", "13.1"),
            Resultaat("Ingetrokken", "Ingetrokken", "13.2"),
        ),
        documenten=(
            Document("Klaagschrift", "inkomend"),
            Document("Ontvangstbevestiging", "uitgaand"),
            Document("Verslag gesprek", "intern"),
            Document("Afhandelingsbrief", "uitgaand"),
        ),
        initiator="Klager",
        product=UPL + "klacht",
        verantwoordelijke="Klachtencoördinator",
        referentieproces="Geschil behandelen",
        trefwoorden=("klacht",),
    ),
    Zaaktype(
        identificatie="REISDOCUMENT",
        omschrijving="Paspoort of identiteitskaart",
        onderwerp="Reisdocument",
        handeling_initiator="Aanvragen",
        handeling_behandelaar="Verstrekken",
        doel="Een Nederlander een paspoort of identiteitskaart geven.",
        aanleiding="Een inwoner vraagt aan de balie een paspoort of identiteitskaart "
        "aan (Paspoortwet).",
        procestype=5,
        doorlooptijd="P2W",
        servicenorm="P1W",
        opschorting=False,
        statussen=(
            Status("Aanvraag ontvangen", "We hebben uw aanvraag ontvangen."),
            Status("In productie", "Uw document wordt gemaakt."),
            Status(
                "Klaar om op te halen",
                "Uw document ligt klaar. Neem uw oude document mee.",
            ),
            AFGEHANDELD,
        ),
        resultaten=(
            Resultaat("Uitgereikt", "Geleverd", "5.1.4"),
            Resultaat("Niet uitgereikt", "Niet geleverd", "5.3"),
            Resultaat("Aanvraag ingetrokken", "Ingetrokken", "5.4"),
        ),
        documenten=(
            Document("Aanvraag reisdocument", "intern"),
            Document("Pasfoto", "inkomend"),
        ),
        eigenschappen=(
            Eigenschap(
                "soort document",
                "Paspoort of identiteitskaart.",
                waarden=("Paspoort", "Identiteitskaart"),
            ),
        ),
        product=UPL + "paspoort",
        verantwoordelijke="Team Burgerzaken",
        referentieproces="Product leveren",
        trefwoorden=("paspoort", "identiteitskaart"),
    ),
    Zaaktype(
        identificatie="AFVALCONTAINER",
        omschrijving="Afvalcontainer aanvragen of wijzigen",
        onderwerp="Afvalcontainer",
        handeling_initiator="Aanvragen",
        handeling_behandelaar="Leveren",
        doel="Een huishouden de juiste containers voor afval geven.",
        aanleiding="Een inwoner vraagt een (andere) container aan, bijvoorbeeld na "
        "een verhuizing of omdat de oude kapot is.",
        procestype=5,
        doorlooptijd="P4W",
        servicenorm="P2W",
        opschorting=False,
        statussen=(
            ONTVANGEN,
            Status("Levering ingepland", "We brengen de container binnenkort."),
            Status("Afgehandeld", "De container is geleverd."),
        ),
        resultaten=(
            Resultaat("Geleverd", "Geleverd", "5.1.1"),
            Resultaat("Niet geleverd", "Niet geleverd", "5.3"),
            Resultaat("Aanvraag ingetrokken", "Ingetrokken", "5.4"),
        ),
        documenten=(
            Document("Aanvraag", "inkomend"),
            Document("Bevestiging levering", "uitgaand"),
        ),
        eigenschappen=(
            Eigenschap(
                "soort container",
                "Voor welk afval.",
                waarden=("Restafval", "GFT", "Papier", "PMD"),
            ),
        ),
        product=UPL + "afvalcontainer",
        verantwoordelijke="Team Openbare Ruimte",
        referentieproces="Product leveren",
        trefwoorden=("afval", "container"),
    ),
    Zaaktype(
        identificatie="KWIJTSCHELDING",
        omschrijving="Kwijtschelding gemeentelijke belastingen",
        onderwerp="Kwijtschelding",
        handeling_initiator="Aanvragen",
        doel="Iemand die de gemeentelijke belastingen niet kan betalen daarvan "
        "vrijstellen.",
        aanleiding="Een inwoner vraagt kwijtschelding aan (Invorderingswet 1990, "
        "art. 26).",
        procestype=6,
        doorlooptijd="P8W",
        servicenorm="P4W",
        vertrouwelijkheid="vertrouwelijk",
        statussen=AANVRAAG,
        resultaten=(
            Resultaat("Toegekend", "Toegekend", "6.1.1"),
            Resultaat("Gedeeltelijk toegekend", "Toegekend", "6.1.1"),
            Resultaat("Afgewezen", "Afgewezen", "6.2"),
            Resultaat("Aanvraag ingetrokken", "Ingetrokken", "6.3"),
        ),
        documenten=(
            Document("Verzoek om kwijtschelding", "inkomend"),
            Document("Bewijsstukken inkomsten en uitgaven", "inkomend"),
            Document("Besluit", "uitgaand"),
        ),
        besluittype="Besluit op aanvraag",
        product=UPL + "belastingkwijtschelding",
        verantwoordelijke="Team Belastingen",
        referentieproces="Verzoek behandelen",
        trefwoorden=("belastingen", "kwijtschelding"),
    ),
    Zaaktype(
        identificatie="WMO-MAATWERKVOORZIENING",
        omschrijving="Wmo-maatwerkvoorziening",
        onderwerp="Wmo-voorziening",
        handeling_initiator="Aanvragen",
        doel="Iemand die niet zelfstandig kan blijven wonen of meedoen ondersteuning "
        "geven, zoals huishoudelijke hulp, een scootmobiel of een woningaanpassing.",
        aanleiding="Een inwoner meldt een hulpvraag; na het onderzoek (zes weken) "
        "volgt de aanvraag (Wmo 2015, art. 2.3.2).",
        procestype=8,
        doorlooptijd="P8W",
        servicenorm="P6W",
        vertrouwelijkheid="vertrouwelijk",
        statussen=(
            Status("Melding ontvangen", "We hebben uw hulpvraag ontvangen."),
            Status(
                "Gesprek gevoerd",
                "We hebben met u gesproken over wat u nodig heeft.",
            ),
            Status("Aanvraag ontvangen", "We hebben uw aanvraag ontvangen."),
            BESLUIT,
            AFGEHANDELD,
        ),
        resultaten=(
            Resultaat("Toegekend", "Toegekend", "8.1.1"),
            Resultaat("Afgewezen", "Afgewezen", "8.2"),
            Resultaat("Ingetrokken", "Ingetrokken", "8.4"),
        ),
        documenten=(
            Document("Melding hulpvraag", "inkomend"),
            Document("Gespreksverslag", "intern"),
            Document("Aanvraag", "inkomend"),
            Document("Medisch advies", "inkomend"),
            Document("Besluit", "uitgaand"),
        ),
        besluittype="Besluit op aanvraag",
        extra_rollen=(("Consulent", "zaakcoordinator"),),
        product=UPL + "wmo-voorziening",
        verantwoordelijke="Team Zorg en Welzijn",
        referentieproces="Voorziening verstrekken",
        trefwoorden=("wmo", "zorg", "ondersteuning"),
    ),
]
