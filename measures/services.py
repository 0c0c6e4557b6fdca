"""Measures services: merging a parser record into the database."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from bulletins import access
from bulletins.models import Bulletin, Removal
from bulletins.pipeline.record import ExtractionRecord
from measures.models import Metric, Program, Region, RegionMention


@dataclass(frozen=True, slots=True)
class RecordChanges:
    """What a (re-)parse changed, for the reviewer: machine figures added and removed, human ones kept."""

    added: int
    removed: int
    kept_by_person: int

    def __str__(self) -> str:
        return f"指标：新增 {self.added}，移除 {self.removed}，保留人工修改 {self.kept_by_person}"


@transaction.atomic
def record_save(*, bulletin: Bulletin, record: ExtractionRecord) -> RecordChanges:
    """Replace the bulletin's machine-made programmes, metrics and mentions with the record's.

    Rows a person made or edited (``by_person``) are left untouched, so a re-parse never
    undoes review work.
    """
    before = set(
        Metric.objects.filter(bulletin=bulletin, by_person=False).values_list("source_text", "start", "value", "unit")
    )
    Metric.objects.filter(bulletin=bulletin, by_person=False).delete()
    Program.objects.filter(bulletin=bulletin, by_person=False).delete()
    RegionMention.objects.filter(bulletin=bulletin).delete()
    # A figure a person corrected or added stands in for the machine's reading of the same text.
    human_spans = [
        (start, end)
        for start, end in Metric.objects.filter(bulletin=bulletin, by_person=True).values_list("start", "end")
        if start is not None
    ]
    human_titles = set(Program.objects.filter(bulletin=bulletin, by_person=True).values_list("start", flat=True))

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
    Program.objects.bulk_create([p for p in programs if p.start not in human_titles])
    # One insert for every link, as for the programmes themselves: per-programme regions.set() fired
    # m2m signals and a history snapshot each, half the cost of saving a parse. History starts at the
    # first human edit, as it does for machine-made metrics.
    Program.regions.through.objects.bulk_create(
        Program.regions.through(program_id=program.pk, region_id=regions[code].pk)
        for program, parsed in zip(programs, record.programs, strict=True)
        if program.pk
        for code in dict.fromkeys(parsed.regions)
        if code in regions
    )
    new_metrics = [
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
            public=bulletin.status == Bulletin.Status.PUBLISHED,
            year=bulletin.published_on.year if bulletin.published_on else None,
        )
        for m in record.metrics
        if not any(start < m.end and m.start < end for start, end in human_spans)
    ]
    for metric in new_metrics:
        if metric.program is not None and metric.program.pk is None:
            metric.program = None
    Metric.objects.bulk_create(new_metrics)
    after = {(m.source_text, m.start, m.value, m.unit) for m in new_metrics}
    return RecordChanges(
        added=len(after - before), removed=len(before - after), kept_by_person=len(human_spans)
    )


REVIEWABLE_METRIC_FIELDS = ("value", "value_max", "unit", "qualifier", "indicator", "region", "program")


@transaction.atomic
def metric_review_update(*, metric: Metric, changes: dict, by: AbstractBaseUser) -> Metric:
    """Apply a reviewer's correction; the metric becomes a person's and survives re-parsing."""
    _require(by, "change", metric)
    for field, value in changes.items():
        if field not in REVIEWABLE_METRIC_FIELDS:
            raise ValueError(f"{field} is not reviewable")
        setattr(metric, field, value)
    metric.by_person = True
    metric.full_clean(exclude=["bulletin"])
    metric.save()
    return metric


@transaction.atomic
def metric_review_create(
    *, bulletin: Bulletin, start: int, end: int, fields: dict, by: AbstractBaseUser
) -> Metric:
    """A figure the parser missed, added by a reviewer who selected it in the text."""
    _require(by, "add", Metric(bulletin=bulletin))
    if not (0 <= start < end <= len(bulletin.text)):
        raise ValidationError("所选文字不在正文范围内。")
    metric = Metric(
        bulletin=bulletin, start=start, end=end, source_text=bulletin.text[start:end][:100], by_person=True,
        public=bulletin.status == Bulletin.Status.PUBLISHED,
        year=bulletin.published_on.year if bulletin.published_on else None,
        **{k: v for k, v in fields.items() if k in REVIEWABLE_METRIC_FIELDS},
    )
    metric.full_clean()
    metric.save()
    return metric


@transaction.atomic
def metric_review_delete(*, metric: Metric, by: AbstractBaseUser) -> None:
    _require(by, "delete", metric)
    from bulletins.services import removal_record

    removal_record(kind=Removal.Kind.METRIC, pk=metric.pk, bulletin=metric.bulletin)
    metric.delete()


@transaction.atomic
def program_review_update(*, program: Program, changes: dict, by: AbstractBaseUser) -> Program:
    _require(by, "change", program)
    for field, value in changes.items():
        if field == "regions":
            continue
        setattr(program, field, value)
    program.by_person = True
    program.save()
    if "regions" in changes:
        program.regions.set(changes["regions"])
    return program


ACTION_WORDS = {"add": "新增", "change": "修改", "delete": "删除"}


def _require(user: AbstractBaseUser, action: str, record: Metric | Program) -> None:
    """The one rule (bulletins.access): the role grants ``action`` and the record's bulletin allows it."""
    if not access.may(user, action, record):
        raise PermissionDenied(f"无权{ACTION_WORDS[action]}这条记录。")


@transaction.atomic
def program_review_delete(*, program: Program, by: AbstractBaseUser) -> None:
    _require(by, "delete", program)
    from bulletins.services import removal_record

    removal_record(kind=Removal.Kind.PROGRAM, pk=program.pk, bulletin=program.bulletin)
    program.delete()


def metrics_sync_publication(*, bulletin: Bulletin) -> None:
    """Copy the bulletin's publication and year onto its metrics (see Metric.public)."""
    Metric.objects.filter(bulletin=bulletin).update(
        updated_at=timezone.now(),
        public=bulletin.status == Bulletin.Status.PUBLISHED,
        year=bulletin.published_on.year if bulletin.published_on else None,
    )
