"""Keeps ``Behandeling`` (the werkplek's read model) in step with the Zaken
register: every change Loket publishes on the kanaal ``zaken`` that touches what a
queue shows (the zaak, a status, a rol, the resultaat) rebuilds the zaak's row,
inside the transaction of the change. ``herbouw`` rebuilds all rows at once (after
a bulk load, or to repair): on PostgreSQL one INSERT … SELECT per batch that
computes in SQL what ``behandeling_van`` computes in Python."""

# ruff: noqa: S608 -- the SQL is made of Loket's own table, column and choice names.

from collections.abc import Callable

from django.db import connection, transaction
from django.db.models import Prefetch

from loket.organisaties.models import Medewerker, Team
from loket.werkplek.models import Behandeling, Fase, Routering
from loket.zgw.catalogi.choices import RolOmschrijving, Vertrouwelijkheid
from loket.zgw.zaken import selectors as zaken
from loket.zgw.zaken.choices import BetrokkeneType
from loket.zgw.zaken.models import Rol, Zaak

RESOURCES = {"zaak", "status", "rol", "resultaat"}
MEDEWERKER_PREFIX = "medewerker-"
VELDEN = [f.name for f in Behandeling._meta.concrete_fields if not f.primary_key]
# What ``behandeling_van`` reads of a zaak.
ZAAKVELDEN = (
    "uuid",
    "gemeente_id",
    "zaaktype__identificatie",
    "vertrouwelijkheidaanduiding",
    "einddatum",
    "opschorting_indicatie",
    "status__statustype__omschrijving",
    "identificatie",
    "omschrijving",
    "registratiedatum",
    "uiterlijke_einddatum_afdoening",
    "einddatum_gepland",
)


def on_notificatie(notificatie) -> None:
    if notificatie.kanaal != "zaken" or notificatie.resource not in RESOURCES:
        return
    if notificatie.resource == "zaak" and notificatie.actie == "destroy":
        return  # the row went with the zaak
    # A rol is announced before it is deleted: rebuild as if it were gone.
    zonder_rol = (
        _laatste_deel(notificatie.resource_url)
        if notificatie.resource == "rol" and notificatie.actie == "destroy"
        else None
    )
    bijwerken(_laatste_deel(notificatie.hoofd_object), zonder_rol=zonder_rol)


def _laatste_deel(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def bijwerken(zaak_uuid, *, zonder_rol=None) -> Behandeling | None:
    """Rebuild the row of one zaak from the register (leaving out the rol with
    UUID ``zonder_rol``: one about to be deleted)."""
    zaak = zaken.zaak_met_rollen(zaak_uuid, ZAAKVELDEN)
    if zaak is None:
        return None
    rij = behandeling_van(zaak, zonder_rol=zonder_rol)
    Behandeling.objects.bulk_create(
        [rij], update_conflicts=True, unique_fields=["zaak"], update_fields=VELDEN
    )
    return rij


def behandeling_van(zaak, *, zonder_rol=None) -> Behandeling:
    rollen = [r for r in zaak.rollen.all() if str(r.uuid) != str(zonder_rol)]
    behandelaars = [
        r for r in rollen if r.omschrijving_generiek == RolOmschrijving.BEHANDELAAR
    ]
    initiator = next(
        (r for r in rollen if r.omschrijving_generiek == RolOmschrijving.INITIATOR),
        None,
    )
    team_id = _team(zaak, behandelaars)
    behandelaar_id = _medewerker(behandelaars)
    if zaak.einddatum:
        fase = Fase.AFGEHANDELD
    elif zaak.opschorting_indicatie:
        fase = Fase.OPGESCHORT
    elif behandelaar_id:
        fase = Fase.IN_BEHANDELING
    else:
        fase = Fase.NIEUW
    naam = initiator.naam() if initiator else ""
    adres = initiator.adres() if initiator else ""
    bsn = initiator.inp_bsn if initiator else ""
    kvk = initiator.kvk_nummer if initiator else ""
    return Behandeling(
        zaak_id=zaak.pk,
        gemeente_id=zaak.gemeente_id,
        zaaktype_id=zaak.zaaktype_id,
        vertrouwelijkheid=Vertrouwelijkheid.rank(zaak.vertrouwelijkheidaanduiding),
        team_id=team_id,
        behandelaar_id=behandelaar_id,
        fase=fase,
        status=zaak.status.statustype.omschrijving[:80] if zaak.status else "",
        identificatie=zaak.identificatie,
        omschrijving=zaak.omschrijving,
        registratiedatum=zaak.registratiedatum,
        uiterste_datum=zaak.uiterlijke_einddatum_afdoening or zaak.einddatum_gepland,
        einddatum=zaak.einddatum,
        initiator_naam=naam[:200],
        initiator_bsn=bsn,
        initiator_kvk=kvk,
        initiator_adres=adres[:200],
        zoektekst=" ".join(
            d
            for d in (zaak.identificatie, zaak.omschrijving, naam, adres, bsn, kvk)
            if d
        ),
    )


def _team(zaak, behandelaars) -> int | None:
    """The team named as organisatorische eenheid in the newest behandelaar rol,
    among the teams of the organisations serving the zaak's gemeente; without one,
    the team the zaaktype is routed to."""
    for rol in reversed(behandelaars):
        if rol.betrokkene_type == BetrokkeneType.ORGANISATORISCHE_EENHEID:
            team = (
                Team.objects.filter(
                    code=rol.organisatorische_eenheid_identificatie,
                    organisatie__gemeenten=zaak.gemeente_id,
                )
                .values_list("pk", flat=True)
                .first()
            )
            if team:
                return team
    return (
        Routering.objects.filter(
            organisatie__gemeenten=zaak.gemeente_id,
            zaaktype_identificatie=zaak.zaaktype.identificatie,
        )
        .values_list("team_id", flat=True)
        .first()
    )


def _medewerker(behandelaars) -> int | None:
    """The staff member named in the newest behandelaar rol of type medewerker."""
    for rol in reversed(behandelaars):
        ident = rol.medewerker_identificatie
        if rol.betrokkene_type == BetrokkeneType.MEDEWERKER and ident.startswith(
            MEDEWERKER_PREFIX
        ):
            pk = ident.removeprefix(MEDEWERKER_PREFIX)
            if pk.isdigit() and Medewerker.objects.filter(pk=int(pk)).exists():
                return int(pk)
    return None


# -- rebuilding everything -----------------------------------------------------------

BATCH = 20_000


def herbouw(
    gemeente=None, *, batch: int = BATCH, voortgang: Callable[[int], None] | None = None
) -> int:
    """Rebuild the rows of all zaken (of ``gemeente``, if given) from the register,
    in batches of zaak ids, each batch its own transaction. Returns the number of
    rows written; ``voortgang(n)`` hears the running total after each batch."""
    zaak_ids = Zaak.objects.all()
    if gemeente is not None:
        zaak_ids = zaak_ids.filter(gemeente=gemeente)
    bounds = zaak_ids.order_by("pk").values_list("pk", flat=True)
    first, last = bounds.first(), bounds.last()
    if first is None:
        return 0
    gemeente_id = gemeente.pk if gemeente is not None else None
    written = 0
    for start in range(first, last + 1, batch):
        end = start + batch - 1
        with transaction.atomic():
            if connection.vendor == "postgresql":
                written += _herbouw_sql(start, end, gemeente_id)
            else:
                written += _herbouw_python(start, end, gemeente_id)
        if voortgang:
            voortgang(written)
    return written


def _herbouw_python(start: int, end: int, gemeente_id: int | None) -> int:
    ids = Zaak.objects.filter(pk__range=(start, end))
    if gemeente_id is not None:
        ids = ids.filter(gemeente_id=gemeente_id)
    met_rollen = (
        Zaak.objects.filter(pk__in=ids.values("pk"))
        .select_related("zaaktype", "status__statustype")
        .prefetch_related(Prefetch("rollen", queryset=Rol.objects.order_by("pk")))
    )
    rijen = [behandeling_van(zaak) for zaak in met_rollen.iterator(chunk_size=500)]
    Behandeling.objects.bulk_create(
        rijen,
        update_conflicts=True,
        unique_fields=["zaak"],
        update_fields=VELDEN,
        batch_size=500,
    )
    return len(rijen)


def _herbouw_sql(start: int, end: int, gemeente_id: int | None) -> int:
    rangen = "ARRAY[" + ", ".join(f"'{v}'" for v in Vertrouwelijkheid.values) + "]"
    velden = ", ".join(VELDEN_SQL)
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in VELDEN_SQL)
    gemeente_filter = "AND z.gemeente_id = %(gemeente)s" if gemeente_id else ""
    sql = f"""
        INSERT INTO werkplek_behandeling (zaak_id, {velden})
        SELECT z.id, z.gemeente_id, z.zaaktype_id,
               array_position({rangen}::text[], z.vertrouwelijkheidaanduiding::text)
                   - 1,
               t.team_id, b.medewerker_id,
               CASE WHEN z.einddatum IS NOT NULL THEN '{Fase.AFGEHANDELD}'
                    WHEN z.opschorting_indicatie THEN '{Fase.OPGESCHORT}'
                    WHEN b.medewerker_id IS NOT NULL THEN '{Fase.IN_BEHANDELING}'
                    ELSE '{Fase.NIEUW}' END,
               coalesce(left(st.omschrijving, 80), ''),
               z.identificatie, z.omschrijving, z.registratiedatum,
               coalesce(z.uiterlijke_einddatum_afdoening, z.einddatum_gepland),
               z.einddatum,
               coalesce(left(i.naam, 200), ''), coalesce(i.bsn, ''),
               coalesce(i.kvk, ''), coalesce(left(i.adres, 200), ''),
               concat_ws(' ', nullif(z.identificatie, ''),
                         nullif(z.omschrijving, ''), nullif(i.naam, ''),
                         nullif(i.adres, ''), nullif(i.bsn, ''), nullif(i.kvk, '')),
               now()
        FROM zaken_zaak z
        JOIN catalogi_zaaktype zt ON zt.id = z.zaaktype_id
        LEFT JOIN zaken_status s ON s.id = z.status_id
        LEFT JOIN catalogi_statustype st ON st.id = s.statustype_id
        LEFT JOIN LATERAL ({_INITIATOR}) i ON true
        LEFT JOIN LATERAL ({_BEHANDELAAR}) b ON true
        LEFT JOIN LATERAL ({_TEAM}) t ON true
        WHERE z.id BETWEEN %(start)s AND %(end)s {gemeente_filter}
        ON CONFLICT (zaak_id) DO UPDATE SET {updates}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, {"start": start, "end": end, "gemeente": gemeente_id})
        return cursor.rowcount


VELDEN_SQL = [Behandeling._meta.get_field(name).column for name in VELDEN]

# The oldest initiator rol, with its name and address as Rol.naam() and
# Rol.adres() give them.
_INITIATOR = f"""
    SELECT r.inp_bsn AS bsn, r.kvk_nummer AS kvk,
           coalesce(
               nullif(r.afwijkende_naam_betrokkene, ''),
               CASE WHEN coalesce(r.betrokkene_identificatie->>'geslachtsnaam', '')
                         <> ''
                    THEN concat_ws(' ',
                        nullif(r.betrokkene_identificatie->>'voorletters', ''),
                        nullif(r.betrokkene_identificatie->>
                               'voorvoegselGeslachtsnaam', ''),
                        r.betrokkene_identificatie->>'geslachtsnaam') END,
               CASE WHEN jsonb_typeof(r.betrokkene_identificatie->'handelsnaam')
                         = 'array'
                     AND jsonb_array_length(r.betrokkene_identificatie->'handelsnaam')
                         > 0
                    THEN coalesce(r.betrokkene_identificatie->'handelsnaam'->>0, '')
                    END,
               nullif(r.betrokkene_identificatie->>'statutaireNaam', ''),
               nullif(r.betrokkene_identificatie->>'naam', ''),
               ''
           ) AS naam,
           concat_ws(', ',
               nullif(concat_ws(' ',
                   nullif(r.betrokkene_identificatie->'verblijfsadres'
                          ->>'gorOpenbareRuimteNaam', ''),
                   nullif(r.betrokkene_identificatie->'verblijfsadres'
                          ->>'aoaHuisnummer', ''),
                   nullif(r.betrokkene_identificatie->'verblijfsadres'
                          ->>'aoaHuisletter', ''),
                   nullif(r.betrokkene_identificatie->'verblijfsadres'
                          ->>'aoaHuisnummertoevoeging', '')), ''),
               nullif(concat_ws(' ',
                   nullif(r.betrokkene_identificatie->'verblijfsadres'
                          ->>'aoaPostcode', ''),
                   nullif(r.betrokkene_identificatie->'verblijfsadres'
                          ->>'wplWoonplaatsNaam', '')), '')
           ) AS adres
    FROM zaken_rol r
    WHERE r.zaak_id = z.id AND r.omschrijving_generiek = '{RolOmschrijving.INITIATOR}'
    ORDER BY r.id
    LIMIT 1
"""

# The staff member of the newest behandelaar rol of type medewerker that names one.
_BEHANDELAAR = f"""
    SELECT m.id AS medewerker_id
    FROM zaken_rol r
    JOIN organisaties_medewerker m ON m.id = CASE
        WHEN r.medewerker_identificatie ~ '^{MEDEWERKER_PREFIX}[0-9]{{1,18}}$'
        THEN substr(r.medewerker_identificatie, {len(MEDEWERKER_PREFIX) + 1})::bigint
        END
    WHERE r.zaak_id = z.id
      AND r.omschrijving_generiek = '{RolOmschrijving.BEHANDELAAR}'
      AND r.betrokkene_type = '{BetrokkeneType.MEDEWERKER}'
    ORDER BY r.id DESC
    LIMIT 1
"""

# The team of the newest behandelaar rol of type organisatorische eenheid (among
# the teams of organisations serving the gemeente), else the routed team.
_TEAM = f"""
    SELECT coalesce(
        (SELECT tm.id
         FROM zaken_rol r
         JOIN organisaties_team tm
           ON tm.code = r.organisatorische_eenheid_identificatie
         JOIN organisaties_organisatie o ON o.id = tm.organisatie_id
         JOIN organisaties_organisatie_gemeenten og
           ON og.organisatie_id = tm.organisatie_id
          AND og.gemeente_id = z.gemeente_id
         WHERE r.zaak_id = z.id
           AND r.omschrijving_generiek = '{RolOmschrijving.BEHANDELAAR}'
           AND r.betrokkene_type = '{BetrokkeneType.ORGANISATORISCHE_EENHEID}'
         ORDER BY r.id DESC, o.naam, tm.naam
         LIMIT 1),
        (SELECT ro.team_id
         FROM werkplek_routering ro
         JOIN organisaties_organisatie_gemeenten og
           ON og.organisatie_id = ro.organisatie_id
          AND og.gemeente_id = z.gemeente_id
         WHERE ro.zaaktype_identificatie = zt.identificatie
         ORDER BY ro.id
         LIMIT 1)
    ) AS team_id
"""
