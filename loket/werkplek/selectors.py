"""What the werkplek reads: queues per team with their counts, a page of one queue,
and search. Every read starts from ``toegang.zichtbaar(medewerker)``, so what a
staff member may not see is never counted, listed or found."""

import re
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import BooleanField, Count, F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from loket.core.werkdagen import werkdagen_na
from loket.organisaties import selectors as organisaties
from loket.organisaties.models import Medewerker, Team
from loket.werkplek import toegang
from loket.werkplek.models import Behandeling, Fase
from loket.zgw.catalogi import selectors as catalogi
from loket.zgw.catalogi.models import ZaakType

# "Bijna verlopen": an open zaak whose uiterste datum falls within this many
# working days (Monday to Friday) from today.
BIJNA_VERLOPEN_WERKDAGEN = 5
PER_PAGINA = 50
# Counting stops here: beyond it a number helps nobody and costs time.
TEL_TOT = 10_000
ZOEK_MAXIMUM = 50

# Open zaken whose term runs: a suspended zaak's term stands still, so it is
# never "bijna verlopen" or "verlopen" (its own queue shows it).
LOPEND = (Fase.NIEUW, Fase.IN_BEHANDELING)
OPEN = (Fase.NIEUW, Fase.IN_BEHANDELING, Fase.OPGESCHORT)


@dataclass(frozen=True)
class Wachtrij:
    code: str
    naam: str
    uitleg: str


WACHTRIJEN = [
    Wachtrij("nieuw", "Nieuw", "Open zaken zonder behandelaar."),
    Wachtrij("in-behandeling", "In behandeling", "Zaken met een behandelaar."),
    Wachtrij("opgeschort", "Opgeschort", "Zaken die tijdelijk stilstaan."),
    Wachtrij(
        "bijna-verlopen",
        "Bijna verlopen",
        f"De uiterste datum valt binnen {BIJNA_VERLOPEN_WERKDAGEN} werkdagen.",
    ),
    Wachtrij("verlopen", "Verlopen", "De uiterste datum is voorbij."),
]
WACHTRIJ = {w.code: w for w in WACHTRIJEN}
MIJN_ZAKEN = Wachtrij("mijn-zaken", "Mijn zaken", "Open zaken die u behandelt.")

SORTERINGEN = {
    "uiterste-datum": ("Uiterste datum (eerst)", ("uiterste_datum", "zaak_id")),
    "registratiedatum": (
        "Registratiedatum (oudste eerst)",
        ("registratiedatum", "zaak_id"),
    ),
}
STANDAARD_SORTERING = "uiterste-datum"


def wachtrij_filter(code: str, vandaag: date) -> Q:
    if code == "nieuw":
        return Q(fase=Fase.NIEUW)
    if code == "in-behandeling":
        return Q(fase=Fase.IN_BEHANDELING)
    if code == "opgeschort":
        return Q(fase=Fase.OPGESCHORT)
    if code == "bijna-verlopen":
        grens = werkdagen_na(vandaag, BIJNA_VERLOPEN_WERKDAGEN)
        return Q(fase__in=LOPEND, uiterste_datum__range=(vandaag, grens))
    if code == "verlopen":
        return Q(fase__in=LOPEND, uiterste_datum__lt=vandaag)
    raise KeyError(code)


# -- the index -------------------------------------------------------------------


def behandelt_zaken(medewerker) -> bool:
    """Has team queues: a behandelaar, teamleider or platform beheerder."""
    return medewerker.is_superuser or bool(medewerker.rolcodes & toegang.BEHANDELROLLEN)


def werkvoorraad_teams(medewerker) -> list[Team]:
    """The teams whose queues this person sees: their own (platform beheerders:
    every team)."""
    if medewerker.is_superuser:
        return list(
            organisaties.teams_for(medewerker).order_by("organisatie__naam", "naam")
        )
    if not behandelt_zaken(medewerker):
        return []
    return list(
        medewerker.teams.filter(organisatie=medewerker.organisatie_id)
        .select_related("organisatie")
        .order_by("naam")
    )


def tellingen(medewerker, teams: list[Team], vandaag: date | None = None) -> dict:
    """Per team id: the number of zaken in each queue (keys: the queue codes)."""
    vandaag = vandaag or timezone.localdate()
    leeg = {w.code: 0 for w in WACHTRIJEN}
    if not teams:
        return {}
    rijen = (
        toegang.zichtbaar(medewerker, teams=[t.pk for t in teams])
        .filter(fase__in=OPEN)
        .values("team")
        .annotate(
            **{
                w.code.replace("-", "_"): Count(
                    "pk", filter=wachtrij_filter(w.code, vandaag)
                )
                for w in WACHTRIJEN
            }
        )
        .order_by()
    )
    result = {t.pk: dict(leeg) for t in teams}
    for rij in rijen:
        result[rij["team"]] = {
            w.code: rij[w.code.replace("-", "_")] for w in WACHTRIJEN
        }
    return result


def aantal_verlopen(gemeente_ids: list[int], vandaag: date | None = None) -> int:
    """Open zaken of these gemeenten whose term runs and whose uiterste datum has
    passed, all of them (for sturing, not per staff member); the partial index
    ``behandeling_lopend`` holds exactly these rows."""
    vandaag = vandaag or timezone.localdate()
    return Behandeling.objects.filter(
        wachtrij_filter("verlopen", vandaag), gemeente_id__in=gemeente_ids
    ).count()


def mijn_zaken(medewerker) -> QuerySet[Behandeling]:
    return toegang.zichtbaar(medewerker).filter(behandelaar=medewerker, fase__in=OPEN)


def aantal(queryset: QuerySet) -> tuple[int, bool]:
    """The number of rows, counted up to ``TEL_TOT``; and whether there are more."""
    n = queryset.order_by()[: TEL_TOT + 1].count()
    return min(n, TEL_TOT), n > TEL_TOT


# -- a queue ---------------------------------------------------------------------------


def team_van(medewerker, team_uuid) -> Team | None:
    """A team whose queues this person sees, or None."""
    return next(
        (t for t in werkvoorraad_teams(medewerker) if t.uuid == team_uuid), None
    )


def wachtrij(
    medewerker,
    *,
    team: Team | None,
    code: str,
    vandaag: date | None = None,
    zaaktype: str = "",
    behandelaar: str = "",
) -> QuerySet[Behandeling]:
    """The zaken of one queue of ``team`` (``team`` None and code "mijn-zaken": the
    person's own open zaken), filtered; ``tabel`` sorts them for a page."""
    vandaag = vandaag or timezone.localdate()
    if code == MIJN_ZAKEN.code:
        rijen = mijn_zaken(medewerker)
    else:
        rijen = toegang.zichtbaar(medewerker, teams=[team.pk]).filter(
            wachtrij_filter(code, vandaag)
        )
    if zaaktype:
        rijen = rijen.filter(zaaktype__identificatie=zaaktype)
    if behandelaar == "geen":
        rijen = rijen.filter(behandelaar__isnull=True)
    elif behandelaar:
        rijen = rijen.filter(behandelaar__uuid=behandelaar)
    return rijen


def tabel(rijen: QuerySet, sortering: str = STANDAARD_SORTERING) -> QuerySet:
    """The rows sorted, with what a table row shows."""
    volgorde = SORTERINGEN.get(sortering, SORTERINGEN[STANDAARD_SORTERING])[1]
    eerste, *rest = volgorde
    return _tabel(rijen).order_by(F(eerste).asc(nulls_last=True), *rest)


def pagina(queryset: QuerySet, nummer: int) -> tuple[list, bool]:
    """Page ``nummer`` (from 1) of a queue: its rows, and whether a next page
    exists."""
    begin = (nummer - 1) * PER_PAGINA
    rijen = list(queryset[begin : begin + PER_PAGINA + 1])
    return rijen[:PER_PAGINA], len(rijen) > PER_PAGINA


def _tabel(rijen: QuerySet) -> QuerySet:
    return rijen.annotate(
        zaak_uuid=F("zaak__uuid"),
        zaaktype_omschrijving=F("zaaktype__omschrijving"),
        behandelaar_naam=F("behandelaar__naam"),
    ).only(
        "zaak_id",
        "gemeente_id",
        "team_id",
        "behandelaar_id",
        "fase",
        "status",
        "identificatie",
        "omschrijving",
        "registratiedatum",
        "uiterste_datum",
        "einddatum",
        "initiator_naam",
        "initiator_bsn",
        "initiator_kvk",
    )


def termijn(rij: Behandeling, vandaag: date | None = None) -> str:
    """The time left, in words: "nog 3 dagen", "vandaag", "2 dagen te laat"."""
    vandaag = vandaag or timezone.localdate()
    if rij.einddatum:
        return "Afgehandeld"
    if rij.fase == Fase.OPGESCHORT:
        return "Opgeschort"
    if rij.uiterste_datum is None:
        return "Geen termijn"
    dagen = (rij.uiterste_datum - vandaag).days
    if dagen == 0:
        return "Vandaag"
    if dagen > 0:
        return f"Nog {dagen} {'dag' if dagen == 1 else 'dagen'}"
    return f"{-dagen} {'dag' if dagen == -1 else 'dagen'} te laat"


def zaaktype_keuzes(medewerker) -> list[tuple[str, str]]:
    """The zaaktypen of the gemeenten this person works for, by identificatie (so
    a filter holds for every version), named by their newest omschrijving."""
    zaaktypen = catalogi.with_status(
        ZaakType.objects.filter(catalogus__in=catalogi.catalogussen_for(medewerker)),
        "definitief",
    ).order_by("identificatie", "begin_geldigheid")
    namen: dict[str, str] = {}
    for identificatie, omschrijving in zaaktypen.values_list(
        "identificatie", "omschrijving"
    ):
        namen[identificatie] = omschrijving
    return sorted(namen.items(), key=lambda item: (item[1].lower(), item[0]))


def team_leden(team: Team) -> QuerySet[Medewerker]:
    return team.leden.filter(is_active=True).order_by("naam")


# -- search ----------------------------------------------------------------------------

BSN = re.compile(r"^\d{9}$")
KVK = re.compile(r"^\d{8}$")
IDENTIFICATIE = re.compile(r"^[A-Za-z]+-[\dA-Za-z-]*\d[\dA-Za-z-]*$")


def zoek(
    medewerker,
    term: str,
    *,
    gemeente: int | None = None,
    zaaktype: str = "",
    fase: str = "",
) -> tuple[list[Behandeling], bool]:
    """Zaken matching ``term`` (a zaak identificatie or its beginning, a BSN, a
    KvK number, or words from a name, address or omschrijving), newest first; at
    most ``ZOEK_MAXIMUM``, and whether there were more."""
    rijen = toegang.zichtbaar(medewerker)
    if gemeente:
        rijen = rijen.filter(gemeente=gemeente)
    if zaaktype:
        rijen = rijen.filter(zaaktype__identificatie=zaaktype)
    if fase:
        rijen = rijen.filter(fase=fase)
    rijen = rijen.filter(zoekvraag(term))
    gevonden = list(
        _tabel(rijen)
        .annotate(gemeente_naam=F("gemeente__naam"))
        .order_by("-registratiedatum", "-zaak_id")[: ZOEK_MAXIMUM + 1]
    )
    return gevonden[:ZOEK_MAXIMUM], len(gevonden) > ZOEK_MAXIMUM


def zoekvraag(term: str) -> Q:
    """What ``term`` matches: a BSN or KvK number exactly, a zaak identificatie
    from its beginning, otherwise every word (from its beginning) in the text of
    the zaak."""
    term = term.strip()
    if BSN.match(term):
        return Q(initiator_bsn=term)
    if KVK.match(term):
        return Q(initiator_kvk=term)
    if IDENTIFICATIE.match(term):
        return Q(identificatie__startswith=term.upper())
    woorden = re.findall(r"\w+", term.lower())
    if not woorden:
        return Q(pk__in=[])
    if connection.vendor == "postgresql":
        # The 'simple' configuration, as the GIN index (migration 0002): names
        # and addresses are matched as written, each word from its beginning.
        query = " & ".join(f"{w}:*" for w in woorden)
        return Q(
            RawSQL(
                "to_tsvector('simple'::regconfig, werkplek_behandeling.zoektekst) "
                "@@ to_tsquery('simple'::regconfig, %s)",
                [query],
                output_field=BooleanField(),
            )
        )
    q = Q()
    for woord in woorden:
        q &= Q(zoektekst__icontains=woord)
    return q
