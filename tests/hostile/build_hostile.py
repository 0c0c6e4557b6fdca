"""Rebuild the hostile files that cannot be written by hand: control characters, broken encodings, binaries.

    python tests/hostile/build_hostile.py

The hand-written ones (script_everywhere.html, tag_soup.html, prose_with_tags.txt) are edited directly.
Every output is deterministic, so rebuilding changes nothing unless this script changed.
"""

from __future__ import annotations

import binascii
import bz2
import datetime
import io
import random
import struct
import zipfile
import zlib
from collections.abc import Iterable
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


# ---- bombs: small files whose parts unpack to far more than they should (bulletins/pipeline/docx.py) ----

W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml"'
    b' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="word/document.xml"'
    b' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
DOCUMENT_START = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_MAIN}"><w:body>'
    f"<w:p><w:r><w:t>{FIGURES}</w:t></w:r></w:p>"
).encode()
DOCUMENT_END = b"</w:body></w:document>"
MB = 1024 * 1024


def repeated(unit: bytes, total: int) -> Iterable[bytes]:
    """``unit`` repeated to ``total`` bytes, in 1 MB pieces, so a 95 MB part is never held whole."""
    piece = unit * max(1, MB // len(unit))
    for _ in range(total // len(piece)):
        yield piece
    yield unit * ((total % len(piece)) // len(unit))


def docx_package(body: Iterable[bytes]) -> bytes:
    """A real Word package (content types, relationships, document.xml) whose body is ``body``; deflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS)):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("word/document.xml", date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as part:
            part.write(DOCUMENT_START)
            for chunk in body:
                part.write(chunk)
            part.write(DOCUMENT_END)
    return buffer.getvalue()


def raw_zip(members: list[tuple[str, int, bytes, int, int]]) -> bytes:
    """A zip written field by field: (name, method, compressed bytes, CRC-32, declared size) per member.

    zipfile will not write a size it did not see, and these files declare sizes they do not have.
    """
    local, central = b"", b""
    for name, method, data, crc, declared in members:
        encoded = name.encode()
        version = 46 if method == zipfile.ZIP_BZIP2 else 20
        fields = (version, 0, method, 0, 0x21, crc, len(data), declared, len(encoded))
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, len(local)) + encoded
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, 0) + encoded + data
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central), len(local), 0)
    return local + central + end


def deflated(parts: Iterable[bytes], wbits: int = -15) -> tuple[bytes, int]:
    """Deflate of the parts, raw as zip stores it (or zlib-wrapped as PDF does: wbits 15), and their CRC-32."""
    packer, out, crc = zlib.compressobj(9, zlib.DEFLATED, wbits), [], 0
    for part in parts:
        out.append(packer.compress(part))
        crc = binascii.crc32(part, crc)
    return b"".join(out) + packer.flush(), crc


def honest_members() -> list[tuple[str, int, bytes, int, int]]:
    return [(name, zipfile.ZIP_STORED, data, binascii.crc32(data), len(data))
            for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS))]


def lying_sizes() -> bytes:
    # document.xml declares 1 KB; its deflate stream inflates to 256 MB. zipfile's read() inflates all of
    # it before cutting it to the declared size and failing the CRC.
    data, crc = deflated([DOCUMENT_START, *repeated(b" ", 256 * MB)])
    return raw_zip([*honest_members(), ("word/document.xml", zipfile.ZIP_DEFLATED, data, crc, 1024)])


def bzip2_bomb() -> bytes:
    # bzip2 (a zip method Word never writes) packs 1 GB into a few hundred bytes, and zipfile inflates a
    # bzip2 member without any output limit, even when read in small pieces.
    packer, crc, out = bz2.BZ2Compressor(9), 0, []
    for part in [DOCUMENT_START, *repeated(b" ", 1024 * MB)]:
        out.append(packer.compress(part))
        crc = binascii.crc32(part, crc)
    data = b"".join(out) + packer.flush()
    return raw_zip([*honest_members(), ("word/document.xml", zipfile.ZIP_BZIP2, data, crc, 1024)])


def pdf_inflating_to(size: int) -> bytes:
    """A one-page PDF with a line of text, whose content stream is deflated twice and inflates to ``size``."""
    content = b"BT /F1 12 Tf 72 712 Td (Fupin bulletin 1200) Tj ET\n"
    once, _ = deflated([content, *repeated(b" ", size - len(content))], wbits=15)
    twice = zlib.compress(once, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(twice) + twice + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


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
    # 95 MB of empty paragraphs in 150 KB: under the 100 MB unpacked limit, over the 32 MB one for a part.
    "empty_paragraphs.docx": lambda: docx_package(repeated(b"<w:p/>", 95 * MB)),
    # 30 MB of them: within every size limit, five million paragraphs.
    "many_empty_paragraphs.docx": lambda: docx_package(repeated(b"<w:p/>", 30 * MB)),
    # One paragraph of 2.1 million characters in four-character runs: past the text limit, 18 MB of XML.
    "many_tiny_runs.docx": lambda: docx_package(
        [b"<w:p>", *repeated("<w:r><w:t>扶贫开发</w:t></w:r>".encode(), 525_000 * 34), b"</w:p>"]
    ),
    # One paragraph of five million empty runs: no text at all, 30 MB of XML to get through.
    "empty_runs.docx": lambda: docx_package([b"<w:p>", *repeated(b"<w:r/>", 30 * MB), b"</w:p>"]),
    "lying_sizes.docx": lying_sizes,
    "bzip2_bomb.docx": bzip2_bomb,
    # 2 KB whose page content inflates to 512 MB.
    "pdf_deflate_bomb.pdf": lambda: pdf_inflating_to(512 * MB),
}


def main() -> None:
    FILES.mkdir(exist_ok=True)
    for name, build in BUILDERS.items():
        (FILES / name).write_bytes(build())
        print(name)


if __name__ == "__main__":
    main()
