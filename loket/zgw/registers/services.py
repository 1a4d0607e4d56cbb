"""Writing the audit trail and handing out identificaties. The services of the
Zaken, Documenten and Besluiten registers call these inside their own transaction."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction

from loket.zgw.registers.models import AuditTrail, Volgnummer

_STATUS = {"create": 201, "update": 200, "partial_update": 200, "destroy": 204}
_WEERGAVE = {
    "create": "Object aangemaakt",
    "update": "Object bijgewerkt",
    "partial_update": "Object deels bijgewerkt",
    "destroy": "Object verwijderd",
}


@dataclass(frozen=True)
class Actor:
    """Who makes a change: an API client (with the end user it names in its JWT),
    or a part of Loket on behalf of a staff member or resident."""

    applicatie_id: str = ""
    applicatie_weergave: str = "Loket"
    gebruikers_id: str = ""
    gebruikers_weergave: str = ""
    toelichting: str = ""

    @classmethod
    def for_call(cls, call) -> "Actor":
        """The application behind a ZGW API call, the end user its JWT names, and
        the reason it gave (header X-Audit-Toelichting)."""
        client = call.client
        if client is None:
            return cls(toelichting=call.toelichting)
        return cls(
            applicatie_id=client.client_id,
            applicatie_weergave=client.label,
            gebruikers_id=client.user_id,
            gebruikers_weergave=client.user_representation,
            toelichting=call.toelichting,
        )


LOKET = Actor()


@dataclass(frozen=True)
class Subject:
    """An object in the audit trail: where it lives in its API and what it is."""

    pad: str  # the API's collection path, e.g. "/zaken"
    uuid: object
    resource: str = ""  # the standard's resource name, e.g. "zaak"
    weergave: str = ""


def record(
    *,
    bron: str,
    actie: str,
    actor: Actor,
    hoofd_object: Subject,
    subject: Subject,
    oud: dict | None = None,
    nieuw: dict | None = None,
) -> AuditTrail:
    """One entry: ``subject`` changed (``actie``), under ``hoofd_object``."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("record() belongs inside the transaction of the change")
    return AuditTrail.objects.create(
        bron=bron,
        applicatie_id=actor.applicatie_id[:100],
        applicatie_weergave=actor.applicatie_weergave[:200],
        gebruikers_id=actor.gebruikers_id[:255],
        gebruikers_weergave=actor.gebruikers_weergave[:255],
        actie=actie,
        actie_weergave=_WEERGAVE.get(actie, actie),
        resultaat=_STATUS.get(actie, 200),
        hoofd_object_pad=hoofd_object.pad,
        hoofd_object_uuid=hoofd_object.uuid,
        resource=subject.resource,
        resource_pad=subject.pad,
        resource_uuid=subject.uuid,
        resource_weergave=subject.weergave[:200],
        toelichting=actor.toelichting,
        oud=oud,
        nieuw=nieuw,
    )


def delete_trail(bron: str, hoofd_object_uuid) -> None:
    """Destroying a zaak, document or besluit destroys its history too (zrc-023,
    drc-008, brc-009: no soft deletes)."""
    AuditTrail.objects.filter(bron=bron, hoofd_object_uuid=hoofd_object_uuid).delete()


def next_identificatie(
    soort: str, organisatie: str, jaar: int, *, taken: Callable[[str], bool]
) -> str:
    """A new identificatie ``{soort}-{jaar}-{number}``, unique within the
    organisation; numbers a client chose itself are skipped.

    On PostgreSQL the number comes from a sequence of its own per counter
    (``nextval`` locks nothing): a row lock on the counter, held until the
    caller's transaction ends, let only one new zaak, document or besluit per
    organisation be made at a time. A transaction that rolls back leaves a gap
    in the numbers, as the standard allows (it asks only for uniqueness). On
    SQLite, which writes one transaction at a time anyway, the counter row is
    counted up in the caller's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_identificatie() belongs inside a transaction")
    teller = _teller(soort, organisatie, jaar)
    sequence = _sequence(teller)
    while True:
        if sequence:
            nummer = _nextval(teller, sequence)
        else:
            teller.laatste += 1
            nummer = teller.laatste
        candidate = f"{soort}-{jaar}-{nummer:010d}"
        if not taken(candidate):
            break
    if not sequence:
        Volgnummer.objects.filter(pk=teller.pk).update(laatste=teller.laatste)
    return candidate


def reserveer_identificaties(
    soort: str, organisatie: str, jaar: int, aantal: int
) -> list[str]:
    """``aantal`` new identificaties at once, for a bulk load that writes rows
    without the services (demo history, benchmark data): the counter moves past
    them, so the services never hand them out again. (Unlike
    ``next_identificatie`` this does not skip numbers a client chose.)"""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("reserveer_identificaties() belongs inside a transaction")
    if aantal <= 0:
        return []
    teller = _teller(soort, organisatie, jaar)
    sequence = _made_sequence(teller)
    if sequence:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(%s::text::regclass) FROM generate_series(1, %s)",
                [sequence, aantal],
            )
            nummers = [row[0] for row in cursor.fetchall()]
    else:
        eerste = teller.laatste + 1
        nummers = range(eerste, eerste + aantal)
        Volgnummer.objects.filter(pk=teller.pk).update(laatste=teller.laatste + aantal)
    return [f"{soort}-{jaar}-{n:010d}" for n in nummers]


def laatste_nummers() -> dict[tuple[str, str, int], int]:
    """Per counter (soort, organisatie, jaar) the last number handed out: for a
    bulk load that numbers its rows itself (the benchmark's generator), with
    ``zet_laatste`` afterwards."""
    result = {}
    for teller in Volgnummer.objects.all():
        laatste = teller.laatste
        sequence = _made_sequence(teller)
        if sequence:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT last_value, is_called FROM {sequence}")  # noqa: S608
                last_value, is_called = cursor.fetchone()
            laatste = last_value if is_called else last_value - 1
        result[(teller.soort, teller.organisatie, teller.jaar)] = laatste
    return result


def zet_laatste(soort: str, organisatie: str, jaar: int, laatste: int) -> None:
    """After a bulk load that numbered rows itself up to ``laatste``: the services
    continue after it."""
    teller = _teller(soort, organisatie, jaar)
    sequence = _made_sequence(teller)
    if sequence:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(%s::text::regclass, %s)", [sequence, max(laatste, 1)]
            )
    Volgnummer.objects.filter(pk=teller.pk).update(laatste=laatste)


def _made_sequence(teller: Volgnummer) -> str | None:
    """The counter's sequence, made (after the numbers its row says were used)
    if it is missing; None on SQLite. For the bulk paths: each call costs a
    statement, which ``_nextval`` saves on the hot path."""
    sequence = _sequence(teller)
    if sequence:
        with connection.cursor() as cursor:
            create_sequence(cursor.execute, teller.pk, teller.laatste)
    return sequence


def _sequence(teller: Volgnummer) -> str | None:
    """The PostgreSQL sequence of this counter (None on SQLite)."""
    if connection.vendor != "postgresql":
        return None
    return sequence_name(teller.pk)


def _nextval(teller: Volgnummer, sequence: str) -> int:
    """The sequence's next number; a counter whose sequence is missing (a row
    made some other way) gets one, after the numbers its row says were used."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT CASE WHEN to_regclass(%s) IS NOT NULL "
            "THEN nextval(%s::text::regclass) END",
            [sequence, sequence],
        )
        nummer = cursor.fetchone()[0]
        if nummer is None:
            create_sequence(cursor.execute, teller.pk, teller.laatste)
            cursor.execute("SELECT nextval(%s::text::regclass)", [sequence])
            nummer = cursor.fetchone()[0]
    return nummer


def sequence_name(pk: int) -> str:
    return f"registers_volgnummer_{pk}"


def create_sequence(execute, pk: int, laatste: int) -> None:
    """The sequence that hands out the numbers after ``laatste`` (PostgreSQL)."""
    execute(
        f"CREATE SEQUENCE IF NOT EXISTS {sequence_name(int(pk))} "
        f"START WITH {int(laatste) + 1}"
    )


def _teller(soort: str, organisatie: str, jaar: int) -> Volgnummer:
    """The counter row; locked until the transaction ends on SQLite, made with its
    sequence on PostgreSQL when it is the first of its year."""
    key = {"soort": soort, "organisatie": organisatie, "jaar": jaar}
    postgresql = connection.vendor == "postgresql"
    rows = Volgnummer.objects.filter(**key)
    teller = (rows if postgresql else rows.select_for_update()).first()
    if teller is not None:
        return teller
    try:
        with transaction.atomic():
            teller = Volgnummer.objects.create(**key)
            if postgresql:
                with connection.cursor() as cursor:
                    create_sequence(cursor.execute, teller.pk, 0)
            return teller
    except IntegrityError:  # made by a concurrent transaction just now
        return rows.get() if postgresql else rows.select_for_update().get()
