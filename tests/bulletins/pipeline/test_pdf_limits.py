"""pdfminer inflates a PDF's compressed streams within a budget per parse, so a deflate bomb is refused."""

import tracemalloc
import zlib
from pathlib import Path

import pdfminer.pdftypes
import pytest

from bulletins.pipeline import pdf_limits
from bulletins.pipeline.config import ParserConfig
from bulletins.pipeline.decode import decode_document
from bulletins.pipeline.errors import FailureCode, ParseError
from tests.builders import pdf_bytes

BOMB = Path(__file__).resolve().parents[2] / "hostile" / "files" / "pdf_deflate_bomb.pdf"  # 2 KB → 512 MB


def test_pdfminer_inflates_through_the_budget():
    # Fails if a pdfminer upgrade stops calling its module's zlib: the budget would silently not apply.
    assert pdf_limits.installed()


def test_a_pdf_whose_streams_inflate_past_the_budget_is_refused_as_too_large_holding_no_more_than_it():
    tracemalloc.start()
    try:
        with pytest.raises(ParseError) as caught:
            decode_document(BOMB.read_bytes(), "bomb.pdf", ParserConfig(max_pdf_inflated_bytes=8 * 1024 * 1024))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.code == FailureCode.TOO_LARGE
    assert "解压后超过 8 MB 的上限" in caught.value.message
    assert peak < 40 * 1024 * 1024


def test_a_text_pdf_within_the_budget_reads_as_before():
    data = pdf_bytes(["城口县扶贫简报第3期", "全县投入扶贫资金1.2亿元。"])
    assert "全县投入扶贫资金1.2亿元。" in decode_document(data, "brief.pdf", ParserConfig()).text


def test_the_budget_counts_every_stream_of_the_parse_together():
    stream = zlib.compress(b" " * 600)
    with pdf_limits.inflate_budget(1000):
        assert pdfminer.pdftypes.zlib.decompress(stream) == b" " * 600
        with pytest.raises(pdf_limits.InflateBudgetExceeded):
            pdfminer.pdftypes.zlib.decompress(stream)


def test_damaged_streams_pdfminer_inflates_byte_by_byte_are_held_to_the_budget_too():
    truncated = zlib.compress(b" " * 100_000)[:-4]
    with pdf_limits.inflate_budget(1000), pytest.raises(pdf_limits.InflateBudgetExceeded):
        pdfminer.pdftypes.decompress_corrupted(truncated)


def test_outside_a_parse_streams_inflate_as_zlib_does():
    data = b"\x00" * (3 * 1024 * 1024)
    assert pdfminer.pdftypes.zlib.decompress(zlib.compress(data)) == data
    with pytest.raises(zlib.error):
        pdfminer.pdftypes.zlib.decompress(zlib.compress(data)[:-10])
