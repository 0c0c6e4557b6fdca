"""bulletin_upload: every upload is kept as uploaded, once."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bulletins.models import Bulletin
from bulletins.services import bulletin_upload, safe_upload_name

pytestmark = pytest.mark.django_db

DATA = "某县扶贫简报第1期\n全县减少贫困人口1.2万人。".encode()


def test_the_original_file_is_kept_byte_for_byte_with_its_sha256():
    result = bulletin_upload(file=SimpleUploadedFile("简报.txt", DATA))
    bulletin = Bulletin.objects.get(pk=result.bulletin.pk)
    assert result.created
    assert bulletin.original.read() == DATA
    assert bulletin.sha256 == hashlib.sha256(DATA).hexdigest()
    assert bulletin.size == len(DATA)
    assert bulletin.original_name == "简报.txt"
    assert bulletin.status == Bulletin.Status.UPLOADED


def test_the_same_file_uploaded_again_returns_the_existing_bulletin():
    first = bulletin_upload(file=SimpleUploadedFile("a.txt", DATA))
    second = bulletin_upload(file=SimpleUploadedFile("b.txt", DATA))
    assert not second.created
    assert second.bulletin.pk == first.bulletin.pk
    assert Bulletin.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\editor\\简报.DOCX", "简报.docx"),
        ("..hidden.txt", "hidden.txt"),
        ("a<b>:c?.txt", "a_b__c_.txt"),
        ("", "upload"),
    ],
)
def test_client_file_names_lose_their_path_parts(name, safe):
    assert safe_upload_name(name) == safe


def test_a_file_name_with_path_separators_is_stored_under_its_basename_only(settings):
    result = bulletin_upload(file=SimpleUploadedFile("../../evil.txt", DATA))
    stored = result.bulletin.original.path
    assert stored.startswith(str(settings.MEDIA_ROOT))
    assert stored.endswith("/evil.txt")
