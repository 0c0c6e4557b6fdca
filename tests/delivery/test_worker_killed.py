"""A worker killed with SIGKILL in the middle of a parse: the bulletin is parsed once, by whoever comes next."""

import os
import signal
import time

import pytest

from bulletins.models import Bulletin, BulletinTransition
from bulletins.services import bulletin_upload_bytes
from measures.models import Metric
from tests.delivery.conftest import assert_parsed_once_with_every_figure, slow_bulletin, status_of, wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LINES = 4000  # four figures a line; parsing and saving them takes seconds, time enough to kill the worker


def history(bulletin: Bulletin) -> list[tuple[str, str]]:
    steps = BulletinTransition.objects.filter(bulletin=bulletin).order_by("at", "id")
    return list(steps.values_list("from_status", "to_status"))


def assert_parsed_exactly_once(bulletin: Bulletin) -> None:
    assert_parsed_once_with_every_figure(bulletin, 4 * LINES)
    # Whether the cut-short parse counts against the document: test_infrastructure_faults.py.
    assert history(bulletin) == [("uploaded", "parsing"), ("parsing", "parsing"), ("parsing", "parsed")]


def test_a_parse_whose_pool_child_is_killed_is_given_back_and_parsed_once(start_worker):
    worker = start_worker()
    bulletin = bulletin_upload_bytes(name="slow.txt", data=slow_bulletin(LINES)).bulletin
    wait_until(lambda: status_of(bulletin) == Bulletin.Status.PARSING, seconds=60, watching=[worker],
               what="the worker to start parsing")
    (child,) = worker.children()
    os.kill(child, signal.SIGKILL)
    killed = time.monotonic()

    wait_until(lambda: status_of(bulletin) == Bulletin.Status.PARSED, seconds=120, watching=[worker],
               what="the parse to be given back and finished")
    print(f"parsed by a new pool child {time.monotonic() - killed:.1f} s after the first was killed")
    assert_parsed_exactly_once(bulletin)
    assert child not in worker.children()


def test_a_parse_whose_whole_worker_is_killed_is_finished_by_another_worker_after_the_sweep(
    start_worker, start_beat
):
    sweep = {"FUPIN_SWEEP_INTERVAL": "1", "FUPIN_REQUEUE_PARSING_AFTER": "3"}
    first = start_worker()
    bulletin = bulletin_upload_bytes(name="slow.txt", data=slow_bulletin(LINES)).bulletin
    wait_until(lambda: status_of(bulletin) == Bulletin.Status.PARSING, seconds=60, watching=[first],
               what="the first worker to start parsing")
    first.kill_all()
    killed = time.monotonic()
    assert status_of(bulletin) == Bulletin.Status.PARSING
    assert not Metric.objects.filter(bulletin=bulletin).exists()

    second = start_worker(**sweep)
    beat = start_beat(**sweep)
    wait_until(lambda: status_of(bulletin) == Bulletin.Status.PARSED, seconds=120, watching=[second, beat],
               what="the sweep to queue the parse again and the second worker to finish it")
    print(f"parsed by the second worker {time.monotonic() - killed:.1f} s after the first was killed")
    assert_parsed_exactly_once(bulletin)
