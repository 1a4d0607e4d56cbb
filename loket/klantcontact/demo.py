"""Demo of the contact centre: an answer-time norm per gemeente, a knowledge base
for the werkorganisatie, webvragen (open, near and past the norm, answered), a few
contactmomenten and an open call-back request for team Vergunningen. Idempotent:
what exists (by its subject) is kept."""

from datetime import timedelta

from django.utils import timezone

from loket.demo import data
from loket.klantcontact import services, tokens
from loket.klantcontact.models import Contactmoment, Kennisartikel, Webvraag
from loket.organisaties.models import Medewerker, Organisatie, Team
from loket.werkplek import toegang

FLORIS = "999991097"  # Floris Kierkegaard, who has demo zaken in Duinwaard

NORM = {"duinwaard": 2, "lindebroek": 3}

ARTIKELEN = [
    (
        "Afvalpas kwijt of kapot",
        "afval, afvalpas, container, milieupas",
        "Bent u uw afvalpas kwijt of werkt hij niet meer? Vraag een nieuwe pas aan "
        "via Mijn Loket of aan de balie. Een nieuwe pas kost 10 euro en ligt binnen "
        "5 werkdagen in uw brievenbus. Uw oude pas werkt dan niet meer.",
    ),
    (
        "Grofvuil laten ophalen",
        "afval, grofvuil, bank, matras, ophalen",
        "Grofvuil halen wij op afspraak op, op maandag of donderdag. U kunt per keer "
        "maximaal 2 kubieke meter aanbieden. De eerste 4 keer per jaar zijn gratis. "
        "Zet het grofvuil voor 7.30 uur aan de straat.",
    ),
    (
        "Paspoort of identiteitskaart aanvragen",
        "paspoort, id-kaart, identiteitskaart, reisdocument",
        "U vraagt een paspoort of identiteitskaart aan op het gemeentehuis. Maak "
        "eerst een afspraak. Neem een pasfoto van minder dan 6 maanden oud mee en uw "
        "oude document. Na 5 werkdagen kunt u het ophalen. Een paspoort kost voor "
        "volwassenen 84,85 euro.",
    ),
    (
        "Paspoort kwijt of gestolen",
        "paspoort, vermissing, diefstal, kwijt",
        "Is uw paspoort kwijt of gestolen? Meld dit aan de balie. Bij diefstal doet "
        "u eerst aangifte bij de politie. U kunt daarna meteen een nieuw paspoort "
        "aanvragen.",
    ),
    (
        "Parkeervergunning voor bewoners",
        "parkeren, parkeervergunning, auto, kenteken",
        "Woont u in een vergunninggebied? Dan vraagt u online een "
        "parkeervergunning aan. Per adres kunt u 2 vergunningen krijgen. Een "
        "vergunning kost 120 euro per jaar. Wij beslissen binnen 4 weken.",
    ),
    (
        "Bezoekersparkeren",
        "parkeren, bezoek, bezoekersvergunning",
        "Met een bezoekersvergunning parkeert uw bezoek voor 1 euro per uur in uw "
        "wijk. U zet het kenteken van uw bezoek in de parkeerapp van de gemeente.",
    ),
    (
        "Verhuizing doorgeven",
        "verhuizen, verhuizing, adres, inschrijven",
        "Geef uw verhuizing door vanaf 4 weken voor tot 5 dagen na de verhuisdatum. "
        "Dat kan online met DigiD. Verhuist u met uw gezin? Dan kunt u iedereen "
        "tegelijk doorgeven als u allemaal op hetzelfde adres woonde.",
    ),
    (
        "WOZ-waarde en bezwaar",
        "woz, belasting, taxatie, bezwaar, waarde",
        "De WOZ-waarde staat op uw aanslag gemeentelijke belastingen. Vindt u de "
        "waarde te hoog? Maak dan binnen 6 weken na de datum op de aanslag bezwaar. "
        "Dat is gratis. Wij bellen u vaak eerst om het toe te lichten.",
    ),
    (
        "Kwijtschelding gemeentelijke belastingen",
        "belasting, kwijtschelding, betalen, schulden",
        "Heeft u een laag inkomen en weinig vermogen? Dan kunt u kwijtschelding "
        "vragen voor de afvalstoffenheffing en rioolheffing. Vraag het aan binnen 3 "
        "maanden na de datum van de aanslag.",
    ),
    (
        "Evenementenvergunning: hoe lang duurt het?",
        "evenement, vergunning, feest, festival",
        "Vraag een evenementenvergunning minstens 8 weken van tevoren aan, voor "
        "grote evenementen 12 weken. Wij vragen advies aan de politie en de "
        "brandweer. U hoort uiterlijk 2 weken voor het evenement of het mag.",
    ),
    (
        "Uittreksel BRP aanvragen",
        "uittreksel, brp, bewijs, inschrijving",
        "Een uittreksel uit de BRP vraagt u online aan met DigiD. Het kost 15,10 "
        "euro. U krijgt het binnen 5 werkdagen per post.",
    ),
]


def load(gemeenten: dict, report) -> None:
    for slug, gemeente in gemeenten.items():
        services.zet_norm(gemeente, werkdagen_=NORM.get(slug, 2))
    report.note(False, "antwoordtermijn webvragen per gemeente")

    organisatie = Organisatie.objects.filter(naam=data.WERKORGANISATIE).first()
    if organisatie is None:
        return
    nieuw = 0
    for titel, trefwoorden, tekst in ARTIKELEN:
        _, created = Kennisartikel.objects.get_or_create(
            organisatie=organisatie,
            titel=titel,
            defaults={"tekst": tekst, "trefwoorden": trefwoorden},
        )
        nieuw += created
    report.note(bool(nieuw), f"{len(ARTIKELEN)} kennisartikelen")

    kcc = Medewerker.objects.filter(email="kcc@werkorganisatie.demo").first()
    duinwaard = gemeenten.get("duinwaard")
    lindebroek = gemeenten.get("lindebroek")
    if kcc is None or duinwaard is None or lindebroek is None:
        return
    _webvragen(duinwaard, lindebroek, kcc, report)
    _contactmomenten(duinwaard, organisatie, kcc, report)


def _webvragen(duinwaard, lindebroek, kcc, report) -> None:
    nu = timezone.now()
    vragen = [
        # (gemeente, naam, e-mail, onderwerp, vraag, hoe lang geleden, bsn, antwoord)
        (
            duinwaard,
            "Sanne de Boer",
            "sanne.deboer@example.nl",
            "Afvalpas werkt niet",
            "Mijn afvalpas opent de container in onze straat niet meer. Wat moet ik "
            "doen?",
            timedelta(days=6),
            "",
            "",
        ),
        (
            duinwaard,
            "Floris Kierkegaard",
            "floris.kierkegaard@example.nl",
            "Geluid bij mijn evenement",
            "Tot hoe laat mag er muziek zijn bij het strandfeest dat ik organiseer?",
            timedelta(days=1, hours=20),
            FLORIS,
            "",
        ),
        (
            lindebroek,
            "Ahmed Yilmaz",
            "a.yilmaz@example.nl",
            "Parkeren voor mijn bezoek",
            "Mijn ouders komen een week logeren. Hoe kunnen zij bij ons in de straat "
            "parkeren?",
            timedelta(hours=3),
            "",
            "",
        ),
        (
            lindebroek,
            "Marieke Jansen",
            "marieke.jansen@example.nl",
            "WOZ-waarde te hoog",
            "De WOZ-waarde van ons huis is 40.000 euro hoger dan vorig jaar. Kan dat "
            "kloppen?",
            timedelta(days=3),
            "",
            "",
        ),
        (
            duinwaard,
            "Floris Kierkegaard",
            "floris.kierkegaard@example.nl",
            "Paspoort verlopen",
            "Mijn paspoort is verlopen. Moet ik een afspraak maken?",
            timedelta(days=20),
            FLORIS,
            "Beste heer Kierkegaard,\n\nJa, voor een nieuw paspoort maakt u een "
            "afspraak op het gemeentehuis. Neem een recente pasfoto en uw oude "
            "paspoort mee.\n\nMet vriendelijke groet,\n"
            "Sanne Jansen, Klantcontactcentrum",
        ),
        (
            lindebroek,
            "Kees Smit",
            "kees.smit@example.nl",
            "Grofvuil ophalen",
            "Hoe laat ik een oude bank ophalen?",
            timedelta(days=9),
            "",
            "Beste heer Smit,\n\nU maakt een afspraak via de website; wij halen op "
            "maandag of donderdag. De eerste 4 keer per jaar zijn gratis.\n\nMet "
            "vriendelijke groet,\nSanne Jansen, Klantcontactcentrum",
        ),
    ]
    nieuw = 0
    for gemeente, naam, email, onderwerp, vraag, geleden, bsn, antwoord in vragen:
        if Webvraag.objects.filter(gemeente=gemeente, onderwerp=onderwerp).exists():
            continue
        webvraag = services.ontvang_webvraag(
            gemeente=gemeente,
            naam=naam,
            emailadres=email,
            onderwerp=onderwerp,
            vraag=vraag,
            bsn=bsn,
            ontvangen_op=nu - geleden,
            mailen=False,
        )
        if antwoord:
            services.beantwoord_webvraag(
                webvraag,
                medewerker=kcc,
                antwoord=antwoord,
                kanaal="mijn_loket" if bsn else "email",
                mailen=False,
            )
        nieuw += 1
    report.note(bool(nieuw), f"{len(vragen)} webvragen")


def _contactmomenten(duinwaard, organisatie, kcc, report) -> None:
    onderwerp = "Vraag over de plattegrond voor het strandfeest"
    if Contactmoment.objects.filter(onderwerp=onderwerp).exists():
        report.note(False, "contactmomenten en een terugbelverzoek")
        return
    services.registreer_contactmoment(
        medewerker=kcc,
        gemeente=duinwaard,
        kanaal="balie",
        onderwerp="Openingstijden gemeentehuis",
        tekst="Vroeg of het gemeentehuis op zaterdag open is. Nee; wel donderdag "
        "tot 20.00 uur.",
        mailen=False,
    )
    services.registreer_contactmoment(
        medewerker=kcc,
        gemeente=duinwaard,
        kanaal="whatsapp",
        onderwerp="Container vol in de Duinstraat",
        tekst="Melding doorgezet naar Openbare Ruimte.",
        naam="Petra Bos",
        mailen=False,
    )
    zaak = (
        toegang.zichtbaar(kcc)
        .filter(initiator_bsn=FLORIS, einddatum__isnull=True)
        .select_related("zaak")
        .first()
    )
    vergunningen = Team.objects.filter(organisatie=organisatie, naam="Vergunningen")
    services.registreer_contactmoment(
        medewerker=kcc,
        gemeente=duinwaard,
        kanaal="telefoon",
        onderwerp=onderwerp,
        tekst="Belde over het bericht in Mijn Loket: hij weet niet welke schaal "
        "de plattegrond moet hebben en of een tekening met de hand mag.",
        klant=tokens.Klant(bsn=FLORIS, naam="Floris Kierkegaard"),
        naam="Floris Kierkegaard",
        zaak=zaak.zaak if zaak else None,
        terugbellen=services.Terugbellen(
            team=vergunningen.first(),
            telefoonnummer="06 12345678",
            beste_moment="Werkdagen na 15.00 uur",
            toelichting="Wil weten welke schaal de plattegrond moet hebben en of "
            "een tekening met de hand ook goed is. Ik kon dat niet beantwoorden.",
        )
        if vergunningen.exists()
        else None,
        mailen=False,
    )
    report.note(True, "contactmomenten en een terugbelverzoek")
