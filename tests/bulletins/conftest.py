import base64
import json

import pytest
import redis
from django.conf import settings

from fupin_portal.celery import app


@pytest.fixture
def broker_queue():
    """The bulletin ids waiting in the real broker's default queue, oldest first; empty at the start."""
    if app.conf.task_always_eager:
        pytest.fail("CELERY_BROKER_URL must point at Redis for this test (make test sets it)")
    app.control.purge()
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)

    def queued_ids() -> list[int]:
        messages = [json.loads(raw) for raw in reversed(client.lrange("celery", 0, -1))]
        return [json.loads(base64.b64decode(m["body"]))[0][0] for m in messages]

    yield queued_ids
    app.control.purge()
