"""The whole path on the real parts: admin upload → Redis → a celery worker process → PostgreSQL."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from bulletins.models import Bulletin
from fupin_portal.celery import app
from measures.models import Metric
from tests.factories import StaffUserFactory

ROOT = Path(__file__).resolve().parent.parent
BULLETIN = """四川扶贫专报第5期

2019年3月5日

平武县东西部扶贫协作取得实效
一是引进企业9家，协议总投资近60亿元。二是组织劳务招聘会5场，提供岗位1400余个，转移就业贫困群众79名。
""".encode()


def _worker_env(settings) -> dict[str, str]:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SECRET_KEY": os.environ.get("SECRET_KEY", "worker-test"),
    }


@pytest.fixture
def worker(settings):
    if app.conf.task_always_eager:
        pytest.fail("CELERY_BROKER_URL must point at Redis for this test (make test sets it)")
    app.control.purge()
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "fupin_portal", "worker", "--pool=solo", "--loglevel=INFO",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=_worker_env(settings), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.mark.worker
# serialized_rollback: the divisions and roles that migrations load survive this test
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_bulletin_uploaded_in_the_admin_is_parsed_by_a_real_worker(client, worker):
    client.force_login(StaffUserFactory())
    response = client.post(
        reverse("admin:bulletins_bulletin_upload"),
        {"files": [SimpleUploadedFile("sichuan.txt", BULLETIN)]},
    )
    assert response.status_code == 302
    bulletin = Bulletin.objects.get()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not Metric.objects.filter(bulletin=bulletin).exists():
        assert worker.poll() is None, worker.stdout.read()
        time.sleep(0.2)
    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.PARSED, bulletin.error_message
    texts = set(Metric.objects.filter(bulletin=bulletin).values_list("source_text", flat=True))
    assert {"9家", "近60亿元", "5场", "1400余个", "79名"} <= texts
