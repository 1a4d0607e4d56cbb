"""Rebuilding the counts from the registers: after a bulk load (the benchmark, the
demo history), or to repair. First the ``Zaakfeit`` of every zaak (PostgreSQL: one
INSERT … SELECT per batch of zaken that computes in SQL what ``feit_van`` computes
in Python), then every ``Telling`` that the registers can give again, in one
transaction: from the zaakfeiten, the answered webvragen, the submitted forms and
the survey answers. Logins are stored nowhere but in their count, so the "inlog"
rows are kept as they are."""

# ruff: noqa: S608 -- the SQL is made of Loket's own table and column names.

from collections import Counter
from collections.abc import Callable

from django.db import connection, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncMonth

from loket.sturing import kanalen
from loket.sturing import meetpunten as mp
from loket.sturing.models import Maandtotaal, Telling, Zaakfeit
from loket.sturing.zaakfeiten import VELDEN, feit_van, norm_van, soort_van

BATCH = 20_000
HERBOUWD = (*mp.VAN_ZAKEN, mp.WEBVRAAG_BEANTWOORD, mp.INZENDING, *mp.KTO)

Voortgang = Callable[[str], None]


def herbouw(*, batch: int = BATCH, voortgang: Voortgang | None = None) -> dict:
    """Rebuild all zaakfeiten and all counts but the logins. Returns how many of
    each were written."""
    meld = voortgang or (lambda tekst: None)
    feiten = herbouw_zaakfeiten(batch=batch, voortgang=meld)
    tellingen = herbouw_tellingen(voortgang=meld)
    return {"zaakfeiten": feiten, "tellingen": tellingen}


# -- zaakfeiten ----------------------------------------------------------------------


def _per_zaaktype() -> dict[int, tuple[str, str | None]]:
    """Per zaaktype id: its soort (klacht, bezwaar or '') and its norm."""
    from loket.zgw.catalogi.models import ZaakType

    return {zt.pk: (soort_van(zt), norm_van(zt)) for zt in ZaakType.objects.all()}


def herbouw_zaakfeiten(*, batch: int = BATCH, voortgang: Voortgang) -> int:
    from loket.zgw.zaken.models import Zaak

    ids = Zaak.objects.filter(gemeente__isnull=False).order_by("pk")
    first = ids.values_list("pk", flat=True).first()
    last = ids.reverse().values_list("pk", flat=True).first()
    if first is None:
        return 0
    zaaktypen = _per_zaaktype()
    written = 0
    for start in range(first, last + 1, batch):
        end = start + batch - 1
        with transaction.atomic():
            if connection.vendor == "postgresql":
                written += _zaakfeiten_sql(start, end, zaaktypen)
            else:
                written += _zaakfeiten_python(start, end, zaaktypen)
        voortgang(f"sturing: {written:,} zaakfeiten")
    return written


def _zaakfeiten_python(start: int, end: int, zaaktypen: dict) -> int:
    from loket.zgw.zaken.models import Zaak

    zaken = Zaak.objects.filter(
        pk__range=(start, end), gemeente__isnull=False
    ).select_related("zaaktype", "communicatiekanaal")
    feiten = []
    for zaak in zaken.iterator(chunk_size=2000):
        soort, norm = zaaktypen[zaak.zaaktype_id]
        feiten.append(feit_van(zaak, soort=soort, norm=norm))
    Zaakfeit.objects.bulk_create(
        feiten,
        update_conflicts=True,
        unique_fields=["zaak"],
        update_fields=VELDEN,
        batch_size=1000,
    )
    return len(feiten)


def _zaakfeiten_sql(start: int, end: int, zaaktypen: dict) -> int:
    from loket.zgw.referentielijsten.models import Communicatiekanaal
    from loket.zgw.zaken.models import Zaak

    typen = [(pk, soort, norm) for pk, (soort, norm) in zaaktypen.items()]
    kanaal_rijen = [
        (pk, kanalen.van_naam(naam))
        for pk, naam in Communicatiekanaal.objects.values_list("pk", "naam")
    ] or [(None, None)]
    typen_sql = ", ".join(["(%s::bigint, %s::text, %s::text)"] * len(typen))
    kanalen_sql = ", ".join(["(%s::bigint, %s::text)"] * len(kanaal_rijen))
    kolommen = ", ".join(Zaakfeit._meta.get_field(v).column for v in VELDEN)
    updates = ", ".join(
        f"{c} = EXCLUDED.{c}"
        for c in (Zaakfeit._meta.get_field(v).column for v in VELDEN)
    )
    sql = f"""
        INSERT INTO {Zaakfeit._meta.db_table} (zaak_id, {kolommen})
        SELECT z.id, z.gemeente_id, left(zt.identificatie, 50),
               coalesce(k.sleutel, '{kanalen.OVERIG}'), t.soort, z.startdatum,
               z.einddatum, z.einddatum - z.startdatum,
               CASE WHEN z.einddatum IS NULL THEN NULL
                    WHEN t.norm IS NULL THEN false
                    ELSE z.einddatum <= z.startdatum + t.norm::interval END
        FROM {Zaak._meta.db_table} z
        JOIN catalogi_zaaktype zt ON zt.id = z.zaaktype_id
        JOIN (VALUES {typen_sql}) AS t (zaaktype_id, soort, norm)
          ON t.zaaktype_id = z.zaaktype_id
        LEFT JOIN (VALUES {kanalen_sql}) AS k (kanaal_id, sleutel)
          ON k.kanaal_id = z.communicatiekanaal_id
        WHERE z.gemeente_id IS NOT NULL AND z.id BETWEEN %s AND %s
        ON CONFLICT (zaak_id) DO UPDATE SET {updates}
    """
    params = [v for rij in typen for v in rij]
    params += [v for rij in kanaal_rijen for v in rij]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, start, end])
        return cursor.rowcount


# -- tellingen -----------------------------------------------------------------------


def herbouw_tellingen(*, voortgang: Voortgang) -> int:
    """Replace every count the registers can give again, in one transaction."""
    aantal: Counter = Counter()
    norm: Counter = Counter()
    _van_zaakfeiten(aantal, norm)
    voortgang(f"sturing: {len(aantal):,} tellingen uit zaakfeiten")
    _van_webvragen(aantal, norm)
    _van_inzendingen(aantal)
    _van_kto(aantal)
    rijen = [
        Telling(**vars(sleutel), aantal=n, binnen_norm=norm[sleutel])
        for sleutel, n in aantal.items()
        if n
    ]
    with transaction.atomic():
        Telling.objects.filter(meetpunt__in=HERBOUWD).delete()
        Telling.objects.bulk_create(rijen, batch_size=5000)
        Maandtotaal.objects.filter(meetpunt__in=HERBOUWD).delete()
        _totalen(HERBOUWD)
    voortgang(f"sturing: {len(rijen):,} tellingen geschreven")
    return len(rijen)


def _totalen(meetpunten) -> None:
    """The ``Maandtotaal`` rows of these meetpunten, summed from ``Telling``."""
    plekken = ", ".join(["%s"] * len(meetpunten))
    sql = f"""
        INSERT INTO {Maandtotaal._meta.db_table}
            (gemeente_id, meetpunt, maand, waarde, aantal, binnen_norm, web)
        SELECT gemeente_id, meetpunt, maand, waarde, SUM(aantal), SUM(binnen_norm),
               SUM(CASE WHEN kanaal = %s THEN aantal ELSE 0 END)
        FROM {Telling._meta.db_table}
        WHERE meetpunt IN ({plekken})
        GROUP BY gemeente_id, meetpunt, maand, waarde
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [kanalen.WEB, *meetpunten])


def _van_zaakfeiten(aantal: Counter, norm: Counter) -> None:
    feiten = Zaakfeit.objects.order_by()
    gestart = feiten.values(
        "gemeente_id", "kanaal", "product", "soort", m=TruncMonth("gestart")
    ).annotate(n=Count("pk"))
    for rij in gestart.iterator(chunk_size=5000):
        basis = {
            "gemeente_id": rij["gemeente_id"],
            "maand": rij["m"],
            "kanaal": rij["kanaal"],
            "product": rij["product"],
        }
        aantal[mp.Sleutel(meetpunt=mp.ZAAK_GESTART, **basis)] += rij["n"]
        if rij["soort"]:
            aantal[mp.Sleutel(meetpunt=rij["soort"], **basis)] += rij["n"]
    afgerond = (
        feiten.filter(afgerond__isnull=False)
        .values(
            "gemeente_id",
            "kanaal",
            "product",
            "doorlooptijd_dagen",
            m=TruncMonth("afgerond"),
        )
        .annotate(n=Count("pk"), binnen=Count("pk", filter=Q(binnen_norm=True)))
    )
    for rij in afgerond.iterator(chunk_size=5000):
        sleutel = mp.Sleutel(
            gemeente_id=rij["gemeente_id"],
            meetpunt=mp.ZAAK_AFGEROND,
            maand=rij["m"],
            kanaal=rij["kanaal"],
            product=rij["product"],
            waarde=mp.dagen_emmer(rij["doorlooptijd_dagen"] or 0),
        )
        aantal[sleutel] += rij["n"]
        norm[sleutel] += rij["binnen"]


def _van_webvragen(aantal: Counter, norm: Counter) -> None:
    from loket.klantcontact.models import Webvraag

    rijen = Webvraag.objects.filter(beantwoord_op__isnull=False).values_list(
        "gemeente_id", "ontvangen_op", "antwoorden_voor", "beantwoord_op"
    )
    for gemeente_id, ontvangen, voor, beantwoord in rijen.iterator(chunk_size=5000):
        sleutel, binnen = mp.van_webvraag(
            gemeente_id=gemeente_id,
            ontvangen_op=ontvangen,
            antwoorden_voor=voor,
            beantwoord_op=beantwoord,
        )
        aantal[sleutel] += 1
        norm[sleutel] += int(binnen)


def _van_inzendingen(aantal: Counter) -> None:
    from loket.formulieren.models import Inzending
    from loket.zgw.zaken.models import Zaak

    zaaktype = Zaak.objects.filter(uuid=OuterRef("zaak_uuid")).values(
        "zaaktype__identificatie"
    )[:1]
    rijen = Inzending.objects.annotate(
        zaaktype_identificatie=Coalesce(
            Subquery(zaaktype), F("formulier__zaaktype_identificatie")
        )
    ).values_list(
        "formulier__gemeente_id", "ingediend_op", "kanaal", "zaaktype_identificatie"
    )
    for gemeente_id, ingediend_op, kanaal, product in rijen.iterator(chunk_size=5000):
        aantal[
            mp.van_inzending(
                gemeente_id=gemeente_id,
                ingediend_op=ingediend_op,
                kanaal=kanaal,
                product=product,
            )
        ] += 1


def _van_kto(aantal: Counter) -> None:
    from loket.feedback import selectors as feedback

    for rij in feedback.tellingen():
        aantal[
            mp.Sleutel(
                gemeente_id=rij["gemeente_id"],
                meetpunt=rij["meetpunt"],
                maand=mp.maand(rij["datum"]),
                kanaal=rij["kanaal"],
                product=(rij["product"] or "")[:50],
                waarde=rij["waarde"],
            )
        ] += 1
