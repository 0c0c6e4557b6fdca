"""Tables: figures in table cells take their measure word from the column header.

Decoding turns every table row into one line of cells separated by " | " (HTML and DOCX alike);
a header such as "帮扶资金（万元）" gives the cells below it their unit and their indicator.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .quantities import Quantity, parse_quantity

_SEPARATOR = " | "  # how decoding joins cells; a line without it is not a table row
_HEADER_UNIT = re.compile(r"^(?P<name>.*?)\s*[（(]\s*(?P<unit>[^（()）]{1,6})\s*[)）]\s*$")
_RULE = re.compile(r"^\s*\|?[\s|:\-]*-[\s|:\-]*$")
_NUMBER_CELL = re.compile(r"^\s*[0-9０-９][0-9０-９,，.．]*\s*$")


def table_figures(text: str) -> list[tuple[Quantity, str]]:
    """(quantity, indicator) for every bare number in a table whose column header names a unit."""
    found: list[tuple[Quantity, str]] = []
    header: list[tuple[str, str] | None] | None = None
    position = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        if _RULE.match(line):
            continue  # trafilatura's markdown rule under the header row: "|---|---|"
        if _SEPARATOR not in line:
            header = None
            continue
        cells = _cells(line, line_start)
        if header is None:
            header = [_header_unit(cell) for cell, _start in cells]
            continue
        for index, (cell, start) in enumerate(cells):
            column = header[index] if index < len(header) else None
            if column is None or not _NUMBER_CELL.match(cell):
                continue
            name, unit = column
            quantity = parse_quantity(cell.strip() + unit)
            if quantity is None:
                continue
            printed = cell.strip()
            offset = start + cell.index(printed)
            found.append((replace(quantity, text=printed, start=offset, end=offset + len(printed)), name))
    return found


def _cells(line: str, line_start: int) -> list[tuple[str, int]]:
    # "| a | b |" (trafilatura) and "a | b" (DOCX) are the same row.
    cells, offset = [], line_start
    for cell in line.split("|"):
        cells.append((cell, offset))
        offset += len(cell) + 1
    if cells and not cells[0][0].strip():
        cells = cells[1:]
    if cells and not cells[-1][0].strip():
        cells = cells[:-1]
    return cells


def _header_unit(cell: str) -> tuple[str, str] | None:
    match = _HEADER_UNIT.match(cell.strip())
    return (match.group("name").strip(), match.group("unit")) if match else None
