"""Indicator words are found through an index of the characters and character pairs of each indicator.

Most Chinese words are two characters, which pg_trgm's trigram index cannot serve; an expression
index over 1- and 2-character grams can, and keeps the filter a plain substring match (the ILIKE
stays as the exact check). PostgreSQL only: on SQLite the filter is a substring scan.
"""

from django.db import migrations

GRAMS_FUNCTION = """
CREATE OR REPLACE FUNCTION fupin_grams(value text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT gram), '{}')
    FROM (
        SELECT lower(substr(value, i, 1)) AS gram FROM generate_series(1, char_length(value)) AS i
        UNION ALL
        SELECT lower(substr(value, i, 2)) FROM generate_series(1, char_length(value) - 1) AS i
    ) AS grams
$$
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GRAMS_FUNCTION)
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS measures_metric_indicator_grams "
            "ON measures_metric USING gin (fupin_grams(indicator)) WHERE public"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS measures_metric_indicator_grams")
        schema_editor.execute("DROP FUNCTION IF EXISTS fupin_grams(text)")


class Migration(migrations.Migration):
    dependencies = [("measures", "0005_covering_indexes")]
    operations = [migrations.RunPython(create, drop)]
