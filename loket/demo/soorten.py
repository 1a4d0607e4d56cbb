"""How each demo zaaktype occurs: how often, through which channels, which team
handles it, whether it is about a place, and which letters and besluiten it ends
with; and how often each outcome occurs."""

from collections.abc import Callable
from dataclasses import dataclass

from loket.demo import verzoeken
from loket.demo.verzoeken import WEB, Verzoek, Vraag


@dataclass(frozen=True)
class Soort:
    """How one zaaktype occurs in the demo."""

    gewicht: int  # how often, relative to the others
    team: str  # a team of data.TEAMS: the behandelaar
    kanalen: dict[str, int]  # communicatiekanaal → how often
    verzoek: Callable[[Vraag], Verzoek]
    bedrijf: float = 0.0  # the share asked by a business (KvK) instead of a resident
    plek: str = ""  # the relatieomschrijving of its address; "" for no place
    # The documenttype of the request; "" for the zaaktype's first incoming one.
    aanvraag: str = ""
    # The documenttype of the letter that closes a zaak without a besluit.
    afhandeling: str = ""
    # Validity of a granted besluit (ISO 8601); None: no end date.
    geldigheid: str | None = None
    bestuursorgaan: str = "College van burgemeester en wethouders"


AANVRAAG = {WEB: 82, "Balie": 8, "Post": 5, "E-mail": 5}

SOORTEN: dict[str, Soort] = {
    "MELDING-OPENBARE-RUIMTE": Soort(
        16,
        "Openbare Ruimte",
        {
            WEB: 55,
            "Telefoon": 20,
            "WhatsApp": 10,
            "Chat": 5,
            "E-mail": 5,
            "Social media": 5,
        },
        verzoeken.melding,
        bedrijf=0.05,
        plek="Plaats van de melding",
        afhandeling="Terugkoppeling aan melder",
    ),
    "VERHUIZING": Soort(
        12,
        "Burgerzaken",
        {WEB: 85, "Balie": 10, "Post": 5},
        verzoeken.verhuizing,
        plek="Nieuw woonadres",
        afhandeling="Bevestiging adreswijziging",
    ),
    "REISDOCUMENT": Soort(
        12,
        "Burgerzaken",
        {"Balie": 1},
        verzoeken.reisdocument,
        aanvraag="Aanvraag reisdocument",
    ),
    "UITTREKSEL-BRP": Soort(
        9,
        "Burgerzaken",
        {WEB: 80, "Balie": 20},
        verzoeken.uittreksel,
        afhandeling="Uittreksel BRP",
    ),
    "PARKEERVERGUNNING-BEWONERS": Soort(
        9,
        "Vergunningen",
        AANVRAAG,
        verzoeken.parkeervergunning,
        plek="Adres in de parkeerzone",
        geldigheid="P1Y",
    ),
    "AFVALCONTAINER": Soort(
        8,
        "Openbare Ruimte",
        {WEB: 75, "Telefoon": 25},
        verzoeken.afvalcontainer,
        plek="Afleveradres",
        afhandeling="Bevestiging levering",
    ),
    "OMGEVINGSVERGUNNING": Soort(
        6,
        "Vergunningen",
        AANVRAAG,
        verzoeken.omgevingsvergunning,
        bedrijf=0.2,
        plek="Locatie van de activiteit",
    ),
    "KWIJTSCHELDING": Soort(
        6, "Belastingen", {WEB: 75, "Post": 15, "Balie": 10}, verzoeken.kwijtschelding
    ),
    "GEBOORTEAANGIFTE": Soort(
        5, "Burgerzaken", {"Balie": 60, WEB: 40}, verzoeken.geboorte
    ),
    "WMO-MAATWERKVOORZIENING": Soort(
        5, "Zorg en Welzijn", {"Telefoon": 50, WEB: 30, "Balie": 20}, verzoeken.wmo
    ),
    "BIJZONDERE-BIJSTAND": Soort(
        5,
        "Werk en Inkomen",
        {WEB: 75, "Post": 15, "Balie": 10},
        verzoeken.bijzondere_bijstand,
        geldigheid="P1Y",
    ),
    "EVENEMENTENVERGUNNING": Soort(
        4,
        "Vergunningen",
        AANVRAAG,
        verzoeken.evenement,
        bedrijf=0.5,
        plek="Locatie van het evenement",
        bestuursorgaan="Burgemeester",
    ),
    "GEHANDICAPTENPARKEERKAART": Soort(
        3,
        "Zorg en Welzijn",
        AANVRAAG,
        verzoeken.gehandicaptenparkeerkaart,
        geldigheid="P5Y",
    ),
    "HUWELIJK-PARTNERSCHAP": Soort(
        3, "Burgerzaken", {WEB: 70, "Balie": 30}, verzoeken.huwelijk
    ),
    "KLACHT": Soort(
        3,
        "Juridische Zaken",
        {WEB: 45, "E-mail": 25, "Telefoon": 20, "Post": 10},
        verzoeken.klacht,
        afhandeling="Afhandelingsbrief",
    ),
    "BEZWAAR": Soort(
        3,
        "Juridische Zaken",
        {WEB: 50, "Post": 35, "E-mail": 15},
        verzoeken.bezwaar,
        bedrijf=0.15,
    ),
    "WOO-VERZOEK": Soort(
        2,
        "Juridische Zaken",
        {"E-mail": 50, WEB: 35, "Post": 15},
        verzoeken.woo,
        bedrijf=0.2,
    ),
    "B1277": Soort(
        3,
        "Vergunningen",
        AANVRAAG,
        verzoeken.terras,
        bedrijf=0.9,
        plek="Adres van het terras",
        aanvraag="Aanvraag",
        afhandeling="Beschikking",
    ),
    "B0054": Soort(
        2,
        "Vergunningen",
        AANVRAAG,
        verzoeken.horeca,
        bedrijf=0.9,
        plek="Adres van de horecazaak",
        aanvraag="Aanvraag formulier artikel 3",
        afhandeling="Beschikking",
    ),
    "B1305": Soort(
        2,
        "Vergunningen",
        {WEB: 60, "E-mail": 25, "Telefoon": 15},
        verzoeken.handhaving,
        plek="Plaats van de overtreding",
        aanvraag="Verzoek tot handhaving",
        afhandeling="Brief resultaat handhaving",
    ),
}


# How likely each outcome is, by the generic omschrijving.
UITKOMSTEN = {
    "Verleend": 70,
    "Toegekend": 65,
    "Ingewilligd": 40,
    "Geleverd": 90,
    "Verwerkt": 90,
    "Afgehandeld": 70,
    "Geweigerd": 10,
    "Afgewezen": 12,
    "Niet geleverd": 4,
    "Buiten behandeling": 5,
    "Ingetrokken": 6,
    "Afgebroken": 5,
    "Ongegrond": 55,
    "Gegrond": 15,
    "Gedeeltelijk gegrond": 12,
    "Niet ontvankelijk": 8,
}
# Outcomes that end the zaak before a decision on the request itself.
ZONDER_BESLISSING = {"Ingetrokken", "Afgebroken"}
