"""A ceiling on the bytes pdfminer.six inflates from one PDF.

pdfminer.six (20260107) inflates each FlateDecode stream with one unbounded ``zlib.decompress`` and
has no option to limit it: a 2 KB PDF whose page content is deflated twice unpacks to 512 MB and
more. Its module gets a stand-in for ``zlib`` whose ``decompress`` and ``decompressobj`` (the latter
used for damaged streams) draw on a budget of inflated bytes, set for one parse by ``inflate_budget``;
without a budget they are zlib's own. tests/bulletins/pipeline/test_pdf_limits.py fails if a
pdfminer upgrade stops going through it.
"""

from __future__ import annotations

import types
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import pdfminer.pdftypes


class InflateBudgetExceeded(Exception):
    """The PDF's compressed streams unpack to more than the budget."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"compressed streams unpack to more than {limit} bytes")
        self.limit = limit


class _Budget:
    __slots__ = ("limit", "remaining")

    def __init__(self, limit: int) -> None:
        self.limit = self.remaining = limit

    def spend(self, size: int) -> None:
        self.remaining -= size
        if self.remaining < 0:
            raise InflateBudgetExceeded(self.limit)


_PIECE = 16 * 1024 * 1024
_budget: ContextVar[_Budget | None] = ContextVar("pdf_inflate_budget", default=None)


@contextmanager
def inflate_budget(limit: int) -> Iterator[None]:
    """Within this block, pdfminer raises InflateBudgetExceeded once it has inflated ``limit`` bytes."""
    token = _budget.set(_Budget(limit))
    try:
        yield
    finally:
        _budget.reset(token)


def _decompress(data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
    budget = _budget.get()
    if budget is None:
        return zlib.decompress(data, wbits, bufsize)
    inflater, pieces = zlib.decompressobj(wbits), []
    # In pieces, so a stream over the budget is given up holding the budget, not twice it for a join.
    while not inflater.eof:
        pieces.append(inflater.decompress(data, _PIECE))
        budget.spend(len(pieces[-1]))
        data = inflater.unconsumed_tail
        if not data and len(pieces[-1]) < _PIECE:
            break
    if not inflater.eof:  # all the input used and no end of stream, as zlib.decompress reports it
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return b"".join(pieces)


class _BoundedInflater:
    """zlib's decompression object, each call's output limited to what is left of the budget."""

    def __init__(self, budget: _Budget, wbits: int) -> None:
        self._budget = budget
        self._inflater = zlib.decompressobj(wbits)

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        allowed = self._budget.remaining + 1
        out = self._inflater.decompress(data, min(max_length, allowed) if max_length else allowed)
        self._budget.spend(len(out))
        return out

    def flush(self, length: int = zlib.DEF_BUF_SIZE) -> bytes:
        out = self._inflater.flush(length)
        self._budget.spend(len(out))
        return out

    def __getattr__(self, name: str) -> object:  # eof, unused_data, unconsumed_tail
        return getattr(self._inflater, name)


def _decompressobj(wbits: int = zlib.MAX_WBITS, *args: object) -> object:
    budget = _budget.get()
    if budget is None or args:
        return zlib.decompressobj(wbits, *args)
    return _BoundedInflater(budget, wbits)


def _install() -> None:
    bounded = types.ModuleType("zlib", "zlib, with pdfminer's inflating drawn from a per-parse budget")
    bounded.__dict__.update({k: v for k, v in vars(zlib).items() if not k.startswith("__")})
    bounded.decompress = _decompress
    bounded.decompressobj = _decompressobj
    if getattr(pdfminer.pdftypes, "zlib", None) is zlib:
        pdfminer.pdftypes.zlib = bounded


def installed() -> bool:
    """Whether pdfminer inflates through the budget (a pdfminer upgrade could change how it imports zlib)."""
    return getattr(pdfminer.pdftypes, "zlib", None) is not zlib and pdfminer.pdftypes.zlib.decompress is _decompress


_install()
