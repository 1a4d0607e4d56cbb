"""Writing sturing data: counting (``tel``, called by other apps inside their own
transaction), keeping the counts of zaken in step (``zaakfeiten``), and the
per-gemeente setting of the public page."""

# ruff: noqa: S608 -- the SQL is made of Loket's own table and column names.

import functools
from datetime import date

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from loket.core.delen import deel_sql
from loket.sturing import kanalen
from loket.sturing import meetpunten as mp
from loket.sturing.meetpunten import Sleutel, maand
from loket.sturing.models import Maandtotaal, Sturinginstelling, Telling


def _sql(model, sleutel: tuple[str, ...], tellers: tuple[str, ...], vendor: str):
    """An upsert that adds ``tellers`` to the row of ``sleutel`` (in this
    connection's part of it, ``loket.core.delen``), and a delete of that row once
    its count is zero."""
    tabel = model._meta.db_table
    kolommen = ", ".join(sleutel)
    deel = deel_sql(vendor)
    return (
        f"""
        INSERT INTO {tabel} ({kolommen}, deel, {", ".join(tellers)})
        VALUES ({", ".join(["%s"] * len(sleutel))}, {deel},
                {", ".join(["%s"] * len(tellers))})
        ON CONFLICT ({kolommen}, deel) DO UPDATE
        SET {", ".join(f"{t} = {tabel}.{t} + excluded.{t}" for t in tellers)}
        """,
        f"""
        DELETE FROM {tabel}
        WHERE {" AND ".join(f"{c} = %s" for c in sleutel)} AND deel = {deel}
        AND aantal = 0
        """,
    )


_TELLING = ("gemeente_id", "meetpunt", "maand", "kanaal", "product", "waarde")


@functools.cache
def _statements(vendor: str) -> dict:
    return {
        "telling": _sql(Telling, _TELLING, ("aantal", "binnen_norm"), vendor),
        "totaal": _sql(
            Maandtotaal,
            ("gemeente_id", "meetpunt", "maand", "waarde"),
            ("aantal", "binnen_norm", "web"),
            vendor,
        ),
    }


def tel(
    *,
    gemeente_id: int,
    datum: date,
    meetpunt: str,
    kanaal: str = "",
    product: str = "",
    waarde: int = 0,
    binnen_norm: bool = False,
    aantal: int = 1,
) -> None:
    """Add ``aantal`` (negative: take away) to the count of ``meetpunt`` in the
    month of ``datum``, for this channel, product (zaaktype identificatie) and
    value; ``binnen_norm`` says whether these were within their norm. Runs in the
    caller's transaction: the count commits (or not) with the fact it counts."""
    tel_sleutel(
        Sleutel(
            gemeente_id=gemeente_id,
            meetpunt=meetpunt,
            maand=maand(datum),
            kanaal=kanaal,
            product=product[:50],
            waarde=waarde,
        ),
        aantal=aantal,
        binnen_norm=aantal if binnen_norm else 0,
    )


def tel_sleutel(sleutel: Sleutel, *, aantal: int, binnen_norm: int = 0) -> None:
    """Add to the count of one row (see ``tel``)."""
    tel_sleutels({sleutel: (aantal, binnen_norm)})


def tel_sleutels(delta: dict[Sleutel, tuple[int, int]]) -> None:
    """Add (aantal, binnen_norm) to each row, and to the ``Maandtotaal`` rows
    that sum them; rows in a fixed order, so two transactions never wait on each
    other's rows crosswise. A row that reaches zero goes: it says nothing."""
    totalen: dict[tuple, list[int]] = {}
    sql = _statements(connection.vendor)
    with connection.cursor() as cursor:
        for sleutel, (aantal, binnen) in sorted(delta.items()):
            if not (aantal or binnen):
                continue
            waarden = [getattr(sleutel, c) for c in _TELLING]
            _schrijf(cursor, sql["telling"], waarden, [aantal, binnen])
            totaal = totalen.setdefault(
                (sleutel.gemeente_id, sleutel.meetpunt, sleutel.maand, sleutel.waarde),
                [0, 0, 0],
            )
            totaal[0] += aantal
            totaal[1] += binnen
            totaal[2] += aantal if sleutel.kanaal == kanalen.WEB else 0
        for waarden, tellers in sorted(totalen.items()):
            if any(tellers):
                _schrijf(cursor, sql["totaal"], list(waarden), tellers)


def _schrijf(cursor, sql: tuple[str, str], sleutel: list, tellers: list[int]) -> None:
    upsert, leeg = sql
    cursor.execute(upsert, [*sleutel, *tellers])
    if tellers[0] < 0:
        cursor.execute(leeg, sleutel)


def tel_webvraag(webvraag) -> None:
    """Count an answered webvraag (klantcontact calls this when it is answered)."""
    sleutel, binnen = mp.van_webvraag(
        gemeente_id=webvraag.gemeente_id,
        ontvangen_op=webvraag.ontvangen_op,
        antwoorden_voor=webvraag.antwoorden_voor,
        beantwoord_op=webvraag.beantwoord_op,
    )
    tel_sleutel(sleutel, aantal=1, binnen_norm=int(binnen))


def tel_inzending(inzending, *, gemeente_id: int, product: str) -> None:
    """Count a submitted form (formulieren calls this in the submission's
    transaction); ``product`` is the identificatie of the zaak's zaaktype."""
    tel_sleutel(
        mp.van_inzending(
            gemeente_id=gemeente_id,
            ingediend_op=inzending.ingediend_op,
            kanaal=inzending.kanaal,
            product=product,
        ),
        aantal=1,
    )


def tel_inlog(gemeente_id: int) -> None:
    """Count a resident's or company's login with DigiD or eHerkenning. Logins
    are not stored anywhere else: this count is all there is of them."""
    tel(
        gemeente_id=gemeente_id,
        datum=timezone.localdate(),
        meetpunt=mp.INLOG,
        kanaal="web",
    )


# -- the public page ---------------------------------------------------------------


@transaction.atomic
def stel_publieke_indicatoren_in(*, gemeente, codes: list[str]) -> Sturinginstelling:
    """Choose which indicators "Zo doen we het" shows for ``gemeente``, in order."""
    from loket.sturing.indicatoren import INDICATOREN

    onbekend = [c for c in codes if c not in INDICATOREN]
    if onbekend:
        raise ValidationError(
            {"publieke_indicatoren": f"Onbekende indicator: {', '.join(onbekend)}."}
        )
    instelling, _ = Sturinginstelling.objects.select_for_update().get_or_create(
        gemeente=gemeente
    )
    instelling.publieke_indicatoren = list(dict.fromkeys(codes))
    instelling.full_clean()
    instelling.save()
    return instelling
