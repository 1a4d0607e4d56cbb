"""The counts behind unfiltered lists: database triggers keep
:class:`~loket.zgw.registers.models.Telling` up to date on PostgreSQL and SQLite,
in the same transaction as the write they count, each connection in its own part
of a cell (``loket.core.delen``).

A counted table is described by a :class:`Counted`: which rows count (a
condition on the row), and which columns make the cell (type, confidentiality).
"""

# ruff: noqa: S608 -- the SQL is made of this module's own table and column names.

from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, Sum

from loket.core.delen import deel_sql
from loket.zgw.registers.models import Telling

TABLE = Telling._meta.db_table
COLUMNS = "soort, type_id, vertrouwelijkheidaanduiding"
INSERT = f"INSERT INTO {TABLE} ({COLUMNS}, deel, aantal)"


@dataclass(frozen=True)
class Counted:
    soort: str
    table: str
    type_column: str
    confidentiality_column: str | None = None
    condition_column: str | None = None  # a boolean column; only true rows count

    @property
    def name(self) -> str:
        return f"loket_telling_{self.soort}"

    def _confidentiality(self, row: str) -> str:
        if self.confidentiality_column is None:
            return "''"
        return f"{row}.{self.confidentiality_column}"

    def _counts(self, row: str) -> str:
        if self.condition_column is None:
            return "TRUE"
        return f"{row}.{self.condition_column}"

    def _changed(self) -> tuple[str, list[str]]:
        columns = [self.type_column]
        if self.confidentiality_column:
            columns.append(self.confidentiality_column)
        if self.condition_column:
            columns.append(self.condition_column)
        return " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns), columns

    def _change(self, row: str, delta: int, vendor: str) -> str:
        """Add ``delta`` to the row's cell, in this connection's part of it."""
        return (
            f"{INSERT} SELECT '{self.soort}', {row}.{self.type_column}, "
            f"{self._confidentiality(row)}, {deel_sql(vendor)}, {delta} "
            f"WHERE {self._counts(row)} "
            "ON CONFLICT (soort, type_id, vertrouwelijkheidaanduiding, deel) "
            f"DO UPDATE SET aantal = {TABLE}.aantal + excluded.aantal;"
        )

    def create_sql(self, vendor: str) -> list[str]:
        changed, columns = self._changed()
        add, remove = self._change("NEW", 1, vendor), self._change("OLD", -1, vendor)
        if vendor == "postgresql":
            changed = changed.replace(" IS NOT ", " IS DISTINCT FROM ")
            return [
                f"""
                CREATE FUNCTION {self.name}() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP IN ('UPDATE', 'DELETE') THEN {remove} END IF;
                  IF TG_OP IN ('UPDATE', 'INSERT') THEN {add} END IF;
                  RETURN NULL;
                END $$ LANGUAGE plpgsql
                """,
                f"CREATE TRIGGER {self.name}_schrijf AFTER INSERT OR DELETE "
                f"ON {self.table} FOR EACH ROW EXECUTE FUNCTION {self.name}()",
                f"CREATE TRIGGER {self.name}_wijzig AFTER UPDATE OF "
                f"{', '.join(columns)} ON {self.table} FOR EACH ROW "
                f"WHEN ({changed}) EXECUTE FUNCTION {self.name}()",
            ]
        return [
            f"CREATE TRIGGER {self.name}_nieuw AFTER INSERT ON {self.table} "
            f"BEGIN {add} END",
            f"CREATE TRIGGER {self.name}_weg AFTER DELETE ON {self.table} "
            f"BEGIN {remove} END",
            f"CREATE TRIGGER {self.name}_wijzig AFTER UPDATE OF {', '.join(columns)} "
            f"ON {self.table} WHEN ({changed}) "
            f"BEGIN {remove} {add} END",
        ]

    def drop_sql(self, vendor: str) -> list[str]:
        if vendor == "postgresql":
            return [f"DROP FUNCTION IF EXISTS {self.name}() CASCADE"]
        return [
            f"DROP TRIGGER IF EXISTS {self.name}_{suffix}"
            for suffix in ("nieuw", "weg", "wijzig")
        ]

    def recount_sql(self) -> str:
        where = f"WHERE {self.condition_column}" if self.condition_column else ""
        confidentiality = self.confidentiality_column or "''"
        return (
            f"INSERT INTO {TABLE} ({COLUMNS}, aantal) SELECT '{self.soort}', "
            f"{self.type_column}, {confidentiality}, count(*) FROM {self.table} "
            f"{where} GROUP BY 2, 3"
        )


COUNTED = (
    Counted("zaak", "zaken_zaak", "zaaktype_id", "vertrouwelijkheidaanduiding"),
    Counted(
        "document",
        "documenten_enkelvoudiginformatieobject",
        "informatieobjecttype_id",
        "vertrouwelijkheidaanduiding",
        condition_column="laatste",
    ),
    Counted("besluit", "besluiten_besluit", "besluittype_id"),
)


def install(schema_editor) -> None:
    """Make the triggers and fill the counts from what is there (a migration)."""
    vendor = schema_editor.connection.vendor
    for counted in COUNTED:
        for statement in counted.create_sql(vendor):
            schema_editor.execute(statement)
    _recount(schema_editor.execute)


def uninstall(schema_editor) -> None:
    for counted in COUNTED:
        for statement in counted.drop_sql(schema_editor.connection.vendor):
            schema_editor.execute(statement)


def recount() -> None:
    """Count everything again: after a bulk load that bypassed the triggers (the
    benchmark's generator does)."""
    with connection.cursor() as cursor:
        _recount(cursor.execute)


def _recount(execute) -> None:
    execute(f"DELETE FROM {TABLE}")
    for counted in COUNTED:
        execute(counted.recount_sql())


def total(soort: str, condition: Q | None) -> int:
    """The number of rows of ``soort`` in the cells ``condition`` (a client's
    visibility, on ``type_id`` and ``vertrouwelijkheidaanduiding``) allows."""
    cells = Telling.objects.filter(soort=soort)
    if condition is not None:
        cells = cells.filter(condition)
    return cells.aggregate(n=Sum("aantal"))["n"] or 0
