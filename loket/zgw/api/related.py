"""The UUIDs that a page of objects refers to, from several tables in one query.

A list of a hundred zaken or zaaktypen shows, per object, the URLs of what
belongs to it (statussen, rollen, statustypen, …). As one ORM query per table
the building of the queries costs more than running them; here each table is
one ``SELECT kind, key, id, uuid, extra`` of a ``UNION ALL``, with the keys as
one parameter per part (an array on PostgreSQL, JSON on SQLite).
"""

# ruff: noqa: S608 -- the SQL is made of Loket's own table and column names.

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from django.db import connection


@dataclass(frozen=True)
class Part:
    """Rows of ``model`` whose ``key`` column is one of the keys given for this
    part, as ``kind``. ``source``, ``uuid`` and ``extra`` replace the plain
    table, its ``uuid`` column and the empty extra value (for a join)."""

    kind: str
    model: type
    key: str
    source: str = ""
    uuid: str = "uuid"
    extra: str = "''"
    id: str = "id"

    def sql(self, vendor: str) -> str:
        table = self.source or connection.ops.quote_name(self.model._meta.db_table)
        keys = (
            "= ANY(%s)"
            if vendor == "postgresql"
            else "IN (SELECT value FROM json_each(%s))"
        )
        # As text on PostgreSQL: made into a URL at once, a UUID object would be
        # parsed and printed again (tens of thousands of times for a page).
        uuid = f"{self.uuid}::text" if vendor == "postgresql" else self.uuid
        return (
            f"SELECT '{self.kind}', {self.key}, {self.id}, {uuid}, {self.extra} "
            f"FROM {table} WHERE {self.key} {keys}"
        )


_SQL: dict[tuple, str] = {}


def uuids(parts: Iterable[tuple[Part, Iterable]]) -> dict[str, dict]:
    """kind → key → UUIDs as text (``8c3f…-…``) in the order the rows were made
    (``(uuid, extra)`` pairs for a part with ``extra``), for each part with its
    keys."""
    parts = list(parts)
    vendor = connection.vendor
    signature = (vendor, *(part for part, _ in parts))
    if signature not in _SQL:
        _SQL[signature] = " UNION ALL ".join(part.sql(vendor) for part, _ in parts)
    params = []
    for _, keys in parts:
        keys = [k for k in set(keys) if k is not None]
        params.append(keys if vendor == "postgresql" else _json(keys))
    with connection.cursor() as cursor:
        cursor.execute(_SQL[signature], params)
        rows = sorted(cursor.fetchall(), key=lambda r: (r[0], r[2]))
    paired = {part.kind for part, _ in parts if part.extra != "''"}
    result = {part.kind: defaultdict(list) for part, _ in parts}
    dashed = vendor == "postgresql"
    for kind, key, _, uuid, extra in rows:
        if not dashed:  # SQLite keeps 32 hexadecimal digits
            uuid = str(UUID(uuid))
        result[kind][key].append((uuid, extra) if kind in paired else uuid)
    return result


def _json(keys: list) -> str:
    import json

    return json.dumps(keys)
