"""With nothing configured, the portal runs on SQLite and parses in-process: no broker, no server."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BULLETIN = "某县扶贫简报第2期\n\n全县新建扶贫车间12个，吸纳贫困劳动力就业860人。\n".encode()


# Publishes the bulletin through the service, then reads the public site and the API as a visitor would.
PUBLISH_AND_SEARCH = """
from django.contrib.auth.models import User
from django.test import Client
from bulletins.models import Bulletin
from bulletins.services import bulletin_publish
reviewer = User.objects.create_superuser("reviewer", password="x")
bulletin_publish(bulletin=Bulletin.objects.get(), by=reviewer)
client = Client(HTTP_HOST="localhost")
for path in ("/bulletins/?q=扶贫车间", "/bulletins/?q=养殖场", "/metrics/?indicator=劳动力"):
    print(path, client.get(path).content.decode().count("某县扶贫简报"))
print("api", [m["source_text"] for m in client.get("/api/v1/metrics/?indicator=车间").json()["results"]])
"""


def embedded(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "SECRET_KEY"}}
    env["FUPIN_VAR_DIR"] = str(tmp_path / "var")
    env["MEDIA_ROOT"] = str(tmp_path / "media")

    def manage(*args: str) -> str:
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    return manage


def test_ingest_without_a_broker_parses_into_the_embedded_sqlite_database(tmp_path):
    manage = embedded(tmp_path)
    sample = tmp_path / "bulletin.txt"
    sample.write_bytes(BULLETIN)
    manage("migrate", "--noinput")
    output = manage("ingest", str(sample))
    assert "parsed" in output
    with sqlite3.connect(tmp_path / "var" / "db.sqlite3") as db:
        status = db.execute("select status from bulletins_bulletin").fetchone()[0]
        metrics = sorted(row[0] for row in db.execute("select source_text from measures_metric"))
        regions = db.execute("select count(*) from measures_region").fetchone()[0]
    assert status == "parsed"
    assert metrics == ["12个", "860人"]
    assert regions > 3000


def test_search_and_indicator_filters_fall_back_to_substring_matches_on_sqlite(tmp_path):
    manage = embedded(tmp_path)
    sample = tmp_path / "bulletin.txt"
    sample.write_bytes(BULLETIN)
    manage("migrate", "--noinput")
    manage("ingest", str(sample))
    manage("collectstatic", "--noinput")
    lines = manage("shell", "-c", PUBLISH_AND_SEARCH).splitlines()
    found = dict(line.rsplit(" ", 1) for line in lines if line.startswith("/"))
    assert int(found["/bulletins/?q=扶贫车间"]) > 0
    assert int(found["/bulletins/?q=养殖场"]) == 0
    assert int(found["/metrics/?indicator=劳动力"]) > 0
    assert "api ['12个']" in lines
