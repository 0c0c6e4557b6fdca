"""Infrastructure faults are not the document's: a parse cut short early is run again without spending an attempt.

Real parts only: a prefork worker on Redis, its PostgreSQL connection terminated by the server
(pg_terminate_backend), its pool child killed with SIGKILL. No beat runs, so the sweep cannot be what
finishes a parse here.
"""

import os
import signal
import time

import pytest
from django.db import connection

from bulletins.models import Bulletin, BulletinTransition
from bulletins.services import PARSE_LOCK_NAMESPACE, bulletin_upload_bytes
from tests.delivery.conftest import assert_parsed_once_with_every_figure, slow_bulletin, status_of, wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LINES = 4000  # four figures a line; parsing and saving them takes seconds, time enough to cut the parse short
NO_SWEEP = {"FUPIN_REQUEUE_PARSING_AFTER": "3600"}  # and no beat: only the worker itself can finish the parse
DONE = {Bulletin.Status.PARSED, Bulletin.Status.FAILED}


def restarts(bulletin: Bulletin) -> list[str]:
    """The notes of the "parsing → parsing" steps: one for every parse that was found cut short."""
    steps = BulletinTransition.objects.filter(bulletin=bulletin, from_status="parsing", to_status="parsing")
    return list(steps.order_by("at", "id").values_list("note", flat=True))


def terminate_the_parse_connection(bulletin: Bulletin) -> None:
    """End, from the server side, the PostgreSQL session of whoever parses the bulletin (it holds the parse lock)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            " AND classid::bigint = %s AND objid::bigint = %s AND objsubid = 2",
            [PARSE_LOCK_NAMESPACE, bulletin.pk],
        )
        assert [terminated for (terminated,) in cursor.fetchall()] == [True]


def start_parsing(start_worker, **env: str):
    worker = start_worker(**NO_SWEEP, **env)
    bulletin = bulletin_upload_bytes(name="slow.txt", data=slow_bulletin(LINES)).bulletin
    wait_until(lambda: status_of(bulletin) == Bulletin.Status.PARSING, seconds=60, watching=[worker],
               what="the worker to start parsing")
    return worker, bulletin


def assert_parsed_exactly_once(bulletin: Bulletin) -> None:
    assert_parsed_once_with_every_figure(bulletin, 4 * LINES)


def test_a_parse_whose_database_connection_is_terminated_is_parsed_again_within_seconds(start_worker):
    worker, bulletin = start_parsing(start_worker)
    terminate_the_parse_connection(bulletin)
    terminated = time.monotonic()

    # Well under FUPIN_REQUEUE_PARSING_AFTER (3600 here, 240 by default): the worker retried it itself.
    wait_until(lambda: status_of(bulletin) in DONE, seconds=45, watching=[worker],
               what="the worker to retry the parse itself (the sweep is off)")
    print(f"parsed {time.monotonic() - terminated:.1f} s after its database connection was terminated")
    assert_parsed_exactly_once(bulletin)


def test_a_database_connection_terminated_mid_parse_does_not_spend_an_attempt_of_the_document(start_worker):
    worker, bulletin = start_parsing(start_worker)
    terminate_the_parse_connection(bulletin)
    wait_until(lambda: status_of(bulletin) in DONE, seconds=45, watching=[worker], what="the parse to end")

    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.PARSED, bulletin.error_message
    assert bulletin.parse_attempts == 1
    (note,) = restarts(bulletin)
    assert "数据库连接中断" in note and "不计入" in note
    assert bulletin.parse_interruptions == 1


def test_a_pool_child_killed_early_in_a_parse_does_not_spend_an_attempt_of_the_document(start_worker):
    worker, bulletin = start_parsing(start_worker)
    (child,) = worker.children()
    os.kill(child, signal.SIGKILL)  # seconds into a parse allowed 120: not the document's doing
    wait_until(lambda: status_of(bulletin) in DONE, seconds=120, watching=[worker],
               what="the parse to be given back and finished")

    assert_parsed_exactly_once(bulletin)
    assert bulletin.parse_attempts == 1
    (note,) = restarts(bulletin)
    assert "中断" in note and "不计入" in note
    assert bulletin.parse_interruptions == 1


def test_a_document_whose_parse_is_interrupted_more_often_than_allowed_ends_failed(start_worker):
    worker, bulletin = start_parsing(start_worker, FUPIN_MAX_PARSE_INTERRUPTIONS="1")
    (first,) = worker.children()
    os.kill(first, signal.SIGKILL)
    wait_until(lambda: len(restarts(bulletin)) == 1 and status_of(bulletin) == Bulletin.Status.PARSING,
               seconds=60, watching=[worker], what="the parse to be given back and started again")
    (second,) = worker.children()
    assert second != first
    os.kill(second, signal.SIGKILL)  # as a file that crashes the process every time would

    wait_until(lambda: status_of(bulletin) in DONE, seconds=60, watching=[worker], what="the parse to end")
    bulletin.refresh_from_db()
    assert (bulletin.status, bulletin.failure_code) == (Bulletin.Status.FAILED, "internal")
    assert "中断 2 次" in bulletin.error_message
    assert not bulletin.metrics.exists()
