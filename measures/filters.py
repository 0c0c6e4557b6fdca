"""The metric explorer's filters, shared by the public site and the partner API."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from bulletins.filters import RegionFilter
from measures.divisions import region_ids_within
from measures.indicator_words import indicators_containing
from measures.models import Metric, Program, Region


class MetricFilter(django_filters.FilterSet):
    indicator = django_filters.CharFilter(label=_("指标词"), method="filter_indicator")
    unit = django_filters.CharFilter(label=_("单位"), field_name="unit")
    region = RegionFilter(label=_("地区"), method="filter_region")
    category = django_filters.ChoiceFilter(
        label=_("项目类别"), choices=Program.Category.choices, field_name="program__category"
    )
    year = django_filters.NumberFilter(label=_("年份"), field_name="year")
    bulletin = django_filters.NumberFilter(label=_("简报"), field_name="bulletin_id")

    class Meta:
        model = Metric
        fields: list[str] = []

    def filter_indicator(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return indicators_containing(queryset, value.split())

    def filter_region(self, queryset: QuerySet, name: str, value: Region | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.filter(region__in=region_ids_within(value))


class ProgramFilter(django_filters.FilterSet):
    category = django_filters.ChoiceFilter(label=_("项目类别"), choices=Program.Category.choices)
    bulletin = django_filters.NumberFilter(label=_("简报"), field_name="bulletin_id")
    region = RegionFilter(label=_("地区"), method="filter_region")

    class Meta:
        model = Program
        fields: list[str] = []

    def filter_region(self, queryset: QuerySet, name: str, value: Region | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.filter(regions__in=region_ids_within(value)).distinct()


class RegionListFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label=_("级别"), choices=Region.Level.choices)
    parent = django_filters.CharFilter(label=_("上级区划代码"), field_name="parent__code")
    name = django_filters.CharFilter(label=_("名称"), lookup_expr="contains")

    class Meta:
        model = Region
        fields: list[str] = []
