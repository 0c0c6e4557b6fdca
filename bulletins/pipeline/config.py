from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ParserConfig:
    """Limits the pure parser needs; built from Django settings by the caller, never read from them."""

    max_bytes: int = 20 * 1024 * 1024
    max_pdf_pages: int = 200
    max_docx_uncompressed_bytes: int = 100 * 1024 * 1024
    max_text_chars: int = 2_000_000
    # Bounded work per upload (bulletins/pipeline/docx.py, pdf_limits.py). A real bulletin's
    # word/document.xml is a few MB with some 100,000 XML elements and a few thousand paragraphs.
    max_docx_part_bytes: int = 32 * 1024 * 1024  # each XML part we parse, unpacked
    max_docx_paragraphs: int = 200_000  # paragraphs and table rows
    max_docx_elements: int = 3_000_000  # XML elements of the main document
    max_pdf_inflated_bytes: int = 256 * 1024 * 1024  # all the compressed streams pdfminer unpacks, together


DEFAULT_CONFIG = ParserConfig()
