"""Counters that many transactions add to at once, kept in parts.

A count that every new zaak of a zaaktype adds to (how many zaken of that type;
how many started online this month) is one row. Its lock, held until the writing
transaction commits, lets only one such write through at a time: sixteen API
clients making zaken took turns. On PostgreSQL each database connection therefore
adds to its own part of the count (``deel``, one of ``DELEN``), and whoever reads
it sums the parts. SQLite writes one transaction at a time anyway: one part.
"""

from django.db import models

DELEN = 16


def deel_veld() -> models.PositiveSmallIntegerField:
    """The ``deel`` column of a count kept in parts (0 where written in one)."""
    return models.PositiveSmallIntegerField(
        default=0,
        db_default=0,
        help_text=HULPTEKST,
    )


HULPTEKST = (
    "Welk deel van de telling: elke databaseverbinding telt in haar eigen deel, "
    "zodat gelijktijdige schrijvers niet op één rij wachten (loket.core.delen); "
    "lezen telt de delen op."
)


def deel_sql(vendor: str) -> str:
    """The SQL expression for the part the current connection counts in."""
    return f"mod(pg_backend_pid(), {DELEN})" if vendor == "postgresql" else "0"
