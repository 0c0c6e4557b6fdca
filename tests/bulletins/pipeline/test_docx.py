"""docx_text: a Word document's text in bounded memory and time, refusing what would cost more."""

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from bulletins.pipeline.config import ParserConfig
from bulletins.pipeline.decode import decode_document
from bulletins.pipeline.docx import MAX_MEMBERS, docx_text
from bulletins.pipeline.errors import FailureCode, ParseError
from tests.builders import docx_bytes
from tests.hostile.build_hostile import CONTENT_TYPES, PACKAGE_RELS, W_MAIN

HOSTILE = Path(__file__).resolve().parents[2] / "hostile" / "files"
CONFIG = ParserConfig()


def word_package(body: str, content_types: bytes = CONTENT_TYPES, document: str = "") -> bytes:
    """A minimal real .docx whose w:body holds ``body`` (or whose document.xml is ``document``)."""
    document = document or f'<w:document xmlns:w="{W_MAIN}"><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def paragraphs(*texts: str) -> str:
    return "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)


def refused(data: bytes, config: ParserConfig = CONFIG) -> ParseError:
    with pytest.raises(ParseError) as caught:
        docx_text(data, config)
    return caught.value


def python_docx_lines(data: bytes) -> str:
    """The text as the portal read it with python-docx: body paragraphs, then every row of each table."""
    import docx
    from docx.oxml.ns import qn

    def text(element):
        return "".join(node.text or "" for node in element.iter(qn("w:t")))

    lines = []
    for child in docx.Document(io.BytesIO(data)).element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(text(child))
        elif child.tag == qn("w:tbl"):
            lines += [" | ".join(text(cell).strip() for cell in row.iter(qn("w:tc"))) for row in child.iter(qn("w:tr"))]
    return "\n".join(lines)


def nested_tables() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("城口县扶贫简报")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text, table.cell(0, 1).text = " 乡镇 ", "资金"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "修齐镇"
    inner = table.cell(1, 2).add_table(rows=2, cols=2)
    inner.cell(0, 0).text, inner.cell(1, 1).text = "产业", "300万元"
    inner.cell(1, 0).add_table(rows=1, cols=1).cell(0, 0).text = "茶园"
    document.add_paragraph("全县脱贫1.2万人。").add_run("（完）").bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ---- the text ------------------------------------------------------------------------------------


def test_paragraphs_and_table_rows_come_out_in_document_order():
    data = docx_bytes(["黔东南州产业扶贫简报", "全州发展食用菌2.1万亩。"], table=[["县", "贫困户"], ["雷山县", "1200户"]])
    assert docx_text(data, CONFIG).split("\n") == ["黔东南州产业扶贫简报", "全州发展食用菌2.1万亩。", "县 | 贫困户", "雷山县 | 1200户"]


@pytest.mark.parametrize("name", ["nested tables", "text box, content control, second body", "every test document"])
def test_the_text_is_what_python_docx_gave(name):
    if name == "nested tables":
        documents = [nested_tables()]
    elif name == "every test document":
        root = Path(__file__).resolve().parents[2]
        documents = [p.read_bytes() for folder in ("documents", "corpus") for p in (root / folder / "files").glob("*.docx")]
        documents.append((HOSTILE / "docx_with_markup.docx").read_bytes())
    else:
        body = (
            "<w:sdt><w:sdtContent>" + paragraphs("控件中") + "</w:sdtContent></w:sdt>"
            '<w:p><w:r><w:t xml:space="preserve"> 正文 </w:t><w:t>注<!-- 批注 -->释</w:t></w:r><w:r><w:pict><w:txbxContent>'
            + paragraphs("文本框") + "</w:txbxContent></w:pict></w:r></w:p>"
            "<w:tbl><w:tr><w:tc>" + paragraphs(" 甲 ") + "</w:tc><w:tc/></w:tr></w:tbl>"
        )
        second_body = f"<w:body>{paragraphs('第二')}</w:body>"
        documents = [word_package("", document=f'<w:document xmlns:w="{W_MAIN}"><w:body>{body}</w:body>{second_body}</w:document>')]
    for data in documents:
        assert docx_text(data, CONFIG) == python_docx_lines(data)


def test_a_document_declaring_a_dtd_is_refused_so_no_entity_reaches_the_text():
    # Word never writes one; python-docx left such entities out of the text, a parser target expands them.
    document = f'<!DOCTYPE w:document [<!ENTITY big "AAAAAAAAAA">]><w:document xmlns:w="{W_MAIN}"><w:body>'
    error = refused(word_package("", document=document + paragraphs("甲&big;乙") + "</w:body></w:document>"))
    assert error.code == FailureCode.CORRUPT_DOCX
    assert "DTD" in error.message


# ---- sizes declared by the archive, checked before parsing ----------------------------------------


def test_a_part_declared_over_the_part_limit_is_refused_before_it_is_parsed():
    # 146 KB on disk; its document.xml unpacks to 95 MB of empty paragraphs, under the 100 MB total.
    error = refused((HOSTILE / "empty_paragraphs.docx").read_bytes())
    assert error.code == FailureCode.TOO_LARGE
    assert "word/document.xml 解压后 95 MB，超过上限（32 MB）" in error.message


def test_the_part_limit_is_a_setting():
    data = word_package(paragraphs("扶贫" * 1000))
    assert docx_text(data, ParserConfig(max_docx_part_bytes=8000))
    assert refused(data, ParserConfig(max_docx_part_bytes=4000)).code == FailureCode.TOO_LARGE


def test_all_parts_together_declared_over_the_total_limit_are_refused():
    error = refused(word_package(paragraphs("扶贫" * 1000)), ParserConfig(max_docx_uncompressed_bytes=4000))
    assert error.code == FailureCode.TOO_LARGE
    assert "解压后" in error.message and "超过上限" in error.message


def test_a_part_inflating_past_its_declared_size_is_refused_without_being_inflated():
    # lying_sizes.docx: document.xml declares 1 KB and inflates to 256 MB; reading it whole would hold all of it.
    tracemalloc.start()
    try:
        error = refused((HOSTILE / "lying_sizes.docx").read_bytes())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.code == FailureCode.CORRUPT_DOCX
    assert peak < 8 * 1024 * 1024


def test_a_part_compressed_with_a_method_word_never_writes_is_refused_unread():
    # bzip2_bomb.docx: 2 KB whose bzip2 document.xml would inflate to 1 GB in a single read of any size.
    tracemalloc.start()
    try:
        error = refused((HOSTILE / "bzip2_bomb.docx").read_bytes())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert error.code == FailureCode.CORRUPT_DOCX
    assert "压缩方式" in error.message
    assert peak < 8 * 1024 * 1024


def test_an_archive_of_more_members_than_any_word_document_has_is_refused_before_it_is_opened():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(MAX_MEMBERS + 1):
            archive.writestr(f"{number}", b"")
    error = refused(buffer.getvalue())
    assert error.code == FailureCode.TOO_LARGE
    assert str(MAX_MEMBERS) in error.message


# ---- limits while streaming ------------------------------------------------------------------------


def test_the_text_limit_stops_the_parse_as_it_is_passed():
    config = ParserConfig(max_text_chars=20)
    assert docx_text(word_package(paragraphs("一二三四五", "六七八九十")), config)
    for body in (paragraphs("扶贫" * 11), paragraphs(*["扶贫"] * 8), "<w:tbl>" + "<w:tr><w:tc/><w:tc/></w:tr>" * 6 + "</w:tbl>"):
        error = refused(word_package(body), config)
        assert (error.code, error.message) == (FailureCode.TOO_LARGE, "正文超过 20 个字符，无法解析。")


def test_a_table_repeating_its_text_in_nested_tables_is_held_to_the_text_limit():
    nested = "扶贫开发" * 5
    for _ in range(6):
        nested = f"<w:tbl><w:tr><w:tc>{paragraphs('项目')}</w:tc><w:tc>{nested}</w:tc></w:tr></w:tbl>"
    data = word_package(nested.replace("扶贫开发" * 5, paragraphs("扶贫开发" * 5), 1))
    assert len(python_docx_lines(data)) > 200
    assert refused(data, ParserConfig(max_text_chars=200)).code == FailureCode.TOO_LARGE


def test_more_paragraphs_and_table_rows_than_the_cap_are_refused():
    config = ParserConfig(max_docx_paragraphs=4)
    assert docx_text(word_package(paragraphs("甲", "乙") + "<w:tbl><w:tr><w:tc/></w:tr><w:tr><w:tc/></w:tr></w:tbl>"), config)
    error = refused(word_package(paragraphs("甲", "乙", "丙") + "<w:tbl><w:tr><w:tc/></w:tr><w:tr><w:tc/></w:tr></w:tbl>"), config)
    assert (error.code, error.message) == (FailureCode.TOO_LARGE, "Word 文档的段落和表格行超过 4 个，超过上限，无法解析。")


def test_five_million_empty_paragraphs_are_refused_at_the_paragraph_cap():
    error = refused((HOSTILE / "many_empty_paragraphs.docx").read_bytes())  # 30 MB of <w:p/>: under every size limit
    assert error.code == FailureCode.TOO_LARGE
    assert "段落和表格行超过 200000 个" in error.message


def test_more_xml_elements_than_the_cap_are_refused():
    body = "<w:p>" + "<w:r/>" * 100 + "</w:p>"
    assert docx_text(word_package(body), ParserConfig(max_docx_elements=105)) == ""
    assert refused(word_package(body), ParserConfig(max_docx_elements=100)).code == FailureCode.TOO_LARGE


# ---- damaged documents ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(word_package(paragraphs("正文"), content_types=CONTENT_TYPES.replace(b"document.main", b"template.main")),
                     id="main-part-not-a-word-document"),
        pytest.param(word_package("<w:p><w:r><w:t>未闭合</w:t>"), id="truncated-xml"),
        pytest.param(word_package("", document=f'<w:settings xmlns:w="{W_MAIN}"><w:body>{paragraphs("正文")}</w:body></w:settings>'),
                     id="not-a-document-root"),
    ],
)
def test_a_damaged_document_is_refused_as_corrupt(data):
    assert refused(data).code == FailureCode.CORRUPT_DOCX


def test_decode_document_reads_word_documents_through_this_reader():
    document = decode_document(word_package(paragraphs("巫溪县扶贫简报", "投入资金800万元。")), "brief.docx", CONFIG)
    assert (document.format, document.text) == ("docx", "巫溪县扶贫简报\n投入资金800万元。")
