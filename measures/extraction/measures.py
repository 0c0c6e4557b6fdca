"""Regions, programmes and metrics of one cleaned text: the measures half of the pipeline."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from bulletins.pipeline.record import MetricRecord, ProgramRecord, RegionRecord

from .attribution import RegionAttributor, SectionLike
from .indicators import IndicatorFinder
from .programs import classify_sections, named_programmes
from .quantities import find_quantities
from .regions import load_gazetteer
from .tables import read_tables


@dataclass(frozen=True, slots=True)
class Measures:
    regions: tuple[RegionRecord, ...]
    mentions: tuple[RegionRecord, ...]
    programs: tuple[ProgramRecord, ...]
    metrics: tuple[MetricRecord, ...]


def extract_measures(text: str, sections: Sequence[SectionLike], title: str | None) -> Measures:
    gazetteer = load_gazetteer()
    found = gazetteer.find_mentions(text)
    mentions = tuple(RegionRecord(m.code, m.name, m.mention, m.start, m.end) for m in found)
    first: dict[str, RegionRecord] = {}
    for mention in mentions:
        first.setdefault(mention.code, mention)

    attributor = RegionAttributor(text, found, sections, title)
    programs = []
    for section, category in classify_sections(text, sections, title):
        codes = tuple(dict.fromkeys(m.code for m in found if section.start <= m.start < section.end))
        if not codes:
            governing = attributor.region_for(section.start)
            codes = (governing,) if governing else ()
        programs.append(ProgramRecord(section.title, category, codes, section.start, section.end))

    # A sentence that names a programme of a category no enclosing block reports is a programme too.
    for title, category, start, end in named_programmes(text):
        covering = [p for p in programs if p.start <= start < p.end and p.category == category]
        if not covering:
            codes = tuple(dict.fromkeys(m.code for m in found if start <= m.start < end))
            governing = attributor.region_for(start)
            programs.append(ProgramRecord(title, category, codes or ((governing,) if governing else ()), start, end))
    programs.sort(key=lambda p: p.start)

    # Table cells are read by column and row; the prose pass counts nothing inside the cells read so.
    tables = read_tables(text, found, attributor.region_for)
    cell_starts = [start for start, _end in tables.cells]
    figures = [(f.quantity, f.indicator, f.region) for f in tables.figures]
    for quantity in find_quantities(text):
        at = bisect.bisect_right(cell_starts, quantity.start) - 1
        if at < 0 or tables.cells[at][1] <= quantity.start:
            figures.append((quantity, None, None))
    figures.sort(key=lambda figure: figure[0].start)

    indicators = IndicatorFinder(text)
    owner = _innermost_owner(programs, len(text))
    metrics = []
    for quantity, column, row_region in figures:
        metrics.append(
            MetricRecord(
                text=quantity.text,
                value=quantity.value,
                value_max=quantity.value_max,
                unit=quantity.unit,
                qualifier=quantity.qualifier,
                indicator=column or indicators.indicator_for(quantity.start, quantity.end, quantity.unit),
                region=row_region or attributor.region_for(quantity.start),
                start=quantity.start,
                end=quantity.end,
                program=owner[quantity.start],
            )
        )
    return Measures(tuple(first.values()), mentions, tuple(programs), tuple(metrics))


def _innermost_owner(programs: Sequence[ProgramRecord], length: int) -> list[int | None]:
    """For every position of the text, the index of the smallest programme span that covers it."""
    owner: list[int | None] = [None] * length
    by_size = sorted(range(len(programs)), key=lambda i: programs[i].start - programs[i].end)
    for index in by_size:  # largest first, so smaller (inner) spans paint over them
        program = programs[index]
        owner[program.start : program.end] = [index] * (program.end - program.start)
    return owner
