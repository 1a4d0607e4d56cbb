"""Demo of the beleid part: per demo gemeente three programmes with measurable
goals and a projectenboek of four or five projects with budgets, milestones,
risks and two years of progress updates (all dated in the past, relative to
today). Loaded through the services; idempotent: a programme, goal or project
that exists (by its name) is kept as it is, history and all."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from loket.beleid import services
from loket.beleid.models import Beleidsdoel, Programma, Project, Projectstatus

OP_KOERS = Projectstatus.OP_KOERS
RISICO = Projectstatus.RISICO
TE_LAAT = Projectstatus.TE_LAAT
AFGEROND = Projectstatus.AFGEROND

# (naam, omschrijving, [(titel, indicator, streefwaarde, jaar, nulmeting, toelichting)])
PROGRAMMAS = [
    (
        "Digitale dienstverlening",
        "Inwoners en ondernemers regelen hun zaken met de gemeente online, "
        "wanneer het hun uitkomt. Wie dat niet kan, blijft welkom aan de balie.",
        [
            (
                "80% van de aanvragen online in 2027",
                "zaken-online",
                "80",
                2027,
                "58",
                "Gemeten over alle aanvragen die een zaak worden, ongeacht het "
                "product.",
            ),
            (
                "Webvragen binnen de norm beantwoord: 95%",
                "webvraag-binnen-norm",
                "95",
                2026,
                "81",
                "",
            ),
        ],
    ),
    (
        "Klantgerichtheid",
        "Inwoners voelen zich geholpen en weten waar zij aan toe zijn.",
        [
            (
                "Gemiddeld rapportcijfer 8,5",
                "tevredenheid",
                "8.5",
                2027,
                "7.4",
                "Het gemiddelde cijfer uit het klanttevredenheidsonderzoek na een "
                "afgeronde zaak of een beantwoorde vraag.",
            ),
            ("90% binnen de servicenorm", "binnen-servicenorm", "90", 2026, "76", ""),
            (
                "Minder dan 20 open zaken over de termijn",
                "verlopen-zaken",
                "20",
                2026,
                "47",
                "Hoe lager, hoe beter: het aantal open zaken waarvan de "
                "behandeltermijn voorbij is.",
            ),
        ],
    ),
    (
        "Toegankelijke gemeente",
        "Elk product van de gemeente is online aan te vragen, in begrijpelijke "
        "taal en toegankelijk voor iedereen.",
        [
            (
                "90% van de producten online aan te vragen",
                "online-aanvraagbaar",
                "90",
                2027,
                "62",
                "",
            )
        ],
    ),
]

# Lindebroek is smaller and aims a little lower on some goals.
AFWIJKINGEN = {
    "lindebroek": {
        "80% van de aanvragen online in 2027": (
            "75% van de aanvragen online in 2027",
            "75",
        ),
        "Gemiddeld rapportcijfer 8,5": ("Gemiddeld rapportcijfer 8,0", "8"),
    }
}


@dataclass(frozen=True)
class Stand:
    maanden_geleden: int
    status: str
    fractie_besteed: str  # of the budget
    voortgang: str
    door: str


@dataclass(frozen=True)
class ProjectSpec:
    naam: str
    omschrijving: str
    eigenaar: str
    begin: int  # months ago
    einde: int  # months from now (negative: in the past)
    budget: int
    indicatoren: tuple[str, ...]  # the goals it serves, by their indicator
    mijlpalen: tuple[tuple[str, int, bool], ...]  # naam, months from now, gehaald
    risicos: tuple[tuple[str, str, str, bool], ...] = ()  # + maatregel, gesloten
    standen: tuple[Stand, ...] = ()
    gemeenten: tuple[str, ...] = field(default=("duinwaard", "lindebroek"))


PROJECTLEIDER = "J. Bakker, projectleider digitalisering"
KCC = "S. El Amrani, teamleider KCC"
PUBLIEK = "R. de Wit, teamleider Publiekszaken"
INFORMATIE = "M. Visser, informatiemanager"

PROJECTEN = (
    ProjectSpec(
        naam="Nieuwe website met producten in begrijpelijke taal",
        omschrijving="Alle productpagina's herschreven op taalniveau B1, met een "
        "knop Aanvragen waar dat online kan.",
        eigenaar="Teamleider Communicatie",
        begin=23,
        einde=-5,
        budget=185_000,
        indicatoren=("online-aanvraagbaar", "zaken-online"),
        mijlpalen=(
            ("Gebruikersonderzoek afgerond", -20, True),
            ("Eerste 40 producten herschreven", -14, True),
            ("Nieuwe website live", -8, True),
            ("Evaluatie met inwonerspanel", -5, True),
        ),
        risicos=(
            (
                "Te weinig schrijfcapaciteit bij de vakteams",
                "midden",
                "Tijdelijke tekstschrijver ingehuurd",
                True,
            ),
        ),
        standen=(
            Stand(
                22,
                OP_KOERS,
                "0.08",
                "Het project is gestart. Met twaalf inwoners hebben we onderzocht "
                "hoe zij producten zoeken; zoeken op wat je wilt regelen werkt "
                "beter dan zoeken op afdeling.",
                PROJECTLEIDER,
            ),
            Stand(
                16,
                RISICO,
                "0.35",
                "Het herschrijven loopt achter: de vakteams hebben weinig tijd om "
                "teksten te controleren. We huren voor drie maanden een "
                "tekstschrijver in.",
                PROJECTLEIDER,
            ),
            Stand(
                12,
                OP_KOERS,
                "0.62",
                "De achterstand is ingehaald. 40 producten zijn herschreven en "
                "getest met de leesbaarheidstoets.",
                PROJECTLEIDER,
            ),
            Stand(
                8,
                OP_KOERS,
                "0.88",
                "De nieuwe website staat live. Het aantal telefoontjes over "
                "producten met een nieuwe tekst daalde in de eerste maand met 15%.",
                PROJECTLEIDER,
            ),
            Stand(
                5,
                AFGEROND,
                "0.97",
                "Afgerond binnen budget. Het inwonerspanel geeft de nieuwe website "
                "een 7,9. Onderhoud van de teksten is belegd bij Communicatie.",
                PROJECTLEIDER,
            ),
        ),
    ),
    ProjectSpec(
        naam="Parkeervergunning en afvalpas online aanvragen",
        omschrijving="De twee producten waarvoor inwoners het vaakst naar de "
        "balie komen, volledig online met DigiD, met betaling en zonder papier.",
        eigenaar="Teamleider Publiekszaken",
        begin=15,
        einde=4,
        budget=95_000,
        indicatoren=("zaken-online", "binnen-servicenorm"),
        mijlpalen=(
            ("Formulier parkeervergunning live", -9, True),
            ("Koppeling met het parkeersysteem", -3, True),
            ("Formulier afvalpas live", 2, False),
        ),
        risicos=(
            (
                "Leverancier parkeersysteem levert de koppeling later",
                "midden",
                "Wekelijks overleg met de leverancier; tot die tijd handmatig "
                "overnemen",
                False,
            ),
        ),
        standen=(
            Stand(
                14,
                OP_KOERS,
                "0.10",
                "Gestart. De formulieren zijn ontworpen samen met de medewerkers "
                "van de balie.",
                PUBLIEK,
            ),
            Stand(
                9,
                OP_KOERS,
                "0.45",
                "De parkeervergunning is online aan te vragen. In de eerste maand "
                "kwam 61% van de aanvragen online binnen.",
                PUBLIEK,
            ),
            Stand(
                3,
                OP_KOERS,
                "0.70",
                "De koppeling met het parkeersysteem werkt; een vergunning is nu "
                "binnen een werkdag actief. Het formulier voor de afvalpas wordt "
                "getest.",
                PUBLIEK,
            ),
        ),
    ),
    ProjectSpec(
        naam="Eén telefoonnummer en een terugbelbelofte",
        omschrijving="Het KCC beantwoordt alle vragen via één nummer; wie niet "
        "meteen geholpen kan worden, wordt binnen twee werkdagen teruggebeld.",
        eigenaar="Teamleider KCC",
        begin=18,
        einde=6,
        budget=140_000,
        indicatoren=("tevredenheid", "webvraag-binnen-norm"),
        mijlpalen=(
            ("Kennisbank gevuld voor de twintig meest gestelde vragen", -12, True),
            ("Terugbelverzoeken in de werkplek", -6, True),
            ("Alle vakteams aangesloten", 3, False),
        ),
        risicos=(
            (
                "Werving van twee KCC-medewerkers loopt vertraging op",
                "hoog",
                "Tijdelijk uitzendkrachten; vacature opnieuw uitgezet",
                False,
            ),
            (
                "Vakteams bellen niet op tijd terug",
                "midden",
                "Terugbelverzoeken met termijn in de werkvoorraad van het team",
                False,
            ),
        ),
        standen=(
            Stand(
                17,
                OP_KOERS,
                "0.05",
                "Gestart met een analyse van de telefoontjes: een op de drie "
                "bellers belt een tweede keer over dezelfde vraag.",
                KCC,
            ),
            Stand(
                11,
                OP_KOERS,
                "0.38",
                "De kennisbank is gevuld. Het KCC beantwoordt nu 64% van de vragen "
                "in één keer.",
                KCC,
            ),
            Stand(
                6,
                OP_KOERS,
                "0.55",
                "Terugbelverzoeken staan in de werkvoorraad van de vakteams, met de "
                "termijn erbij.",
                KCC,
            ),
            Stand(
                2,
                RISICO,
                "0.71",
                "Twee vacatures zijn nog niet vervuld. De bereikbaarheid staat "
                "onder druk in de ochtend. We zetten tijdelijk uitzendkrachten in.",
                KCC,
            ),
        ),
    ),
    ProjectSpec(
        naam="Termijnbewaking in het zaaksysteem",
        omschrijving="Signalen in de werkvoorraad voor zaken die hun termijn "
        "naderen, en een overzicht per team voor de teamleiders.",
        eigenaar="Informatiemanager",
        begin=20,
        einde=-2,
        budget=220_000,
        indicatoren=("binnen-servicenorm", "verlopen-zaken"),
        mijlpalen=(
            ("Servicenormen per product vastgesteld", -16, True),
            ("Signalen in de werkvoorraad", -7, True),
            ("Overzicht per team voor teamleiders", -2, False),
        ),
        risicos=(
            (
                "Servicenormen van de vakteams zijn niet volledig",
                "laag",
                "",
                True,
            ),
            (
                "Migratie van oude zaken kost meer tijd dan gepland",
                "hoog",
                "Oude zaken in twee rondes overzetten; eerst de open zaken",
                False,
            ),
        ),
        standen=(
            Stand(
                19,
                OP_KOERS,
                "0.06",
                "Gestart. De vakteams leveren hun servicenormen aan.",
                INFORMATIE,
            ),
            Stand(
                13,
                OP_KOERS,
                "0.40",
                "Alle servicenormen staan in de productencatalogus en worden in "
                "het zaaksysteem gebruikt.",
                INFORMATIE,
            ),
            Stand(
                7,
                RISICO,
                "0.68",
                "De signalen werken. Het overzetten van oude zaken kost meer tijd "
                "dan verwacht: veel zaken missen een einddatum.",
                INFORMATIE,
            ),
            Stand(
                1,
                TE_LAAT,
                "0.93",
                "Het overzicht voor teamleiders is nog niet klaar; de einddatum is "
                "niet gehaald. Voorstel aan het college: twee maanden uitstel en "
                "€ 25.000 extra.",
                INFORMATIE,
            ),
        ),
    ),
    ProjectSpec(
        naam="Training schrijven in begrijpelijke taal",
        omschrijving="Alle medewerkers die brieven en e-mails aan inwoners "
        "schrijven volgen een training op taalniveau B1.",
        eigenaar="Teamleider HR",
        begin=10,
        einde=8,
        budget=35_000,
        indicatoren=("tevredenheid",),
        mijlpalen=(
            ("Eerste groep getraind", -6, True),
            ("Standaardbrieven herschreven", -1, True),
            ("Alle medewerkers getraind", 6, False),
        ),
        standen=(
            Stand(
                9,
                OP_KOERS,
                "0.15",
                "Het trainingsbureau is gekozen; de eerste groep van 18 medewerkers "
                "start volgende maand.",
                PUBLIEK,
            ),
            Stand(
                4,
                OP_KOERS,
                "0.48",
                "Drie groepen zijn getraind. De deelnemers geven de training een 8,2.",
                PUBLIEK,
            ),
            Stand(
                1,
                OP_KOERS,
                "0.60",
                "De twintig meest verstuurde standaardbrieven zijn herschreven en "
                "getest met inwoners.",
                PUBLIEK,
            ),
        ),
        gemeenten=("duinwaard",),
    ),
)

# Lindebroek is smaller: its budgets are this share of Duinwaard's.
BUDGETFACTOR = {"duinwaard": Decimal(1), "lindebroek": Decimal("0.6")}


def _moment(vandaag, maanden: int, uur: int = 10) -> datetime:
    dag = vandaag - timedelta(days=round(maanden * 30.4))
    return timezone.make_aware(datetime.combine(dag, time(uur)))


def _datum(vandaag, maanden: int):
    return vandaag + timedelta(days=round(maanden * 30.4))


def _programmas(gemeente, slug: str, report) -> list[Beleidsdoel]:
    afwijkingen = AFWIJKINGEN.get(slug, {})
    doelen = []
    for volgorde, (naam, omschrijving, specs) in enumerate(PROGRAMMAS, start=1):
        programma = Programma.objects.filter(gemeente=gemeente, naam=naam).first()
        report.note(programma is None, f"Programma {naam} ({gemeente.naam})")
        if programma is None:
            programma = services.create_programma(
                gemeente=gemeente,
                naam=naam,
                omschrijving=omschrijving,
                volgorde=volgorde,
            )
        for titel, indicator, streef, jaar, nul, toelichting in specs:
            titel, streef = afwijkingen.get(titel, (titel, streef))
            doel = Beleidsdoel.objects.filter(programma=programma, titel=titel).first()
            report.note(doel is None, f"Beleidsdoel {titel} ({gemeente.naam})")
            if doel is None:
                doel = services.create_beleidsdoel(
                    programma=programma,
                    titel=titel,
                    indicator=indicator,
                    streefwaarde=Decimal(streef),
                    jaar=jaar,
                    nulmeting=Decimal(nul),
                    toelichting=toelichting,
                )
            doelen.append(doel)
    return doelen


def _project(gemeente, slug: str, spec: ProjectSpec, doelen, vandaag, report):
    if Project.objects.filter(gemeente=gemeente, naam=spec.naam).exists():
        report.note(False, spec.naam)
        return
    budget = (Decimal(spec.budget) * BUDGETFACTOR[slug]).quantize(Decimal(1000))
    project = services.create_project(
        gemeente=gemeente,
        naam=spec.naam,
        omschrijving=spec.omschrijving,
        eigenaar=spec.eigenaar,
        begindatum=_datum(vandaag, -spec.begin),
        einddatum=_datum(vandaag, spec.einde),
        budget=budget,
        doelen=[d for d in doelen if d.indicator in spec.indicatoren],
    )
    for naam, maanden, gehaald in spec.mijlpalen:
        gepland = _datum(vandaag, maanden)
        services.voeg_mijlpaal_toe(
            project,
            naam=naam,
            gepland=gepland,
            gehaald=min(gepland, vandaag) if gehaald else None,
        )
    for omschrijving, niveau, maatregel, gesloten in spec.risicos:
        risico = services.voeg_risico_toe(
            project, omschrijving=omschrijving, niveau=niveau, maatregel=maatregel
        )
        if gesloten:
            services.sluit_risico(risico)
    for stand in spec.standen:
        services.werk_project_bij(
            project,
            status=stand.status,
            besteed=(budget * Decimal(stand.fractie_besteed)).quantize(Decimal(100)),
            voortgang=stand.voortgang,
            door=stand.door,
            datum=_moment(vandaag, stand.maanden_geleden),
        )
    report.note(True, f"Project {spec.naam} ({gemeente.naam})")


def load(gemeenten: dict, report) -> None:
    vandaag = timezone.localdate()
    for slug, gemeente in gemeenten.items():
        if slug not in BUDGETFACTOR:
            continue
        doelen = _programmas(gemeente, slug, report)
        for spec in PROJECTEN:
            if slug in spec.gemeenten:
                _project(gemeente, slug, spec, doelen, vandaag, report)
