"""With nothing configured, the portal runs on SQLite and parses in-process: no broker, no server."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BULLETIN = "某县扶贫简报第2期\n\n全县新建扶贫车间12个，吸纳贫困劳动力就业860人。\n".encode()


def test_ingest_without_a_broker_parses_into_the_embedded_sqlite_database(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "SECRET_KEY"}}
    env["FUPIN_VAR_DIR"] = str(tmp_path / "var")
    env["MEDIA_ROOT"] = str(tmp_path / "media")
    sample = tmp_path / "bulletin.txt"
    sample.write_bytes(BULLETIN)

    def manage(*args: str) -> str:
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

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
