"""Search and sorting on the werkplek's read model. On PostgreSQL two indexes the
ORM cannot declare for every database: full text over ``zoektekst`` (the 'simple'
configuration: names and addresses are not Dutch words to stem) and prefix search
on ``identificatie`` (LIKE 'ZAAK-2026-%' whatever the database's collation)."""

from django.db import migrations, models

POSTGRES_INDEXES = [
    (
        "behandeling_zoektekst",
        "CREATE INDEX IF NOT EXISTS behandeling_zoektekst ON werkplek_behandeling "
        "USING gin (to_tsvector('simple'::regconfig, zoektekst))",
    ),
    (
        "behandeling_identificatie_prefix",
        "CREATE INDEX IF NOT EXISTS behandeling_identificatie_prefix "
        "ON werkplek_behandeling (identificatie varchar_pattern_ops)",
    ),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _, sql in POSTGRES_INDEXES:
        schema_editor.execute(sql)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _ in POSTGRES_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("werkplek", "0001_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="behandeling",
            index=models.Index(
                fields=["team", "fase", "registratiedatum"],
                name="behandeling_team_registratie",
            ),
        ),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
