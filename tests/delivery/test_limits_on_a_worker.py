"""A document that hits a limit ends failed with the reason, and the worker goes on to the next one."""

import io
import zipfile

import pytest

from bulletins.models import Bulletin
from bulletins.pipeline import OUT_OF_MEMORY
from bulletins.services import bulletin_upload_bytes
from tests.delivery.conftest import SMALL, slow_bulletin, wait_until
from tests.hostile.build_hostile import MB, pdf_inflating_to

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DONE = {Bulletin.Status.PARSED, Bulletin.Status.FAILED}


def zip_bomb_docx(unpacked_bytes: int) -> bytes:
    """A real .docx whose document.xml is a paragraph of spaces that unpacks to ``unpacked_bytes``."""
    xml = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(xml)
            chunk = b" " * (1 << 20)
            for _ in range(unpacked_bytes // len(chunk)):
                part.write(chunk)
            part.write(b"</w:p></w:body></w:document>")
    return buffer.getvalue()


def pdf_of_pages(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    for number in range(1, pages + 1):
        document.drawString(60, 700, f"page {number}")
        document.showPage()
    document.save()
    return buffer.getvalue()


def parse_on_a_worker(start_worker, name: str, data: bytes, **env: str) -> tuple[Bulletin, Bulletin]:
    """Upload the document, then a good one; both end on the same worker, whose process must survive."""
    worker = start_worker(**env)
    bad = bulletin_upload_bytes(name=name, data=data).bulletin
    wait_until(lambda: Bulletin.objects.get(pk=bad.pk).status in DONE, seconds=180, watching=[worker],
               what=f"the worker to finish {name}")
    good = bulletin_upload_bytes(name="next.txt", data=SMALL).bulletin
    wait_until(lambda: Bulletin.objects.get(pk=good.pk).status in DONE, seconds=60, watching=[worker],
               what="the worker to parse the next document")
    bad.refresh_from_db()
    good.refresh_from_db()
    assert good.status == Bulletin.Status.PARSED
    return bad, good


def test_a_zip_bomb_docx_ends_failed_as_too_large(start_worker):
    bomb = zip_bomb_docx(101 * 1024 * 1024)  # unpacks past the default 100 MB limit
    assert len(bomb) < 1024 * 1024
    bad, _ = parse_on_a_worker(start_worker, "bomb.docx", bomb)
    assert (bad.status, bad.failure_code) == (Bulletin.Status.FAILED, "too_large")
    assert "解压后" in bad.error_message and "超过上限" in bad.error_message


def test_a_pdf_over_the_page_limit_ends_failed_with_too_many_pages(start_worker):
    bad, _ = parse_on_a_worker(start_worker, "many.pdf", pdf_of_pages(201))  # the default limit is 200
    assert (bad.status, bad.failure_code) == (Bulletin.Status.FAILED, "too_many_pages")
    assert "200 页" in bad.error_message


def test_a_file_over_the_upload_size_limit_ends_failed_as_too_large_and_is_kept(start_worker):
    data = slow_bulletin(400)
    bad, _ = parse_on_a_worker(start_worker, "big.txt", data, FUPIN_MAX_UPLOAD_BYTES=str(len(data) - 1))
    assert (bad.status, bad.failure_code) == (Bulletin.Status.FAILED, "too_large")
    assert "超过上限" in bad.error_message
    assert bad.original.read() == data


def test_a_parse_over_the_soft_time_limit_ends_failed_with_a_timeout(start_worker):
    limits = {"FUPIN_PARSE_SOFT_TIME_LIMIT": "1", "FUPIN_PARSE_TIME_LIMIT": "60"}
    bad, _ = parse_on_a_worker(start_worker, "slow.txt", slow_bulletin(4000), **limits)
    assert (bad.status, bad.failure_code) == (Bulletin.Status.FAILED, "timeout")
    assert "解析超过 1 秒的时间上限" in bad.error_message
    assert not bad.metrics.exists()


def test_a_parse_killed_at_the_hard_time_limit_every_time_ends_failed_after_the_last_attempt(start_worker):
    # No soft limit (0), so the child is killed outright at the hard one, as a parse stuck in C code would be.
    limits = {"FUPIN_PARSE_SOFT_TIME_LIMIT": "0", "FUPIN_PARSE_TIME_LIMIT": "1", "FUPIN_MAX_PARSE_ATTEMPTS": "2"}
    bad, _ = parse_on_a_worker(start_worker, "slow.txt", slow_bulletin(4000), **limits)
    assert (bad.status, bad.failure_code) == (Bulletin.Status.FAILED, "timeout")
    assert "连续 2 次解析都未能完成" in bad.error_message
    assert bad.parse_attempts == 2
    assert not bad.metrics.exists()
    notes = list(bad.transitions.order_by("at", "id").values_list("to_status", flat=True))
    assert notes == ["parsing", "parsing", "failed"]


def test_a_parse_over_the_memory_limit_ends_failed_as_too_large_and_the_worker_parses_the_next(start_worker):
    # 200 MB of page content: within the 256 MB pdfminer may inflate, but its pieces and their join
    # need some 400 MB above the ~120 MB the pool child starts with: past a 400 MB ceiling.
    data = pdf_inflating_to(200 * MB)
    bad, _ = parse_on_a_worker(start_worker, "heavy.pdf", data, FUPIN_PARSE_MEMORY_LIMIT_MB="400")
    assert (bad.status, bad.failure_code) == (Bulletin.Status.FAILED, "too_large")
    assert bad.error_message == OUT_OF_MEMORY  # the memory ceiling stopped it, not a size limit
    assert bad.original.read() == data
