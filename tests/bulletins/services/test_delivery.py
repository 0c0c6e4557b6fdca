"""Delivery: the sweep queues parses that were lost, and a parse runs once however often it is delivered."""

from datetime import timedelta

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

from bulletins.models import Bulletin, BulletinTransition
from bulletins.services import (
    PARSE_LOCK_NAMESPACE,
    bulletin_parse,
    bulletin_upload_bytes,
    bulletins_requeue_stalled,
)
from bulletins.tasks import parse_bulletin

pytestmark = pytest.mark.django_db

DATA = "某县扶贫简报第1期\n\n全县减少贫困人口1.2万人，实施产业项目35个。\n".encode()
MINUTE = timedelta(minutes=1)


def bulletin_in(status: str, *, idle_for: timedelta, name: str = "a.txt") -> Bulletin:
    bulletin = bulletin_upload_bytes(name=name, data=DATA + name.encode()).bulletin
    Bulletin.objects.filter(pk=bulletin.pk).update(status=status, updated_at=timezone.now() - idle_for)
    return bulletin


def test_a_bulletin_left_uploaded_past_the_threshold_is_queued_again(broker_queue):
    lost = bulletin_in(Bulletin.Status.UPLOADED, idle_for=10 * MINUTE)
    assert bulletins_requeue_stalled(uploaded_for=5 * MINUTE, parsing_for=5 * MINUTE) == [lost.pk]
    assert broker_queue() == [lost.pk]


def test_a_bulletin_left_parsing_past_the_threshold_is_queued_again(broker_queue):
    cut_short = bulletin_in(Bulletin.Status.PARSING, idle_for=10 * MINUTE)
    assert bulletins_requeue_stalled(uploaded_for=5 * MINUTE, parsing_for=5 * MINUTE) == [cut_short.pk]
    assert broker_queue() == [cut_short.pk]


def test_recent_and_finished_bulletins_are_not_queued_again(broker_queue):
    bulletin_in(Bulletin.Status.UPLOADED, idle_for=MINUTE, name="fresh-upload.txt")
    bulletin_in(Bulletin.Status.PARSING, idle_for=MINUTE, name="parsing-now.txt")
    for status in (Bulletin.Status.PARSED, Bulletin.Status.FAILED, Bulletin.Status.PUBLISHED):
        bulletin_in(status, idle_for=60 * MINUTE, name=f"{status}.txt")
    assert bulletins_requeue_stalled(uploaded_for=5 * MINUTE, parsing_for=5 * MINUTE) == []
    assert broker_queue() == []


def test_a_second_sweep_does_not_queue_the_same_bulletin_again_before_the_threshold(broker_queue):
    lost = bulletin_in(Bulletin.Status.UPLOADED, idle_for=10 * MINUTE)
    bulletins_requeue_stalled(uploaded_for=5 * MINUTE, parsing_for=5 * MINUTE)
    bulletins_requeue_stalled(uploaded_for=5 * MINUTE, parsing_for=5 * MINUTE)
    assert broker_queue() == [lost.pk]


def test_a_second_delivery_of_a_finished_parse_does_nothing():
    bulletin = bulletin_upload_bytes(name="a.txt", data=DATA).bulletin
    assert parse_bulletin.run(bulletin.pk) == Bulletin.Status.PARSED
    steps = BulletinTransition.objects.filter(bulletin=bulletin).count()
    assert parse_bulletin.run(bulletin.pk) == Bulletin.Status.PARSED
    assert BulletinTransition.objects.filter(bulletin=bulletin).count() == steps


def test_a_parse_that_was_cut_short_is_run_again_and_the_history_says_so():
    bulletin = bulletin_in(Bulletin.Status.PARSING, idle_for=MINUTE)
    Bulletin.objects.filter(pk=bulletin.pk).update(parse_attempts=1)
    bulletin = bulletin_parse(bulletin_id=bulletin.pk, only_if_pending=True)
    assert bulletin.status == Bulletin.Status.PARSED
    assert bulletin.parse_attempts == 2
    retry = BulletinTransition.objects.get(bulletin=bulletin, from_status="parsing", to_status="parsing")
    assert "第 2 次尝试" in retry.note


def test_a_parse_cut_short_as_often_as_allowed_ends_failed_with_a_timeout(settings):
    settings.FUPIN_MAX_PARSE_ATTEMPTS = 3
    bulletin = bulletin_in(Bulletin.Status.PARSING, idle_for=MINUTE)
    Bulletin.objects.filter(pk=bulletin.pk).update(parse_attempts=3)
    bulletin = bulletin_parse(bulletin_id=bulletin.pk, only_if_pending=True)
    assert bulletin.status == Bulletin.Status.FAILED
    assert bulletin.failure_code == "timeout"
    assert "连续 3 次解析都未能完成" in bulletin.error_message
    assert not bulletin.metrics.exists()


def test_a_new_parse_request_starts_counting_attempts_again():
    bulletin = bulletin_in(Bulletin.Status.FAILED, idle_for=MINUTE)
    Bulletin.objects.filter(pk=bulletin.pk).update(parse_attempts=3)
    bulletin = bulletin_parse(bulletin_id=bulletin.pk)
    assert bulletin.status == Bulletin.Status.PARSED
    assert bulletin.parse_attempts == 1


def test_a_bulletin_another_worker_is_parsing_is_left_to_it():
    bulletin = bulletin_in(Bulletin.Status.PARSING, idle_for=MINUTE)
    db = connection.settings_dict
    with psycopg.connect(host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"]) as other_worker:
        other_worker.execute("SELECT pg_advisory_lock(%s, %s)", (PARSE_LOCK_NAMESPACE, bulletin.pk))
        untouched = bulletin_parse(bulletin_id=bulletin.pk, only_if_pending=True)
    assert untouched.status == Bulletin.Status.PARSING
    assert untouched.parse_attempts == 0
    assert not untouched.metrics.exists()
