"""The bulletin listing's filters, shared by the public site and the partner API."""

from __future__ import annotations

import django_filters
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from bulletins.models import Bulletin
from bulletins.search import bulletins_matching
from measures.models import Program, Region, RegionMention


def region_prefix(code: str) -> str:
    """GB/T 2260 codes nest: a province's divisions share its first two digits, a prefecture's four."""
    if code.endswith("0000"):
        return code[:2]
    if code.endswith("00"):
        return code[:4]
    return code


class BulletinFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键词"), method="filter_words")
    region = django_filters.ModelChoiceFilter(
        label=_("地区"), queryset=Region.objects.all(), to_field_name="code", method="filter_region"
    )
    category = django_filters.ChoiceFilter(label=_("项目类别"), choices=Program.Category.choices,
                                           method="filter_category")
    issuer = django_filters.CharFilter(label=_("发布单位"), lookup_expr="icontains")
    date_from = django_filters.DateFilter(label=_("起始日期"), field_name="published_on", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("截止日期"), field_name="published_on", lookup_expr="lte")
    sort = django_filters.OrderingFilter(
        label=_("排序"),
        fields=(("published_on", "published_on"), ("title", "title")),
        field_labels={"published_on": _("发布日期"), "title": _("标题")},
    )

    class Meta:
        model = Bulletin
        fields: list[str] = []

    def filter_words(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return bulletins_matching(queryset, value)

    def filter_region(self, queryset: QuerySet, name: str, value: Region | None) -> QuerySet:
        if value is None:
            return queryset
        mentions = RegionMention.objects.filter(
            bulletin=OuterRef("pk"), region__code__startswith=region_prefix(value.code)
        )
        return queryset.filter(Exists(mentions))

    def filter_category(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Exists(Program.objects.filter(bulletin=OuterRef("pk"), category=value)))
