"""Metric and region selectors for the public site and the API: published records only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.shortcuts import get_object_or_404

from bulletins.models import Bulletin
from bulletins.selectors import bulletin_published_list, filtered
from measures.divisions import region_ids_within, region_prefix
from measures.filters import MetricFilter
from measures.models import Metric, Region, RegionMention


def metric_published_list() -> QuerySet[Metric]:
    # Metric.public mirrors the bulletin's status, so a million figures are filtered without a join;
    # newest first by id: an index scan that stops at the page.
    return Metric.objects.filter(public=True).order_by("-id")


def metric_list(*, filters: Mapping[str, Any]) -> QuerySet[Metric]:
    return metric_filterset(filters=filters).qs


def metric_filterset(*, filters: Mapping[str, Any]) -> MetricFilter:
    queryset = metric_published_list().select_related("region", "bulletin", "program").defer(
        "bulletin__text", "bulletin__search_vector"
    )
    return filtered(MetricFilter, filters, queryset)


TOTALS_ROWS = 50  # the groups with most figures; the CSV has every row


def metric_totals(*, queryset: QuerySet[Metric], group: str) -> list[dict]:
    """Sums per region or per year, one row per unit (adding 元 to 户 means nothing)."""
    key = "year" if group == "year" else "region_id"
    rows = list(
        queryset.order_by()
        .values(key, "unit")
        .annotate(total=Sum("value"), figures=Count("*"))
        .order_by("-figures")[:TOTALS_ROWS]
    )
    if key == "region_id":
        regions = {pk: (code, name) for pk, code, name in
                   Region.objects.filter(pk__in={r["region_id"] for r in rows}).values_list("pk", "code", "name")}
        for row in rows:
            row["region__code"], row["region__name"] = regions.get(row["region_id"], (None, None))
    return rows


def region_get(*, code: str) -> Region:
    return get_object_or_404(Region.objects.select_related("parent"), code=code)


def region_children(*, region: Region) -> QuerySet[Region]:
    return region.children.order_by("code")


def region_bulletins(*, region: Region, limit: int = 50) -> QuerySet[Bulletin]:
    codes = RegionMention.objects.filter(region__code__startswith=region_prefix(region.code)).values("bulletin_id")
    return bulletin_published_list().filter(pk__in=codes).defer("text", "search_vector")[:limit]


def region_series(*, region: Region) -> list[dict]:
    """Per year and unit: the sum of the published figures attributed to this region or its divisions."""
    rows = (
        metric_published_list()
        .filter(region__in=region_ids_within(region), year__isnull=False)
        .order_by()
        .values("year", "unit")
        .annotate(total=Sum("value"), figures=Count("*"))
        .order_by("unit", "year")
    )
    return list(rows)


def portal_totals() -> dict[str, int]:
    published = bulletin_published_list()
    return {
        "bulletins": published.count(),
        "metrics": Metric.objects.filter(public=True).count(),
        "regions": RegionMention.objects.filter(bulletin__status=Bulletin.Status.PUBLISHED)
        .values("region").distinct().count(),
    }
