"""What residents and entrepreneurs ask the demo gemeenten, per zaaktype: the words
of the request (the zaak's omschrijving and toelichting, and the aanvraag
document) with the values of the zaaktype's eigenschappen.

Every text is plain Dutch, as the resident or the gemeente would write it.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from loket.demo.betrokkenen import Bedrijf, Persoon
from loket.demo.plekken import Plek

WEB = "Website/e-formulier"
# How a request came in, per communicatiekanaal (data.COMMUNICATIEKANALEN).
INGEDIEND = {
    WEB: "via het e-formulier op de website",
    "Balie": "aan de balie van het gemeentehuis",
    "Telefoon": "telefonisch, bij het klantcontactcentrum",
    "Post": "per post",
    "E-mail": "per e-mail",
    "Chat": "via de chat op de website",
    "WhatsApp": "via WhatsApp",
    "Social media": "via sociale media",
}


@dataclass(frozen=True)
class Vraag:
    """What a request is built from."""

    rng: Random
    gemeente: str
    initiator: Persoon | Bedrijf
    start: date
    plek: Plek | None = None
    partner: Persoon | None = None
    termijn: int = 0  # days from the start to the day it is about (wedding, event)

    def kies(self, *opties):
        return self.rng.choice(opties)


@dataclass(frozen=True)
class Verzoek:
    omschrijving: str  # at most 80 characters
    regels: list[str]  # the request as the initiator wrote it
    eigenschappen: dict[str, str] = field(default_factory=dict)


def datum(day: date) -> str:
    """A date as the Catalogi API's eigenschap formaat ``datum`` has it."""
    return f"{day:%Y%m%d}"


MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def leesbaar(day: date) -> str:
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def kenteken(rng: Random) -> str:
    """A Dutch registration number in a recent side code (letters without vowels,
    as the RDW issues them)."""
    letters = "BDFGHJKLNPRSTVXZ"
    pick = lambda n: "".join(rng.choice(letters) for _ in range(n))  # noqa: E731
    code = rng.choice(("99-XXX-9", "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X"))
    return "".join(
        str(rng.randint(0, 9)) if c == "9" else pick(1) if c == "X" else c for c in code
    )


def _wie(v: Vraag) -> str:
    return v.initiator.naam


def _adres(v: Vraag) -> str:
    return v.plek.adres if v.plek else v.gemeente


# -- the requests, per zaaktype ----------------------------------------------------


def parkeervergunning(v: Vraag) -> Verzoek:
    nummer, zone = kenteken(v.rng), v.kies("Centrum", "Strand", "Dorp-Noord")
    reden = v.kies(
        "Ik ben net verhuisd naar dit adres.",
        "Ik heb een nieuwe auto gekocht en wil mijn vergunning daarvoor.",
        "Mijn vorige vergunning is verlopen.",
        "Ik werk thuis en heb mijn auto dagelijks nodig voor mijn werk.",
    )
    return Verzoek(
        f"Parkeervergunning zone {zone}, kenteken {nummer}",
        [
            f"Ik vraag een parkeervergunning voor bewoners aan voor de zone {zone}.",
            f"Adres: {_adres(v)}, {v.gemeente}. Kenteken: {nummer}.",
            reden,
            "Het kentekenbewijs staat op mijn naam.",
        ],
        {"kenteken": nummer, "parkeerzone": zone},
    )


def uittreksel(v: Vraag) -> Verzoek:
    soort = v.kies(
        "Uittreksel BRP",
        "Uittreksel BRP met adreshistorie",
        "Internationaal uittreksel",
    )
    doel = v.kies(
        "voor mijn nieuwe werkgever",
        "voor de woningcorporatie",
        "voor een instantie in het buitenland",
        "voor de notaris",
        "voor de aanvraag van een visum",
    )
    return Verzoek(
        f"{soort} {doel}",
        [f"Ik vraag een {soort[0].lower()}{soort[1:]} aan, {doel}.", "Graag per post."],
        {"soort uittreksel": soort},
    )


def verhuizing(v: Vraag) -> Verzoek:
    dag = v.start - timedelta(days=v.rng.randint(0, 4))
    mee = v.kies("", " samen met mijn partner", " met mijn twee kinderen", "")
    return Verzoek(
        f"Verhuizing naar {_adres(v)} per {leesbaar(dag)}",
        [
            f"Ik verhuis{mee} op {leesbaar(dag)} naar {_adres(v)}, {v.gemeente}.",
            v.kies(
                "Ik huur de woning; het huurcontract stuur ik mee.",
                "Wij hebben de woning gekocht; de koopakte stuur ik mee.",
                "Ik ga inwonen bij de hoofdbewoner; zijn toestemming stuur ik mee.",
            ),
        ],
        {"verhuisdatum": datum(dag)},
    )


MELDINGEN = {
    "Afval": (
        "Vuilniszakken naast de container",
        "Er staan al dagen vuilniszakken naast de ondergrondse container. Meeuwen "
        "halen ze open en het afval waait over straat.",
    ),
    "Straatverlichting": (
        "Lantaarnpaal brandt niet",
        "De lantaarnpaal voor het huis brandt al een week niet. Het is 's avonds "
        "erg donker op de stoep.",
    ),
    "Wegen, fietspaden en trottoirs": (
        "Losliggende stoeptegels",
        "Er liggen een paar stoeptegels los en scheef. Mijn buurvrouw is er met "
        "haar rollator bijna over gestruikeld.",
    ),
    "Groen": (
        "Overhangende takken boven het fietspad",
        "De takken van de bomen hangen zo laag over het fietspad dat je moet "
        "bukken. Kan er gesnoeid worden?",
    ),
    "Riolering": (
        "Put loopt over bij regen",
        "Bij elke regenbui loopt de put op de hoek over en staat de straat blank.",
    ),
    "Overlast": (
        "Geluidsoverlast 's nachts",
        "In het weekend is er tot laat in de nacht harde muziek en geschreeuw op "
        "straat bij het bankje.",
    ),
}


def melding(v: Vraag) -> Verzoek:
    categorie = v.kies(*MELDINGEN)
    kop, tekst = MELDINGEN[categorie]
    return Verzoek(
        f"{kop}, {_adres(v)}",
        [f"Plaats: bij {_adres(v)}, {v.gemeente}.", tekst],
        {"categorie": categorie},
    )


def evenement(v: Vraag) -> Verzoek:
    soort, bezoekers = v.kies(
        ("Zomerfestival op het plein", 2500),
        ("Buurtbarbecue", 120),
        ("Rommelmarkt", 400),
        ("Hardloopwedstrijd", 800),
        ("Koningsdagmarkt", 3000),
        ("Openluchtconcert", 1500),
        ("Kerstmarkt", 1800),
    )
    dag = v.start + timedelta(days=v.termijn or 90)
    bezoekers = int(bezoekers * v.rng.uniform(0.7, 1.3))
    return Verzoek(
        f"{soort} op {leesbaar(dag)}",
        [
            f"Wij organiseren op {leesbaar(dag)} een {soort.lower()} bij "
            f"{_adres(v)} in {v.gemeente}.",
            f"We verwachten op het drukste moment ongeveer {bezoekers} bezoekers.",
            "Er is muziek tot 23.00 uur. Een situatietekening en het "
            "veiligheidsplan zitten in de bijlagen.",
        ],
        {"datum evenement": datum(dag), "aantal bezoekers": str(bezoekers)},
    )


def gehandicaptenparkeerkaart(v: Vraag) -> Verzoek:
    soort = v.kies("Bestuurderskaart", "Passagierskaart")
    return Verzoek(
        f"Gehandicaptenparkeerkaart ({soort.lower()})",
        [
            f"Ik vraag een gehandicaptenparkeerkaart aan ({soort.lower()}).",
            v.kies(
                "Ik kan na een heupoperatie nog geen 100 meter lopen.",
                "Door mijn longziekte raak ik snel buiten adem.",
                "Ik zit in een rolstoel en heb ruimte naast de auto nodig.",
            ),
        ],
        {"soort kaart": soort},
    )


def huwelijk(v: Vraag) -> Verzoek:
    soort = v.kies("Huwelijk", "Huwelijk", "Geregistreerd partnerschap")
    dag = v.start + timedelta(days=v.termijn or 90)
    locatie = v.kies(
        f"Gemeentehuis {v.gemeente}, trouwzaal",
        f"Gemeentehuis {v.gemeente}, trouwzaal",
        "Strandpaviljoen De Branding" if "Duin" in v.gemeente else "Theehuis De Linde",
        "Thuis in de tuin (eigen locatie)",
    )
    partner = v.partner.naam if v.partner else "mijn partner"
    return Verzoek(
        f"{soort} op {leesbaar(dag)}",
        [
            f"Wij melden ons voorgenomen {soort.lower()} aan: {_wie(v)} en {partner}.",
            f"Gewenste datum: {leesbaar(dag)}. Locatie: {locatie}.",
            "De gegevens van onze vier getuigen zitten in de bijlage.",
        ],
        {
            "datum ceremonie": datum(dag),
            "soort verbintenis": soort,
            "trouwlocatie": locatie,
        },
    )


def geboorte(v: Vraag) -> Verzoek:
    dag = v.start - timedelta(days=v.rng.randint(0, 2))
    naam = v.kies("Emma", "Noah", "Julia", "Liam", "Mila", "Sem", "Yara", "Adam")
    return Verzoek(
        f"Geboorteaangifte van {naam}, geboren {leesbaar(dag)}",
        [
            f"Ik doe aangifte van de geboorte van onze dochter of zoon {naam}, "
            f"geboren op {leesbaar(dag)} in {v.gemeente}.",
            "Ik ben de vader of moeder van het kind.",
        ],
    )


BEZWAREN = (
    "de weigering van mijn parkeervergunning",
    "de aanslag afvalstoffenheffing",
    "de verleende omgevingsvergunning van mijn buren",
    "de afwijzing van mijn aanvraag bijzondere bijstand",
    "de hoogte van de WOZ-waarde van mijn woning",
    "de weigering van een gehandicaptenparkeerkaart",
)


def bezwaar(v: Vraag) -> Verzoek:
    tegen = v.kies(*BEZWAREN)
    return Verzoek(
        f"Bezwaar tegen {tegen}",
        [
            f"Ik maak bezwaar tegen {tegen}.",
            v.kies(
                "Volgens mij is niet goed gekeken naar mijn situatie.",
                "Het besluit is niet goed gemotiveerd.",
                "Ik ben niet gehoord voordat het besluit werd genomen.",
            ),
            "Ik wil graag worden gehoord.",
        ],
    )


def woo(v: Vraag) -> Verzoek:
    over = v.kies(
        "de herinrichting van het centrum",
        "de aanbesteding van het groenonderhoud",
        "de plannen voor windmolens langs de dijk",
        "het parkeerbeleid van de laatste twee jaar",
        "de kosten van het nieuwe zwembad",
    )
    return Verzoek(
        f"Woo-verzoek over {over}",
        [
            "Met een beroep op de Wet open overheid vraag ik alle documenten over "
            f"{over}, vanaf 1 januari van vorig jaar.",
            "Ik ontvang de documenten graag digitaal.",
        ],
    )


def bijzondere_bijstand(v: Vraag) -> Verzoek:
    kosten, bedrag = v.kies(
        ("een nieuwe wasmachine", 450),
        ("de eigen bijdrage voor een bril", 180),
        ("tandartskosten", 620),
        ("bewindvoering", 1500),
        ("inrichting van mijn nieuwe woning", 1200),
    )
    return Verzoek(
        f"Bijzondere bijstand voor {kosten}",
        [
            f"Ik vraag bijzondere bijstand voor {kosten} (ongeveer € {bedrag}).",
            "Ik heb een bijstandsuitkering en kan deze kosten niet zelf betalen.",
            "Mijn bankafschriften van de laatste drie maanden stuur ik mee.",
        ],
        {"gevraagd bedrag": f"{bedrag},00"},
    )


def omgevingsvergunning(v: Vraag) -> Verzoek:
    activiteit, wat = v.kies(
        ("Bouwen", "een uitbouw aan de achterkant van de woning"),
        ("Bouwen", "een dakkapel aan de voorkant"),
        ("Kappen", "het kappen van een oude eik in de voortuin"),
        ("Uitweg aanleggen", "een tweede inrit naar de oprit"),
        ("Afwijken van het omgevingsplan", "een bed & breakfast in de woning"),
    )
    return Verzoek(
        f"Omgevingsvergunning: {wat}"[:80],
        [
            f"Ik vraag een omgevingsvergunning aan voor {wat} op {_adres(v)}.",
            "De tekeningen en de constructieberekening zitten in de bijlagen.",
        ],
        {"activiteit": activiteit},
    )


def klacht(v: Vraag) -> Verzoek:
    over = v.kies(
        "ik kreeg geen antwoord op mijn e-mail",
        "de medewerker aan de telefoon was onvriendelijk",
        "mijn afspraak aan de balie werd zonder bericht afgezegd",
        "mijn melding werd afgesloten zonder dat er iets gebeurde",
    )
    return Verzoek(
        f"Klacht: {over}"[:80],
        [f"Ik wil een klacht indienen: {over}.", "Ik hoor graag wat u eraan doet."],
    )


def reisdocument(v: Vraag) -> Verzoek:
    soort = v.kies("Paspoort", "Paspoort", "Identiteitskaart")
    reden = v.kies("mijn oude is verlopen", "ik ga op reis", "ik ben hem kwijt")
    return Verzoek(
        f"{soort} aangevraagd aan de balie",
        [
            f"Aanvraag {soort.lower()}: {reden}.",
            "Pasfoto en vingerafdrukken afgenomen.",
        ],
        {"soort document": soort},
    )


def afvalcontainer(v: Vraag) -> Verzoek:
    soort = v.kies("Restafval", "GFT", "Papier", "PMD")
    reden = v.kies(
        "de oude is kapot: het deksel is afgebroken",
        "ik ben net verhuisd en er staat geen container",
        "ik wil graag een grotere container",
        "de container is gestolen",
    )
    return Verzoek(
        f"Container {soort.lower()} voor {_adres(v)}",
        [f"Ik heb een container voor {soort.lower()} nodig: {reden}."],
        {"soort container": soort},
    )


def kwijtschelding(v: Vraag) -> Verzoek:
    return Verzoek(
        f"Kwijtschelding gemeentelijke belastingen {v.start.year}",
        [
            f"Ik vraag kwijtschelding van de gemeentelijke belastingen over "
            f"{v.start.year}.",
            "Ik heb alleen een AOW-uitkering en geen spaargeld.",
        ],
    )


def wmo(v: Vraag) -> Verzoek:
    wat = v.kies(
        "hulp bij het huishouden",
        "een scootmobiel",
        "een traplift",
        "begeleiding bij het regelen van mijn administratie",
    )
    return Verzoek(
        f"Hulpvraag Wmo: {wat}",
        [
            f"Ik heb hulp nodig: {wat}.",
            v.kies(
                "Sinds mijn beroerte lukt het mij niet meer alleen.",
                "Mijn partner zorgt voor mij, maar dat wordt te zwaar.",
                "Door mijn reuma kan ik steeds minder.",
            ),
        ],
    )


def terras(v: Vraag) -> Verzoek:
    return Verzoek(
        f"Terrasvergunning {_adres(v)}",
        [
            f"Wij vragen een terrasvergunning aan voor ons café aan {_adres(v)}.",
            f"Het terras wordt ongeveer {v.rng.randint(12, 40)} vierkante meter, "
            "van 1 april tot 1 oktober.",
        ],
    )


def horeca(v: Vraag) -> Verzoek:
    return Verzoek(
        f"Alcoholvergunning {_adres(v)}",
        [
            "Wij vragen een alcoholvergunning aan voor een nieuw restaurant aan "
            f"{_adres(v)}.",
            "De gegevens van de leidinggevenden en de verklaringen sociale "
            "hygiëne zitten in de bijlagen.",
        ],
    )


def handhaving(v: Vraag) -> Verzoek:
    wat = v.kies(
        "een schuur die zonder vergunning is gebouwd",
        "bedrijfsafval dat in de tuin wordt opgeslagen",
        "een reclamebord dat op de stoep staat",
    )
    return Verzoek(
        f"Verzoek om handhaving: {wat}"[:80],
        [
            f"Ik vraag u op te treden tegen {wat} bij {_adres(v)}.",
            "Ik heb de eigenaar er al op aangesproken, zonder resultaat.",
        ],
    )
