"""Uploads survive any one service being down: the cache's Redis, the broker's Redis, both, or the database.

Real parts only: the portal runs in gunicorn and is reached over HTTP (partner API, admin upload form),
`manage.py ingest` runs as a command, Redis servers of our own are stopped and started again, and the
database outage is a portal whose DATABASE_URL points at a port nobody listens on.
"""

from __future__ import annotations

import hashlib
import http.client
import logging
import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from rest_framework.test import APIClient

from api.services import token_issue
from bulletins.models import Bulletin
from tests.delivery.conftest import ROOT, Process, RedisServer, free_port, process_env, wait_until
from tests.factories import StaffUserFactory, UserFactory

SWEEP = {"FUPIN_SWEEP_INTERVAL": "1", "FUPIN_REQUEUE_UPLOADED_AFTER": "2"}
CSRF = "a" * 32  # a browser's CSRF cookie; the form sends the same secret back
REDIS_CACHE = "django.core.cache.backends.redis.RedisCache"


def bulletin_text(n: int) -> bytes:
    return f"某县扶贫简报第{n}期\n\n全县减少贫困人口{n}.2万人，实施产业项目{n}5个。\n".encode()


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


class Portal:
    """The portal in gunicorn (production settings, plain HTTP), its log in a file for the failure report."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.port = free_port()
        env = {**env, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1", "SECURE_SSL_REDIRECT": "0", "LOG_LEVEL": "INFO"}
        self.process = Process(
            [sys.executable, "-m", "gunicorn", "fupin_portal.wsgi", "--bind", f"127.0.0.1:{self.port}",
             "--workers", "1", "--timeout", "60"],
            env, log,
        )
        wait_until(self._answers, seconds=60, watching=[self.process], what="gunicorn to answer /healthz")

    def _answers(self) -> bool:
        try:
            return self.send("GET", "/healthz").status == 200
        except OSError:
            return False

    def send(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None) -> Answer:
        # http.client, not urllib: a redirect must be seen as such, not followed.
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body or None, headers=headers or {})
            response = connection.getresponse()
            return Answer(response.status, response.headers, response.read())
        finally:
            connection.close()

    def api_upload(self, key: str, name: str, data: bytes) -> Answer:
        body, content_type = multipart("file", name, data)
        return self.send("POST", "/api/v1/uploads/", body,
                         {"Content-Type": content_type, "Authorization": f"Token {key}"})

    def admin_upload(self, session: str, name: str, data: bytes) -> Answer:
        body, content_type = multipart("files", name, data, csrfmiddlewaretoken=CSRF)
        return self.send("POST", "/admin/bulletins/bulletin/upload/", body,
                         {"Content-Type": content_type, "Cookie": f"sessionid={session}; csrftoken={CSRF}"})

    def log(self) -> str:
        return self.process.output()

    def stop(self) -> None:
        self.process.stop()


def multipart(field: str, name: str, data: bytes, **fields: str) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
             for key, value in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
                 "Content-Type: application/octet-stream\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def editor_with_token_and_session() -> tuple[str, str]:
    """An Editor's partner-API key and admin session cookie, as the uploads of a working day carry them."""
    editor = UserFactory(username="outage-editor", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    key = token_issue(name="上传", user=editor, by=StaffUserFactory())[1]
    browser = Client()
    browser.force_login(editor)
    return key, browser.cookies["sessionid"].value


def ingest(env: dict[str, str], path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", "ingest", str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def redis_servers(tmp_path):
    started: list[RedisServer] = []

    def start() -> RedisServer:
        server = RedisServer(tmp_path)
        server.start()  # before the next one picks its port, so the two never share one
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def portals():
    started: list[Portal] = []

    def start(env: dict[str, str], log: Path) -> Portal:
        started.append(Portal(env, log))
        return started[-1]

    yield start
    for portal in started:
        portal.stop()


# Which Redis goes down: the cache's, the broker's, or the one Redis a small deployment uses for both.
OUTAGES = ["cache", "broker", "one Redis for cache and broker"]


@pytest.mark.worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("outage", OUTAGES)
def test_every_upload_path_keeps_its_file_while_redis_is_down_and_the_file_is_parsed_once_redis_is_back(
    outage, settings, tmp_path, redis_servers, portals, start_worker, start_beat
):
    cache_redis = redis_servers()
    broker_redis = cache_redis if outage.startswith("one") else redis_servers()
    down = {"cache": [cache_redis], "broker": [broker_redis]}.get(outage, [cache_redis])
    broker_url = broker_redis.url
    cache_url = cache_redis.url.replace("/0", "/1")
    env = process_env(settings, broker_url, CACHE_URL=cache_url, **SWEEP)
    worker = start_worker(broker_url, CACHE_URL=cache_url, **SWEEP)
    beat = start_beat(broker_url, CACHE_URL=cache_url, **SWEEP)
    portal = portals(env, tmp_path / "portal.log")
    key, session = editor_with_token_and_session()
    files = {"api": bulletin_text(1), "admin": bulletin_text(2), "ingest": bulletin_text(3)}
    (tmp_path / "ingest.txt").write_bytes(files["ingest"])
    for server in down:
        server.stop()

    started = time.monotonic()
    api = portal.api_upload(key, "api.txt", files["api"])
    admin = portal.admin_upload(session, "admin.txt", files["admin"])
    command = ingest(env, tmp_path / "ingest.txt")
    print(f"three uploads with the {outage} down answered in {time.monotonic() - started:.1f} s")

    answers = {"api": api.status, "admin": admin.status, "ingest": command.returncode}
    assert answers == {"api": 202, "admin": 302, "ingest": 0}, (api.body[:500], command.stderr[-2000:], portal.log())
    kept = {path: Bulletin.objects.filter(sha256=hashlib.sha256(data).hexdigest()).first()
            for path, data in files.items()}
    assert all(kept.values()), kept
    assert {path: Path(bulletin.original.path).read_bytes() for path, bulletin in kept.items()} == files

    for server in down:
        server.start()
    back = time.monotonic()
    wait_until(lambda: set(Bulletin.objects.values_list("status", flat=True)) == {Bulletin.Status.PARSED},
               seconds=120, watching=[worker, beat, portal.process],
               what="the three uploads to be parsed after Redis came back")
    print(f"all parsed {time.monotonic() - back:.1f} s after Redis came back")


@pytest.fixture
def cache_on_private_redis(settings, private_redis) -> RedisServer:
    """The Django cache (the throttles' counters) on a Redis of our own, as CACHE_URL sets it in production."""
    settings.CACHES = {"default": {"BACKEND": REDIS_CACHE, "LOCATION": private_redis.url}}
    settings.FUPIN_API_ANON_RATE = "1000/min"
    settings.FUPIN_API_PARTNER_RATE = "1000/min"
    return private_redis


@pytest.mark.django_db
def test_api_reads_answer_200_anonymous_and_with_a_token_while_the_cache_is_down(cache_on_private_redis):
    key = token_issue(name="省统计局", user=UserFactory(), by=StaffUserFactory())[1]
    api = APIClient(raise_request_exception=False)
    cache_on_private_redis.stop()

    anonymous = api.get("/api/v1/regions/", {"level": "province"})
    partner = api.get("/api/v1/regions/", {"level": "province"}, HTTP_AUTHORIZATION=f"Token {key}")

    assert (anonymous.status_code, partner.status_code) == (200, 200)


@pytest.mark.django_db
def test_a_cache_outage_is_logged_as_one_warning_naming_the_error_not_one_per_request(
    cache_on_private_redis, caplog
):
    api = APIClient(raise_request_exception=False)
    assert api.get("/api/v1/regions/").status_code == 200  # counted in the cache while it is up
    cache_on_private_redis.stop()

    with caplog.at_level(logging.INFO):
        codes = [api.get("/api/v1/regions/").status_code for _ in range(5)]

    assert codes == [200] * 5
    warnings = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(warnings) == 1, [record.getMessage() for record in warnings]
    assert "ConnectionError" in warnings[0].getMessage() and warnings[0].exc_info is None


@pytest.fixture(scope="module")
def portal_without_database(tmp_path_factory) -> Portal:
    """The portal with its database unreachable: DATABASE_URL names a port nobody listens on."""
    folder = tmp_path_factory.mktemp("no-database")
    env = {**os.environ, "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/fupin",
           "MEDIA_ROOT": str(folder / "media"), "SECRET_KEY": os.environ.get("SECRET_KEY", "outage-test")}
    portal = Portal(env, folder / "portal.log")
    yield portal
    portal.stop()


# An upload by each path, a partner's read and a public page; each needs the database to answer.
REQUESTS = {
    "api upload": lambda portal: portal.api_upload("fp_" + "k" * 43, "api.txt", bulletin_text(4)),
    "admin upload": lambda portal: portal.admin_upload("s" * 32, "admin.txt", bulletin_text(5)),
    "api read": lambda portal: portal.send("GET", "/api/v1/bulletins/"),
    "public page": lambda portal: portal.send("GET", "/bulletins/"),
}


@pytest.mark.parametrize("request_", REQUESTS)
def test_while_the_database_is_down_a_request_answers_503_with_retry_after(portal_without_database, request_):
    answer = REQUESTS[request_](portal_without_database)

    assert answer.status == 503, (answer.body[:500], portal_without_database.log())
    assert int(answer.headers["Retry-After"]) > 0


def test_a_database_outage_is_logged_as_a_warning_naming_the_error(portal_without_database):
    portal_without_database.send("GET", "/api/v1/bulletins/")

    lines = [line for line in portal_without_database.log().splitlines() if "fupin_portal.middleware" in line]
    assert lines and "WARNING" in lines[0] and "OperationalError" in lines[0], portal_without_database.log()
