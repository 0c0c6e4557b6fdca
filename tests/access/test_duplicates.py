"""A duplicate upload says that the file exists; which bulletin it is only to someone who may see it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from api.services import token_issue
from bulletins.services import bulletin_parse, bulletin_upload_bytes
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

DRAFT = "某县扶贫简报第7期\n\n全县新建扶贫车间12个，带动贫困户320户就业。\n".encode()


def upload_in_admin(client, name: str, data: bytes) -> str:
    files = {"files": [SimpleUploadedFile(name, data)]}
    return client.post(reverse("admin:bulletins_bulletin_upload"), files, follow=True).content.decode()


def upload_through_api(user, name: str, data: bytes):
    key = token_issue(name="上传", user=user, by=StaffUserFactory(username="token-admin"))[1]
    client = APIClient()
    return client.post("/api/v1/uploads/", {"file": SimpleUploadedFile(name, data)}, HTTP_AUTHORIZATION=f"Token {key}")


@pytest.fixture
def someone_elses_draft(other_editor):
    result = bulletin_upload_bytes(name="草稿.txt", data=DRAFT, uploaded_by=other_editor)
    result.bulletin.title = "别人尚未公开的草稿"
    result.bulletin.save()
    return result.bulletin


def test_the_api_answers_409_without_the_id_of_someone_elses_draft(editor, someone_elses_draft):
    response = upload_through_api(editor, "copy.txt", DRAFT)
    assert response.status_code == 409
    assert "id" not in response.json() and "url" not in response.json()


def test_the_api_gives_the_id_and_address_of_the_uploaders_own_bulletin(editor):
    first = upload_through_api(editor, "mine.txt", DRAFT).json()
    again = upload_through_api(editor, "mine-again.txt", DRAFT).json()
    assert (again["id"], again["url"]) == (first["id"], first["url"])


def test_the_admin_says_the_file_exists_without_naming_someone_elses_draft(client, editor, someone_elses_draft):
    client.force_login(editor)
    page = upload_in_admin(client, "copy.txt", DRAFT)
    assert "已由他人上传过" in page
    assert "别人尚未公开的草稿" not in page
    assert reverse("admin:bulletins_bulletin_change", args=[someone_elses_draft.pk]) not in page


@pytest.fixture
def parses_in_process():
    """Parses run at commit, in this process, as in the embedded portal: the same-text warning comes at once."""
    from fupin_portal.celery import app

    eager, app.conf.task_always_eager = app.conf.task_always_eager, True
    yield
    app.conf.task_always_eager = eager


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the upload's parse runs when its transaction really commits
def test_the_admin_names_the_same_text_only_when_the_other_bulletin_is_visible(
    client, editor, someone_elses_draft, parses_in_process
):
    bulletin_parse(bulletin_id=someone_elses_draft.pk)
    client.force_login(editor)
    page = upload_in_admin(client, "same-text.txt", DRAFT + b"\n")
    assert "正文与他人上传的一份简报相同" in page
    assert "别人尚未公开的草稿" not in page


def test_a_reviewer_is_told_which_bulletin_has_the_same_text(client, reviewer, someone_elses_draft):
    from django.contrib.auth.models import Permission

    reviewer.user_permissions.add(Permission.objects.get(codename="add_bulletin"))
    client.force_login(reviewer)
    page = upload_in_admin(client, "copy.txt", DRAFT)
    assert reverse("admin:bulletins_bulletin_change", args=[someone_elses_draft.pk]) in page
