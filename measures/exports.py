"""Streamed exports of a metric query (site CSV, API CSV and NDJSON): memory flat in the number of rows."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from django.db.models import QuerySet

from bulletins.templatetags.figures import plain_number

COLUMNS = ("bulletin_id", "bulletin_title", "published_on", "indicator", "value", "value_max", "unit",
           "qualifier", "region_code", "region_name", "source_text")
CHUNK = 2000  # rows per fetch from a server-side cursor


FIELDS = ("bulletin_id", "bulletin__title", "bulletin__published_on", "indicator", "value", "value_max", "unit",
          "qualifier", "region__code", "region__name", "source_text")


def _rows(metrics: QuerySet) -> Iterator[tuple]:
    # Plain tuples, not model instances: building a Metric, its Bulletin and Region per row cost more
    # than the query itself.
    for (bulletin_id, title, published_on, indicator, value, value_max, unit, qualifier, region_code,
         region_name, source_text) in metrics.values_list(*FIELDS).iterator(chunk_size=CHUNK):
        yield (
            bulletin_id, title, published_on.isoformat() if published_on else "", indicator, plain_number(value),
            plain_number(value_max), unit, qualifier, region_code or "", region_name or "", source_text,
        )


# Columns of words from the bulletin; the others are ids, dates and numbers, which may start with "-".
TEXT_COLUMNS = {COLUMNS.index(name) for name in
                ("bulletin_title", "indicator", "unit", "qualifier", "region_name", "source_text")}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A text cell a spreadsheet would run as a formula ("=HYPERLINK(…)") gets a leading apostrophe."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(metrics: QuerySet) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(COLUMNS)  # BOM: spreadsheet programs then read UTF-8
    for row in _rows(metrics):
        yield writer.writerow([spreadsheet_safe(c) if i in TEXT_COLUMNS and c else c for i, c in enumerate(row)])


def ndjson_lines(metrics: QuerySet) -> Iterator[str]:
    for row in _rows(metrics):
        record = dict(zip(COLUMNS, row, strict=True))
        record["value_max"] = record["value_max"] or None
        record["published_on"] = record["published_on"] or None
        yield json.dumps(record, ensure_ascii=False) + "\n"
