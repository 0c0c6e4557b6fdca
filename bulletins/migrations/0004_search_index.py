"""A GIN index on the search vector, on PostgreSQL only (the embedded SQLite search is a substring scan)."""

from django.db import migrations


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS bulletins_bulletin_search_gin "
            "ON bulletins_bulletin USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS bulletins_bulletin_search_gin")


class Migration(migrations.Migration):
    dependencies = [("bulletins", "0003_search_vector")]
    operations = [migrations.RunPython(create_index, drop_index)]
