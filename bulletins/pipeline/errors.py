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


def out_of_memory(error: BaseException) -> bool:
    """Whether ``error`` is a MemoryError or was raised over one.

    C extensions do not always pass a failed allocation on as it is: pyahocorasick, for one, raises
    SystemError with the MemoryError as its cause.
    """
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, MemoryError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
