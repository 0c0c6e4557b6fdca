"""An upload while the broker is down is kept, and parsed once the broker is back (the beat sweep)."""

import subprocess
import sys
import time

import pytest

from bulletins.models import Bulletin, BulletinTransition
from tests.delivery.conftest import ROOT, SMALL, process_env, wait_until
from tests.factories import StaffUserFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SWEEP = {"FUPIN_SWEEP_INTERVAL": "1", "FUPIN_REQUEUE_UPLOADED_AFTER": "2"}


def upload_in_the_admin(settings, broker_url: str, path) -> tuple[int, float]:
    user = StaffUserFactory()
    done = subprocess.run(
        [sys.executable, "-m", "tests.delivery.admin_upload", user.username, str(path)],
        cwd=ROOT, env=process_env(settings, broker_url, ALLOWED_HOSTS="testserver"),
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    status, seconds = done.stdout.split()[-2:]
    return int(status), float(seconds)


def test_an_upload_while_redis_is_down_is_parsed_after_redis_comes_back(
    settings, tmp_path, private_redis, start_worker, start_beat
):
    worker = start_worker(private_redis.url, **SWEEP)
    beat = start_beat(private_redis.url, **SWEEP)
    private_redis.stop()
    document = tmp_path / "sichuan.txt"
    document.write_bytes(SMALL)

    status, seconds = upload_in_the_admin(settings, private_redis.url, document)

    assert status == 302
    bulletin = Bulletin.objects.get()
    assert bulletin.status == Bulletin.Status.UPLOADED
    assert bulletin.original.read() == SMALL
    print(f"upload with the broker down answered in {seconds:.2f} s")

    private_redis.start()
    back = time.monotonic()
    wait_until(lambda: Bulletin.objects.get().status == Bulletin.Status.PARSED, seconds=120,
               watching=[worker, beat], what="the sweep to queue the upload and a worker to parse it")
    print(f"parsed {time.monotonic() - back:.1f} s after Redis came back")
    steps = list(BulletinTransition.objects.filter(bulletin=bulletin).order_by("at", "id")
                 .values_list("from_status", "to_status"))
    assert steps == [("uploaded", "parsing"), ("parsing", "parsed")]
