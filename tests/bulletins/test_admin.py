"""The bulletin admin: editors upload one or many files and see each bulletin's status and counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bulletins.models import Bulletin
from tests.factories import BulletinFactory, MetricFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(StaffUserFactory())
    return client


def test_several_files_uploaded_at_once_each_become_a_bulletin(staff_client):
    files = [SimpleUploadedFile(f"b{i}.txt", f"某县扶贫简报第{i}期\n贫困户{i}00户。".encode()) for i in range(3)]
    response = staff_client.post(reverse("admin:bulletins_bulletin_upload"), {"files": files})
    assert response.status_code == 302
    assert Bulletin.objects.count() == 3
    assert set(Bulletin.objects.values_list("original_name", flat=True)) == {"b0.txt", "b1.txt", "b2.txt"}


def test_uploading_a_known_file_again_warns_and_links_to_the_existing_bulletin(staff_client):
    data = "某县扶贫简报第1期\n贫困户100户。".encode()
    url = reverse("admin:bulletins_bulletin_upload")
    staff_client.post(url, {"files": [SimpleUploadedFile("a.txt", data)]})
    response = staff_client.post(url, {"files": [SimpleUploadedFile("again.txt", data)]}, follow=True)
    existing = Bulletin.objects.get()
    assert Bulletin.objects.count() == 1
    assert reverse("admin:bulletins_bulletin_change", args=[existing.pk]) in response.content.decode()


def test_the_upload_page_without_files_shows_the_form_error(staff_client):
    response = staff_client.post(reverse("admin:bulletins_bulletin_upload"), {})
    assert response.status_code == 200
    assert Bulletin.objects.count() == 0


def test_the_list_shows_status_and_metric_counts(staff_client):
    bulletin = BulletinFactory(title="贵州扶贫专报第9期")
    MetricFactory.create_batch(3, bulletin=bulletin)
    failed = BulletinFactory(title="损坏的文件", status=Bulletin.Status.FAILED, error_message="Word 文档已损坏")
    response = staff_client.get(reverse("admin:bulletins_bulletin_changelist"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "贵州扶贫专报第9期" in html and failed.title in html
    assert "解析失败" in html
    assert '<td class="field-metric_count">3</td>' in html


def test_a_failed_bulletin_page_shows_its_error_message(staff_client):
    failed = BulletinFactory(status=Bulletin.Status.FAILED, error_message="Word 文档已损坏，无法读取其中的正文。")
    response = staff_client.get(reverse("admin:bulletins_bulletin_change", args=[failed.pk]))
    assert "Word 文档已损坏，无法读取其中的正文。" in response.content.decode()


def test_anonymous_visitors_cannot_upload(client):
    response = client.post(reverse("admin:bulletins_bulletin_upload"), {})
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_staff_download_the_original_of_a_draft_from_its_page(staff_client):
    bulletin = BulletinFactory(status=Bulletin.Status.PARSED)
    page = staff_client.get(reverse("admin:bulletins_bulletin_change", args=[bulletin.pk])).content.decode()
    link = reverse("bulletin-original", args=[bulletin.pk])
    assert link in page
    assert staff_client.get(link).status_code == 200
