"""Real parts for the fault tests: Celery worker and beat processes, a Redis server of our own."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import redis
from django.db import connection

from fupin_portal.celery import app

ROOT = Path(__file__).resolve().parents[2]


def slow_bulletin(lines: int = 4000) -> bytes:
    """A genuine bulletin that takes seconds to parse and save: thousands of figures, four on every line."""
    line = "某县第{i}批扶贫项目：整合资金{i}万元，带动贫困户{i}户、贫困人口{i}人，新建茶园{i}亩。"
    return (f"某县扶贫简报第{lines}期\n\n" + "\n".join(line.format(i=i) for i in range(1, lines + 1))).encode()


SMALL = "某县扶贫简报第1期\n\n全县减少贫困人口1.2万人，实施产业项目35个。\n".encode()


class Process:
    """A celery (or other) process in its own process group, its output in a file for the failure report."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        self.log = log
        with log.open("w") as out:
            self.popen = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                          start_new_session=True)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def children(self) -> list[int]:
        found = subprocess.run(["pgrep", "-P", str(self.pid)], capture_output=True, text=True).stdout
        return [int(pid) for pid in found.split()]

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-6000:]

    def kill_all(self) -> None:
        """SIGKILL the process and its pool children at once: a machine losing power, an OOM kill."""
        os.killpg(self.pid, signal.SIGKILL)
        self.popen.wait(timeout=10)

    def stop(self) -> None:
        if not self.alive():
            return
        self.popen.terminate()
        try:
            self.popen.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.pid, signal.SIGKILL)
            self.popen.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A Redis of our own, so stopping it disturbs nobody else's tests; it keeps nothing on disk."""

    def __init__(self, log_dir: Path) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.log_dir = log_dir
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.log_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def private_redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def process_env(settings, broker_url: str, **extra: str) -> dict[str, str]:
    db = connection.settings_dict
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": broker_url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SECRET_KEY": os.environ.get("SECRET_KEY", "worker-test"),
        **extra,
    }


@pytest.fixture
def start_worker(settings, tmp_path) -> Callable[..., Process]:
    """Start `celery worker` processes (prefork, one child) on the test's broker; all stopped afterwards."""
    if app.conf.task_always_eager:
        pytest.fail("CELERY_BROKER_URL must point at Redis for this test (make test sets it)")
    app.control.purge()
    started: list[Process] = []

    def start(broker_url: str | None = None, **env: str) -> Process:
        worker = Process(
            [sys.executable, "-m", "celery", "-A", "fupin_portal", "worker", "--pool=prefork", "--concurrency=1",
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "-n", f"worker{len(started)}@%h"],
            process_env(settings, broker_url or settings.CELERY_BROKER_URL, **env),
            tmp_path / f"worker{len(started)}.log",
        )
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()
    app.control.purge()
    # Messages of a worker killed outright wait in Redis's unacked set; they must not outlive the test.
    redis.Redis.from_url(settings.CELERY_BROKER_URL).delete("unacked", "unacked_index")


@pytest.fixture
def start_beat(settings, tmp_path) -> Callable[..., Process]:
    started: list[Process] = []

    def start(broker_url: str | None = None, **env: str) -> Process:
        beat = Process(
            [sys.executable, "-m", "celery", "-A", "fupin_portal", "beat", "--loglevel=INFO",
             "--schedule", str(tmp_path / "beat-schedule")],
            process_env(settings, broker_url or settings.CELERY_BROKER_URL, **env),
            tmp_path / "beat.log",
        )
        started.append(beat)
        return beat

    yield start
    for beat in started:
        beat.stop()


def wait_until(condition: Callable[[], bool], *, seconds: float, watching: list[Process], what: str) -> None:
    """Poll until ``condition`` holds; fail with the processes' output if one dies or time runs out."""
    deadline = time.monotonic() + seconds
    while not condition():
        for process in watching:
            assert process.alive(), f"{process.log.name} died:\n{process.output()}"
        if time.monotonic() > deadline:
            logs = "\n".join(f"--- {p.log.name}\n{p.output()}" for p in watching)
            pytest.fail(f"timed out waiting for {what}\n{logs}")
        time.sleep(0.05)


def status_of(bulletin) -> str:
    """The bulletin's status as the database has it now (another process is changing it)."""
    from bulletins.models import Bulletin

    return Bulletin.objects.values_list("status", flat=True).get(pk=bulletin.pk)


def assert_parsed_once_with_every_figure(bulletin, figures: int) -> None:
    """Parsed, and each figure of the slow bulletin saved exactly once (no copy left by a cut-short parse)."""
    from bulletins.models import Bulletin
    from measures.models import Metric

    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.PARSED, bulletin.error_message
    metrics = Metric.objects.filter(bulletin=bulletin)
    assert metrics.count() == figures
    assert metrics.values("start").distinct().count() == figures
