"""Measures services: merging a parser record into the database."""

from __future__ import annotations

from django.db import transaction

from bulletins.models import Bulletin
from bulletins.pipeline.record import ExtractionRecord
from measures.models import Metric, Program, Region, RegionMention


@transaction.atomic
def record_save(*, bulletin: Bulletin, record: ExtractionRecord) -> None:
    """Replace the bulletin's machine-made programmes, metrics and mentions with the record's.

    Rows a person made or edited (``by_person``) are left untouched, so a re-parse never
    undoes review work.
    """
    Metric.objects.filter(bulletin=bulletin, by_person=False).delete()
    Program.objects.filter(bulletin=bulletin, by_person=False).delete()
    RegionMention.objects.filter(bulletin=bulletin).delete()

    codes = {m.code for m in record.mentions} | {c for p in record.programs for c in p.regions}
    codes |= {m.region for m in record.metrics if m.region}
    regions = Region.objects.in_bulk(codes, field_name="code")

    RegionMention.objects.bulk_create(
        RegionMention(bulletin=bulletin, region=regions[m.code], mention=m.mention[:64], start=m.start, end=m.end)
        for m in record.mentions
        if m.code in regions
    )
    programs = [
        Program(
            bulletin=bulletin, title=p.title[:300] or "（无标题）", category=p.category, start=p.start, end=p.end
        )
        for p in record.programs
    ]
    Program.objects.bulk_create(programs)
    for program, parsed in zip(programs, record.programs, strict=True):
        program.regions.set([regions[c] for c in parsed.regions if c in regions])
    Metric.objects.bulk_create(
        Metric(
            bulletin=bulletin,
            program=programs[m.program] if m.program is not None else None,
            region=regions.get(m.region) if m.region else None,
            indicator=(m.indicator or "")[:200],
            value=m.value,
            value_max=m.value_max,
            unit=m.unit[:16],
            qualifier=m.qualifier,
            source_text=m.text[:100],
            start=m.start,
            end=m.end,
        )
        for m in record.metrics
    )
