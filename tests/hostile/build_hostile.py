"""Rebuild the hostile files that cannot be written by hand: control characters, broken encodings, binaries.

    python tests/hostile/build_hostile.py

The hand-written ones (script_everywhere.html, tag_soup.html, prose_with_tags.txt) are edited directly.
Every output is deterministic, so rebuilding changes nothing unless this script changed.
"""

from __future__ import annotations

import datetime
import io
import random
import zipfile
from pathlib import Path

FILES = Path(__file__).resolve().parent / "files"

# Real figures in the genre, so a file that parses renders highlights around its hostile text.
FIGURES = "石柱县共投入扶贫资金1200万元，帮助贫困户350户发展中药材产业。"


def control_characters() -> bytes:
    text = (
        "石柱县扶贫专报\x1b[31m第5期\x1b[0m\n\n"
        "石柱县扶贫办\u202e\u200b 2019年4月2日\n\n"
        f"\x07\x08{FIGURES}\x00\n"
        "石柱县\u202egnp.exe\u202c新建\u200b\u200d\ufeff扶贫车间6个，\x0c带动贫困人口900人就业。\x7f\n"
        "\u2028石柱县发放小额信贷\x1b]0;pwned\x07800万元。\u2029\n"
    )
    return text.encode("utf-8")


def invalid_utf8() -> bytes:
    good = f"丰都县扶贫简报第2期\n\n丰都县扶贫办 2018年9月1日\n\n{FIGURES.replace('石柱', '丰都')}\n"
    # A truncated sequence, a lone continuation byte, an overlong slash and a surrogate, among valid text.
    broken = b"\xe4\xb8 \x80 \xc0\xaf \xed\xa0\x80 \xff"
    tail = "丰都县新建蔬菜基地4个。\n".encode()
    return good.encode("utf-8") + broken + b"\n" + tail


def mixed_encodings() -> bytes:
    head = "武隆区扶贫简报第4期\n\n武隆区扶贫办 2018年10月8日\n\n".encode()
    body = FIGURES.replace("石柱县", "武隆区").encode("gb18030")
    return head + body + "\n武隆区建成乡村旅游点12个。\n".encode()


def random_bytes() -> bytes:
    return random.Random(20240601).randbytes(4096)


def fake_pdf_header() -> bytes:
    # Starts like a PDF, then is nothing of the kind.
    return b"%PDF-1.7\n" + "<script>alert('pdf')</script>黔江区共投入资金500万元。\n".encode() + b"%%EOF\n"


def not_a_zip() -> bytes:
    return f"<script>alert('docx')</script>{FIGURES}\n".encode()


def zip_without_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("../../evil.sh", date_time=(2020, 1, 1, 0, 0, 0))
        archive.writestr(info, "#!/bin/sh\necho pwned\n")
        info = zipfile.ZipInfo("[Content_Types].xml", date_time=(2020, 1, 1, 0, 0, 0))
        archive.writestr(info, "<Types/>")
    return buffer.getvalue()


def docx_with_markup() -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.created = document.core_properties.modified = datetime.datetime(2020, 1, 1)
    document.core_properties.title = "<script>alert('docx-title')</script>"
    document.add_paragraph("<script>alert(1)</script>酉阳县扶贫专报第9期")
    document.add_paragraph("酉阳县扶贫开发办公室 2019年8月15日")
    document.add_paragraph("<img src=x onerror=alert(2)>" + FIGURES.replace("石柱县", "酉阳县"))
    grid = document.add_table(rows=2, cols=2)
    grid.cell(0, 0).text = "<b onmouseover=alert(3)>项目</b>"
    grid.cell(0, 1).text = "资金（万元）"
    grid.cell(1, 0).text = "javascript:alert(4)"
    grid.cell(1, 1).text = "300"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


BUILDERS = {
    "control_characters.txt": control_characters,
    "invalid_utf8.txt": invalid_utf8,
    "mixed_encodings.txt": mixed_encodings,
    "random_bytes.pdf": random_bytes,
    "fake_pdf_header.pdf": fake_pdf_header,
    "not_a_zip.docx": not_a_zip,
    "zip_without_document.docx": zip_without_document,
    "docx_with_markup.docx": docx_with_markup,
    "empty.txt": lambda: b"",
    "whitespace_only.txt": lambda: " \t\n\r\n\u3000\u00a0\u200b\n".encode(),
    # An HTML page under a .pdf name: the extension decides nothing, the content does.
    "html_named.pdf": lambda: (FILES / "script_everywhere.html").read_bytes(),
}


def main() -> None:
    FILES.mkdir(exist_ok=True)
    for name, build in BUILDERS.items():
        (FILES / name).write_bytes(build())
        print(name)


if __name__ == "__main__":
    main()
