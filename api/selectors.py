"""Reads for the partner API: published records only, decided by the site's selectors."""

from __future__ import annotations

import datetime as dt

from django.db.models import Max, Prefetch, QuerySet

from bulletins.models import Bulletin, Removal
from bulletins.selectors import bulletin_published_list
from measures.models import Metric, Program, Region, RegionMention
from measures.selectors import metric_published_list

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def api_bulletin_list() -> QuerySet[Bulletin]:
    mentions = RegionMention.objects.select_related("region").only("bulletin_id", "region__code")
    return (
        bulletin_published_list()
        .defer("text", "search_vector")
        .prefetch_related(Prefetch("region_mentions", queryset=mentions))
    )


def api_bulletin_detail_list() -> QuerySet[Bulletin]:
    mentions = RegionMention.objects.select_related("region").only("bulletin_id", "region__code")
    return bulletin_published_list().defer("search_vector").prefetch_related(
        Prefetch("region_mentions", queryset=mentions),
        Prefetch("metrics", queryset=Metric.objects.select_related("region").order_by("start", "id")),
        Prefetch("programs", queryset=Program.objects.prefetch_related("regions").order_by("start", "id")),
    )


def api_metric_list() -> QuerySet[Metric]:
    return metric_published_list().select_related("region")


def api_program_list() -> QuerySet[Program]:
    return (
        Program.objects.filter(bulletin__status=Bulletin.Status.PUBLISHED)
        .prefetch_related("regions")
        .order_by("-id")
    )


def api_region_list() -> QuerySet[Region]:
    return Region.objects.select_related("parent").order_by("code")


def api_removal_list() -> QuerySet[Removal]:
    return Removal.objects.order_by("removed_at", "id")


def public_data_changed_at() -> dt.datetime:
    """When anything a partner can read last changed: newest publication, edit or removal.

    Every one of these reads one end of an index, so conditional requests cost a few milliseconds."""
    times = [
        Bulletin.objects.filter(status=Bulletin.Status.PUBLISHED).aggregate(t=Max("updated_at"))["t"],
        Metric.objects.filter(public=True).aggregate(t=Max("updated_at"))["t"],
        Program.objects.aggregate(t=Max("updated_at"))["t"],
        Removal.objects.aggregate(t=Max("removed_at"))["t"],
    ]
    return max((t for t in times if t is not None), default=EPOCH)
