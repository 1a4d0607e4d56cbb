"""``field__any=[…]``: ``IN`` for a list of keys, as one array parameter on
PostgreSQL (``= ANY(%s)``).

A page of a hundred zaken asks for the rows below them with a hundred keys in
several queries at once; as ``IN (%s, %s, …)`` psycopg splits and fills a query
with hundreds of placeholders on every request, as one array it passes one value.
On other databases it is a plain ``IN``.
"""

from django.db.models import Field, ForeignKey, Lookup


class AnyOf(Lookup):
    lookup_name = "any"

    def get_prep_lookup(self):
        return [self.lhs.output_field.get_prep_value(value) for value in self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, values]
        if not values:
            return "1 = 0", list(lhs_params)
        placeholders = ", ".join(["%s"] * len(values))
        return f"{lhs} IN ({placeholders})", [*lhs_params, *values]


Field.register_lookup(AnyOf)
ForeignKey.register_lookup(AnyOf)
