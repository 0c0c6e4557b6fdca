#!/usr/bin/env python
"""Parse throughput of the pure pipeline, per process: documents/s and characters/s.

Usage: python benchmarks/parse_throughput.py [FILE_OR_FOLDER ...] [--repeat N]
Default corpus: tests/corpus/files (our own bulletins in every format).
Also times one 10,000-character bulletin made of the corpus's articles.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fupin_portal.settings")

from bulletins.pipeline import ParseError, parse_document  # noqa: E402
from bulletins.pipeline.decode import SUPPORTED_EXTENSIONS  # noqa: E402


def corpus(paths: list[Path]) -> list[tuple[str, bytes]]:
    files = []
    for path in paths:
        candidates = sorted(path.rglob("*")) if path.is_dir() else [path]
        files += [p for p in candidates if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS]
    return [(p.name, p.read_bytes()) for p in files]


def genre_bulletin(documents: list[tuple[str, bytes]], chars: int = 10_000) -> bytes:
    """A 10,000-character bulletin made of real genre text: the corpus articles one after another."""
    texts = []
    for name, data in documents:
        try:
            texts.append(parse_document(data, name).text)
        except ParseError:
            continue
    lines = ["某县扶贫工作简报第十二期", "", "2019年3月5日  09:30", ""]
    round_ = 0
    while sum(len(line) + 1 for line in lines) < chars:
        for text in texts:
            # Numbered per round, so the cleaner's repeated-paragraph rule keeps every copy.
            lines += [f"{round_}-{line}" if line else line for line in text.split("\n")]
        round_ += 1
    return "\n".join(lines)[:chars].encode()


def run(documents: list[tuple[str, bytes]], repeat: int) -> tuple[float, int, int, list[float]]:
    times, chars, done = [], 0, 0
    for _ in range(repeat):
        for name, data in documents:
            started = time.perf_counter()
            try:
                record = parse_document(data, name)
                chars += len(record.text)
            except ParseError:
                pass
            times.append(time.perf_counter() - started)
            done += 1
    return sum(times), done, chars, times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path,
                        default=[ROOT / "tests" / "corpus" / "files"])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    documents = corpus([p for p in args.paths if p.exists()])
    if not documents:
        raise SystemExit("no documents to parse")
    parse_document(documents[0][1], documents[0][0])  # load the division table, regexes and jieba once
    total, done, chars, times = run(documents, args.repeat)
    print(f"corpus: {len(documents)} files x {args.repeat}: {done / total:.1f} documents/s, "
          f"{chars / total:,.0f} characters/s, median {statistics.median(times) * 1000:.1f} ms, "
          f"max {max(times) * 1000:.1f} ms")
    by_format: dict[str, list[float]] = {}
    for (name, _data), elapsed in zip(documents * args.repeat, times, strict=True):
        by_format.setdefault(Path(name).suffix, []).append(elapsed)
    print("  median by format: " + ", ".join(
        f"{suffix} {statistics.median(values) * 1000:.1f} ms" for suffix, values in sorted(by_format.items())))
    big = genre_bulletin(documents)
    total, done, chars, times = run([("bulletin-10k.txt", big)], 20)
    record = parse_document(big, "bulletin-10k.txt")
    p95 = sorted(times)[int(len(times) * 0.95)]
    print(f"10,000-character bulletin ({len(record.text):,} chars, {len(record.metrics)} figures): "
          f"median {statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"{chars / total:,.0f} characters/s")


if __name__ == "__main__":
    main()
