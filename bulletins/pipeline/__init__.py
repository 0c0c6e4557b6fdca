"""The parsing pipeline: (bytes, filename) → ExtractionRecord. Pure Python: no ORM, no settings.

Stages, in order: decode → clean → structure → regions → quantities → indicators and
attribution → programmes. Each is a plain function over text, tested on its own.
"""

from __future__ import annotations

import logging
import time

from .clean import clean_text
from .config import DEFAULT_CONFIG, ParserConfig
from .decode import decode_document
from .errors import FailureCode, ParseError, out_of_memory
from .record import ExtractionRecord
from .structure import extract_header, split_sections

__all__ = [
    "OUT_OF_MEMORY", "PARSER_VERSION", "ExtractionRecord", "FailureCode", "ParseError", "ParserConfig",
    "parse_document",
]

PARSER_VERSION = "0.1.0"
logger = logging.getLogger(__name__)


OUT_OF_MEMORY = (
    "解析此文件所需的内存超过上限，已停止解析；文件可能过大或过于复杂。原文件已保存，可拆分或精简后重新上传。"
)


def parse_document(data: bytes, filename: str, config: ParserConfig = DEFAULT_CONFIG) -> ExtractionRecord:
    """Parse one uploaded file; raises ParseError with a readable message when it cannot.

    Running out of memory (a worker's FUPIN_PARSE_MEMORY_LIMIT_MB) is the document's doing: it fails
    as too_large, and the process, whose other objects are intact, goes on to the next document.
    """
    try:
        return _parse(data, filename, config)
    except Exception as error:  # only running out of memory is handled here
        if not out_of_memory(error):
            raise
    # Raised outside the except block, so nothing keeps the MemoryError's traceback, and with it the
    # frames holding whatever filled the memory, alive while the failure is recorded.
    raise ParseError(FailureCode.TOO_LARGE, OUT_OF_MEMORY)


def _parse(data: bytes, filename: str, config: ParserConfig) -> ExtractionRecord:
    from measures.extraction.measures import extract_measures

    started = time.perf_counter()
    decoded = decode_document(data, filename, config)
    text = clean_text(decoded.text)
    if not text:
        raise ParseError(FailureCode.NO_TEXT, "去掉网页导航和版权等内容后，文件中没有正文。")
    header = extract_header(decoded.text, text, decoded.hints)
    sections = split_sections(text)
    measures = extract_measures(text, sections, header.title)
    logger.debug("parsed %s in %.1f ms", filename, (time.perf_counter() - started) * 1000)
    return ExtractionRecord(
        title=header.title,
        issue=header.issue,
        published_on=header.published_on,
        issuer=header.issuer,
        text=text,
        format=decoded.format,
        encoding=decoded.encoding,
        parser_version=PARSER_VERSION,
        regions=measures.regions,
        mentions=measures.mentions,
        programs=measures.programs,
        metrics=measures.metrics,
    )
