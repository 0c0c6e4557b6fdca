"""parse_bulletin task: thin, by id, safe to run twice."""

import json

import pytest
import redis
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from bulletins.models import Bulletin
from bulletins.services import bulletin_upload, queue_parse
from bulletins.tasks import parse_bulletin

pytestmark = pytest.mark.django_db

DATA = "某县扶贫简报第1期\n\n全县减少贫困人口1.2万人，实施产业项目35个。\n".encode()


def test_the_task_parses_the_bulletin_it_is_given_and_returns_its_status():
    bulletin = bulletin_upload(file=SimpleUploadedFile("a.txt", DATA)).bulletin
    assert parse_bulletin.run(bulletin.pk) == Bulletin.Status.PARSED
    bulletin.refresh_from_db()
    assert bulletin.metrics.count() == 2


def test_running_the_task_twice_leaves_one_set_of_records():
    bulletin = bulletin_upload(file=SimpleUploadedFile("a.txt", DATA)).bulletin
    parse_bulletin.run(bulletin.pk)
    parse_bulletin.run(bulletin.pk)
    assert bulletin.metrics.count() == 2


def test_uploading_queues_one_parse_after_the_transaction_commits(django_capture_on_commit_callbacks, broker_queue):
    with django_capture_on_commit_callbacks(execute=True):
        bulletin = bulletin_upload(file=SimpleUploadedFile("a.txt", DATA)).bulletin
        assert broker_queue() == []
    assert broker_queue() == [bulletin.pk]


def test_a_queued_parse_carries_no_time_limits_so_the_workers_own_apply(broker_queue):
    queue_parse(1)
    message = json.loads(redis.Redis.from_url(settings.CELERY_BROKER_URL).lindex("celery", 0))
    assert message["headers"]["timelimit"] == [None, None]
