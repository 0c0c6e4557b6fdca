#!/usr/bin/env python
"""Load test: gunicorn on localhost over the 100,000-bulletin database, driven by wrk.

Starts gunicorn (DEBUG off, production settings from the environment) on a free localhost port
against fupin_bench (filled by benchmarks/public_site.py), then runs wrk at 64 connections for
--duration seconds per scenario: /healthz (a bare Django view through the whole middleware
stack: the framework's own ceiling on this machine), the public listing (pages, filters, sort),
search (several queries) and the partner API (with a token issued for the run). Prints
requests, errors (non-2xx, connection errors, timeouts), requests/s and p50/p95/p99 per scenario;
exits 1 if any request failed.

Run: python benchmarks/load.py [--duration 60] [--connections 64] [--workers 3] [--threads 1]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LUA = Path(__file__).resolve().parent / "wrk_report.lua"
sys.path.insert(0, str(ROOT))  # the API scenario issues its token with the project's own code
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/fupin_bench"


@dataclass
class Scenario:
    name: str
    paths: list[str]
    headers: dict[str, str]


def page(path: str, **params: str | int) -> str:
    return f"{path}?{urlencode(params)}" if params else path


LISTING = [
    page("/bulletins/"),
    page("/bulletins/", page=2),
    page("/bulletins/", page=50),
    page("/bulletins/", sort="title"),
    page("/bulletins/", region="520000"),
    page("/bulletins/", region="510000", category="paired_assistance"),
    page("/bulletins/", region="500000", page=3),
]
SEARCH = [
    page("/bulletins/", q=q)
    for q in ["茶园", "易地扶贫搬迁", "东西部扶贫协作 广州", "生态护林员", "扶贫", "光伏", "贵州 产业"]
]


def server_env(database_url: str, static_root: Path) -> dict[str, str]:
    """Production settings: only what plain HTTP on localhost forces off (the SSL redirect)."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY=os.environ.get("SECRET_KEY", "load-test-only-not-secret"),
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(static_root),
        # Persistent connections, as a deployment behind gunicorn would run: no connect per request.
        CONN_MAX_AGE=os.environ.get("CONN_MAX_AGE", "60"),
        LOG_LEVEL=os.environ.get("LOG_LEVEL", "WARNING"),
        DJANGO_SETTINGS_MODULE="fupin_portal.settings",
    )
    # The throttles stay on (their counting is part of each API request's cost) but at rates a load
    # generator cannot reach; their counters live in Redis, shared by the workers as in production.
    env.update(FUPIN_API_PARTNER_RATE="1000000/s", FUPIN_API_ANON_RATE="1000000/s",
               CACHE_URL=os.environ.get("LOAD_CACHE_URL", "redis://127.0.0.1:6379/8"))
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def published_count(database_url: str) -> int:
    import psycopg

    with psycopg.connect(database_url) as conn:
        return conn.execute("SELECT count(*) FROM bulletins_bulletin WHERE status = 'published'").fetchone()[0]


def get(url: str, headers: dict[str, str] | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_until_up(base: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}")
        try:
            if get(base + "/healthz") == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn did not answer /healthz in time")


def api_scenario(base: str, env: dict[str, str]) -> tuple[Scenario, Callable[[], None]]:
    """The API scenario with a partner token issued by the project's own service, and a function that
    revokes it afterwards."""
    os.environ.update(env)  # the same database and settings as the server
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connections

    from api.services import token_issue, token_revoke

    user, _ = get_user_model().objects.get_or_create(username="load-benchmark")
    if not user.is_superuser:  # issues its own token (api.add_apitoken) and reads as a partner would
        user.is_superuser = user.is_staff = True
        user.save()
    token, key = token_issue(name="benchmarks/load.py", user=user, by=user)
    connections.close_all()
    headers = {"Authorization": f"Token {key}"}
    first = json.loads(urllib.request.urlopen(urllib.request.Request(
        base + "/api/v1/bulletins/", headers=headers), timeout=30).read())
    paths = [
        "/api/v1/bulletins/",
        first["next"].removeprefix(base),  # the second cursor page
        page("/api/v1/bulletins/", region="520000"),
        page("/api/v1/bulletins/", ordering="-updated_at"),
        "/api/v1/metrics/",
        page("/api/v1/metrics/", unit="户", year="2018"),
        page("/api/v1/metrics/", region="510000"),
    ]

    def revoke() -> None:
        token_revoke(token=token, by=user)
        connections.close_all()

    return Scenario("api list", paths, headers), revoke


def run_wrk(base: str, scenario: Scenario, connections: int, duration: int, threads: int,
            timeout: int) -> dict:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", f"--timeout={timeout}s",
               "-s", str(LUA)]
    for key, value in scenario.headers.items():
        command += ["-H", f"{key}: {value}"]
    command += [base, "--", *scenario.paths]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRK_JSON "))
    return json.loads(line.removeprefix("WRK_JSON "))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds per scenario")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4,
                        help="gunicorn sync workers: 4 measured best on 2 cores shared with PostgreSQL and wrk")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (>1: gthread workers)")
    parser.add_argument("--timeout", type=int, default=10, help="seconds before wrk counts a request as failed")
    parser.add_argument("--only", nargs="*", help="scenario names to run (healthz, listing, search, api)")
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_DATABASE))
    args = parser.parse_args()

    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install wrk")
    if published_count(args.database_url) < 1000:
        raise SystemExit("the database has almost no published bulletins: run benchmarks/public_site.py first")

    static_root = Path(tempfile.mkdtemp(prefix="fupin-load-static-"))
    env = server_env(args.database_url, static_root)
    # As a deployment does: the schema of this code, and collected static files (the manifest
    # storage used with DEBUG off renders no page without them).
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        subprocess.run([str(BIN / "python"), "manage.py", *command, "--verbosity", "0"], cwd=ROOT, env=env,
                       check=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = [str(BIN / "gunicorn"), "fupin_portal.wsgi", "--bind", f"127.0.0.1:{port}",
                "--workers", str(args.workers), "--backlog", "2048", "--timeout", "60", "--log-level", "warning"]
    if args.threads > 1:
        gunicorn += ["--worker-class", "gthread", "--threads", str(args.threads)]
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env)
    failed = False
    cleanups: list[Callable[[], None]] = []
    try:
        wait_until_up(base, server)
        scenarios = [
            Scenario("healthz (bare view)", ["/healthz"], {}),
            Scenario("listing", LISTING, {}),
            Scenario("search", SEARCH, {}),
        ]
        wanted = set(args.only or ["healthz", "listing", "search", "api"])
        scenarios = [s for s in scenarios if s.name.split()[0] in wanted]
        if "api" in wanted:
            api, revoke = api_scenario(base, env)
            scenarios.append(api)
            cleanups.append(revoke)
        kind = f"gthread x{args.threads}" if args.threads > 1 else "sync"
        load = os.getloadavg()
        print(f"gunicorn {args.workers} {kind} workers, wrk {args.connections} connections, {args.duration} s "
              f"per scenario; {published_count(args.database_url):,} published bulletins; "
              f"load average before: {load[0]:.2f}")
        print(f"{'scenario':22} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
              f"{'p99 ms':>8} {'load':>5}")
        for scenario in scenarios:
            for path in scenario.paths:  # warm every worker's caches and check each page answers at all
                status = get(base + path, scenario.headers)
                if status != 200:
                    print(f"  {path}: HTTP {status} before the load")
            result = run_wrk(base, scenario, args.connections, args.duration, min(2, os.cpu_count() or 1),
                             args.timeout)
            # Requests wrk left queued in the listen backlog are still served after it stops: wait
            # for them (a /healthz answer queues behind them) so they do not slow the next scenario.
            get(base + "/healthz")
            errors = (result["non2xx"] + result["connect"] + result["read"] + result["write"]
                      + result["timeout"])
            failed |= errors > 0
            print(f"{scenario.name:22} {result['requests']:9,} {errors:7,} "
                  f"{result['requests'] / (result['duration_us'] / 1e6):8.1f} {result['p50_us'] / 1000:8.1f} "
                  f"{result['p95_us'] / 1000:8.1f} {result['p99_us'] / 1000:8.1f} {os.getloadavg()[0]:5.2f}")
            if errors:
                print(f"  errors: {result['non2xx']} non-2xx, {result['connect']} connect, {result['read']} read,"
                      f" {result['write']} write, {result['timeout']} timeouts (> {args.timeout} s)")
    finally:
        for cleanup in cleanups:
            cleanup()
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
