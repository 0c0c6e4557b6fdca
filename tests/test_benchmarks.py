"""The benchmark scripts still run against today's schema and code.

Their figures are for people to read (README, "Benchmarks"); nothing here asserts a speed. What is
asserted is that they fill their databases, reach every page they time and finish, so that a model
change cannot quietly break them (public_site.py once stopped filling a new NOT NULL column).
"""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent
SMOKE_DATABASE = "fupin_bench_smoke"


def server_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.fail("the benchmarks run on PostgreSQL: set DATABASE_URL (make test does)")
    return url.rsplit("/", 1)[0]


def drop(database: str) -> None:
    with psycopg.connect(server_url() + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def run(script: str, *args: str, env: dict[str, str] | None = None) -> str:
    finished = subprocess.run(
        [sys.executable, f"benchmarks/{script}", *args], cwd=ROOT, env={**os.environ, **(env or {})},
        capture_output=True, text=True, timeout=900,
    )
    assert finished.returncode == 0, finished.stdout[-2000:] + finished.stderr[-4000:]
    return finished.stdout


@pytest.fixture
def smoke_database():
    drop(SMOKE_DATABASE)
    yield f"{server_url()}/{SMOKE_DATABASE}"
    drop(SMOKE_DATABASE)


def test_the_public_site_benchmark_fills_its_database_and_reaches_every_page(smoke_database):
    printed = run("public_site.py", "--bulletins", "40", "--metrics-per-bulletin", "3", "--rounds", "1",
                  env={"DATABASE_URL": smoke_database})
    assert "database: 40 bulletins, 120 metrics" in printed
    for page in ("listing", "search", "explorer, filters", "region page", "API metrics", "NDJSON all"):
        assert page in printed
    assert "(HTTP" not in printed  # a page that did not answer 200 is flagged with its status


def test_the_ingest_benchmark_parses_every_upload_with_a_real_worker():
    # The script exits 1 if any bulletin ends failed, and fails itself if a worker stops or stalls.
    printed = run("ingest_at_scale.py", "--bulletins", "12", "--workers", "1", "--timeout", "300")
    assert "generated 12 bulletins" in printed
