from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bulletins.models import Bulletin


class Region(models.Model):
    """An administrative division of the PRC (GB/T 2260), with its short forms and former names."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("省级")
        PREFECTURE = "prefecture", _("地级")
        COUNTY = "county", _("县级")

    code = models.CharField(_("区划代码"), max_length=6, unique=True)
    name = models.CharField(_("名称"), max_length=64, db_index=True)
    level = models.CharField(_("级别"), max_length=16, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("上级"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    aliases = models.JSONField(_("别名（简称、曾用名）"), default=list, blank=True)

    class Meta:
        verbose_name = _("行政区划")
        verbose_name_plural = _("行政区划")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name}（{self.code}）"


class Program(models.Model):
    """A poverty-alleviation programme or measure a bulletin reports (one article or measure block)."""

    class Category(models.TextChoices):
        INDUSTRY = "industry", _("产业扶贫")
        EMPLOYMENT = "employment", _("就业扶贫")
        RELOCATION = "relocation", _("易地扶贫搬迁")
        EDUCATION = "education", _("教育扶贫")
        HEALTH = "health", _("健康扶贫")
        SOCIAL_SECURITY = "social_security", _("社会保障兜底")
        INFRASTRUCTURE = "infrastructure", _("基础设施")
        FINANCE = "finance", _("金融扶贫")
        ECOLOGY = "ecology", _("生态扶贫")
        PAIRED_ASSISTANCE = "paired_assistance", _("东西部协作与对口帮扶")
        SOCIAL = "social", _("社会扶贫")
        GOVERNANCE = "governance", _("组织保障与督查考核")
        MOTIVATION = "motivation", _("扶志扶智")

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="programs")
    title = models.CharField(_("标题"), max_length=300)
    category = models.CharField(_("类别"), max_length=32, choices=Category.choices, db_index=True)
    regions = models.ManyToManyField(Region, verbose_name=_("涉及地区"), blank=True, related_name="programs")
    start = models.PositiveIntegerField(_("起始位置"), null=True, blank=True)
    end = models.PositiveIntegerField(_("结束位置"), null=True, blank=True)
    by_person = models.BooleanField(_("人工创建或修改"), default=False)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True, db_index=True)

    history = HistoricalRecords(m2m_fields=[regions], excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("扶贫项目")
        verbose_name_plural = _("扶贫项目")
        ordering = ["bulletin", "start", "id"]

    def __str__(self) -> str:
        return self.title


class Metric(models.Model):
    """One figure a bulletin reports, with its place in the bulletin's cleaned text."""

    class Qualifier(models.TextChoices):
        EXACT = "exact", _("精确")
        APPROX = "approx", _("约")
        OVER = "over", _("余/多/超过")
        AT_LEAST = "at_least", _("以上/不少于")
        AT_MOST = "at_most", _("以下/不超过")
        RANGE = "range", _("区间")

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="metrics")
    program = models.ForeignKey(
        Program, verbose_name=_("项目"), null=True, blank=True, on_delete=models.SET_NULL, related_name="metrics"
    )
    region = models.ForeignKey(
        Region, verbose_name=_("地区"), null=True, blank=True, on_delete=models.PROTECT, related_name="metrics"
    )
    indicator = models.CharField(_("指标"), max_length=200, blank=True)
    value = models.DecimalField(_("数值"), max_digits=24, decimal_places=6)
    value_max = models.DecimalField(_("上限"), max_digits=24, decimal_places=6, null=True, blank=True)
    unit = models.CharField(_("单位"), max_length=16)
    qualifier = models.CharField(_("限定"), max_length=16, choices=Qualifier.choices, default=Qualifier.EXACT)
    source_text = models.CharField(_("原文"), max_length=100)
    start = models.PositiveIntegerField(_("起始位置"), null=True, blank=True)
    end = models.PositiveIntegerField(_("结束位置"), null=True, blank=True)
    by_person = models.BooleanField(_("人工创建或修改"), default=False)
    # Copies of the bulletin's publication and year, so public queries over a million figures need no join;
    # kept in step by measures.services.metrics_sync_publication on every status or date change.
    public = models.BooleanField(_("已公开"), default=False, editable=False)
    year = models.PositiveSmallIntegerField(_("年份"), null=True, blank=True, editable=False)
    # Partners sync with updated_since; bulk updates set it explicitly (auto_now only fires on save()).
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["public", "year", "updated_at"])

    class Meta:
        verbose_name = _("指标数据")
        verbose_name_plural = _("指标数据")
        ordering = ["bulletin", "start", "id"]
        indexes = [
            models.Index(fields=["unit", "region"]),
            # Covering indexes: totals and yearly series are read from the index alone (PostgreSQL).
            models.Index(fields=["public", "unit", "region"], name="metric_public_unit_region",
                         include=["year", "value"]),
            models.Index(fields=["public", "region", "year"], name="metric_public_region_year",
                         include=["unit", "value"]),
            models.Index(fields=["public", "unit", "year"], name="metric_public_unit_year",
                         include=["region", "value"]),
            models.Index(fields=["public", "updated_at", "id"], name="metric_public_updated"),
            # Indicator words become indicator IN (names) (measures.indicator_words): read from here alone;
            # region before unit, as a list of regions can bound the scan only right after the indicator.
            models.Index(fields=["public", "indicator", "region", "unit"], name="metric_public_indicator",
                         include=["year", "value"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value_max__isnull=True) | models.Q(value_max__gte=models.F("value")),
                name="metric_value_max_not_below_value",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.source_text}"


class RegionMention(models.Model):
    """Where a bulletin's cleaned text names a division, so pages can highlight and filter by it."""

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="region_mentions")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="mentions")
    mention = models.CharField(_("原文"), max_length=64)
    start = models.PositiveIntegerField(_("起始位置"))
    end = models.PositiveIntegerField(_("结束位置"))

    class Meta:
        verbose_name = _("地区提及")
        verbose_name_plural = _("地区提及")
        ordering = ["bulletin", "start"]
        indexes = [models.Index(fields=["region", "bulletin"], name="mention_region_bulletin")]

    def __str__(self) -> str:
        return self.mention
