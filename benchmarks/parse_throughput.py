#!/usr/bin/env python
"""Parse throughput of the pure pipeline, per process: documents/s and characters/s.

Usage: python benchmarks/parse_throughput.py [FILE_OR_FOLDER ...] [--repeat N]
Default corpus: tests/corpus/files (our own bulletins in every format).
Also times one synthetic 10,000-character bulletin.
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


def synthetic_bulletin(chars: int = 10_000) -> bytes:
    sentences = [
        "綦江区组织近万名党员干部与6950户贫困户开展结对帮扶，确保22904名贫困人口如期脱贫。",
        "梁平县整合资金1000万元，建成蔬菜生产示范基地4个，发展连片蔬菜基地1万亩，带动1500户贫困户增收。",
        "平武县引进省外企业9家，协议总投资近60亿，组织劳务招聘会5场，提供岗位1400余个。",
        "全市累计完成易地扶贫搬迁5.26万人，改造危房2080户，新建山区寄宿制学校68所。",
    ]
    lines = ["重庆扶贫专报第三十三期", "", "17.11.2015  12:51", ""]
    index = 0
    while sum(len(line) + 1 for line in lines) < chars:
        lines.append(sentences[index % len(sentences)])
        index += 1
    return "\n".join(lines).encode()


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

    parse_document(synthetic_bulletin(500), "warm-up.txt")  # load the division table and regexes once
    documents = corpus([p for p in args.paths if p.exists()])
    if documents:
        total, done, chars, times = run(documents, args.repeat)
        print(f"corpus: {len(documents)} files x {args.repeat}: {done / total:.1f} documents/s, "
              f"{chars / total:,.0f} characters/s, median {statistics.median(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms")
    big = synthetic_bulletin()
    _total, _done, chars, times = run([("synthetic.txt", big)], 20)
    print(f"10,000-character bulletin ({chars // 20:,} chars after cleaning): "
          f"median {statistics.median(times) * 1000:.1f} ms, p95 {sorted(times)[int(len(times) * 0.95)] * 1000:.1f} ms")


if __name__ == "__main__":
    main()
