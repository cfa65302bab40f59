"""On PostgreSQL, each activity's search words as a stored ``tsvector`` column that the
database keeps from ``search_text`` itself, with a GIN index on it: word search then compares
ready-made vectors (or reads the index) instead of working out every activity's words on each
request. The model does not declare the column, so SQLite, whose search is a LIKE over
``search_text``, has nothing to build; ``learning_catalogue.search`` reads it on PostgreSQL."""

from django.db import migrations

COLUMN = "search_words"
INDEX = "learning_catalogue_activity_search_words"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE learning_catalogue_activity ADD COLUMN IF NOT EXISTS {COLUMN} tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, COALESCE(search_text, ''))) "
            "STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON learning_catalogue_activity "
            f"USING gin ({COLUMN})"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(
            f"ALTER TABLE learning_catalogue_activity DROP COLUMN IF EXISTS {COLUMN}"
        )


class Migration(migrations.Migration):
    dependencies = [("learning_catalogue", "0003_default_formats_and_topics")]

    operations = [migrations.RunPython(create, drop)]
