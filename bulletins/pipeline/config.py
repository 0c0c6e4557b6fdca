from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ParserConfig:
    """Limits the pure parser needs; built from Django settings by the caller, never read from them."""

    max_bytes: int = 20 * 1024 * 1024
    max_pdf_pages: int = 200
    max_docx_uncompressed_bytes: int = 100 * 1024 * 1024
    max_text_chars: int = 2_000_000


DEFAULT_CONFIG = ParserConfig()
