#!/usr/bin/env python
"""Ingest at scale: upload 2,000 distinct bulletins, then time N real Celery workers parsing them all.

Generates the bulletins from our own sources (tests/corpus/src and tests/documents/src, in every
upload format: .txt in three encodings, .html, .docx, .pdf), each copy with its own title and
figures so its sha256 and text differ. For each worker count (--workers 1 2): recreates a separate
database (fupin_ingest, from a migrated template), purges a separate Redis db, uploads every
bulletin through bulletins.services.bulletin_upload_bytes (timed; each upload queues its parse),
then starts N `celery -A fupin_portal worker --concurrency=1` processes and measures the wall time
until every bulletin is parsed or failed. Prints seconds, documents/s and failures per run.

Run: python benchmarks/ingest_at_scale.py [--bulletins 2000] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))
SERVER = "postgres://postgres@127.0.0.1:5432"
DATABASE = "fupin_ingest"
TEMPLATE = "fupin_ingest_template"
BROKER = os.environ.get("INGEST_BROKER_URL", "redis://127.0.0.1:6379/9")

os.environ.update(
    DATABASE_URL=f"{SERVER}/{DATABASE}",
    CELERY_BROKER_URL=BROKER,
    SECRET_KEY=os.environ.get("SECRET_KEY", "ingest-benchmark-only"),
    SECURE_SSL_REDIRECT="0",
    LOG_LEVEL="WARNING",
    DJANGO_SETTINGS_MODULE="fupin_portal.settings",
)
# Leave dates (2018年, 6月, 第12期) alone so every copy still reads as a plausible bulletin.
NUMBER = re.compile(r"\d+(?=[^\d年月日期号.]|$)")


def load_builder(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def vary(lines: list[str], copy: int) -> list[str]:
    """The source with its own title and slightly different figures (so text and sha256 differ)."""
    delta = 1 + copy % 9
    first = next(i for i, line in enumerate(lines) if line.strip())
    varied = [NUMBER.sub(lambda m: str(int(m.group()) + delta), line) for line in lines]
    varied[first] = f"{lines[first].rstrip()}（样本{copy}）"
    return varied


def generate(count: int) -> list[tuple[str, bytes]]:
    """`count` distinct bulletins, round-robin over every source and format."""
    corpus = load_builder(ROOT / "tests" / "corpus" / "build_corpus.py")
    documents = load_builder(ROOT / "tests" / "documents" / "build_documents.py")
    original_lines = documents.source_lines

    def corpus_maker(source: Path):
        meta, body, _metrics = corpus.parse_source(source)
        suffix = corpus.EXTENSIONS[meta["format"]]
        return lambda copy: (f"{source.stem}-{copy}{suffix}", corpus.render(meta, vary(body, copy)))

    def documents_maker(doc):
        build, suffix = documents.BUILDERS[doc.kind]

        def make(copy: int) -> tuple[str, bytes]:
            lines = vary(original_lines(doc), copy)
            if doc.kind == "txt":  # build_txt reads its source file directly
                text = "\n".join(lines).replace("\n", doc.newline) + doc.newline
                data = b"\xff\xfe" + text.encode("utf-16-le") if doc.encoding == "utf-16" else text.encode(doc.encoding)
            else:
                documents.source_lines = lambda _doc: lines
                data = build(doc)
            return f"{doc.name}-{copy}{suffix}", data

        return make

    makers = [corpus_maker(p) for p in sorted((ROOT / "tests" / "corpus" / "src").glob("*.txt"))]
    makers += [documents_maker(doc) for doc in documents.DOCUMENTS]
    files = [makers[i % len(makers)](i) for i in range(count)]
    documents.source_lines = original_lines
    return files


def psql(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def fresh_database(template_ready: bool) -> None:
    from django.db import connections

    connections.close_all()
    psql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    if template_ready:
        # A copy of the migrated template: no migration (and division-table load) per run.
        psql(f'CREATE DATABASE "{DATABASE}" TEMPLATE "{TEMPLATE}"')
    else:
        psql(f'CREATE DATABASE "{DATABASE}"')


def prepare_template() -> None:
    psql(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
    fresh_database(template_ready=False)
    subprocess.run([str(BIN / "python"), "manage.py", "migrate", "--noinput", "--verbosity", "0"], cwd=ROOT,
                   check=True)
    psql(f'CREATE DATABASE "{TEMPLATE}" TEMPLATE "{DATABASE}"')


def upload(files: list[tuple[str, bytes]]) -> float:
    from bulletins.services import bulletin_upload_bytes

    started = time.perf_counter()
    created = sum(bulletin_upload_bytes(name=name, data=data).created for name, data in files)
    elapsed = time.perf_counter() - started
    if created != len(files):
        raise SystemExit(f"only {created} of {len(files)} uploads were new: the copies are not distinct")
    return elapsed


def start_workers(count: int, log_dir: Path) -> list[subprocess.Popen]:
    workers = []
    for n in range(count):
        log = (log_dir / f"worker{n}.log").open("w")
        workers.append(subprocess.Popen(
            [str(BIN / "celery"), "-A", "fupin_portal", "worker", "--concurrency=1", "--loglevel=WARNING",
             "-n", f"ingest{n}@%h"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        ))
    return workers


def wait_parsed(total: int, workers: list[subprocess.Popen], timeout: float, log_dir: Path) -> tuple[float, float]:
    """Seconds until the first and until the last bulletin left the queue (parsed or failed)."""
    from bulletins.models import Bulletin

    started = time.perf_counter()
    first = None
    while True:
        done = Bulletin.objects.filter(status__in=["parsed", "failed"]).count()
        now = time.perf_counter() - started
        if done and first is None:
            first = now
        if done >= total:
            return first, now
        if now > timeout or any(w.poll() is not None for w in workers):
            raise SystemExit(f"stopped after {now:.0f} s with {done} of {total} parsed; worker logs in {log_dir}")
        time.sleep(0.2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bulletins", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--timeout", type=float, default=3600, help="seconds to wait for one run")
    args = parser.parse_args()

    media = Path(tempfile.mkdtemp(prefix="fupin-ingest-media-"))
    os.environ["MEDIA_ROOT"] = str(media)  # the workers read the originals from the same place
    started = time.perf_counter()
    files = generate(args.bulletins)
    kinds = Counter(Path(name).suffix for name, _ in files)
    print(f"generated {len(files):,} bulletins ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}, "
          f"{sum(len(d) for _, d in files) / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s")

    import django
    import redis

    django.setup()
    from django.db.models import Count

    from bulletins.models import Bulletin

    prepare_template()
    failed_any = False
    print(f"{'workers':>7} {'upload s':>9} {'uploads/s':>10} {'parse s':>8} {'docs/s':>7} {'first s':>8} "
          f"{'failed':>7} {'load':>5}")
    try:
        for count in args.workers:
            fresh_database(template_ready=True)
            shutil.rmtree(media, ignore_errors=True)
            media.mkdir()
            redis.Redis.from_url(BROKER).flushdb()  # our own db number: nothing queued from a previous run
            upload_seconds = upload(files)
            log_dir = Path(tempfile.mkdtemp(prefix=f"fupin-ingest-{count}w-"))
            workers = start_workers(count, log_dir)
            try:
                # Timed from the workers' launch: includes their start (Django, division table, jieba).
                first, total = wait_parsed(len(files), workers, args.timeout, log_dir)
            finally:
                for worker in workers:
                    worker.terminate()
                for worker in workers:
                    worker.wait(timeout=60)
            failures = dict(Bulletin.objects.filter(status="failed").values_list("failure_code")
                            .annotate(n=Count("id")).values_list("failure_code", "n"))
            failed = sum(failures.values())
            failed_any |= failed > 0
            print(f"{count:7} {upload_seconds:9.1f} {len(files) / upload_seconds:10.1f} {total:8.1f} "
                  f"{len(files) / total:7.1f} {first:8.1f} {failed:7} {os.getloadavg()[0]:5.2f}"
                  + (f"  {failures}" if failures else ""))
            shutil.rmtree(log_dir, ignore_errors=True)
    finally:
        shutil.rmtree(media, ignore_errors=True)
    return 1 if failed_any else 0


if __name__ == "__main__":
    sys.exit(main())
