#!/usr/bin/env python
"""Latency of the public site on a large PostgreSQL database: p50/p95 per page, in process.

Fills a separate database (default postgres://postgres@127.0.0.1:5432/fupin_bench) with
100,000 bulletins and 1,000,000 metrics generated from our own corpus (tests/corpus), 5% of
them unpublished, then times the listing, the listing filtered by a province, the search and
the metric explorer with filters through Django's test client (view, ORM and PostgreSQL; no
network). Run: python benchmarks/public_site.py [--bulletins N] [--metrics-per-bulletin M]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/fupin_bench")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fupin_portal.settings")
os.environ.setdefault("FUPIN_API_ANON_RATE", "")  # no throttling: this measures the pages, not the limiter
os.environ.setdefault("FUPIN_API_PARTNER_RATE", "")


def ensure_database() -> None:
    import psycopg

    url = os.environ["DATABASE_URL"]
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def templates() -> list:
    from bulletins.pipeline import parse_document

    files = sorted((ROOT / "tests" / "corpus" / "files").iterdir())
    return [parse_document(p.read_bytes(), p.name) for p in files]


def fill(n_bulletins: int, metrics_per_bulletin: int) -> None:
    from django.db import connection

    from bulletins.search import index_words
    from measures.models import Region

    region_ids = dict(Region.objects.values_list("code", "id"))
    records = templates()
    vectors = []
    with connection.cursor() as cursor:
        for record in records:
            cursor.execute(
                "SELECT (setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B'))::text",
                [index_words(record.title or ""), index_words(record.text)],
            )
            vectors.append(cursor.fetchone()[0])
        cursor.execute("SELECT coalesce(max(id), 0) FROM bulletins_bulletin")
        first_id = cursor.fetchone()[0] + 1
    rng = random.Random(20260101)
    started = time.perf_counter()
    bulletins, metrics, mentions = io.StringIO(), io.StringIO(), io.StringIO()
    now = dt.datetime.now(dt.UTC).isoformat()
    for offset in range(n_bulletins):
        pk = first_id + offset
        index = offset % len(records)
        record, vector = records[index], vectors[index]
        status = "published" if rng.random() > 0.05 else "parsed"
        day = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(2500))
        title = f"{record.title}（{pk}）"
        fields = [pk, title, record.issue or "", day.isoformat(), record.issuer or "", status, "", "",
                  f"bench/{pk}.txt", f"{pk}.txt", f"{pk:064x}", len(record.text), record.format, record.encoding,
                  record.text, "", "bench", now, now, now, "", vector, 0]
        bulletins.write("\t".join(_copy_value(v) for v in fields) + "\n")
        for metric in (record.metrics * (metrics_per_bulletin // max(len(record.metrics), 1) + 1))[
            :metrics_per_bulletin
        ]:
            region = region_ids.get(metric.region) if metric.region else None
            factor = rng.randint(1, 20)
            value_max = metric.value_max * factor if metric.value_max is not None else None
            metrics.write("\t".join(_copy_value(v) for v in [
                pk, region, metric.indicator or "", metric.value * factor, value_max, metric.unit, metric.qualifier,
                metric.text, metric.start, metric.end, "f", "t" if status == "published" else "f", day.year, now,
            ]) + "\n")
        for mention in {m.code: m for m in record.mentions}.values():
            mentions.write(f"{pk}\t{region_ids[mention.code]}\t{mention.mention}\t{mention.start}\t{mention.end}\n")
    with connection.cursor() as cursor:
        raw = cursor.cursor
        with raw.copy(
            "COPY bulletins_bulletin (id, title, issue_label, published_on, issuer, status, failure_code,"
            " error_message, original, original_name, sha256, size, detected_format, encoding, text,"
            " text_sha256, parser_version, created_at, updated_at, parsed_at, rejection_reason, search_vector,"
            " parse_attempts)"
            " FROM STDIN"
        ) as copy:
            copy.write(bulletins.getvalue())
        with raw.copy(
            "COPY measures_metric (bulletin_id, region_id, indicator, value, value_max, unit, qualifier,"
            " source_text, start, \"end\", by_person, public, year, updated_at) FROM STDIN"
        ) as copy:
            copy.write(metrics.getvalue())
        with raw.copy('COPY measures_regionmention (bulletin_id, region_id, mention, start, "end") FROM STDIN') as c:
            c.write(mentions.getvalue())
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('bulletins_bulletin', 'id'), max(id)) FROM bulletins_bulletin"
        )
    # Outside a transaction: VACUUM sets the visibility map (index-only scans), as autovacuum would.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"loaded {n_bulletins:,} bulletins, {n_bulletins * metrics_per_bulletin:,} metrics "
          f"in {time.perf_counter() - started:.0f} s")


def _copy_value(value) -> str:
    if value is None:
        return "\\N"
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def timings(client, path: str, params_list: list[dict], rounds: int) -> tuple[float, float, int]:
    times = []
    status = 200
    for _ in range(rounds):
        for params in params_list:
            started = time.perf_counter()
            response = client.get(path, params)
            if response.streaming:
                b"".join(response.streaming_content)
            times.append((time.perf_counter() - started) * 1000)
            status = max(status, response.status_code)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bulletins", type=int, default=100_000)
    parser.add_argument("--metrics-per-bulletin", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()

    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from bulletins.models import Bulletin
    from measures.models import Metric

    call_command("migrate", verbosity=0)
    if Bulletin.objects.count() < args.bulletins:
        fill(args.bulletins - Bulletin.objects.count(), args.metrics_per_bulletin)
    print(f"database: {Bulletin.objects.count():,} bulletins, {Metric.objects.count():,} metrics")

    client = Client(HTTP_HOST="localhost")
    cases = [
        ("listing", "/bulletins/", [{}, {"page": 2}, {"page": 50}, {"sort": "title"}]),
        ("listing, province filter", "/bulletins/", [{"region": "520000"}, {"region": "500000"},
                                                      {"region": "510000", "category": "paired_assistance"}]),
        ("search", "/bulletins/", [{"q": "茶园"}, {"q": "易地扶贫搬迁"}, {"q": "东西部扶贫协作 广州"},
                                   {"q": "生态护林员"}, {"q": "扶贫"}]),
        ("explorer, filters", "/metrics/", [{"unit": "元", "region": "520000"}, {"unit": "户", "year": "2018"},
                                             {"indicator": "贫困户", "region": "510000", "group": "year"},
                                             {"indicator": "资金"}, {"indicator": "户", "unit": "户"}]),
        ("region page", "/regions/520000/", [{}]),
        ("API bulletins", "/api/v1/bulletins/", [{}, {"region": "520000"}, {"q": "易地扶贫搬迁"},
                                                 {"ordering": "updated_at", "page_size": 100}]),
        ("API metrics", "/api/v1/metrics/", [{}, {"unit": "元", "region": "520000"}, {"indicator": "贫困户"},
                                             {"year": "2018", "page_size": 1000}]),
    ]
    print(f"{'page':28} {'p50 ms':>8} {'p95 ms':>8}")
    for label, path, params in cases:
        client.get(path, params[0])  # warm caches
        p50, p95, status = timings(client, path, params, args.rounds)
        print(f"{label:28} {p50:8.1f} {p95:8.1f}" + ("" if status == 200 else f"  (HTTP {status})"))
    conditional(client)
    exports(client)


def conditional(client) -> None:
    """A partner polling an unchanged list: 304 before any listing query runs."""
    first = client.get("/api/v1/metrics/", {"unit": "元"})
    times = []
    for _ in range(50):
        started = time.perf_counter()
        response = client.get("/api/v1/metrics/", {"unit": "元"}, HTTP_IF_NONE_MATCH=first["ETag"])
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 304
    times.sort()
    print(f"{'API 304 (If-None-Match)':28} {statistics.median(times):8.1f} {times[int(len(times) * 0.95) - 1]:8.1f}")


def exports(client) -> None:
    """Rows per second of the streamed exports, then the peak Python memory of a small and a large one
    in a second pass (tracemalloc slows Python down several times, so it never runs while timing)."""
    import tracemalloc

    def stream(path: str, params: dict) -> int:
        response = client.get(path, params)
        return sum(chunk.count(b"\n") for chunk in response.streaming_content)

    print(f"{'export':28} {'rows':>9} {'rows/s':>9} {'peak MiB':>9}")
    for label, path in (("CSV", "/api/v1/exports/metrics.csv"), ("NDJSON", "/api/v1/exports/metrics.ndjson")):
        for params in ({"region": "520000", "unit": "元"}, {"year": "2018"}, {}):
            started = time.perf_counter()
            rows = stream(path, params)
            elapsed = time.perf_counter() - started
            peak = ""
            if params:
                tracemalloc.start()
                stream(path, params)
                peak = f"{tracemalloc.get_traced_memory()[1] / 1048576:9.1f}"
                tracemalloc.stop()
            name = f"{label} {' '.join(f'{k}={v}' for k, v in params.items()) or 'all'}"
            print(f"{name:28} {rows:9,} {rows / elapsed:9,.0f} {peak:>9}")


if __name__ == "__main__":
    main()
