"""bulletin_parse: a parse replaces machine-made records, keeps human ones, and fails clearly."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bulletins.models import Bulletin
from bulletins.services import bulletin_parse, bulletin_upload
from measures.models import Metric, Program, Region, RegionMention
from tests.builders import docx_bytes

pytestmark = pytest.mark.django_db

BULLETIN = """安康扶贫工作简报第十二期

2019年3月5日  09:30

岚皋县做大魔芋产业带领贫困群众稳定脱贫
一是建园区扩规模。统筹涉农资金800万元，建成魔芋标准化示范园6个，新发展魔芋种植2.5万亩，带动2300户贫困户参与种植。
二是建链条稳销路。引进魔芋精深加工企业8个，带动贫困群众人均增收960元。

综合协调科
""".encode()


def upload(data: bytes = BULLETIN, name: str = "brief.txt") -> Bulletin:
    return bulletin_upload(file=SimpleUploadedFile(name, data)).bulletin


def snapshot(bulletin: Bulletin):
    metrics = list(
        Metric.objects.filter(bulletin=bulletin)
        .order_by("start")
        .values_list("source_text", "value", "unit", "qualifier", "indicator", "region__code", "start", "end")
    )
    programs = list(Program.objects.filter(bulletin=bulletin).order_by("start").values_list("title", "category"))
    mentions = list(RegionMention.objects.filter(bulletin=bulletin).values_list("region__code", "start", "end"))
    return metrics, programs, mentions


def test_a_parse_fills_the_bulletin_fields_and_its_records():
    bulletin = bulletin_parse(bulletin_id=upload().pk)
    assert bulletin.status == Bulletin.Status.PARSED
    assert bulletin.title == "安康扶贫工作简报第十二期"
    assert bulletin.issue_label == "第十二期"
    assert str(bulletin.published_on) == "2019-03-05"
    assert bulletin.issuer == "综合协调科"
    assert bulletin.detected_format == "txt"
    assert bulletin.encoding == "utf-8"
    assert bulletin.parser_version
    households = Metric.objects.get(bulletin=bulletin, source_text="2300户")
    assert households.value == Decimal("2300")
    assert households.unit == "户"
    assert households.region == Region.objects.get(code="610925")  # 岚皋县
    assert Metric.objects.get(bulletin=bulletin, source_text="800万元").value == Decimal("8000000")


def test_every_metric_offset_points_at_its_text_in_the_cleaned_text():
    bulletin = bulletin_parse(bulletin_id=upload().pk)
    metrics = Metric.objects.filter(bulletin=bulletin)
    assert metrics.count() >= 6
    for metric in metrics:
        assert bulletin.text[metric.start : metric.end] == metric.source_text


def test_parsing_twice_leaves_the_same_records():
    bulletin = upload()
    bulletin_parse(bulletin_id=bulletin.pk)
    first = snapshot(bulletin)
    bulletin_parse(bulletin_id=bulletin.pk)
    assert snapshot(bulletin) == first
    assert first[0]


def test_a_metric_a_person_made_survives_a_reparse():
    bulletin = bulletin_parse(bulletin_id=upload().pk)
    Metric.objects.create(
        bulletin=bulletin, indicator="人工补录", value=Decimal(7), unit="个", source_text="七个", by_person=True
    )
    bulletin_parse(bulletin_id=bulletin.pk)
    assert Metric.objects.filter(bulletin=bulletin, indicator="人工补录", by_person=True).count() == 1


def test_a_published_bulletin_is_not_reparsed():
    bulletin = bulletin_parse(bulletin_id=upload().pk)
    Bulletin.objects.filter(pk=bulletin.pk).update(status=Bulletin.Status.PUBLISHED, title="人工标题")
    again = bulletin_parse(bulletin_id=bulletin.pk)
    assert again.status == Bulletin.Status.PUBLISHED
    assert again.title == "人工标题"


def _corrupt_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", b"<w:document><broken")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "code", "words"),
    [
        pytest.param("empty.txt", b"", "empty", "空", id="empty"),
        pytest.param("blob.txt", bytes(range(256)) * 50, "binary", "二进制", id="binary"),
        pytest.param("broken.docx", _corrupt_docx(), "corrupt_docx", "Word", id="corrupt-docx"),
        pytest.param("fake.pdf", b"<html>not a pdf</html>", "corrupt_pdf", "PDF", id="fake-pdf"),
    ],
)
def test_an_unusable_file_ends_failed_with_a_clear_message_and_is_kept(name, data, code, words):
    bulletin = bulletin_parse(bulletin_id=upload(data, name).pk)
    assert bulletin.status == Bulletin.Status.FAILED
    assert bulletin.failure_code == code
    assert words in bulletin.error_message
    bulletin.original.open("rb")
    assert bulletin.original.read() == data


def test_a_file_over_the_size_limit_ends_failed_and_is_kept(settings):
    settings.FUPIN_MAX_UPLOAD_BYTES = 100
    data = BULLETIN * 2
    bulletin = bulletin_parse(bulletin_id=upload(data).pk)
    assert bulletin.status == Bulletin.Status.FAILED
    assert bulletin.failure_code == "too_large"
    assert "超过上限" in bulletin.error_message
    assert bulletin.original.read() == data


def test_a_failed_bulletin_parses_once_its_cause_is_fixed(settings):
    settings.FUPIN_MAX_UPLOAD_BYTES = 100
    bulletin = bulletin_parse(bulletin_id=upload().pk)
    assert bulletin.status == Bulletin.Status.FAILED
    settings.FUPIN_MAX_UPLOAD_BYTES = 10_000_000
    bulletin = bulletin_parse(bulletin_id=bulletin.pk)
    assert bulletin.status == Bulletin.Status.PARSED
    assert bulletin.error_message == ""


def test_a_docx_with_a_table_is_parsed_into_metrics():
    data = docx_bytes(
        ["黔东南州产业扶贫简报", "雷山县发展茶叶产业，新建茶园1.2万亩，带动贫困户3200户增收。"],
        table=[["县", "贫困户"], ["雷山县", "1200户"]],
    )
    bulletin = bulletin_parse(bulletin_id=upload(data, "brief.docx").pk)
    assert bulletin.status == Bulletin.Status.PARSED
    assert bulletin.detected_format == "docx"
    texts = set(Metric.objects.filter(bulletin=bulletin).values_list("source_text", flat=True))
    assert {"1.2万亩", "3200户", "1200户"} <= texts
