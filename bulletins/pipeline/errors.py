"""Why a document could not be parsed: a stable code for machines, a sentence for people."""

from enum import StrEnum


class FailureCode(StrEnum):
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    BINARY = "binary"
    UNSUPPORTED_FORMAT = "unsupported_format"
    BAD_ENCODING = "bad_encoding"
    CORRUPT_DOCX = "corrupt_docx"
    CORRUPT_PDF = "corrupt_pdf"
    MALFORMED_HTML = "malformed_html"
    NO_TEXT = "no_text"
    TOO_MANY_PAGES = "too_many_pages"
    TIMEOUT = "timeout"
    INTERNAL = "internal"


class ParseError(Exception):
    """The document cannot be turned into a record; ``message`` is shown to editors as is."""

    def __init__(self, code: FailureCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
