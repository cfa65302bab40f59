"""A GIN index over the activity's search words on PostgreSQL, matching the expression
``learning_catalogue.search`` filters on, so word search reads the index instead of working
out every activity's words per request. SQLite has no full-text index to build: its search is a
LIKE over the same column."""

from django.db import migrations

INDEX = "learning_catalogue_activity_search_words"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON learning_catalogue_activity "
            "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, '')))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("learning_catalogue", "0003_default_formats_and_topics")]

    operations = [migrations.RunPython(create, drop)]
