"""Whose fault a parse that never finished was: the document's spends an attempt, an interruption does not.

A parse found "parsing" with nobody at it ran from ``parse_started_at`` until it was cut short. One that
may have run its time budget (the soft time limit) is the document's; one cut short sooner was
interrupted (database connection lost, worker killed) and is run again without spending an attempt,
up to FUPIN_MAX_PARSE_INTERRUPTIONS times. The real faults are in tests/delivery/test_infrastructure_faults.py.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from bulletins.models import Bulletin, BulletinTransition
from bulletins.services import bulletin_parse, bulletin_upload_bytes

pytestmark = pytest.mark.django_db

DATA = "某县扶贫简报第1期\n\n全县减少贫困人口1.2万人，实施产业项目35个。\n".encode()
SOFT_LIMIT = 60


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.CELERY_TASK_SOFT_TIME_LIMIT = SOFT_LIMIT
    settings.CELERY_TASK_TIME_LIMIT = 90
    settings.FUPIN_MAX_PARSE_ATTEMPTS = 3
    settings.FUPIN_MAX_PARSE_INTERRUPTIONS = 4


def cut_short(*, ran: timedelta, attempts: int = 1, interruptions: int = 0, status: str = "parsing") -> Bulletin:
    """A bulletin whose last parse started ``ran`` ago and never finished (nobody holds its parse lock)."""
    bulletin = bulletin_upload_bytes(name="a.txt", data=DATA).bulletin
    Bulletin.objects.filter(pk=bulletin.pk).update(
        status=status, parse_started_at=timezone.now() - ran, parse_attempts=attempts,
        parse_interruptions=interruptions,
    )
    return bulletin


def restart_note(bulletin: Bulletin) -> str:
    return BulletinTransition.objects.get(bulletin=bulletin, from_status="parsing", to_status="parsing").note


def test_a_parse_cut_short_soon_after_it_started_is_run_again_without_spending_an_attempt():
    bulletin = cut_short(ran=timedelta(seconds=5))
    bulletin = bulletin_parse(bulletin_id=bulletin.pk, only_if_pending=True)
    assert bulletin.status == Bulletin.Status.PARSED
    assert (bulletin.parse_attempts, bulletin.parse_interruptions) == (1, 1)
    assert "不计入" in restart_note(bulletin)


def test_a_parse_cut_short_after_running_its_time_budget_spends_an_attempt():
    bulletin = cut_short(ran=timedelta(seconds=SOFT_LIMIT + 1))
    bulletin = bulletin_parse(bulletin_id=bulletin.pk, only_if_pending=True)
    assert bulletin.status == Bulletin.Status.PARSED
    assert (bulletin.parse_attempts, bulletin.parse_interruptions) == (2, 0)
    assert "第 2 次尝试" in restart_note(bulletin)


def test_a_document_cut_short_at_its_time_limit_on_every_attempt_ends_failed_with_a_timeout():
    bulletin = cut_short(ran=timedelta(seconds=90), attempts=3, interruptions=2)
    bulletin = bulletin_parse(bulletin_id=bulletin.pk, only_if_pending=True)
    assert (bulletin.status, bulletin.failure_code) == (Bulletin.Status.FAILED, "timeout")
    assert "连续 3 次解析都未能完成" in bulletin.error_message


def test_a_retry_after_a_database_fault_never_spends_an_attempt_however_long_the_parse_ran():
    bulletin = cut_short(ran=timedelta(minutes=10))
    bulletin = bulletin_parse(bulletin_id=bulletin.pk, only_if_pending=True,
                              interrupted_at=timezone.now() - timedelta(seconds=2))
    assert bulletin.status == Bulletin.Status.PARSED
    assert (bulletin.parse_attempts, bulletin.parse_interruptions) == (1, 1)
    assert "数据库连接中断" in restart_note(bulletin)


def test_a_retry_message_delivered_again_after_its_own_parse_ran_its_time_budget_spends_an_attempt():
    # The retry's own parse started after the database fault and was then killed at the time limit:
    # the message comes back with the same flag, which speaks only of the parse before.
    bulletin = cut_short(ran=timedelta(seconds=90))
    bulletin = bulletin_parse(bulletin_id=bulletin.pk, only_if_pending=True,
                              interrupted_at=timezone.now() - timedelta(seconds=95))
    assert (bulletin.parse_attempts, bulletin.parse_interruptions) == (2, 0)
    assert "第 2 次尝试" in restart_note(bulletin)


def test_a_bulletin_interrupted_more_often_than_allowed_ends_failed_as_an_internal_error():
    bulletin = cut_short(ran=timedelta(seconds=5), interruptions=4)
    bulletin = bulletin_parse(bulletin_id=bulletin.pk, only_if_pending=True)
    assert (bulletin.status, bulletin.failure_code) == (Bulletin.Status.FAILED, "internal")
    assert "中断 5 次" in bulletin.error_message
    assert bulletin.parse_interruptions == 5
    assert not bulletin.metrics.exists()


def test_a_new_parse_request_starts_counting_interruptions_again():
    bulletin = cut_short(ran=timedelta(seconds=5), interruptions=5, status=Bulletin.Status.FAILED)
    bulletin = bulletin_parse(bulletin_id=bulletin.pk)
    assert bulletin.status == Bulletin.Status.PARSED
    assert (bulletin.parse_attempts, bulletin.parse_interruptions) == (1, 0)
