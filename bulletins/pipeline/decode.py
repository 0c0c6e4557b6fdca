"""Decode: bytes of an uploaded file → plain text, whatever the format and encoding.

Each format has a well-kept library (trafilatura for HTML, pdfminer.six, charset-normalizer)
or, for Word, a streaming reader of our own over lxml (docx.py: python-docx parses the whole
document into memory before we could stop it); this module only chooses between them and turns
their failures into ParseErrors a person can act on.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import PurePath

from .byline import page_hints
from .config import ParserConfig
from .docx import docx_text, is_docx
from .errors import FailureCode, ParseError, out_of_memory

TEXT_EXTENSIONS = {".txt", ".text", ""}
HTML_EXTENSIONS = {".html", ".htm", ".shtml", ".xhtml"}
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | {".docx", ".pdf"}

# Magic numbers of formats we refuse, so a renamed image or archive gets a clear answer.
_BINARY_MAGIC = {
    b"\x89PNG": "PNG 图片",
    b"\xff\xd8\xff": "JPEG 图片",
    b"GIF8": "GIF 图片",
    b"\xd0\xcf\x11\xe0": "旧版 Office 文档（.doc/.xls），请另存为 .docx",
    b"\x7fELF": "可执行程序",
    b"\x1f\x8b": "gzip 压缩包",
    b"Rar!": "RAR 压缩包",
    b"7z\xbc\xaf": "7z 压缩包",
}
_CHINESE_CAPABLE = ("big5", "cp950", "gb", "hz", "utf")
_GB_ALIASES = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "hz-gb-2312", "gb18030"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|div|p)\b", re.I | re.S)


@dataclass(frozen=True, slots=True)
class DecodedDocument:
    text: str
    format: str  # txt | html | docx | pdf
    encoding: str  # the text encoding found, or "" for docx/pdf
    hints: dict[str, str] = field(default_factory=dict)  # metadata the format carries (HTML title, date, site)


def decode_document(data: bytes, filename: str, config: ParserConfig) -> DecodedDocument:
    if not data:
        raise ParseError(FailureCode.EMPTY, "上传的文件是空的（0 字节），请检查后重新上传。")
    if len(data) > config.max_bytes:
        raise ParseError(
            FailureCode.TOO_LARGE,
            f"文件大小 {len(data) / 1048576:.1f} MB，超过上限 {config.max_bytes / 1048576:.1f} MB。",
        )
    fmt = _detect_format(data, filename)
    if fmt == "pdf":
        text = _pdf_text(data, config)
        doc = DecodedDocument(text=text, format="pdf", encoding="")
    elif fmt == "docx":
        doc = DecodedDocument(text=docx_text(data, config), format="docx", encoding="")
    elif fmt == "html":
        text, encoding = decode_text_bytes(data, declared=_declared_charset(data))
        body, hints = _html_text(text)
        doc = DecodedDocument(text=body, format="html", encoding=encoding, hints=hints)
    else:
        text, encoding = decode_text_bytes(data)
        doc = DecodedDocument(text=text, format="txt", encoding=encoding)
    if len(doc.text) > config.max_text_chars:
        raise ParseError(FailureCode.TOO_LARGE, f"正文超过 {config.max_text_chars} 个字符，无法解析。")
    if not doc.text.strip():
        raise ParseError(FailureCode.NO_TEXT, _no_text_message(doc.format))
    return doc


def _no_text_message(fmt: str) -> str:
    if fmt == "pdf":
        return "PDF 中没有可提取的文字（可能是扫描件），请上传带文字层的 PDF 或文本文件。"
    return "文件中没有可提取的正文文字。"


def _detect_format(data: bytes, filename: str) -> str:
    ext = PurePath(filename.replace("\\", "/")).suffix.lower()
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if ext == ".docx" or is_docx(data):
            return "docx"
        raise ParseError(FailureCode.UNSUPPORTED_FORMAT, "文件是压缩包，不是支持的格式（.txt、.html、.docx、.pdf）。")
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise ParseError(FailureCode.BINARY, f"文件内容是{what}，不是可解析的简报文本。")
    if ext == ".pdf":
        raise ParseError(FailureCode.CORRUPT_PDF, "文件扩展名是 .pdf，但内容不是 PDF 文件。")
    if ext == ".docx":
        raise ParseError(FailureCode.CORRUPT_DOCX, "文件扩展名是 .docx，但内容不是有效的 Word 文档（可能已损坏）。")
    if ext in HTML_EXTENSIONS or _HTML_START.match(data[:2048]):
        return "html"
    if ext not in SUPPORTED_EXTENSIONS:
        raise ParseError(
            FailureCode.UNSUPPORTED_FORMAT, f"不支持的文件格式“{ext}”，请上传 .txt、.html、.docx 或 .pdf 文件。"
        )
    return "txt"


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_text_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text bytes → (str, encoding name). Tries BOMs, the declared charset, UTF-8, GB18030, then detection."""
    for bom, name in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(name)), name
            except UnicodeDecodeError as exc:
                raise ParseError(FailureCode.BAD_ENCODING, f"文件以 {name} 标记开头，但内容无法按该编码解码。") from exc
    if b"\x00" in data[:8192] and not _utf8_with_stray_nuls(data):
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise ParseError(FailureCode.BINARY, "文件包含二进制内容，不是文本文件。")
        return _checked(utf16[0]), utf16[1]
    candidates = []
    if declared:
        candidates.append("gb18030" if declared in _GB_ALIASES else declared)
    candidates += ["utf-8", "gb18030"]
    for name in dict.fromkeys(candidates):
        try:
            return _checked(data.decode(name)), name
        except (UnicodeDecodeError, LookupError):
            continue
    return _detected(data)


def _utf8_with_stray_nuls(data: bytes) -> bool:
    """Valid UTF-8 with a few NUL bytes (a broken export), not UTF-16, whose ASCII is half zeros."""
    if data.count(0) > max(8, len(data) // 100):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    sample = data[:4096]
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    name = "utf-16-le" if odd_zeros > even_zeros else "utf-16-be"
    # Chinese UTF-16 has few zero bytes; ASCII-heavy UTF-16 has them on one side only.
    if min(even_zeros, odd_zeros) > len(sample) // 8:
        return None
    try:
        return data.decode(name), name
    except UnicodeDecodeError:
        return None


def _detected(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # Bulletins are Chinese: a guess of a Western or Cyrillic code page means the bytes are garbled.
    if best is None or not best.encoding.startswith(_CHINESE_CAPABLE):
        # UTF-8 with a few broken bytes (a truncated copy) keeps its text; _checked refuses many.
        try:
            return _checked(data.decode("utf-8", errors="replace")), "utf-8"
        except ParseError:
            pass
        raise ParseError(
            FailureCode.BAD_ENCODING,
            "无法识别文件的文字编码（既不是 UTF-8，也不是 GB18030/GBK）；请另存为 UTF-8 后重新上传。",
        )
    return _checked(str(best)), best.encoding.replace("_", "-")


def _checked(text: str) -> str:
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise ParseError(FailureCode.BINARY, "文件包含大量控制字符，看起来不是文本文件。")
    if sample.count("\ufffd") > max(8, len(sample) // 50):
        raise ParseError(
            FailureCode.BAD_ENCODING, "文件中有大量无法解码的字符，编码可能有误；请另存为 UTF-8 后重新上传。"
        )
    return text


def _html_text(html: str) -> tuple[str, dict[str, str]]:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html, include_tables=True, include_comments=False, favor_recall=True, with_metadata=True
        )
    except Exception as exc:  # trafilatura wraps lxml; any failure here means the page is unreadable
        if out_of_memory(exc):
            raise  # the parse as a whole is too large (parse_document says so), not the page malformed
        raise ParseError(FailureCode.MALFORMED_HTML, "HTML 页面无法解析，无法提取正文。") from exc
    if result is None:
        return _html_fallback_text(html), {}
    hints = {}
    for key in ("title", "date", "sitename", "author"):
        value = getattr(result, key, None)
        if value:
            hints[key] = str(value)
    # The info line under the headline (发布时间… 来源…), which trafilatura often leaves out of the body.
    hints.update(page_hints(html))
    text = getattr(result, "text", "") or ""
    if not text.strip():
        text = _html_fallback_text(html)
    return text, hints


def _html_fallback_text(html: str) -> str:
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return tree.text_content()


def _pdf_text(data: bytes, config: ParserConfig) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    from .pdf_limits import InflateBudgetExceeded, inflate_budget

    try:
        with inflate_budget(config.max_pdf_inflated_bytes):
            pages = 0
            for _page in PDFPage.get_pages(io.BytesIO(data)):
                pages += 1
                if pages > config.max_pdf_pages:
                    raise ParseError(
                        FailureCode.TOO_MANY_PAGES, f"PDF 超过 {config.max_pdf_pages} 页的上限，请拆分后上传。"
                    )
            text = extract_text(io.BytesIO(data), maxpages=config.max_pdf_pages)
    except (ParseError, MemoryError):
        raise
    except InflateBudgetExceeded as exc:
        raise ParseError(
            FailureCode.TOO_LARGE,
            f"PDF 中的压缩内容解压后超过 {exc.limit / 1048576:.0f} MB 的上限，可能是恶意文件。",
        ) from None
    except Exception as exc:  # pdfminer raises many unrelated types for damaged or encrypted files
        if out_of_memory(exc):
            raise
        name = type(exc).__name__
        if "Encrypt" in name or "Password" in name:
            raise ParseError(FailureCode.CORRUPT_PDF, "PDF 已加密，无法提取文字；请上传未加密的文件。") from exc
        raise ParseError(FailureCode.CORRUPT_PDF, "PDF 文件已损坏，无法读取。") from exc
    return reflow_pdf_lines(text)


_SENTENCE_END = tuple("。！？；：”」）)!?;:")


def reflow_pdf_lines(text: str) -> str:
    """Join lines the PDF layout broke inside a paragraph, so a figure is never split in two."""
    lines = [line.rstrip() for line in text.replace("\x0c", "\n").split("\n")]
    lengths = sorted(len(line) for line in lines if line.strip())
    if not lengths:
        return ""
    full = lengths[int(len(lengths) * 0.9)]
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and not line.strip():
            continue  # pdfminer puts blank lines between layout lines; a full line goes on regardless
        if joining:
            out[-1] += line.strip()
        else:
            out.append(line)
        current = out[-1]
        joining = bool(current.strip()) and len(line) >= full * 0.85 and not current.endswith(_SENTENCE_END)
    return "\n".join(out)
