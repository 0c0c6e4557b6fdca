"""decode_document: every upload format and encoding to text, and a clear error for everything else."""

import io
import zipfile

import pytest

from bulletins.pipeline.config import ParserConfig
from bulletins.pipeline.decode import decode_document
from bulletins.pipeline.errors import FailureCode, ParseError
from tests.builders import docx_bytes, html_gb18030, pdf_bytes

CONFIG = ParserConfig(max_bytes=1024 * 1024, max_pdf_pages=3, max_docx_uncompressed_bytes=2 * 1024 * 1024)
TEXT = "安康扶贫工作简报第十二期\n平利县组织党员干部2100余名，与4870户贫困户建立一对一帮扶关系。"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        pytest.param(TEXT.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8", id="utf-8-bom"),
        pytest.param(TEXT.encode("gb18030"), "gb18030", id="gb18030"),
        pytest.param(TEXT.encode("gbk"), "gb18030", id="gbk-read-as-its-superset"),
        pytest.param(TEXT.encode("utf-16"), "utf-16-le", id="utf-16-bom"),
        pytest.param(TEXT.encode("utf-16-le"), "utf-16-le", id="utf-16-le-without-bom"),
    ],
)
def test_plain_text_in_any_common_encoding_decodes_to_the_same_text(encoded, encoding):
    document = decode_document(encoded, "bulletin.txt", CONFIG)
    assert document.text == TEXT
    assert document.format == "txt"
    assert document.encoding == encoding


def test_gb18030_html_page_yields_its_article_without_site_chrome_or_scripts():
    data = html_gb18030("遵义市易地扶贫搬迁工作简报", ["全市完成易地扶贫搬迁3.2万人，建成安置点45个。"])
    document = decode_document(data, "page.html", CONFIG)
    assert document.format == "html"
    assert document.encoding == "gb18030"
    assert "全市完成易地扶贫搬迁3.2万人" in document.text
    assert "alert" not in document.text
    assert document.hints["title"].startswith("遵义市易地扶贫搬迁工作简报")


def test_docx_paragraphs_and_table_rows_come_out_in_document_order():
    table = [["县", "贫困户"], ["雷山县", "1200户"]]
    data = docx_bytes(["黔东南州产业扶贫简报", "全州发展食用菌2.1万亩。"], table=table)
    document = decode_document(data, "brief.docx", CONFIG)
    assert document.format == "docx"
    lines = ["黔东南州产业扶贫简报", "全州发展食用菌2.1万亩。", "县 | 贫困户", "雷山县 | 1200户"]
    assert document.text.split("\n") == lines


def test_text_pdf_yields_its_chinese_text():
    data = pdf_bytes(["贵州扶贫专报第12期（总第156期）", "全县投入扶贫资金1.2亿元，帮助3万余名贫困人口脱贫。"])
    document = decode_document(data, "brief.pdf", CONFIG)
    assert document.format == "pdf"
    assert "全县投入扶贫资金1.2亿元，帮助3万余名贫困人口脱贫。" in document.text


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "filename", "code"),
    [
        pytest.param(b"", "empty.txt", FailureCode.EMPTY, id="empty"),
        pytest.param(b"x" * (CONFIG.max_bytes + 1), "huge.txt", FailureCode.TOO_LARGE, id="over-size-limit"),
        pytest.param(bytes(range(256)) * 40, "blob.txt", FailureCode.BINARY, id="binary-bytes"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "photo.txt", FailureCode.BINARY, id="image-named-txt"),
        pytest.param(b"PK\x03\x04garbage" * 10, "broken.docx", FailureCode.CORRUPT_DOCX, id="corrupt-docx"),
        pytest.param(_zip({"word/document.xml": b"<not-xml"}), "bad.docx", FailureCode.CORRUPT_DOCX,
                     id="docx-with-broken-xml"),
        pytest.param(_zip({"word/document.xml": b"\x00" * (3 * 1024 * 1024)}), "bomb.docx", FailureCode.TOO_LARGE,
                     id="docx-zip-bomb"),
        pytest.param(b"this is not a pdf", "fake.pdf", FailureCode.CORRUPT_PDF, id="pdf-that-is-not-a-pdf"),
        pytest.param(b"%PDF-1.4\n1 0 obj broken", "truncated.pdf", FailureCode.CORRUPT_PDF, id="truncated-pdf"),
        pytest.param(b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "old.doc", FailureCode.BINARY, id="legacy-word-doc"),
        pytest.param("扶贫".encode() + b"\xff\xfe\xfa" * 400, "mixed.txt", FailureCode.BAD_ENCODING,
                     id="mis-encoded-text"),
        pytest.param(b"   \n\n  ", "blank.txt", FailureCode.NO_TEXT, id="only-white-space"),
        pytest.param(TEXT.encode(), "sheet.xlsx", FailureCode.UNSUPPORTED_FORMAT, id="unsupported-extension"),
    ],
)
def test_unusable_uploads_raise_a_parse_error_with_a_stable_code_and_a_message(data, filename, code):
    with pytest.raises(ParseError) as caught:
        decode_document(data, filename, CONFIG)
    assert caught.value.code == code
    assert caught.value.message


def test_a_stray_nul_byte_in_utf8_text_does_not_make_it_binary():
    document = decode_document(TEXT.encode()[:12] + b"\x00" + TEXT.encode()[12:], "bulletin.txt", CONFIG)
    assert (document.encoding, document.text.replace("\x00", "")) == ("utf-8", TEXT)


def test_utf8_with_a_few_broken_bytes_keeps_its_text():
    document = decode_document(TEXT.encode() + b"\xe4\xb8 \xc0\xaf \xff\n" + TEXT.encode(), "bulletin.txt", CONFIG)
    assert document.encoding == "utf-8"
    assert document.text.count(TEXT) == 2


def test_pdf_over_the_page_limit_is_refused():
    pages = pdf_bytes(["第一页"])
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    many = canvas.Canvas(buffer)
    for _ in range(CONFIG.max_pdf_pages + 1):
        many.drawString(60, 700, "page")
        many.showPage()
    many.save()
    assert decode_document(pages, "one.pdf", CONFIG).format == "pdf"
    with pytest.raises(ParseError) as caught:
        decode_document(buffer.getvalue(), "many.pdf", CONFIG)
    assert caught.value.code == FailureCode.TOO_MANY_PAGES


def test_pdf_without_a_text_layer_says_so():
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    blank = canvas.Canvas(buffer)
    blank.rect(50, 50, 200, 200)
    blank.save()
    with pytest.raises(ParseError) as caught:
        decode_document(buffer.getvalue(), "scan.pdf", CONFIG)
    assert caught.value.code == FailureCode.NO_TEXT
    assert "扫描件" in caught.value.message


def test_pdf_lines_broken_by_the_layout_are_joined_so_no_figure_is_split():
    from bulletins.pipeline.decode import reflow_pdf_lines

    layout = "保靖县全年投入基础设施建设资金4.3亿元，解决5.2万\n\n人的饮水安全问题。\n\n下一段。\n"
    assert "解决5.2万人的饮水安全问题。" in reflow_pdf_lines(layout)
