"""The demo products: defined once for the werkorganisatie that serves Duinwaard and
Lindebroek, published in both and specialised where they differ (the parking
permit costs more in Duinwaard, Lindebroek has no dog tax). The UPL names are real
(``data/upl-actueel.csv``); the zaaktypen are those of ``loket.demo.zaaktypen``.

The slugs of the products that can be requested online are fixed: the forms
(``loket.formulieren``) are keyed on them.
"""

from dataclasses import dataclass, field

from loket.organisaties.models import Gemeente, Organisatie
from loket.producten import services
from loket.producten.models import Gemeenteproduct, Levensgebeurtenis, Productdefinitie

UPL = "http://standaarden.overheid.nl/owms/terms/"
NIET = None  # in per_gemeente: this gemeente does not offer the product


@dataclass(frozen=True)
class DemoProduct:
    slug: str
    upl: str  # the last part of the UPL URI
    naam: str
    samenvatting: str
    beschrijving: str
    voorwaarden: str
    kosten: str
    servicenorm_dagen: int | None
    kanalen: tuple[str, ...]
    levensgebeurtenissen: tuple[str, ...]
    zaaktype: str = ""
    online: bool = False
    doelgroep: str = "burger"
    uitkomst: str = ""
    zoekwoorden: str = ""
    # gemeente slug → overrides, or NIET when the gemeente does not offer it.
    per_gemeente: dict = field(default_factory=dict)


PRODUCTEN = [
    DemoProduct(
        slug="parkeervergunning-bewoners",
        upl="parkeervergunning",
        naam="Parkeervergunning voor bewoners",
        samenvatting="Woont u in een wijk met betaald parkeren? Met een "
        "parkeervergunning parkeert u uw auto in uw eigen zone.",
        beschrijving="In het centrum en bij het strand betaalt u voor parkeren. "
        "Woont u daar? Dan kunt u een parkeervergunning voor bewoners aanvragen. "
        "U parkeert dan in de zone waar u woont, zo lang als u wilt.\n\n"
        "De vergunning hoort bij het kenteken van uw auto. U krijgt geen kaart: "
        "een parkeercontroleur ziet aan uw kenteken dat u een vergunning heeft.",
        voorwaarden="U woont op een adres in een zone met betaald parkeren.\n"
        "U staat met dat adres ingeschreven bij de gemeente.\n"
        "De auto staat op uw naam, of u kunt laten zien dat u hem van uw werk of "
        "via lease mag gebruiken.\n"
        "Het kenteken van uw auto.",
        kosten="€ 52,40 per jaar",
        servicenorm_dagen=14,
        kanalen=("online", "balie"),
        levensgebeurtenissen=("parkeren-en-verkeer", "verhuizen", "wonen"),
        zaaktype="PARKEERVERGUNNING-BEWONERS",
        online=True,
        zoekwoorden="parkeren, parkeerkaart, bewonersvergunning, auto, "
        "vergunning parkeren",
        per_gemeente={"lindebroek": {"kosten": "€ 38,00 per jaar"}},
    ),
    DemoProduct(
        slug="verhuizing-doorgeven",
        upl="verhuismelding",
        naam="Verhuizing doorgeven",
        samenvatting="Gaat u verhuizen? Geef uw nieuwe adres door. Dat kan vanaf "
        "4 weken voor de verhuizing tot 5 dagen erna.",
        beschrijving="Als u verhuist, geeft u uw nieuwe adres door aan de "
        "gemeente waar u gaat wonen. Wij zetten uw adres dan in de Basisregistratie "
        "Personen (BRP). Andere instanties, zoals de Belastingdienst en uw "
        "zorgverzekeraar, krijgen uw nieuwe adres dan vanzelf.\n\n"
        "Verhuist u met uw partner of kinderen? Dan kunt u hun verhuizing in "
        "dezelfde aanvraag doorgeven.",
        voorwaarden="U geeft de verhuizing door tussen 4 weken vóór en 5 dagen na "
        "de verhuisdatum.\n"
        "Het nieuwe adres, met postcode en huisnummer.\n"
        "Woont u in bij iemand? Dan moet de hoofdbewoner toestemming geven.",
        kosten="Gratis",
        servicenorm_dagen=5,
        kanalen=("online", "balie"),
        levensgebeurtenissen=("verhuizen", "wonen"),
        zaaktype="VERHUIZING",
        online=True,
        uitkomst="een bevestiging van uw nieuwe adres",
        zoekwoorden="verhuizen, verhuizing, nieuw adres, adreswijziging, "
        "inschrijven, verhuisd",
    ),
    DemoProduct(
        slug="uittreksel-brp",
        upl="brpUittr",
        naam="Uittreksel uit de Basisregistratie Personen (BRP)",
        samenvatting="Een uittreksel BRP is een officieel bewijs van uw gegevens, "
        "zoals uw adres en geboortedatum.",
        beschrijving="Soms moet u laten zien waar u woont of wie u bent, "
        "bijvoorbeeld voor een nieuwe baan, een huurwoning of een "
        "verblijfsvergunning. Dan vraagt u een uittreksel aan. Daarop staan de "
        "gegevens die de gemeente van u heeft.\n\n"
        "Vraag de organisatie die het uittreksel wil hebben welke gegevens erop "
        "moeten staan. Dat kunt u bij uw aanvraag kiezen.",
        voorwaarden="U staat ingeschreven in deze gemeente.\n"
        "U vraagt het uittreksel voor uzelf aan.",
        kosten="€ 15,70 per uittreksel",
        servicenorm_dagen=3,
        kanalen=("online", "balie"),
        levensgebeurtenissen=("reizen-en-identiteit", "verhuizen"),
        zaaktype="UITTREKSEL-BRP",
        online=True,
        uitkomst="het uittreksel",
        zoekwoorden="uittreksel, gba, bewijs van inschrijving, adres bewijzen, "
        "persoonsgegevens",
    ),
    DemoProduct(
        slug="gehandicaptenparkeerkaart",
        upl="gehandicaptenparkeerkaart",
        naam="Gehandicaptenparkeerkaart",
        samenvatting="Kunt u door een ziekte of beperking niet ver lopen? Met een "
        "gehandicaptenparkeerkaart parkeert u dichter bij uw bestemming.",
        beschrijving="Met een gehandicaptenparkeerkaart mag u parkeren op "
        "parkeerplaatsen voor mensen met een beperking. U mag ook langer "
        "parkeren in een blauwe zone. De kaart geldt in heel Nederland en in de "
        "meeste landen van Europa.\n\n"
        "Er is een kaart voor bestuurders en een kaart voor passagiers. Na uw "
        "aanvraag kijkt een onafhankelijke arts of u de kaart nodig heeft. Soms "
        "krijgt u daarvoor een afspraak.",
        voorwaarden="U kunt door een ziekte of beperking niet meer dan 100 meter "
        "lopen, ook niet met hulpmiddelen.\n"
        "Dat duurt naar verwachting minstens 6 maanden.\n"
        "Een recente pasfoto.",
        kosten="€ 117,00 voor de kaart en de keuring door een arts",
        servicenorm_dagen=42,
        kanalen=("online", "balie", "telefoon"),
        levensgebeurtenissen=("parkeren-en-verkeer", "zorg-en-ondersteuning"),
        zaaktype="GEHANDICAPTENPARKEERKAART",
        online=True,
        zoekwoorden="invalidenkaart, invalidenparkeerkaart, parkeren beperking, "
        "gehandicapt, rolstoel, gpk",
        per_gemeente={
            "lindebroek": {
                "kosten": "€ 96,50 voor de kaart en de keuring door een arts"
            }
        },
    ),
    DemoProduct(
        slug="evenementenvergunning",
        upl="evenementenvergunning",
        naam="Evenementenvergunning",
        samenvatting="Organiseert u een evenement, zoals een festival, markt of "
        "sportwedstrijd? Vaak heeft u daarvoor een vergunning nodig.",
        beschrijving="Voor een evenement op straat of in een park heeft u meestal "
        "een vergunning nodig. Zo zorgen wij samen met politie en brandweer dat "
        "het evenement veilig is en dat de buurt er weinig last van heeft.\n\n"
        "Voor een klein evenement, zoals een straatfeest met minder dan 100 "
        "mensen, is een melding vaak genoeg. Twijfelt u? Bel ons, dan kijken we "
        "samen wat u nodig heeft.",
        voorwaarden="Vraag de vergunning minstens 8 weken voor het evenement aan. "
        "Voor een groot evenement (meer dan 1.000 bezoekers): 12 weken.\n"
        "Een plattegrond van de plek met podia, tenten, nooduitgangen en EHBO.\n"
        "Een veiligheidsplan als er meer dan 1.000 bezoekers komen.\n"
        "Een inschrijving bij de Kamer van Koophandel of als vereniging.",
        kosten="€ 95,00 voor een klein evenement, € 450,00 voor een groot evenement",
        servicenorm_dagen=42,
        kanalen=("online", "post"),
        levensgebeurtenissen=("evenementen-organiseren", "ondernemen"),
        zaaktype="EVENEMENTENVERGUNNING",
        online=True,
        doelgroep="bedrijf",
        zoekwoorden="evenement, festival, feest, markt, braderie, "
        "straatfeest, concert, sportwedstrijd",
    ),
    DemoProduct(
        slug="bezwaar",
        upl="bezwaar",
        naam="Bezwaar maken",
        samenvatting="Bent u het niet eens met een besluit van de gemeente? Dan "
        "kunt u bezwaar maken.",
        beschrijving="Heeft de gemeente een besluit genomen waar u het niet mee "
        "eens bent? Bijvoorbeeld over een vergunning, een uitkering of een "
        "belastingaanslag? Dan kunt u bezwaar maken. Wij kijken dan opnieuw naar "
        "het besluit.\n\n"
        "Vaak bellen wij u eerst op. Soms lossen we het samen al op. Anders nodigen "
        "we u uit om uw bezwaar uit te leggen.",
        voorwaarden="U maakt bezwaar binnen 6 weken na de datum van het besluit.\n"
        "Het besluit gaat over u of uw bedrijf.\n"
        "Schrijf op met welk besluit u het niet eens bent en waarom.\n"
        "Een kopie van het besluit, als u die heeft.",
        kosten="Gratis",
        servicenorm_dagen=70,
        kanalen=("online", "post"),
        levensgebeurtenissen=("bezwaar-en-klachten",),
        zaaktype="BEZWAAR",
        online=True,
        doelgroep="beide",
        uitkomst="een beslissing op uw bezwaar",
        zoekwoorden="bezwaarschrift, niet eens, besluit, beroep, bezwaar indienen",
    ),
    DemoProduct(
        slug="paspoort",
        upl="paspoort",
        naam="Paspoort",
        samenvatting="Met een paspoort kunt u reizen en laten zien wie u bent. U "
        "vraagt het aan op het gemeentehuis.",
        beschrijving="Een paspoort vraagt u altijd zelf aan, op het gemeentehuis. "
        "Wij maken dan een foto van uw vingers en controleren wie u bent. Maak "
        "eerst een afspraak.\n\n"
        "Na ongeveer een week kunt u het paspoort ophalen. Een paspoort is 10 jaar "
        "geldig, voor kinderen onder de 18 jaar 5 jaar.",
        voorwaarden="Een goede pasfoto van niet ouder dan 6 maanden.\n"
        "Uw oude paspoort of identiteitskaart, als u die heeft.\n"
        "Voor kinderen onder de 18 jaar: toestemming van beide ouders.",
        kosten="€ 84,30 als u 18 jaar of ouder bent; € 64,30 voor kinderen",
        servicenorm_dagen=7,
        kanalen=("balie",),
        levensgebeurtenissen=("reizen-en-identiteit",),
        zaaktype="REISDOCUMENT",
        uitkomst="bericht dat u het paspoort kunt ophalen",
        zoekwoorden="reisdocument, reizen, vakantie, id-bewijs, legitimatie",
    ),
    DemoProduct(
        slug="identiteitskaart",
        upl="identiteitskaart",
        naam="Identiteitskaart",
        samenvatting="Met een identiteitskaart laat u zien wie u bent. U kunt er "
        "ook mee reizen binnen Europa.",
        beschrijving="Een identiteitskaart is kleiner dan een paspoort en past in "
        "uw portemonnee. U vraagt hem zelf aan op het gemeentehuis. Maak eerst een "
        "afspraak.\n\n"
        "Na ongeveer een week kunt u de kaart ophalen.",
        voorwaarden="Een goede pasfoto van niet ouder dan 6 maanden.\n"
        "Uw oude identiteitskaart of paspoort, als u die heeft.",
        kosten="€ 77,85 als u 18 jaar of ouder bent; € 43,45 voor kinderen",
        servicenorm_dagen=7,
        kanalen=("balie",),
        levensgebeurtenissen=("reizen-en-identiteit",),
        zaaktype="REISDOCUMENT",
        uitkomst="bericht dat u de kaart kunt ophalen",
        zoekwoorden="id-kaart, idkaart, legitimatie, id-bewijs, reisdocument",
    ),
    DemoProduct(
        slug="trouwen-of-partnerschap",
        upl="huwelijksaangifte",
        naam="Trouwen of geregistreerd partnerschap",
        samenvatting="Wilt u trouwen of een geregistreerd partnerschap aangaan? "
        "Meld dit minstens 2 weken van tevoren bij de gemeente.",
        beschrijving="Voordat u trouwt of een partnerschap aangaat, meldt u dit bij "
        "de gemeente. Dat heet een melding voorgenomen huwelijk. Daarna kiest u "
        "een datum, een plek en een trouwambtenaar.\n\n"
        "U kunt gratis trouwen op het gemeentehuis op vaste tijden. Een ceremonie "
        "op een andere plek of tijd kost meer.",
        voorwaarden="U bent allebei 18 jaar of ouder en niet al getrouwd.\n"
        "Een geldig paspoort of identiteitskaart van u allebei.\n"
        "Twee tot vier getuigen van 18 jaar of ouder.\n"
        "U meldt het minstens 2 weken en hoogstens 1 jaar van tevoren.",
        kosten="Gratis op dinsdagochtend; anders vanaf € 395,00",
        servicenorm_dagen=7,
        kanalen=("balie", "telefoon"),
        levensgebeurtenissen=("trouwen-en-samenwonen",),
        zaaktype="HUWELIJK-PARTNERSCHAP",
        uitkomst="een bevestiging van uw trouwdatum",
        zoekwoorden="trouwen, huwelijk, partnerschap, ondertrouw, "
        "melding voorgenomen huwelijk, bruiloft",
    ),
    DemoProduct(
        slug="geboorteaangifte",
        upl="geboorteaangifte",
        naam="Geboorteaangifte",
        samenvatting="Is uw kind geboren? Doe binnen 3 dagen aangifte bij de "
        "gemeente waar het kind geboren is.",
        beschrijving="Na de geboorte doet een van de ouders aangifte. Dan krijgt "
        "uw kind een burgerservicenummer (BSN) en wordt het ingeschreven. Maak een "
        "afspraak op het gemeentehuis.\n\n"
        "Waren de ouders niet getrouwd en heeft de vader of meemoeder het kind niet "
        "erkend? Dan moet dat eerst gebeuren.",
        voorwaarden="U doet aangifte binnen 3 dagen na de geboorte.\n"
        "Uw paspoort of identiteitskaart.\n"
        "De voornamen van uw kind.",
        kosten="Gratis",
        servicenorm_dagen=1,
        kanalen=("balie",),
        levensgebeurtenissen=("een-kind-krijgen",),
        zaaktype="GEBOORTEAANGIFTE",
        uitkomst="een geboorteakte",
        zoekwoorden="baby, geboren, geboorte, kind aangeven, bsn kind",
    ),
    DemoProduct(
        slug="overlijdensaangifte",
        upl="overlijdensaangifte",
        naam="Overlijden aangeven",
        samenvatting="Is er iemand overleden? Dan moet dit binnen 6 werkdagen "
        "bij de gemeente worden aangegeven. Meestal doet de uitvaartondernemer "
        "dat.",
        beschrijving="Bij een overlijden regelt de uitvaartondernemer de aangifte "
        "bij de gemeente meestal voor u. Wij schrijven de overledene dan uit en "
        "maken een akte van overlijden.\n\n"
        "Heeft u geen uitvaartondernemer? Bel ons, dan helpen we u verder.",
        voorwaarden="De verklaring van overlijden van de arts.\n"
        "Het paspoort of de identiteitskaart van de overledene, als die er is.",
        kosten="Gratis",
        servicenorm_dagen=None,
        kanalen=("balie", "telefoon"),
        levensgebeurtenissen=("overlijden",),
        zoekwoorden="overleden, dood, sterfgeval, uitvaart, begrafenis, crematie",
    ),
    DemoProduct(
        slug="afvalcontainer",
        upl="afvalcontainer",
        naam="Afvalcontainer aanvragen of wijzigen",
        samenvatting="Heeft u een nieuwe, grotere of kleinere container nodig? Of "
        "is uw container kapot? Vraag dan een nieuwe aan.",
        beschrijving="Elk huis heeft containers voor restafval, groente-, fruit- "
        "en tuinafval en plastic. Is uw container kapot, gestolen of te klein? "
        "Dan brengen we een andere.",
        voorwaarden="Uw adres.\nHet nummer op de container, als u dat heeft.",
        kosten="Gratis bij schade; € 35,00 voor een extra container",
        servicenorm_dagen=14,
        kanalen=("telefoon", "balie"),
        levensgebeurtenissen=("afval", "wonen"),
        zaaktype="AFVALCONTAINER",
        uitkomst="de container",
        zoekwoorden="kliko, minicontainer, vuilnisbak, gft, restafval, container kapot",
    ),
    DemoProduct(
        slug="grofvuil",
        upl="afvalinzameling_grofvuil",
        naam="Grofvuil laten ophalen",
        samenvatting="Heeft u grote spullen die niet in de container passen? Wij "
        "halen ze op afspraak bij u op.",
        beschrijving="Grofvuil is afval dat te groot is voor de container, zoals "
        "meubels, matrassen en tapijt. Maak een afspraak en zet het op de "
        "afgesproken dag voor 7.30 uur aan de straat.\n\n"
        "U kunt grofvuil ook zelf gratis naar het afvalbrengstation brengen.",
        voorwaarden="Hoogstens 2 kuub per keer.\n"
        "Geen bouwafval en geen chemisch afval.",
        kosten="€ 25,00 per keer",
        servicenorm_dagen=14,
        kanalen=("telefoon",),
        levensgebeurtenissen=("afval",),
        uitkomst="een afspraak om het grofvuil op te halen",
        zoekwoorden="grof afval, meubels, bank, matras, ophalen, vuilnis",
        per_gemeente={"lindebroek": {"kosten": "Gratis, 4 keer per jaar"}},
    ),
    DemoProduct(
        slug="kwijtschelding",
        upl="belastingkwijtschelding",
        naam="Kwijtschelding van gemeentelijke belastingen",
        samenvatting="Heeft u een laag inkomen en weinig geld op de bank? Dan "
        "hoeft u de gemeentelijke belastingen misschien niet te betalen.",
        beschrijving="Kunt u de afvalstoffenheffing en rioolheffing niet betalen? "
        "Vraag dan kwijtschelding aan. Wij kijken naar uw inkomen, uw vaste "
        "lasten en uw spaargeld.",
        voorwaarden="U vraagt het aan binnen 3 maanden na de datum van de "
        "aanslag.\n"
        "Bankafschriften van de laatste 3 maanden.\n"
        "Bewijs van uw inkomen en uw vaste lasten, zoals huur.",
        kosten="Gratis",
        servicenorm_dagen=28,
        kanalen=("post", "balie"),
        levensgebeurtenissen=("geld-en-belastingen",),
        zaaktype="KWIJTSCHELDING",
        zoekwoorden="belasting niet betalen, laag inkomen, schulden, "
        "afvalstoffenheffing, rioolheffing",
    ),
    DemoProduct(
        slug="wmo-voorziening",
        upl="wmo-voorziening",
        naam="Hulp en ondersteuning thuis (Wmo)",
        samenvatting="Lukt het u niet meer om zelf thuis te wonen of mee te doen? "
        "Via de Wmo kunt u hulp of een voorziening krijgen.",
        beschrijving="Denk aan hulp bij het huishouden, een traplift, een "
        "scootmobiel of vervoer. Eerst hebben we een gesprek met u, het "
        "keukentafelgesprek. Daarin kijken we samen wat u nodig heeft en wat u "
        "zelf of met hulp van anderen kunt doen.",
        voorwaarden="U woont in de gemeente.\n"
        "U kunt het niet zelf of met hulp van familie en vrienden oplossen.",
        kosten="Een eigen bijdrage van hoogstens € 21,80 per maand",
        servicenorm_dagen=42,
        kanalen=("telefoon", "balie"),
        levensgebeurtenissen=("zorg-en-ondersteuning",),
        zaaktype="WMO-MAATWERKVOORZIENING",
        zoekwoorden="wmo, huishoudelijke hulp, traplift, scootmobiel, "
        "rolstoel, mantelzorg, hulp thuis",
    ),
    DemoProduct(
        slug="hondenbelasting",
        upl="hondenbelasting",
        naam="Hondenbelasting",
        samenvatting="Heeft u een hond? Dan betaalt u hondenbelasting. Meld uw "
        "hond aan of af.",
        beschrijving="Hondenbelasting betaalt u per hond, per jaar. Heeft u een "
        "hond gekregen, of is uw hond overleden? Geef het door, dan passen we de "
        "aanslag aan.",
        voorwaarden="Het aantal honden in uw huis.",
        kosten="€ 72,00 per jaar voor de eerste hond; € 96,00 voor elke hond erna",
        servicenorm_dagen=28,
        kanalen=("telefoon", "post"),
        levensgebeurtenissen=("geld-en-belastingen", "wonen"),
        uitkomst="een nieuwe aanslag",
        zoekwoorden="hond, honden, hond aanmelden, hond afmelden",
        per_gemeente={"lindebroek": NIET},
    ),
    DemoProduct(
        slug="bijzondere-bijstand",
        upl="bijzBijstUitk",
        naam="Bijzondere bijstand",
        samenvatting="Heeft u onverwachte kosten die u niet kunt betalen? Misschien "
        "kunt u bijzondere bijstand krijgen.",
        beschrijving="Bijzondere bijstand is geld voor noodzakelijke kosten die u "
        "niet zelf kunt betalen, zoals een nieuwe wasmachine of de kosten van "
        "bewindvoering. Wij kijken naar uw inkomen en spaargeld.",
        voorwaarden="Een laag inkomen en weinig spaargeld.\n"
        "Een offerte of rekening van de kosten.\n"
        "Bankafschriften van de laatste 3 maanden.",
        kosten="Gratis",
        servicenorm_dagen=28,
        kanalen=("post", "balie"),
        levensgebeurtenissen=("geld-en-belastingen", "zorg-en-ondersteuning"),
        zaaktype="BIJZONDERE-BIJSTAND",
        zoekwoorden="bijstand, uitkering, geld, laag inkomen, schulden",
    ),
]


def _werkorganisatie(gemeenten: dict[str, Gemeente]) -> Organisatie:
    """The werkorganisatie that serves all the demo gemeenten."""
    organisaties = Organisatie.objects.filter(soort=Organisatie.Soort.WERKORGANISATIE)
    for gemeente in gemeenten.values():
        organisaties = organisaties.filter(gemeenten=gemeente)
    organisatie = organisaties.order_by("pk").first()
    if organisatie is None:
        raise LookupError("De demo heeft geen werkorganisatie voor deze gemeenten.")
    return organisatie


def _definitie(spec: DemoProduct, organisatie, events, report) -> Productdefinitie:
    definitie = Productdefinitie.objects.filter(
        organisatie=organisatie, slug=spec.slug
    ).first()
    report.note(definitie is None, f"productdefinitie {spec.naam}")
    if definitie is None:
        definitie = services.create_definitie(
            organisatie=organisatie,
            upl_uri=UPL + spec.upl,
            naam=spec.naam,
            slug=spec.slug,
            samenvatting=spec.samenvatting,
            beschrijving=spec.beschrijving,
            voorwaarden=spec.voorwaarden,
            kosten=spec.kosten,
            uitkomst=spec.uitkomst,
            servicenorm_dagen=spec.servicenorm_dagen,
            kanalen=list(spec.kanalen),
            online_aanvraagbaar=spec.online,
            doelgroep=spec.doelgroep,
            zoekwoorden=spec.zoekwoorden,
            zaaktype_identificatie=spec.zaaktype,
            levensgebeurtenissen=[events[slug] for slug in spec.levensgebeurtenissen],
        )
    return definitie


def load(gemeenten: dict[str, Gemeente], report) -> None:
    """Define the demo products for the werkorganisatie and publish them in the
    demo gemeenten. What exists is kept, also when someone changed it."""
    services.zorg_voor_levensgebeurtenissen()
    events = {lg.slug: lg for lg in Levensgebeurtenis.objects.all()}
    organisatie = _werkorganisatie(gemeenten)
    for spec in PRODUCTEN:
        definitie = _definitie(spec, organisatie, events, report)
        for slug, gemeente in gemeenten.items():
            overrides = spec.per_gemeente.get(slug, {})
            if overrides is NIET:
                continue
            exists = Gemeenteproduct.objects.filter(
                definitie=definitie, gemeente=gemeente
            ).exists()
            report.note(not exists, f"product {spec.naam} in {gemeente.naam}")
            if not exists:
                services.publiceer(definitie=definitie, gemeente=gemeente, **overrides)
