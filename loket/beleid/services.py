"""Writes of programmes, goals and the projectenboek, one transaction each.

Every rule is checked here, with a Dutch message per field (a
``ValidationError`` with an error dict), so a page, the beheer and the demo get
the same answers. A project update is never overwritten: ``werk_project_bij``
adds a ``Projectstand`` and copies it onto the project.
"""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from loket.beleid.models import (
    Beleidsdoel,
    Mijlpaal,
    Programma,
    Project,
    Projectstand,
    Projectstatus,
    Risico,
)
from loket.sturing import indicatoren

EERSTE_JAAR = 2000
LAATSTE_JAAR = 2100
MAX_BEDRAG = Decimal("9999999999.99")  # what fits in the budget column
MAX_TEKST = 5000


class _Fouten:
    """Collects errors per field and raises them together."""

    def __init__(self):
        self.fouten: dict[str, list[str]] = {}

    def add(self, veld: str, melding: str) -> None:
        self.fouten.setdefault(veld, []).append(melding)

    def raise_if_any(self) -> None:
        if self.fouten:
            raise ValidationError(self.fouten)


def _tekst(
    fouten: _Fouten, veld: str, waarde, *, maximum: int, leeg: str | None = None
) -> str:
    """Stripped text; ``leeg`` is the message when it is required and empty."""
    waarde = (waarde or "").strip()
    if not waarde and leeg:
        fouten.add(veld, leeg)
    elif len(waarde) > maximum:
        fouten.add(veld, f"Dit is te lang: maximaal {maximum} tekens.")
    return waarde


def _getal(
    fouten: _Fouten, veld: str, waarde, *, leeg: str | None, maximum=MAX_BEDRAG
) -> Decimal | None:
    """A non-negative number with at most two decimals; None when empty and
    optional (``leeg`` is None)."""
    if waarde is None or waarde == "":
        if leeg:
            fouten.add(veld, leeg)
        return None
    try:
        getal = Decimal(str(waarde))
    except InvalidOperation:
        fouten.add(veld, "Vul een getal in, zoals 80 of 8,5.")
        return None
    if not getal.is_finite():
        fouten.add(veld, "Vul een getal in, zoals 80 of 8,5.")
        return None
    if getal < 0:
        fouten.add(veld, "Dit kan niet negatief zijn.")
    elif getal > maximum:
        fouten.add(veld, "Dit getal is te groot.")
    elif getal != getal.quantize(Decimal("0.01")):
        fouten.add(veld, "Gebruik hoogstens twee cijfers achter de komma.")
    return getal


def _datum_niet_in_toekomst(fouten: _Fouten, veld: str, waarde: date | None) -> None:
    if waarde and waarde > timezone.localdate():
        fouten.add(veld, "Deze datum ligt in de toekomst.")


# -- programmes ------------------------------------------------------------------------


@transaction.atomic
def create_programma(*, gemeente, **velden) -> Programma:
    """A new programme of the gemeente: a group of goals (with the fields
    ``update_programma`` takes)."""
    return update_programma(Programma(gemeente=gemeente), **velden)


@transaction.atomic
def update_programma(
    programma: Programma, *, naam: str, omschrijving: str = "", volgorde: int = 0
) -> Programma:
    fouten = _Fouten()
    programma.naam = _tekst(
        fouten, "naam", naam, maximum=120, leeg="Vul de naam van het programma in."
    )
    programma.omschrijving = _tekst(
        fouten, "omschrijving", omschrijving, maximum=MAX_TEKST
    )
    if not isinstance(volgorde, int) or not 0 <= volgorde <= 999:
        fouten.add("volgorde", "Vul een volgnummer in van 0 tot en met 999.")
    else:
        programma.volgorde = volgorde
    if (
        programma.naam
        and Programma.objects.filter(
            gemeente_id=programma.gemeente_id, naam__iexact=programma.naam
        )
        .exclude(pk=programma.pk)
        .exists()
    ):
        fouten.add("naam", "Deze gemeente heeft al een programma met deze naam.")
    fouten.raise_if_any()
    programma.save()
    return programma


# -- goals -----------------------------------------------------------------------------


@transaction.atomic
def create_beleidsdoel(*, programma: Programma, **velden) -> Beleidsdoel:
    """A goal in a programme: the indicator (a code of
    ``loket.sturing.indicatoren.INDICATOREN``) should reach ``streefwaarde`` in
    ``jaar`` (the fields ``update_beleidsdoel`` takes)."""
    return update_beleidsdoel(Beleidsdoel(), programma=programma, **velden)


@transaction.atomic
def update_beleidsdoel(
    doel: Beleidsdoel,
    *,
    programma: Programma | None = None,
    titel: str,
    indicator: str,
    streefwaarde,
    jaar: int,
    toelichting: str = "",
    nulmeting=None,
) -> Beleidsdoel:
    """Change a goal; it may move to another programme of the same gemeente."""
    programma = programma or doel.programma
    fouten = _Fouten()
    if doel.pk and programma.gemeente_id != doel.programma.gemeente_id:
        fouten.add("programma", "Kies een programma van dezelfde gemeente.")
    doel.programma = programma
    doel.titel = _tekst(
        fouten, "titel", titel, maximum=200, leeg="Vul de titel van het doel in."
    )
    doel.toelichting = _tekst(fouten, "toelichting", toelichting, maximum=MAX_TEKST)
    gekozen = indicatoren.INDICATOREN.get(indicator or "")
    if gekozen is None:
        fouten.add("indicator", "Kies de indicator die dit doel meet.")
    doel.indicator = indicator or ""
    maximum = Decimal(100) if gekozen and gekozen.eenheid == "%" else Decimal(9999999)
    doel.streefwaarde = _getal(
        fouten,
        "streefwaarde",
        streefwaarde,
        leeg="Vul de streefwaarde in.",
        maximum=maximum,
    )
    doel.nulmeting = _getal(fouten, "nulmeting", nulmeting, leeg=None, maximum=maximum)
    if not isinstance(jaar, int) or not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        fouten.add(
            "jaar", f"Vul een jaar in van {EERSTE_JAAR} tot en met {LAATSTE_JAAR}."
        )
    else:
        doel.jaar = jaar
    fouten.raise_if_any()
    doel.save()
    return doel


@transaction.atomic
def delete_beleidsdoel(doel: Beleidsdoel) -> None:
    """Remove a goal; projects that served it keep existing, without the link."""
    doel.delete()


# -- projects --------------------------------------------------------------------------


@transaction.atomic
def create_project(*, gemeente, **velden) -> Project:
    """A new project in the gemeente's projectenboek (with the fields
    ``update_project`` takes). It starts on course with nothing spent."""
    return update_project(Project(gemeente=gemeente), **velden)


@transaction.atomic
def update_project(
    project: Project,
    *,
    naam: str,
    budget,
    omschrijving: str = "",
    eigenaar: str = "",
    begindatum: date | None = None,
    einddatum: date | None = None,
    doelen: Iterable[Beleidsdoel] = (),
) -> Project:
    """Change what a project is (not its progress: see ``werk_project_bij``); it
    serves ``doelen``, goals of the same gemeente."""
    fouten = _Fouten()
    project.naam = _tekst(
        fouten, "naam", naam, maximum=160, leeg="Vul de naam van het project in."
    )
    project.omschrijving = _tekst(
        fouten, "omschrijving", omschrijving, maximum=MAX_TEKST
    )
    project.eigenaar = _tekst(fouten, "eigenaar", eigenaar, maximum=120)
    project.begindatum, project.einddatum = begindatum, einddatum
    if begindatum and einddatum and einddatum < begindatum:
        fouten.add("einddatum", "De einddatum ligt voor de begindatum.")
    project.budget = _getal(fouten, "budget", budget, leeg="Vul het budget in.")
    doelen = list(doelen)
    vreemd = [d for d in doelen if d.programma.gemeente_id != project.gemeente_id]
    if vreemd:
        fouten.add(
            "doelen",
            "Een project dient alleen doelen van de eigen gemeente; "
            f'"{vreemd[0].titel}" hoort bij een andere gemeente.',
        )
    fouten.raise_if_any()
    project.save()
    project.doelen.set(doelen)
    return project


@transaction.atomic
def werk_project_bij(
    project: Project,
    *,
    status: str,
    besteed,
    voortgang: str,
    door: str,
    datum: datetime | None = None,
) -> Projectstand:
    """Record the project's state as it is now (or at ``datum``, for history
    loaded afterwards): a new ``Projectstand``. The newest stand is copied onto
    the project, so lists need no subquery; earlier ones stay as history."""
    fouten = _Fouten()
    if status not in Projectstatus.values:
        fouten.add("status", "Kies de status van het project.")
    besteed = _getal(fouten, "besteed", besteed, leeg="Vul in hoeveel er besteed is.")
    voortgang = _tekst(
        fouten,
        "voortgang",
        voortgang,
        maximum=MAX_TEKST,
        leeg="Schrijf kort hoe het project ervoor staat.",
    )
    door = _tekst(fouten, "door", door, maximum=200, leeg="Vul in wie dit bijwerkt.")
    datum = datum or timezone.now()
    if datum > timezone.now():
        fouten.add("datum", "Een stand kan niet in de toekomst liggen.")
    fouten.raise_if_any()
    project = Project.objects.select_for_update().get(pk=project.pk)
    stand = Projectstand.objects.create(
        project=project,
        datum=datum,
        status=status,
        besteed=besteed,
        voortgang=voortgang,
        door=door,
    )
    if project.bijgewerkt_op is None or datum >= project.bijgewerkt_op:
        project.status = status
        project.besteed = besteed
        project.voortgang = voortgang
        project.bijgewerkt_op = datum
        project.save(update_fields=["status", "besteed", "voortgang", "bijgewerkt_op"])
    return stand


# -- milestones and risks --------------------------------------------------------------


@transaction.atomic
def voeg_mijlpaal_toe(
    project: Project, *, naam: str, gepland: date | None, gehaald: date | None = None
) -> Mijlpaal:
    fouten = _Fouten()
    naam = _tekst(
        fouten, "naam", naam, maximum=160, leeg="Vul de naam van de mijlpaal in."
    )
    if gepland is None:
        fouten.add("gepland", "Vul in wanneer de mijlpaal gepland is.")
    _datum_niet_in_toekomst(fouten, "gehaald", gehaald)
    fouten.raise_if_any()
    return Mijlpaal.objects.create(
        project=project, naam=naam, gepland=gepland, gehaald=gehaald
    )


@transaction.atomic
def markeer_mijlpaal_gehaald(mijlpaal: Mijlpaal, *, gehaald: date | None = None):
    """The milestone was reached on ``gehaald`` (today by default)."""
    gehaald = gehaald or timezone.localdate()
    fouten = _Fouten()
    _datum_niet_in_toekomst(fouten, "gehaald", gehaald)
    if mijlpaal.gehaald is not None:
        fouten.add("gehaald", "Deze mijlpaal is al gehaald.")
    fouten.raise_if_any()
    mijlpaal.gehaald = gehaald
    mijlpaal.save(update_fields=["gehaald"])
    return mijlpaal


@transaction.atomic
def voeg_risico_toe(
    project: Project, *, omschrijving: str, niveau: str, maatregel: str = ""
) -> Risico:
    fouten = _Fouten()
    omschrijving = _tekst(
        fouten, "omschrijving", omschrijving, maximum=300, leeg="Beschrijf het risico."
    )
    maatregel = _tekst(fouten, "maatregel", maatregel, maximum=300)
    if niveau not in Risico.Niveau.values:
        fouten.add("niveau", "Kies hoe groot het risico is.")
    fouten.raise_if_any()
    return Risico.objects.create(
        project=project, omschrijving=omschrijving, niveau=niveau, maatregel=maatregel
    )


@transaction.atomic
def sluit_risico(risico: Risico) -> Risico:
    """The risk is over (or managed): it no longer counts as open."""
    if risico.gesloten:
        raise ValidationError("Dit risico is al gesloten.")
    risico.gesloten = True
    risico.save(update_fields=["gesloten"])
    return risico
