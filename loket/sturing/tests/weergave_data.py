"""A small hand-made world for the tests of the sturing pages (dashboard, council
report, public page): two gemeenten served by one werkorganisatie, Duinwaard also
with its own organisation (its council), staff in every role that matters, monthly
counts with known outcomes, goals and a project made through the services."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser

from loket.beleid import services as beleid
from loket.demo import data
from loket.organisaties.roles import Rolcode
from loket.sturing import meetpunten as mp
from loket.sturing.services import tel
from tests import factories


@dataclass
class Wereld:
    duinwaard: object
    lindebroek: object
    teamleider: object  # werkorganisatie: both gemeenten, may change goals
    beheerder: object  # functioneel beheerder of the werkorganisatie: the same
    bestuurder: object  # council of Duinwaard: only Duinwaard, read-only
    behandelaar: object  # werkorganisatie, no sturing role
    programma: object
    doel_online: object  # 80% online in 2027
    doel_norm: object  # 80% within the service norm in 2026
    doel_doorlooptijd: object  # at most 8 days in 2025
    project: object


def wereld() -> Wereld:
    duinwaard = factories.gemeente(naam="Duinwaard", slug="duinwaard")
    lindebroek = factories.gemeente(naam="Lindebroek", slug="lindebroek")
    werkorganisatie = factories.organisatie(duinwaard, lindebroek, naam="Werkorg")
    raad = factories.organisatie(duinwaard, naam="Gemeente Duinwaard")

    def medewerker(org, rol, naam):
        return factories.medewerker(
            org,
            rollen=(rol,),
            naam=naam,
            email=f"{naam.split()[0].lower()}@sturing.test",
            password=data.DEMO_PASSWORD,
        )

    programma = beleid.create_programma(
        gemeente=duinwaard,
        naam="Digitale dienstverlening",
        omschrijving="Inwoners regelen zaken online als zij dat willen.",
        volgorde=1,
    )
    wereld = Wereld(
        duinwaard=duinwaard,
        lindebroek=lindebroek,
        teamleider=medewerker(werkorganisatie, Rolcode.TEAMLEIDER, "Tamara Smit"),
        beheerder=medewerker(
            werkorganisatie, Rolcode.FUNCTIONEEL_BEHEERDER, "Frank Beheer"
        ),
        bestuurder=medewerker(raad, Rolcode.BESTUURDER, "Rik Raadslid"),
        behandelaar=medewerker(werkorganisatie, Rolcode.BEHANDELAAR, "Bea Behandel"),
        programma=programma,
        doel_online=beleid.create_beleidsdoel(
            programma=programma,
            titel="Tachtig procent online",
            toelichting="Wie wil, regelt het online.",
            indicator="zaken-online",
            streefwaarde=Decimal(80),
            jaar=2027,
            nulmeting=Decimal(40),
        ),
        doel_norm=beleid.create_beleidsdoel(
            programma=programma,
            titel="Op tijd klaar",
            indicator="binnen-servicenorm",
            streefwaarde=Decimal(80),
            jaar=2026,
        ),
        doel_doorlooptijd=beleid.create_beleidsdoel(
            programma=programma,
            titel="Binnen acht dagen",
            indicator="doorlooptijd",
            streefwaarde=Decimal(8),
            jaar=2025,
        ),
        project=beleid.create_project(
            gemeente=duinwaard,
            naam="Parkeervergunning online",
            budget=Decimal(125_000),
        ),
    )
    beleid.werk_project_bij(
        wereld.project,
        status="risico",
        besteed=Decimal(50_000),
        voortgang="Het formulier is klaar; de koppeling volgt.",
        door="Tamara Smit, teamleider",
    )
    beleid.voeg_mijlpaal_toe(
        wereld.project, naam="Koppeling met het register", gepland=date(2027, 3, 1)
    )
    beleid.voeg_risico_toe(
        wereld.project,
        omschrijving="De leverancier levert later",
        niveau="hoog",
        maatregel="Wekelijks overleg",
    )
    return wereld


def tellingen(gemeente) -> None:
    """Known counts of Duinwaard (first quarter of 2026 and the quarter before):

    - zaken started: 2026-K1 6 via web and 2 at the balie (75% online);
      2025-K4 3 web, 3 balie (50%)
    - zaken closed in 2026-K1: 3 after 10 days and 2 after 20 (median 10 days),
      4 of them within the norm (80%); in 2025-K4: 5 after 12 days, 2 in time
    - satisfaction in 2026-K1: three grades (too few to show); 2025-K4 five 8s
    - klachten: 3 in 2026-K1 (a count: staff see it, the public does not)
    """
    januari, november = date(2026, 1, 15), date(2025, 11, 10)
    g = gemeente.pk
    tel(gemeente_id=g, datum=januari, meetpunt=mp.ZAAK_GESTART, kanaal="web", aantal=6)
    tel(
        gemeente_id=g, datum=januari, meetpunt=mp.ZAAK_GESTART, kanaal="balie", aantal=2
    )
    tel(gemeente_id=g, datum=november, meetpunt=mp.ZAAK_GESTART, kanaal="web", aantal=3)
    tel(
        gemeente_id=g,
        datum=november,
        meetpunt=mp.ZAAK_GESTART,
        kanaal="balie",
        aantal=3,
    )
    afgerond = {"gemeente_id": g, "meetpunt": mp.ZAAK_AFGEROND, "kanaal": "web"}
    tel(**afgerond, datum=januari, waarde=10, binnen_norm=True, aantal=3)
    tel(**afgerond, datum=date(2026, 2, 3), waarde=20, binnen_norm=True, aantal=1)
    tel(**afgerond, datum=date(2026, 2, 3), waarde=20, binnen_norm=False, aantal=1)
    tel(**afgerond, datum=november, waarde=12, binnen_norm=True, aantal=2)
    tel(**afgerond, datum=november, waarde=12, binnen_norm=False, aantal=3)
    tel(
        gemeente_id=g,
        datum=januari,
        meetpunt=mp.KTO_CIJFER,
        kanaal="web",
        waarde=9,
        aantal=3,
    )
    tel(
        gemeente_id=g,
        datum=november,
        meetpunt=mp.KTO_CIJFER,
        kanaal="web",
        waarde=8,
        aantal=5,
    )
    tel(gemeente_id=g, datum=januari, meetpunt=mp.KLACHT, kanaal="post", aantal=3)


class _Tabellen(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tabellen: dict[str, list[list[str]]] = {}
        self._caption = self._rij = self._cel = None
        self._rijen: list[list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._rijen = []
        elif tag == "caption":
            self._caption = ""
        elif tag == "tr" and self._rijen is not None:
            self._rij = []
        elif tag in ("td", "th") and self._rij is not None:
            self._cel = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self._naam, self._caption = " ".join(self._caption.split()), None
        elif tag in ("td", "th") and self._cel is not None:
            self._rij.append(" ".join(self._cel.split()))
            self._cel = None
        elif tag == "tr" and self._rij is not None:
            self._rijen.append(self._rij)
            self._rij = None
        elif tag == "table" and self._rijen is not None:
            self.tabellen[self._naam] = self._rijen
            self._rijen = None

    def handle_data(self, data):
        if self._caption is not None:
            self._caption += data
        if self._cel is not None:
            self._cel += data


def tabellen(html: str) -> dict[str, list[list[str]]]:
    """Every table of a page by its caption: rows of cell texts (the header row
    first), whitespace collapsed, visually hidden text included."""
    parser = _Tabellen()
    parser.feed(html)
    return parser.tabellen
