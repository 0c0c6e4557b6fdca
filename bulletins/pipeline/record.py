"""The extraction record (../shared/eval/SCHEMA.md): what the pure parser returns for one document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True, slots=True)
class RegionRecord:
    code: str
    name: str
    mention: str  # the form first used in the text
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ProgramRecord:
    title: str
    category: str
    regions: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MetricRecord:
    text: str
    value: Decimal
    value_max: Decimal | None
    unit: str
    qualifier: str
    indicator: str | None
    region: str | None
    start: int
    end: int
    program: int | None  # index into ExtractionRecord.programs


@dataclass(frozen=True, slots=True)
class ExtractionRecord:
    title: str | None
    issue: str | None
    published_on: dt.date | None
    issuer: str | None
    text: str  # the cleaned text all offsets point into
    format: str
    encoding: str
    parser_version: str
    regions: tuple[RegionRecord, ...]
    mentions: tuple[RegionRecord, ...]  # every mention, for highlighting; `regions` holds each code once
    programs: tuple[ProgramRecord, ...]
    metrics: tuple[MetricRecord, ...]

    def to_json(self) -> dict[str, Any]:
        """The SCHEMA.md shape, plus offsets ("start", "end") that scorers ignore."""
        return {
            "bulletin": {
                "title": self.title,
                "issue": self.issue,
                "published_on": self.published_on.isoformat() if self.published_on else None,
                "issuer": self.issuer,
            },
            "regions": [
                {"code": r.code, "name": r.name, "mention": r.mention, "start": r.start, "end": r.end}
                for r in self.regions
            ],
            "programs": [
                {"title": p.title, "category": p.category, "regions": list(p.regions), "start": p.start, "end": p.end}
                for p in self.programs
            ],
            "metrics": [
                {
                    "text": m.text,
                    "value": json_number(m.value),
                    "value_max": json_number(m.value_max),
                    "unit": m.unit,
                    "qualifier": m.qualifier,
                    "indicator": m.indicator,
                    "region": m.region,
                    "start": m.start,
                    "end": m.end,
                }
                for m in self.metrics
            ],
            "document": {"format": self.format, "encoding": self.encoding, "parser_version": self.parser_version},
        }


def json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
