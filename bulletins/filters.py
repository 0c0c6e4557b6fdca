"""The bulletin listing's filters, shared by the public site and the partner API."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from bulletins.models import Bulletin
from bulletins.search import bulletins_matching
from measures.divisions import region_prefix
from measures.models import Program, Region, RegionMention


class RegionField(forms.CharField):
    """A division by its code; the menu offers the provinces (a province includes all its divisions),
    and the address may name any division. Rendering 3,400 options would cost more than the query."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", forms.Select(choices=ProvinceChoices()))
        super().__init__(*args, **kwargs)

    def clean(self, value: str) -> Region | None:
        code = super().clean(value)
        if not code:
            return None
        region = Region.objects.filter(code=code).first()
        if region is None:
            raise forms.ValidationError(_("未知的区划代码：%(code)s"), params={"code": code})
        return region


class ProvinceChoices:
    """Evaluated when the menu is drawn, not at import (the table is loaded by a migration)."""

    def __iter__(self):
        yield "", _("全部地区")
        yield from Region.objects.filter(level=Region.Level.PROVINCE).order_by("code").values_list("code", "name")


class RegionFilter(django_filters.Filter):
    field_class = RegionField

    def filter(self, queryset: QuerySet, value: Region | None) -> QuerySet:
        if value is None:
            return queryset
        if self.method:
            return self.get_method(queryset)(queryset, self.field_name, value)
        return queryset


def bulletins_mentioning(queryset: QuerySet, code: str) -> QuerySet:
    """Bulletins that name the division with this code or any division under it."""
    mentions = RegionMention.objects.filter(bulletin=OuterRef("pk"), region__code__startswith=region_prefix(code))
    return queryset.filter(Exists(mentions))


class BulletinFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键词"), method="filter_words")
    region = RegionFilter(label=_("地区"), method="filter_region")
    category = django_filters.ChoiceFilter(label=_("项目类别"), choices=Program.Category.choices,
                                           method="filter_category")
    issuer = django_filters.CharFilter(label=_("发布单位"), lookup_expr="icontains")
    date_from = django_filters.DateFilter(label=_("起始日期"), field_name="published_on", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("截止日期"), field_name="published_on", lookup_expr="lte")
    sort = django_filters.OrderingFilter(
        label=_("排序"),
        fields=(("published_on", "published_on"), ("title", "title")),
        # Every direction labelled here: django-filter's own "(descending)" is formatted once, at import,
        # in whatever language is active then, and it has no zh-hans catalogue.
        field_labels={
            "published_on": _("发布日期（从早到晚）"),
            "-published_on": _("发布日期（从新到旧）"),
            "title": _("标题（升序）"),
            "-title": _("标题（降序）"),
        },
    )

    class Meta:
        model = Bulletin
        fields: list[str] = []

    def filter_words(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return bulletins_matching(queryset, value)

    def filter_region(self, queryset: QuerySet, name: str, value: Region | None) -> QuerySet:
        return queryset if value is None else bulletins_mentioning(queryset, value.code)

    def filter_category(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Exists(Program.objects.filter(bulletin=OuterRef("pk"), category=value)))
