"""What the demo consists of: two fictional gemeenten served by one werkorganisatie,
each with its own look, and a staff account for every role.

All names, numbers and addresses are made up. Gemeentecodes 9901/9902 are not in
RvIG table 33; the RSINs pass the elfproef but are not registered.
"""

from dataclasses import dataclass, field

from loket.organisaties.roles import Rolcode

DEMO_PASSWORD = "demo-loket-2026"  # noqa: S105 (printed by make run; demo only)
WERKORGANISATIE = "Werkorganisatie Duinwaard-Lindebroek"


@dataclass(frozen=True)
class DemoGemeente:
    naam: str
    slug: str
    gemeentecode: str
    rsin: str
    logo: str
    details: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DemoMedewerker:
    email: str
    naam: str
    rollen: tuple[Rolcode, ...]
    teams: tuple[str, ...] = ()
    # None: the werkorganisatie; otherwise the slug of the gemeente's own organisation.
    gemeente: str | None = None
    superuser: bool = False
    # The highest confidentiality of zaken they may see; "" for the default.
    max_vertrouwelijkheid: str = ""


GEMEENTEN = [
    DemoGemeente(
        naam="Duinwaard",
        slug="duinwaard",
        gemeentecode="9901",
        rsin="990000011",
        logo="duinwaard.svg",
        details={
            "telefoonnummer": "14 099",
            "emailadres": "info@duinwaard.demo",
            "bezoekadres": "Raadhuisplein 1\n9901 AA Duinwaard",
            "postadres": "Postbus 100\n9900 AC Duinwaard",
            "welkomsttekst": "Welkom bij het digitale loket van Duinwaard, het dorp "
            "tussen duinen en zee. Hier regelt u uw zaken met de gemeente, wanneer "
            "het u uitkomt.",
            "kleur_primair": "#0b5e7a",
            "kleur_primair_tekst": "#ffffff",
            "kleur_link": "#0b5e7a",
        },
    ),
    DemoGemeente(
        naam="Lindebroek",
        slug="lindebroek",
        gemeentecode="9902",
        rsin="990000023",
        logo="lindebroek.svg",
        details={
            "telefoonnummer": "14 098",
            "emailadres": "info@lindebroek.demo",
            "bezoekadres": "Lindeplein 5\n9902 BB Lindebroek",
            "postadres": "Postbus 200\n9902 BC Lindebroek",
            "welkomsttekst": "Welkom bij het digitale loket van Lindebroek, de groene "
            "gemeente aan de rivier. Hier regelt u uw zaken met de gemeente, dag en "
            "nacht.",
            "kleur_primair": "#2e6b30",
            "kleur_primair_tekst": "#ffffff",
            "kleur_link": "#2e6b30",
        },
    ),
]

TEAMS = {
    "Vergunningen": "Omgevings-, evenementen- en parkeervergunningen.",
    "Burgerzaken": "Paspoorten, verhuizingen, uittreksels en huwelijken.",
    "Klantcontactcentrum": "Eerste aanspreekpunt op alle kanalen.",
    "Informatiebeheer": "Archief, privacy en informatiebeveiliging.",
    "Openbare Ruimte": "Meldingen over straat, groen en afval; afvalcontainers.",
    "Juridische Zaken": "Bezwaren, klachten en Woo-verzoeken.",
    "Werk en Inkomen": "Bijstand en bijzondere bijstand.",
    "Zorg en Welzijn": "Wmo-voorzieningen en gehandicaptenparkeerkaarten.",
    "Belastingen": "Gemeentelijke belastingen en kwijtschelding.",
}


MEDEWERKERS = [
    DemoMedewerker(
        "beheerder@werkorganisatie.demo",
        "Fatima El Amrani",
        (Rolcode.FUNCTIONEEL_BEHEERDER,),
        ("Informatiebeheer",),
    ),
    DemoMedewerker(
        "behandelaar@werkorganisatie.demo",
        "Jeroen de Vries",
        (Rolcode.BEHANDELAAR,),
        ("Vergunningen",),
    ),
    DemoMedewerker(
        "burgerzaken@werkorganisatie.demo",
        "Noor Hendriks",
        (Rolcode.BEHANDELAAR,),
        ("Burgerzaken",),
    ),
    DemoMedewerker(
        "wmo@werkorganisatie.demo",
        "Youssef Amrani",
        (Rolcode.BEHANDELAAR,),
        ("Zorg en Welzijn",),
        max_vertrouwelijkheid="confidentieel",
    ),
    DemoMedewerker(
        "kcc@werkorganisatie.demo",
        "Sanne Jansen",
        (Rolcode.KCC_MEDEWERKER,),
        ("Klantcontactcentrum",),
    ),
    DemoMedewerker(
        "teamleider@werkorganisatie.demo",
        "Kees Bakker",
        (Rolcode.TEAMLEIDER, Rolcode.BEHANDELAAR),
        ("Vergunningen",),
    ),
    DemoMedewerker(
        "archivaris@werkorganisatie.demo",
        "Priya Ramdin",
        (Rolcode.ARCHIVARIS,),
        ("Informatiebeheer",),
    ),
    DemoMedewerker(
        "privacy@werkorganisatie.demo",
        "Thomas Visser",
        (Rolcode.PRIVACY_OFFICER,),
        ("Informatiebeheer",),
    ),
    DemoMedewerker(
        "security@werkorganisatie.demo",
        "Lotte Mulder",
        (Rolcode.SECURITY_OFFICER,),
        ("Informatiebeheer",),
    ),
    DemoMedewerker(
        "balie@duinwaard.demo",
        "Ingrid Vos",
        (Rolcode.KCC_MEDEWERKER,),
        gemeente="duinwaard",
    ),
    DemoMedewerker(
        "raadslid@duinwaard.demo",
        "Henk Smit",
        (Rolcode.BESTUURDER,),
        gemeente="duinwaard",
    ),
    DemoMedewerker(
        "raadslid@lindebroek.demo",
        "Ayşe Yılmaz",  # noqa: RUF001 (a Turkish name, spelled right)
        (Rolcode.BESTUURDER,),
        gemeente="lindebroek",
    ),
    DemoMedewerker(
        "platform@loket.demo",
        "Platformbeheer",
        (),
        superuser=True,
    ),
]

# The generic resultaattypeomschrijvingen (after the VNG reference list; at most 20
# characters, as the Referentielijsten API allows) with a short definition.
RESULTAATTYPEOMSCHRIJVINGEN = {
    "Afgebroken": "De behandeling is gestopt zonder inhoudelijke uitkomst, "
    "bijvoorbeeld omdat de zaak dubbel was of niet meer nodig.",
    "Afgehandeld": "De zaak is afgerond zonder dat er iets toegekend of geweigerd "
    "hoefde te worden.",
    "Afgewezen": "Het verzoek is afgewezen.",
    "Beëindigd": "Een eerder verstrekte voorziening of toestemming is beëindigd.",
    "Buiten behandeling": "De aanvraag is niet behandeld omdat gegevens ontbraken, "
    "ook na een verzoek om aanvulling (Awb, art. 4:5).",
    "Gedeeltelijk gegrond": "Het bezwaar of de klacht is voor een deel terecht.",
    "Gegrond": "Het bezwaar of de klacht is terecht.",
    "Geleverd": "Het gevraagde product of de gevraagde dienst is geleverd.",
    "Geweigerd": "De gevraagde vergunning, ontheffing of voorziening is geweigerd.",
    "Ingetrokken": "De aanvrager, melder of indiener heeft het verzoek ingetrokken.",
    "Ingewilligd": "Het verzoek is (helemaal of voor een deel) ingewilligd.",
    "Niet geleverd": "Het gevraagde product of de gevraagde dienst is niet geleverd.",
    "Niet ontvankelijk": "Het bezwaar, de klacht of het verzoek voldoet niet aan de "
    "formele eisen en is daarom niet inhoudelijk behandeld.",
    "Ongegrond": "Het bezwaar of de klacht is niet terecht.",
    "Toegekend": "De gevraagde voorziening, uitkering of status is toegekend.",
    "Vastgesteld": "Het besluit, het plan of de regeling is vastgesteld.",
    "Verleend": "De gevraagde vergunning, ontheffing of toestemming is verleend.",
    "Verwerkt": "De aangifte, melding of wijziging is verwerkt in de registratie.",
}

COMMUNICATIEKANALEN = {
    "Balie": "Persoonlijk contact aan de balie van het gemeentehuis.",
    "Telefoon": "Telefonisch contact, via 14 + netnummer of het KCC.",
    "E-mail": "Een e-mail aan het algemene adres of aan een medewerker.",
    "Post": "Een brief per post.",
    "Website/e-formulier": "Een formulier op de website of in Mijn Loket.",
    "Chat": "De chat op de website van de gemeente.",
    "WhatsApp": "Een bericht via WhatsApp.",
    "Social media": "Een bericht via sociale media, zoals Facebook, Instagram of X.",
}

# API clients for trying the ZGW APIs; their secrets only work in demo mode.
API_CLIENT_ALLES = ("demo-alles", "demo-alles-geheim")
API_CLIENT_BEPERKT = ("demo-beperkt", "demo-beperkt-geheim")
# demo-beperkt may read and write zaken of these zaaktypen of this gemeente only.
API_CLIENT_BEPERKT_GEMEENTE = "duinwaard"
API_CLIENT_BEPERKT_ZAAKTYPEN = (
    "PARKEERVERGUNNING-BEWONERS",
    "MELDING-OPENBARE-RUIMTE",
    "EVENEMENTENVERGUNNING",
)
