"""Security settings: the deploy check, CSRF on admin forms, cookie flags, the CSP header, login throttling."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from bulletins.models import Bulletin
from tests.factories import BulletinFactory, StaffUserFactory

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery staple"


def production_env(tmp_path: Path) -> dict[str, str]:
    """What a deployment sets (README, "Running on PostgreSQL"), and nothing a test run adds."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "FUPIN_VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": "postgres://fupin:secret@db.internal:5432/fupin",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "fupin.example.org",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }


def manage(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=production_env(tmp_path),
                          capture_output=True, text=True, timeout=120)


def test_production_settings_pass_the_deploy_check_without_warnings(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_are_secure_and_out_of_reach_of_scripts(tmp_path):
    # A real request in production settings: the admin login page sets the CSRF cookie. Static file
    # names come unhashed, as no collectstatic ran for this throwaway environment.
    script = (
        "import json; from django.test import Client; from django.conf import settings as s;"
        "from django.test.utils import override_settings;"
        "plain = {**s.STORAGES, 'staticfiles': {'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}};"
        "override_settings(STORAGES=plain).enable();"
        "r = Client(HTTP_HOST='fupin.example.org').get('/admin/login/', secure=True);"
        "c = r.cookies['csrftoken'];"
        "print(json.dumps({'csrf_secure': bool(c['secure']), 'csrf_httponly': bool(c['httponly']),"
        "'session_secure': s.SESSION_COOKIE_SECURE, 'session_httponly': s.SESSION_COOKIE_HTTPONLY,"
        "'hsts': r.get('Strict-Transport-Security', ''), 'csp': r.get('Content-Security-Policy', '')}))"
    )
    result = manage(tmp_path, "shell", "-c", script)
    assert result.returncode == 0, result.stderr
    flags = json.loads(result.stdout.strip().splitlines()[-1])
    assert flags["csrf_secure"] and flags["csrf_httponly"]
    assert flags["session_secure"] and flags["session_httponly"]
    assert "max-age=31536000" in flags["hsts"]
    assert "script-src 'self'" in flags["csp"]


def test_plain_http_in_production_is_redirected_to_https(tmp_path):
    script = "from django.test import Client; print(Client(HTTP_HOST='fupin.example.org').get('/')['Location'])"
    result = manage(tmp_path, "shell", "-c", script)
    assert result.stdout.strip().endswith("https://fupin.example.org/")


# ---- the Content-Security-Policy -------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/bulletins/", "/metrics/", "/admin/login/"])
def test_every_page_forbids_inline_and_foreign_scripts(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in policy.split("; ")}
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'none'"]


# ---- CSRF on every admin form ------------------------------------------------------------------


@pytest.fixture
def csrf_client():
    client = Client(enforce_csrf_checks=True)
    client.force_login(StaffUserFactory(username="csrf-staff"))
    return client


def _token(client: Client, url: str) -> str:
    client.get(url)
    return client.cookies["csrftoken"].value


@pytest.mark.django_db
def test_an_admin_upload_without_the_csrf_token_is_refused(csrf_client):
    url = reverse("admin:bulletins_bulletin_upload")
    response = csrf_client.post(url, {"files": [_upload()]})
    assert response.status_code == 403
    assert Bulletin.objects.count() == 0


@pytest.mark.django_db
def test_an_admin_upload_with_the_csrf_token_is_accepted(csrf_client):
    url = reverse("admin:bulletins_bulletin_upload")
    response = csrf_client.post(url, {"files": [_upload()], "csrfmiddlewaretoken": _token(csrf_client, url)})
    assert response.status_code == 302
    assert Bulletin.objects.count() == 1


@pytest.mark.django_db
def test_publishing_from_the_review_desk_without_the_csrf_token_is_refused(csrf_client):
    bulletin = BulletinFactory(status=Bulletin.Status.PARSED)
    response = csrf_client.post(reverse("admin:bulletins_bulletin_review", args=[bulletin.pk]), {"publish": "1"})
    assert response.status_code == 403
    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.PARSED


@pytest.mark.django_db
def test_a_bulk_action_without_the_csrf_token_is_refused(csrf_client):
    bulletin = BulletinFactory(status=Bulletin.Status.PARSED)
    response = csrf_client.post(reverse("admin:bulletins_bulletin_changelist"),
                                {"action": "publish_selected", "_selected_action": [bulletin.pk]})
    assert response.status_code == 403
    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.PARSED


@pytest.mark.django_db
def test_the_admin_login_form_needs_the_csrf_token():
    StaffUserFactory(username="csrf-login", password=PASSWORD)
    response = Client(enforce_csrf_checks=True).post(reverse("admin:login"),
                                                     {"username": "csrf-login", "password": PASSWORD})
    assert response.status_code == 403


def _upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("csrf.txt", "某县扶贫简报第1期\n贫困户100户。".encode())


# ---- login throttling ---------------------------------------------------------------------------


def log_in(client: Client, password: str):
    return client.post(reverse("admin:login"), {"username": "throttled", "password": password,
                                                "next": "/admin/"})


@pytest.mark.django_db
def test_after_too_many_wrong_passwords_even_the_right_one_is_refused(client):
    StaffUserFactory(username="throttled", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_few_wrong_passwords_do_not_lock_a_person_out(client):
    StaffUserFactory(username="throttled", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "wrong")
    response = log_in(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


@pytest.mark.django_db
def test_the_lockout_is_per_user_name_so_other_staff_can_still_log_in(client):
    StaffUserFactory(username="throttled", password=PASSWORD)
    StaffUserFactory(username="colleague", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong")
    response = client.post(reverse("admin:login"), {"username": "colleague", "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_code_that_logs_in_without_a_request_still_can(client):
    # The test client's login() calls authenticate() with no request; axes cannot place it and lets it through.
    StaffUserFactory(username="throttled", password=PASSWORD)
    assert client.login(username="throttled", password=PASSWORD)
