"""What each indicator means: its code, title, unit and definition text (shown
wherever its number is), the sentence that says a value in words, and how a
measured value (``Meting``) reads in Dutch.

Small groups: a share, median or average that rests on fewer than
``MINIMUM_GROEP`` units is not given (``Meting.onderdrukt``); a count of 1 to 4
is given to staff, but not in open data or on the public page (``openbaar``).
``REGEL_KLEINE_GROEPEN`` says so in words, for every page that publishes.
"""

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from loket.sturing import meetpunten as mp

MINIMUM_GROEP = 5
REGEL_KLEINE_GROEPEN = (
    f"Om niemand herkenbaar te maken tonen we geen percentage, gemiddelde of "
    f"mediaan van minder dan {MINIMUM_GROEP} zaken, vragen of antwoorden, en geen "
    f"aantal van 1 tot en met {MINIMUM_GROEP - 1}."
)
EENHEDEN = ("%", "dagen", "uren", "cijfer", "aantal")


# -- formatting ----------------------------------------------------------------------


def _rond(waarde: float, decimalen: int = 0) -> Decimal:
    return Decimal(str(waarde)).quantize(
        Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP
    )


def getal(waarde: float, decimalen: int = 0) -> str:
    """Dutch notation: 1.234 and 7,8."""
    tekst = f"{_rond(waarde, decimalen):,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def _kort(waarde: float) -> str:
    """A whole number without decimals, otherwise one decimal (a median of an even
    group may fall between two days)."""
    return getal(waarde, 0 if float(waarde).is_integer() else 1)


@dataclass(frozen=True)
class Meting:
    """One measured value. ``waarde`` is None without data, or when the group is
    too small to show (then ``onderdrukt``); ``aantal`` is the number of units it
    rests on (zaken, vragen, antwoorden, producten; for a count the count)."""

    waarde: float | None
    aantal: int
    onderdrukt: bool
    eenheid: str = ""

    @property
    def tekst(self) -> str:
        if self.onderdrukt:
            if self.eenheid == "aantal":
                return f"minder dan {MINIMUM_GROEP}"
            return "te weinig antwoorden"
        if self.waarde is None:
            return "—"
        if self.eenheid == "%":
            return f"{getal(self.waarde)}%"
        if self.eenheid == "cijfer":
            return getal(self.waarde, 1)
        if self.eenheid == "dagen":
            return f"{_kort(self.waarde)} {'dag' if self.waarde == 1 else 'dagen'}"
        if self.eenheid == "uren":
            return f"{_kort(self.waarde)} uur"
        return getal(self.waarde)

    def __str__(self) -> str:
        return self.tekst


@dataclass(frozen=True)
class Indicator:
    code: str
    titel: str
    definitie: str
    eenheid: str  # "%" | "dagen" | "uren" | "cijfer" | "aantal"
    hoger_is_beter: bool | None
    splitsingen: tuple[str, ...] = ()  # subset of ("kanaal", "product")
    momentopname: bool = False
    # How it is computed: the Telling rows of ``meetpunt``, combined by
    # ``berekening`` (see ``_bereken``), or a query of today's stand.
    meetpunt: str = ""
    berekening: str = ""
    # The plain-language sentence: {teller}, {aantal} and {waarde} are filled in.
    zin: str = ""
    zin_een: str = ""  # for a count of exactly one
    groep: str = "gegevens"  # what the units are, for a sentence about too few

    def uitleg(self, meting: Meting) -> str:
        """One sentence that says in words what the number means, e.g. "64 van
        de 100 zaken kwamen online binnen."."""
        if meting.onderdrukt:
            if self.eenheid == "aantal":
                return (
                    f"Het waren er minder dan {MINIMUM_GROEP}. Om niemand "
                    "herkenbaar te maken noemen we het precieze aantal niet."
                )
            return (
                f"Er waren te weinig {self.groep} (minder dan {MINIMUM_GROEP}) om "
                "dit betrouwbaar en anoniem te laten zien."
            )
        if meting.waarde is None:
            return f"Er zijn geen {self.groep} in deze periode."
        teller = meting.waarde * meting.aantal / 100 if self.eenheid == "%" else 0
        zin = self.zin_een if self.zin_een and meting.waarde == 1 else self.zin
        return zin.format(
            teller=getal(teller), aantal=getal(meting.aantal), waarde=meting.tekst
        )

    def meting(self, waarde: float | None, aantal: int) -> Meting:
        """A measurement of this indicator, suppressed when the group is small."""
        if self.eenheid == "aantal":
            return Meting(waarde, aantal, False, self.eenheid)
        if aantal <= 0:
            return Meting(None, 0, False, self.eenheid)
        if aantal < MINIMUM_GROEP:
            return Meting(None, aantal, True, self.eenheid)
        return Meting(waarde, aantal, False, self.eenheid)

    def __str__(self) -> str:
        return self.titel


def _stelling(
    code: str, titel: str, stelling: str, meetpunt: str, wie_wat: str
) -> Indicator:
    """One of the four statements of the survey: the share that agreed."""
    return Indicator(
        code=code,
        titel=titel,
        definitie=(
            "Het deel van de antwoorden op het tevredenheidsonderzoek dat in de "
            "periode binnenkwam waarin de inwoner het eens of helemaal eens was (4 "
            f"of 5 op een schaal van 1 tot 5) met: “{stelling}”. Wie deze vraag "
            "oversloeg telt niet mee. Per kanaal en product: het kanaal en het "
            "zaaktype waar het onderzoek over ging."
        ),
        eenheid="%",
        hoger_is_beter=True,
        splitsingen=("kanaal", "product"),
        meetpunt=meetpunt,
        berekening="aandeel_eens",
        zin=f"{{teller}} van de {{aantal}} inwoners {wie_wat}.",
        groep="antwoorden",
    )


def _binnengekomen(soort: str, meervoud: str) -> Indicator:
    """The number of klachten or bezwaren: zaken of a zaaktype that says so (the
    meetpunt is the soort, see ``zaakfeiten.soort_van``)."""
    return Indicator(
        code=meervoud,
        titel=meervoud.capitalize(),
        definitie=(
            f"Het aantal {meervoud} dat in de periode binnenkwam (op de startdatum "
            f"van de zaak). Een {soort} is een zaak van een zaaktype met het woord "
            f"“{soort}” in de omschrijving, de generieke omschrijving of de "
            "trefwoorden."
        ),
        eenheid="aantal",
        hoger_is_beter=None,
        splitsingen=("kanaal",),
        meetpunt=soort,
        berekening="som",
        zin=f"Er kwamen {{waarde}} {meervoud} binnen.",
        zin_een=f"Er kwam 1 {soort} binnen.",
        groep=meervoud,
    )


_LIJST = [
    Indicator(
        code="online-aanvraagbaar",
        titel="Producten online aan te vragen",
        definitie=(
            "Het deel van de producten op de website van de gemeente (gepubliceerd "
            "in de productencatalogus) dat helemaal online aan te vragen is. Heeft "
            "de gemeente voor een product een eigen instelling, dan telt die; "
            "anders die van de productdefinitie. Dit is de stand van vandaag."
        ),
        eenheid="%",
        hoger_is_beter=True,
        momentopname=True,
        berekening="producten_online",
        zin="{teller} van de {aantal} producten zijn helemaal online aan te vragen.",
        groep="producten",
    ),
    Indicator(
        code="zaken-online",
        titel="Zaken die online binnenkwamen",
        definitie=(
            "Het deel van de zaken dat via de website binnenkwam, van alle zaken "
            "die in de periode begonnen (op de startdatum). Het kanaal is het "
            "communicatiekanaal van de zaak; een zaak zonder kanaal telt als "
            "“overig of onbekend”. Klachten en bezwaren tellen mee. Per kanaal: "
            "het deel van alle zaken dat via dat kanaal binnenkwam."
        ),
        eenheid="%",
        hoger_is_beter=True,
        splitsingen=("kanaal", "product"),
        meetpunt=mp.ZAAK_GESTART,
        berekening="aandeel_kanaal",
        zin="{teller} van de {aantal} zaken kwamen online binnen.",
        groep="zaken",
    ),
    Indicator(
        code="doorlooptijd",
        titel="Doorlooptijd van zaken (mediaan)",
        definitie=(
            "De mediaan van de doorlooptijd van de zaken die in de periode zijn "
            "afgerond: de helft was sneller klaar, de helft langzamer. De "
            "doorlooptijd is de einddatum min de startdatum, in kalenderdagen; "
            "een tijd van opschorting telt mee. Tot en met 60 dagen op de dag "
            "nauwkeurig, daarboven per week (naar beneden afgerond); 365 dagen of "
            "langer telt als 365."
        ),
        eenheid="dagen",
        hoger_is_beter=False,
        splitsingen=("kanaal", "product"),
        meetpunt=mp.ZAAK_AFGEROND,
        berekening="mediaan",
        zin="De helft van de {aantal} afgeronde zaken was binnen {waarde} klaar.",
        groep="afgeronde zaken",
    ),
    Indicator(
        code="binnen-servicenorm",
        titel="Zaken binnen de servicenorm",
        definitie=(
            "Het deel van de zaken die in de periode zijn afgerond dat klaar was "
            "binnen de servicenorm van het zaaktype: de einddatum ligt op of vóór "
            "de startdatum plus de servicenorm. Heeft het zaaktype geen "
            "servicenorm, dan geldt de wettelijke doorlooptijd. Opschorten of "
            "verlengen schuift de norm niet op."
        ),
        eenheid="%",
        hoger_is_beter=True,
        splitsingen=("kanaal", "product"),
        meetpunt=mp.ZAAK_AFGEROND,
        berekening="aandeel_norm",
        zin="{teller} van de {aantal} afgeronde zaken waren binnen de servicenorm "
        "klaar.",
        groep="afgeronde zaken",
    ),
    Indicator(
        code="webvraag-antwoordtijd",
        titel="Antwoordtijd van vragen via de website (mediaan)",
        definitie=(
            "De mediaan van de tijd tussen het ontvangen van een vraag via de "
            "website (webvraag) en het antwoord, voor de webvragen die in de "
            "periode zijn beantwoord. In uren, nachten en weekenden inbegrepen; tot "
            "en met 72 uur op het uur nauwkeurig (naar beneden afgerond), daarboven "
            "per dag; 30 dagen of langer telt als 720 uur."
        ),
        eenheid="uren",
        hoger_is_beter=False,
        meetpunt=mp.WEBVRAAG_BEANTWOORD,
        berekening="mediaan",
        zin="De helft van de {aantal} vragen via de website had binnen {waarde} "
        "antwoord.",
        groep="beantwoorde vragen",
    ),
    Indicator(
        code="webvraag-binnen-norm",
        titel="Vragen via de website op tijd beantwoord",
        definitie=(
            "Het deel van de vragen via de website (webvragen) die in de periode "
            "zijn beantwoord dat antwoord kreeg vóór de antwoordtermijn: het moment "
            "van ontvangst plus de norm van de gemeente in werkdagen."
        ),
        eenheid="%",
        hoger_is_beter=True,
        meetpunt=mp.WEBVRAAG_BEANTWOORD,
        berekening="aandeel_norm",
        zin="{teller} van de {aantal} vragen via de website kregen op tijd antwoord.",
        groep="beantwoorde vragen",
    ),
    Indicator(
        code="tevredenheid",
        titel="Tevredenheid (gemiddeld cijfer)",
        definitie=(
            "Het gemiddelde rapportcijfer (1 tot en met 10) in de antwoorden op het "
            "tevredenheidsonderzoek die in de periode binnenkwamen. Per kanaal en "
            "product: het kanaal en het zaaktype waar het onderzoek over ging."
        ),
        eenheid="cijfer",
        hoger_is_beter=True,
        splitsingen=("kanaal", "product"),
        meetpunt=mp.KTO_CIJFER,
        berekening="gemiddelde",
        zin="De {aantal} inwoners die het onderzoek invulden gaven gemiddeld een "
        "{waarde}.",
        groep="antwoorden",
    ),
    _stelling(
        "tevredenheid-snelheid",
        "Vond dat het snel ging",
        "Het ging snel.",
        mp.KTO_SNELHEID,
        "vonden dat het snel ging",
    ),
    _stelling(
        "tevredenheid-geholpen",
        "Voelde zich geholpen",
        "Ik voelde me geholpen.",
        mp.KTO_GEHOLPEN,
        "voelden zich geholpen",
    ),
    _stelling(
        "tevredenheid-gemak",
        "Vond het makkelijk",
        "Het was makkelijk.",
        mp.KTO_GEMAK,
        "vonden het makkelijk",
    ),
    _stelling(
        "tevredenheid-in-een-keer",
        "In één keer geregeld",
        "Het was in één keer geregeld.",
        mp.KTO_IN_EEN_KEER,
        "hadden het in één keer geregeld",
    ),
    _binnengekomen(mp.KLACHT, "klachten"),
    _binnengekomen(mp.BEZWAAR, "bezwaren"),
    Indicator(
        code="verlopen-zaken",
        titel="Open zaken over de uiterste datum",
        definitie=(
            "Het aantal open zaken waarvan de uiterste datum voorbij is: de "
            "uiterlijke einddatum van de afdoening, of anders de geplande "
            "einddatum. Opgeschorte zaken tellen niet mee: hun termijn staat "
            "stil. Dit is de stand van vandaag."
        ),
        eenheid="aantal",
        hoger_is_beter=False,
        momentopname=True,
        berekening="verlopen",
        zin="{waarde} open zaken zijn over hun uiterste datum.",
        zin_een="1 open zaak is over de uiterste datum.",
        groep="zaken",
    ),
    Indicator(
        code="inzendingen",
        titel="Verstuurde formulieren",
        definitie=(
            "Het aantal e-formulieren dat in de periode is verstuurd: door de "
            "inwoner of ondernemer zelf op de website, of door een medewerker "
            "namens hem aan de balie, aan de telefoon of van een brief (het kanaal "
            "van de inzending)."
        ),
        eenheid="aantal",
        hoger_is_beter=None,
        splitsingen=("kanaal", "product"),
        meetpunt=mp.INZENDING,
        berekening="som",
        zin="Er werden {waarde} formulieren verstuurd.",
        zin_een="Er werd 1 formulier verstuurd.",
        groep="formulieren",
    ),
    Indicator(
        code="inlogs",
        titel="Inlogs met DigiD of eHerkenning",
        definitie=(
            "Het aantal keren dat een inwoner of ondernemer met DigiD of "
            "eHerkenning inlogde op de website van de gemeente. Loket bewaart geen "
            "inlogs, alleen dit aantal per maand: het telt vanaf de dag dat het "
            "werd ingevoerd."
        ),
        eenheid="aantal",
        hoger_is_beter=None,
        meetpunt=mp.INLOG,
        berekening="som",
        zin="Er werd {waarde} keer ingelogd met DigiD of eHerkenning.",
        zin_een="Er werd 1 keer ingelogd met DigiD of eHerkenning.",
        groep="inlogs",
    ),
]
INDICATOREN: dict[str, Indicator] = {i.code: i for i in _LIJST}

# What "Zo doen we het" shows when the gemeente chose nothing.
STANDAARD_PUBLIEK = [
    "zaken-online",
    "binnen-servicenorm",
    "doorlooptijd",
    "webvraag-binnen-norm",
    "tevredenheid",
    "online-aanvraagbaar",
]


def openbaar(meting: Meting) -> Meting:
    """``meting`` as it may be published (open data, the public page): a count of
    1 to 4 is not given, and of a group too small to show not its size either."""
    if meting.eenheid == "aantal" and 0 < (meting.waarde or 0) < MINIMUM_GROEP:
        return Meting(None, 0, True, meting.eenheid)
    if meting.onderdrukt:
        return replace(meting, aantal=0)
    return meting
