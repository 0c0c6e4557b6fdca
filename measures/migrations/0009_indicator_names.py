"""Indicator words are looked up in the table of indicator names in use (measures.indicator_words).

Triggers keep the table: every statement that inserts or updates metrics adds the indicator names it
brought, whichever code path ran it. The character-pair index moves from the million metrics to
these names, and statistics on (indicator, region) tell the planner which names occur where, so a
word that never occurs in a province is not looked for by walking every figure newest first.
PostgreSQL only: on SQLite the filter is a substring scan.
"""

from django.db import migrations, models

CREATE = [
    "CREATE TABLE IF NOT EXISTS measures_indicator_name (name varchar(200) PRIMARY KEY)",
    "CREATE INDEX IF NOT EXISTS measures_indicator_name_grams ON measures_indicator_name "
    "USING gin (fupin_grams(name))",
    "INSERT INTO measures_indicator_name (name) SELECT DISTINCT indicator FROM measures_metric ON CONFLICT DO NOTHING",
    """
    CREATE OR REPLACE FUNCTION fupin_remember_indicator_names() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO measures_indicator_name (name) SELECT DISTINCT indicator FROM new_metrics
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$
    """,
    "CREATE TRIGGER measures_metric_inserted_names AFTER INSERT ON measures_metric "
    "REFERENCING NEW TABLE AS new_metrics FOR EACH STATEMENT EXECUTE FUNCTION fupin_remember_indicator_names()",
    "CREATE TRIGGER measures_metric_updated_names AFTER UPDATE ON measures_metric "
    "REFERENCING NEW TABLE AS new_metrics FOR EACH STATEMENT EXECUTE FUNCTION fupin_remember_indicator_names()",
    "DROP INDEX IF EXISTS measures_metric_indicator_grams",
    "CREATE STATISTICS IF NOT EXISTS measures_metric_indicator_region (mcv) ON indicator, region_id "
    "FROM measures_metric",
    "ALTER STATISTICS measures_metric_indicator_region SET STATISTICS 1000",
]
DROP = [
    "DROP STATISTICS IF EXISTS measures_metric_indicator_region",
    "CREATE INDEX IF NOT EXISTS measures_metric_indicator_grams "
    "ON measures_metric USING gin (fupin_grams(indicator)) WHERE public",
    "DROP TRIGGER IF EXISTS measures_metric_updated_names ON measures_metric",
    "DROP TRIGGER IF EXISTS measures_metric_inserted_names ON measures_metric",
    "DROP FUNCTION IF EXISTS fupin_remember_indicator_names()",
    "DROP TABLE IF EXISTS measures_indicator_name",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("bulletins", "0008_removal_and_sync_index"),
        ("measures", "0008_updated_at"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="metric",
            index=models.Index(fields=["public", "indicator", "region", "unit"], include=("year", "value"),
                               name="metric_public_indicator"),
        ),
        migrations.RunPython(run(CREATE), run(DROP)),
    ]
