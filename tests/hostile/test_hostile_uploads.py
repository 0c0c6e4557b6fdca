"""Hostile uploads (tests/hostile/files) go through the whole portal: nothing runs, nothing 500s, files are kept.

Each file is uploaded through the admin under a hostile name, parsed by the real task, opened on the
review desk, published through the service and read on every public page. A page added later (the
partner API) is one more entry in PUBLIC_PAGES or STAFF_PAGES.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.urls import Resolver404, resolve, reverse

from bulletins.models import Bulletin
from bulletins.services import bulletin_parse, bulletin_upload_bytes
from tests.factories import StaffUserFactory, published
from tests.hostile.markup import live_markup

pytestmark = pytest.mark.django_db
FILES = Path(__file__).resolve().parent / "files"
PARSED, FAILED = Bulletin.Status.PARSED, Bulletin.Status.FAILED


@dataclass(frozen=True)
class Case:
    file: str
    upload_name: str  # as an attacker sends it in the multipart header
    status: str
    failure_code: str = ""
    figure: str = ""  # a figure the parse must find despite the hostile text around it

    def __str__(self) -> str:
        return self.file


CASES = [
    Case("script_everywhere.html", "<img src=x onerror=alert('name')>\"'.html", PARSED, figure="1200万元"),
    Case("tag_soup.html", "..\\..\\x.html", PARSED, figure="2500万元"),
    Case("prose_with_tags.txt", "../../etc/passwd.txt", PARSED, figure="500万元"),
    Case("control_characters.txt", "a/b/c.txt", PARSED, figure="1200万元"),
    Case("invalid_utf8.txt", "evil\x00name.txt", PARSED, figure="1200万元"),
    Case("docx_with_markup.docx", "扶贫" * 150 + ".docx", PARSED, figure="1200万元"),
    Case("mixed_encodings.txt", "new\nline.txt", FAILED, "bad_encoding"),
    Case("random_bytes.pdf", "C:\\Windows\\system32\\report.pdf", FAILED, "corrupt_pdf"),
    Case("html_named.pdf", "%2e%2e%2f%2e%2e%2fhtml.pdf", FAILED, "corrupt_pdf"),
    Case("fake_pdf_header.pdf", "....//....//fake.pdf", FAILED, "corrupt_pdf"),
    Case("not_a_zip.docx", "  .htaccess.docx ", FAILED, "corrupt_docx"),
    Case("zip_without_document.docx", "&#46;&#46;/&#46;&#46;/zip.docx", FAILED, "corrupt_docx"),
    Case("whitespace_only.txt", "&lt;b&gt;blank.txt", FAILED, "no_text"),
    Case("empty.txt", "\u202eempty.txt", FAILED, "empty"),
    # Bombs (tests/hostile/test_bounded_work.py checks each is refused by its own limit, cheaply).
    Case("empty_paragraphs.docx", "report.docx", FAILED, "too_large"),
    Case("many_empty_paragraphs.docx", "../many.docx", FAILED, "too_large"),
    Case("many_tiny_runs.docx", "runs<svg onload=alert(1)>.docx", FAILED, "too_large"),
    Case("empty_runs.docx", "empty runs.docx", FAILED, "too_large"),
    Case("lying_sizes.docx", "lying.DOCX", FAILED, "corrupt_docx"),
    Case("bzip2_bomb.docx", "bzip2.docx", FAILED, "corrupt_docx"),
    Case("pdf_deflate_bomb.pdf", "bomb.pdf", FAILED, "too_large"),
]
# Names no browser sends but a script can: through the service they must land in MEDIA_ROOT all the same.
RAW_NAMES = ["../../etc/passwd.txt", "..\\..\\x.html", "a/b/c.txt", "/abs/path.txt", "evil\x00name.txt",
             "new\nline.txt", "carriage\rreturn.txt", "invoice\u202etxt.html", "扶" * 300 + ".txt", "x" * 1000,
             "'\"<>.txt", "'", "..", ".", "", "....", "CON", "a:b:c.txt", "%00.txt", "\u3000.txt"]


@dataclass(frozen=True)
class Page:
    name: str
    kind: str  # html | json | csv | download
    url: Callable[[Bulletin], str | None]
    parsed_only: bool = False  # pages of published records: only a bulletin that parsed gets there


def _first_region(bulletin: Bulletin) -> str | None:
    mention = bulletin.region_mentions.select_related("region").first()
    return reverse("region-detail", args=[mention.region.code]) if mention else None


def _title_words(bulletin: Bulletin) -> str:
    return "?q=" + "".join(ch for ch in bulletin.title if "\u4e00" <= ch <= "\u9fff")[:4]


PUBLIC_PAGES = [
    Page("home", "html", lambda b: reverse("home")),
    Page("listing", "html", lambda b: reverse("bulletin-list")),
    Page("search", "html", lambda b: reverse("bulletin-list") + _title_words(b), parsed_only=True),
    Page("search for markup", "html", lambda b: reverse("bulletin-list") + "?q=%3Cscript%3Ealert"),
    Page("bulletin", "html", lambda b: reverse("bulletin-detail", args=[b.pk]), parsed_only=True),
    Page("explorer", "html", lambda b: reverse("metric-explorer") + f"?bulletin={b.pk}"),
    Page("explorer by indicator", "html", lambda b: reverse("metric-explorer") + "?indicator=script"),
    Page("csv", "csv", lambda b: reverse("metric-csv") + f"?bulletin={b.pk}"),
    Page("region", "html", _first_region, parsed_only=True),
    Page("original", "download", lambda b: reverse("bulletin-original", args=[b.pk]), parsed_only=True),
    Page("partner API bulletin", "json", lambda b: _existing(f"/api/v1/bulletins/{b.pk}/"), parsed_only=True),
]
STAFF_PAGES = [
    Page("admin list", "html", lambda b: reverse("admin:bulletins_bulletin_changelist")),
    Page("admin search", "html", lambda b: reverse("admin:bulletins_bulletin_changelist") + "?q=%3Cscript%3E"),
    Page("admin bulletin", "html", lambda b: reverse("admin:bulletins_bulletin_change", args=[b.pk])),
    Page("admin history", "html", lambda b: reverse("admin:bulletins_bulletin_history", args=[b.pk])),
    Page("review desk", "html", lambda b: reverse("admin:bulletins_bulletin_review", args=[b.pk]), parsed_only=True),
    Page("status poll", "json", lambda b: reverse("admin:bulletins_bulletin_status") + f"?ids={b.pk}"),
    Page("original", "download", lambda b: reverse("bulletin-original", args=[b.pk])),
]


def _existing(path: str) -> str | None:
    """The path if the portal serves it; None skips a page that is not there yet."""
    try:
        resolve(path)
    except Resolver404:
        return None
    return path


def multipart(field: str, filename: str, data: bytes) -> tuple[bytes, str]:
    """A form upload exactly as a client sends it: the file name unaltered but for what HTML forms escape."""
    boundary = "hostileboundary7MA4YWxk"
    quoted = filename.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{quoted}"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n"
    ).encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@dataclass(frozen=True)
class Uploaded:
    bulletin: Bulletin
    response: HttpResponse  # the admin's answer to the upload, after its redirect
    case: Case


@pytest.fixture(autouse=True)
def _fresh_throttles():
    # The partner API counts anonymous requests in the cache; each test starts with none spent.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def eager_tasks():
    # The task runs in this process, as in the embedded portal, even when the suite has a broker.
    from fupin_portal.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


@pytest.fixture
def staff(client):
    client.force_login(StaffUserFactory(username="hostile-staff"))
    return client


@pytest.fixture
def uploaded(request, staff, eager_tasks, django_capture_on_commit_callbacks):
    """The case's file uploaded through the admin and parsed by the task; returns (bulletin, upload response)."""
    case: Case = request.param
    body, content_type = multipart("files", case.upload_name, (FILES / case.file).read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(reverse("admin:bulletins_bulletin_upload"), body, content_type=content_type,
                              follow=True)
    assert response.status_code == 200, response.content[:500]
    return Uploaded(Bulletin.objects.get(), response, case)


def each_case(test):
    return pytest.mark.parametrize("uploaded", CASES, indirect=True, ids=str)(test)


def assert_safe(response, page: Page) -> None:
    """Served without error, and nothing in it could run: escaped HTML, inert JSON and CSV, an attachment."""
    assert response.status_code < 500, f"{page.name}: {response.status_code}"
    assert response.status_code in (200, 302, 404), f"{page.name}: {response.status_code}"
    if response.status_code != 200:
        return
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response["X-Content-Type-Options"] == "nosniff", page.name
    if page.kind == "download":
        assert response["Content-Disposition"].startswith("attachment;"), page.name
        return
    text = body.decode()
    if page.kind == "html":
        assert response["Content-Type"].startswith("text/html")
        assert live_markup(text) == [], page.name
        assert "<script>alert" not in text and "onerror=alert(1)>" not in text.replace("&gt;", ""), page.name
    elif page.kind == "json":
        assert response["Content-Type"].startswith("application/json"), page.name
        json.loads(text)
    elif page.kind == "csv":
        assert response["Content-Type"].startswith("text/csv"), page.name
        assert response["Content-Disposition"].startswith("attachment;"), page.name


# ---- the upload keeps the file, safely ---------------------------------------------------------


@each_case
def test_the_original_is_kept_byte_for_byte(uploaded):
    with uploaded.bulletin.original.open("rb") as handle:
        assert handle.read() == (FILES / uploaded.case.file).read_bytes()


@each_case
def test_the_stored_file_stays_inside_media_root_under_a_plain_name(uploaded):
    bulletin = uploaded.bulletin
    stored = Path(bulletin.original.path).resolve()
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert stored.parent.name == bulletin.sha256
    for name in (stored.name, bulletin.original_name):
        assert not any(bad in name for bad in ("/", "\\", "\x00", "\n", "<", ">", '"')), name
        assert not name.startswith(".")


@pytest.mark.parametrize("name", RAW_NAMES, ids=repr)
def test_any_name_given_to_the_service_is_stored_inside_media_root(name):
    data = f"某县扶贫简报\n贫困户{len(name)}户。{name!r}".encode()
    bulletin = bulletin_upload_bytes(name=name, data=data).bulletin
    stored = Path(bulletin.original.path).resolve()
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve() / "originals")
    assert len(stored.name.encode()) <= 255
    assert stored.read_bytes() == data
    assert "/" not in bulletin.original_name and "\x00" not in bulletin.original_name


# ---- the parse: records where it can, a code and a message where it cannot ---------------------


@each_case
def test_the_parse_ends_in_the_expected_status_with_a_clear_reason(uploaded):
    bulletin, case = uploaded.bulletin, uploaded.case
    bulletin.refresh_from_db()
    assert (bulletin.status, bulletin.failure_code) == (case.status, case.failure_code)
    if case.status == FAILED:
        assert bulletin.error_message
    else:
        assert bulletin.metrics.filter(source_text=case.figure).exists()


@each_case
def test_the_upload_answer_escapes_the_file_name(uploaded):
    assert_safe(uploaded.response, Page("upload answer", "html", lambda b: ""))


# ---- every page that shows it ------------------------------------------------------------------


def pages_for(bulletin: Bulletin, pages: list[Page]) -> list[tuple[Page, str]]:
    parsed = bulletin.status in (PARSED, Bulletin.Status.PUBLISHED)
    chosen = [(page, page.url(bulletin)) for page in pages if parsed or not page.parsed_only]
    return [(page, url) for page, url in chosen if url is not None]  # None: no such page (yet)


@each_case
def test_every_staff_page_serves_it_inert(uploaded, staff):
    for page, url in pages_for(uploaded.bulletin, STAFF_PAGES):
        assert_safe(staff.get(url), page)


@each_case
def test_every_public_page_serves_it_inert_once_published(uploaded, client):
    bulletin = uploaded.bulletin
    if bulletin.status == PARSED:
        bulletin = published(bulletin)
    client.logout()
    for page, url in pages_for(bulletin, PUBLIC_PAGES):
        assert_safe(client.get(url), page)


TEXT_WITH_TAGS = {"script_everywhere.html", "tag_soup.html", "prose_with_tags.txt", "docx_with_markup.docx"}


@pytest.mark.parametrize("uploaded", [c for c in CASES if c.file in TEXT_WITH_TAGS], indirect=True, ids=str)
def test_markup_in_the_text_is_shown_as_text_on_the_public_page(uploaded, client):
    bulletin = published(uploaded.bulletin)
    html = client.get(reverse("bulletin-detail", args=[bulletin.pk])).content.decode()
    assert "&lt;script&gt;alert(" in html or "&lt;img src=x onerror=alert(" in html
    assert 'class="seg hl-metric"' in html  # the figures are highlighted around it


def test_a_cell_a_spreadsheet_would_run_as_a_formula_reaches_the_csv_as_text(client):
    text = "=HYPERLINK(\"http://evil\")綦江区扶贫简报\n\n@SUM(1)綦江区帮助贫困户350户。\n"
    bulletin = published(bulletin_parse(bulletin_id=bulletin_upload_bytes(name="f.txt", data=text.encode()).bulletin.pk))
    response = client.get(reverse("metric-csv") + f"?bulletin={bulletin.pk}")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows and rows[0]["bulletin_title"].startswith("'=HYPERLINK")
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), (column, cell)


# ---- the checker itself --------------------------------------------------------------------------


def test_the_markup_checker_finds_every_kind_of_live_markup_in_the_raw_page():
    found = " ".join(live_markup((FILES / "script_everywhere.html").read_text()))
    for kind in ("<script", "onload", "onerror", "javascript:", "data:", "<iframe>", "<object>", "<embed>", "<base>",
                 "refresh", "ontoggle", "onfocus", "formaction"):
        assert kind in found, kind


def test_the_markup_checker_accepts_the_same_page_escaped():
    from django.utils.html import escape

    assert live_markup(f"<p>{escape((FILES / 'script_everywhere.html').read_text())}</p>") == []
