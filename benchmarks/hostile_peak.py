#!/usr/bin/env python
"""Peak memory and time to parse (or refuse) each hostile upload, each in a fresh process.

Usage: python benchmarks/hostile_peak.py [FILE_OR_FOLDER ...] [--timeout S] [--memory-limit-mb MB]
Default corpus: tests/hostile/files. Each file is parsed by the pure pipeline (parse_document) in a
child process that first parses one small bulletin, as a worker has (division table, regexes,
dictionaries loaded). Printed per file: the outcome, the parse's wall time, and the child's peak
resident memory (its ru_maxrss, from wait4: RUSAGE_CHILDREN for that one child), which includes the
loaded pipeline; the first row is that baseline alone. --memory-limit-mb sets RLIMIT_DATA in the child,
as a worker does with FUPIN_PARSE_MEMORY_LIMIT_MB. The goal: no file over 1,000 MB or 10 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARM_UP = "某县扶贫简报第1期\n\n全县减少贫困人口1.2万人，整合资金3500万元，实施产业项目35个。\n".encode()


def child(path: str | None, memory_limit_mb: int) -> None:
    """In the fresh process: parse the warm-up bulletin, then the file; print the outcome as JSON."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fupin_portal.settings")
    from bulletins.pipeline import ParseError, parse_document

    parse_document(WARM_UP, "warm-up.txt")
    if memory_limit_mb:
        resource.setrlimit(resource.RLIMIT_DATA, (memory_limit_mb << 20, resource.RLIM_INFINITY))
    outcome, started = "baseline", time.perf_counter()
    if path:
        try:
            record = parse_document(Path(path).read_bytes(), Path(path).name)
            outcome = f"parsed, {len(record.text):,} characters"
        except ParseError as error:
            outcome = f"failed {error.code}: {error.message}"
    print(json.dumps({"outcome": outcome, "seconds": time.perf_counter() - started}))


def measure(path: Path | None, timeout: float, memory_limit_mb: int) -> tuple[str, float, float]:
    """(outcome, parse seconds, peak MB) of one file parsed in a fresh process."""
    args = [sys.executable, __file__, "--child", str(path or ""), "--memory-limit-mb", str(memory_limit_mb)]
    started = time.monotonic()
    with subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        # wait4 gives this child's own rusage; RUSAGE_CHILDREN would be the maximum over all children so far.
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                process.returncode = -9
                return f"killed after {timeout:.0f} s", time.monotonic() - started, usage.ru_maxrss / 1024
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)
        out, err = process.stdout.read().decode(), process.stderr.read().decode()
    peak = usage.ru_maxrss / 1024  # KiB on Linux
    if process.returncode != 0:
        last = (err.strip().splitlines() or ["?"])[-1]
        return f"crashed ({process.returncode}): {last[:100]}", time.monotonic() - started, peak
    result = json.loads(out.strip().splitlines()[-1])
    return result["outcome"], result["seconds"], peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "tests" / "hostile" / "files"])
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a child is killed")
    parser.add_argument("--memory-limit-mb", type=int, default=0, help="RLIMIT_DATA for each child; 0: none")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child or None, args.memory_limit_mb)
        return

    files = []
    for path in args.paths:
        files += sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    rows = [("(baseline: pipeline loaded)", *measure(None, args.timeout, args.memory_limit_mb))]
    print(f"{'file':<32} {'seconds':>8} {'peak MB':>8}  outcome")
    print(f"{rows[0][0]:<32} {rows[0][2]:>8.2f} {rows[0][3]:>8.0f}  {rows[0][1]}")
    for path in files:
        outcome, seconds, peak = measure(path, args.timeout, args.memory_limit_mb)
        rows.append((path.name, outcome, seconds, peak))
        print(f"{path.name:<32} {seconds:>8.2f} {peak:>8.0f}  {outcome[:90]}", flush=True)
    slowest = max(rows[1:], key=lambda row: row[2])
    largest = max(rows[1:], key=lambda row: row[3])
    print(f"worst time: {slowest[2]:.2f} s ({slowest[0]}); worst peak: {largest[3]:.0f} MB ({largest[0]})")


if __name__ == "__main__":
    main()
