"""Word (.docx) → text in bounded memory and time, whatever the archive claims about itself.

A .docx is a zip of XML parts. Before anything is parsed: the number of archive members (counted in
the raw bytes, since zipfile builds an object for every one), the unpacked sizes the archive declares
(in total, and for each part we parse), and the compression method. The parts are then read through
a reader that never yields more than the part's limit, in small pieces: zipfile's ``read()`` of a
member whose data inflates past its declared size inflates all of it before cutting it to size and
failing the CRC check. The main document is fed piece by piece to lxml's parser with a target (SAX
style: events, no tree, so nothing to free and 2.7 times the speed of iterparse clearing its tree),
and the parse stops as soon as the text, the paragraphs or the XML elements pass their limits. The
text is what python-docx gave: the body's paragraphs and table rows in document order.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO

from lxml import etree

from .config import ParserConfig
from .errors import FailureCode, ParseError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCUMENT, _BODY, _P, _TBL, _TR, _TC, _T = (W + tag for tag in ("document", "body", "p", "tbl", "tr", "tc", "t"))
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_MAIN_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

MAX_MEMBERS = 10_000  # Word writes tens of parts; zipfile spends ~500 bytes on each before we can look
_CENTRAL_DIRECTORY_ENTRY = b"PK\x01\x02"  # every member has one, so their count bounds the members
_SMALL_PART_BYTES = 1024 * 1024  # [Content_Types].xml and _rels/.rels are a few KB, and parsed whole
_READ_PIECE = 64 * 1024

CORRUPT = "Word 文档已损坏，无法读取其中的正文。"
NOT_A_ZIP = "Word 文档已损坏，无法打开（不是有效的 .docx 压缩包）。"
# What zipfile and zlib raise on damaged members: bad CRC, truncated or invalid deflate data, encryption.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError)


def is_docx(data: bytes) -> bool:
    """A zip with a word/document.xml member (and not so many members that opening it costs much)."""
    if data.count(_CENTRAL_DIRECTORY_ENTRY) > MAX_MEMBERS:
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except _DAMAGED:
        return False


def docx_text(data: bytes, config: ParserConfig) -> str:
    """The text of a .docx: body paragraphs and table rows (cells joined by " | "), one a line."""
    with _open_archive(data, config) as archive:
        main = _main_document_name(archive)
        with _open_part(archive, main, config.max_docx_part_bytes) as stream:
            return _BodyText(config).read(stream)


@contextmanager
def _open_archive(data: bytes, config: ParserConfig) -> Iterator[zipfile.ZipFile]:
    members = data.count(_CENTRAL_DIRECTORY_ENTRY)
    if members > MAX_MEMBERS:
        raise ParseError(
            FailureCode.TOO_LARGE,
            f"Word 文档中有 {members} 个以上的内部文件，超过上限（{MAX_MEMBERS} 个），可能是恶意压缩文件。",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _DAMAGED as exc:
        raise ParseError(FailureCode.CORRUPT_DOCX, NOT_A_ZIP) from exc
    with archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > config.max_docx_uncompressed_bytes:
            raise ParseError(
                FailureCode.TOO_LARGE,
                f"Word 文档解压后 {unpacked / 1048576:.0f} MB，超过上限，可能是恶意压缩文件。",
            )
        yield archive


@contextmanager
def _open_part(archive: zipfile.ZipFile, name: str, limit: int) -> Iterator[IO[bytes]]:
    """A part's bytes, read in pieces and never more than ``limit`` of them, whatever its header says."""
    try:
        info = archive.getinfo(name)
    except KeyError as exc:
        raise ParseError(FailureCode.CORRUPT_DOCX, CORRUPT) from exc
    if info.file_size > limit:
        raise _part_too_large(name, info.file_size, limit)
    # zipfile inflates bzip2 and LZMA members without an output limit, however little is asked for;
    # Word writes only stored and deflated members.
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ParseError(
            FailureCode.CORRUPT_DOCX,
            f"Word 文档中的 {name} 使用了 Word 不会使用的压缩方式，无法读取；请用 Word 重新保存后上传。",
        )
    try:
        with archive.open(info) as member:
            yield _BoundedReader(member, name, limit)
    except _DAMAGED as exc:
        raise ParseError(FailureCode.CORRUPT_DOCX, CORRUPT) from exc


def _part_too_large(name: str, size: int, limit: int) -> ParseError:
    return ParseError(
        FailureCode.TOO_LARGE,
        f"Word 文档中的 {name} 解压后 {size / 1048576:.0f} MB，超过上限（{limit / 1048576:.0f} MB），"
        "可能是恶意压缩文件。",
    )


class _BoundedReader:
    """A file-like view of a member that hands out at most 64 KB a call and ``limit`` bytes in all."""

    def __init__(self, member: IO[bytes], name: str, limit: int) -> None:
        self._member, self._name, self._limit, self._given = member, name, limit, 0

    def read(self, size: int = -1) -> bytes:
        piece = self._member.read(_READ_PIECE if size < 0 else min(size, _READ_PIECE))
        self._given += len(piece)
        # zipfile stops at the declared size, so this holds already; it is checked here so that no
        # change in zipfile can make a member larger than the limit we checked its header against.
        if self._given > self._limit:
            raise _part_too_large(self._name, self._given, self._limit)
        return piece


def _small_part(archive: zipfile.ZipFile, name: str) -> etree._Element:
    with _open_part(archive, name, _SMALL_PART_BYTES) as stream:
        data = b"".join(iter(lambda: stream.read(_READ_PIECE), b""))
    try:
        return etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise ParseError(FailureCode.CORRUPT_DOCX, CORRUPT) from exc


def _parser() -> etree.XMLParser:
    # As python-docx parses: no entities expanded, nothing fetched, blank text between elements dropped.
    return etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)


def _main_document_name(archive: zipfile.ZipFile) -> str:
    """The member the package's officeDocument relationship points at, if it is a Word document.

    The same checks python-docx made, so the same files are refused as damaged.
    """
    target = None
    for relationship in _small_part(archive, "_rels/.rels").iter(_RELS):
        if relationship.get("Type") == _OFFICE_DOCUMENT and relationship.get("TargetMode") != "External":
            target = relationship.get("Target", "")
            break
    if target is None:
        raise ParseError(FailureCode.CORRUPT_DOCX, CORRUPT)
    part_name = posixpath.normpath(posixpath.join("/", target))
    types = _small_part(archive, "[Content_Types].xml")
    content_type = next(
        (o.get("ContentType") for o in types.iter(_TYPES + "Override") if (o.get("PartName") or "").lower()
         == part_name.lower()),
        None,
    )
    if content_type is None:
        extension = posixpath.splitext(part_name)[1][1:].lower()
        content_type = next(
            (d.get("ContentType") for d in types.iter(_TYPES + "Default") if (d.get("Extension") or "").lower()
             == extension),
            None,
        )
    if content_type != _MAIN_CONTENT_TYPE:
        raise ParseError(FailureCode.CORRUPT_DOCX, CORRUPT)
    return part_name.lstrip("/")


@dataclass(slots=True)
class _Row:
    slot: int  # its line's index in the table's lines: rows are written in the order they start
    cells: list[list[int]] = field(default_factory=list)  # [first, end) of each cell's pieces of text


class _BodyText:
    """The body's text, from lxml's parser events (a parser target): no tree is built at all.

    A paragraph directly in the body is one line: all its text. A table gives one line per row,
    nested tables' rows included, each the text of every cell in it (nested cells included) stripped
    and joined by " | ", as python-docx's tree gave them. Text is kept as pieces; a cell is a range
    of them, so a cell inside a nested table costs a range per row around it, not a copy of its text.
    """

    def __init__(self, config: ParserConfig) -> None:
        self.config = config
        self.lines: list[str] = []
        self.length = -1  # of "\n".join(lines)
        self.characters = 0  # of text read from the document
        self.paragraphs = 0  # paragraphs and table rows
        self.elements = 0
        self.cell_ranges = 0
        self.depth = 0
        self.body_seen = False
        self.block: str | None = None  # None outside the first body, "body" between its children, else the child's tag
        self.in_text = False  # inside a w:t, before any child or comment (where the tree's .text ended)
        self.pieces: list[str] = []  # the current block's text
        self.rows: list[_Row] = []  # open rows of the current table, outermost first
        self.cells: list[list[int]] = []  # open cells of the current table
        self.table_lines: list[str] = []
        self.table_length = 0  # of the current table's lines, not yet in ``length``

    def read(self, stream: IO[bytes]) -> str:
        parser = etree.XMLParser(target=self, resolve_entities=False, no_network=True)
        try:
            while piece := stream.read(_READ_PIECE):
                parser.feed(piece)
            return parser.close()
        except etree.XMLSyntaxError as exc:
            if any(error.type == etree.ErrorTypes.ERR_NO_MEMORY for error in exc.error_log):
                raise MemoryError("libxml2 could not allocate memory") from None
            raise ParseError(FailureCode.CORRUPT_DOCX, CORRUPT) from exc

    # ---- the parser target: lxml calls these as it reads ----

    def start(self, tag: str, attrib: object, nsmap: object = None) -> None:
        self.depth += 1
        self.in_text = False
        self.elements += 1
        if self.elements > self.config.max_docx_elements:
            raise ParseError(
                FailureCode.TOO_LARGE,
                f"Word 文档的结构过于庞大（超过 {self.config.max_docx_elements} 个 XML 元素），无法解析。",
            )
        if self.depth == 1 and tag != _DOCUMENT:
            raise ParseError(FailureCode.CORRUPT_DOCX, CORRUPT)
        if self.depth == 2 and tag == _BODY and not self.body_seen:
            self.body_seen, self.block = True, "body"  # python-docx read the first body only
        elif self.depth == 3 and self.block == "body":
            self.block = tag if tag in (_P, _TBL) else "other"
        if self.depth >= 3 and self.block in (_P, _TBL):
            self._start(tag)

    def data(self, text: str) -> None:
        if self.in_text:
            self.characters += len(text)
            if self.characters > self.config.max_text_chars:
                raise self._text_too_long()
            self.pieces.append(text)

    def end(self, tag: str) -> None:
        self.in_text = False
        if self.depth >= 3 and self.block in (_P, _TBL):
            self._end(tag, at_top=self.depth == 3)
        if self.depth == 3 and self.block is not None:
            self.block = "body"
        elif self.depth == 2 and self.block == "body":
            self.block = None
        self.depth -= 1

    def comment(self, text: str) -> None:
        self.in_text = False

    def pi(self, target: str, data: str | None = None) -> None:
        self.in_text = False

    def doctype(self, name: str, public_id: str | None, system_url: str | None) -> None:
        # Word never writes one, and its entities would reach the text expanded.
        raise ParseError(FailureCode.CORRUPT_DOCX, "Word 文档中含有 Word 不会写入的文档类型定义（DTD），无法读取。")

    def close(self) -> str:
        return "\n".join(self.lines)

    # ---- blocks, rows and cells ----

    def _start(self, tag: str) -> None:
        if tag == _T:
            self.in_text = True
            return
        if tag == _P or (tag == _TR and self.block == _TBL):
            self.paragraphs += 1
            if self.paragraphs > self.config.max_docx_paragraphs:
                raise ParseError(
                    FailureCode.TOO_LARGE,
                    f"Word 文档的段落和表格行超过 {self.config.max_docx_paragraphs} 个，超过上限，无法解析。",
                )
        if self.block != _TBL:
            return
        if tag == _TR:
            self.rows.append(_Row(slot=len(self.table_lines)))
            self.table_lines.append("")
        elif tag == _TC:
            cell = [len(self.pieces), len(self.pieces)]
            self.cells.append(cell)
            for row in self.rows:  # a nested cell is also a cell of every row around it
                row.cells.append(cell)
            self.cell_ranges += len(self.rows)
            # Each cell a row lists adds its " | " to the text: more of them than the text may have
            # characters is a text over the limit, however empty the cells.
            if self.cell_ranges > self.config.max_text_chars:
                raise self._text_too_long()

    def _end(self, tag: str, at_top: bool) -> None:
        if self.block == _TBL and tag == _TC and self.cells:
            self.cells.pop()[1] = len(self.pieces)
        elif self.block == _TBL and tag == _TR and self.rows:
            self._end_row(self.rows.pop())
        if at_top and tag == _P:
            self._add_line("".join(self.pieces))
            self.pieces.clear()
        elif at_top and tag == _TBL:
            for line in self.table_lines:
                self._add_line(line)
            self.pieces.clear()
            self.table_lines.clear()
            self.table_length = 0

    def _end_row(self, row: _Row) -> None:
        cells, length = [], self.length + self.table_length + 1
        for first, end in row.cells:
            cells.append("".join(self.pieces[first:end]).strip())
            length += len(cells[-1]) + (3 if len(cells) > 1 else 0)
            if length > self.config.max_text_chars:  # checked as it grows: nested tables repeat their text
                raise self._text_too_long()
        self.table_lines[row.slot] = line = " | ".join(cells)
        self.table_length += len(line) + 1
        if not self.rows:
            self.pieces.clear()  # no open row can reach back to text before this one

    def _add_line(self, line: str) -> None:
        self.length += len(line) + 1
        if self.length > self.config.max_text_chars:
            raise self._text_too_long()
        self.lines.append(line)

    def _text_too_long(self) -> ParseError:
        return ParseError(FailureCode.TOO_LARGE, f"正文超过 {self.config.max_text_chars} 个字符，无法解析。")
