from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def original_upload_path(instance: Bulletin, filename: str) -> str:
    # One folder per content hash: names never collide and never depend on user input beyond the basename.
    return f"originals/{instance.sha256[:2]}/{instance.sha256}/{filename}"


class Bulletin(models.Model):
    """One uploaded bulletin and its place in the document lifecycle.

    Transitions: uploaded → parsing → parsed → published; parsing → failed; parsed/published →
    rejected; failed/parsed/rejected → parsing again (re-parse). Only services change ``status``.
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("已上传")
        PARSING = "parsing", _("解析中")
        PARSED = "parsed", _("已解析")
        PUBLISHED = "published", _("已发布")
        FAILED = "failed", _("解析失败")
        REJECTED = "rejected", _("已驳回")

    title = models.CharField(_("标题"), max_length=500, blank=True)
    issue_label = models.CharField(_("期号"), max_length=100, blank=True)
    published_on = models.DateField(_("发布日期"), null=True, blank=True)
    issuer = models.CharField(_("发布单位"), max_length=200, blank=True)

    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.UPLOADED, db_index=True
    )
    failure_code = models.CharField(_("失败代码"), max_length=32, blank=True)
    error_message = models.TextField(_("错误信息"), blank=True)

    original = models.FileField(_("原始文件"), upload_to=original_upload_path, max_length=500)
    original_name = models.CharField(_("原始文件名"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("文件大小（字节）"))
    detected_format = models.CharField(_("识别格式"), max_length=16, blank=True)
    encoding = models.CharField(_("文本编码"), max_length=32, blank=True)

    text = models.TextField(_("清洗后正文"), blank=True)
    # sha256 of the cleaned text with white space removed: the same bulletin uploaded as another file.
    text_sha256 = models.CharField(_("正文指纹"), max_length=64, blank=True, db_index=True)
    parser_version = models.CharField(_("解析器版本"), max_length=32, blank=True)
    # Parses started for the current request to parse; one that never finished (the worker died or hit
    # the hard time limit) is retried until FUPIN_MAX_PARSE_ATTEMPTS, then the bulletin ends failed.
    parse_attempts = models.PositiveSmallIntegerField(_("解析尝试次数"), default=0, editable=False)
    # When the current parse started: one found cut short before its time budget ran out was interrupted
    # (database connection lost, worker killed), which is not the document's fault (bulletins/parse_attempts.py).
    parse_started_at = models.DateTimeField(_("解析开始时间"), null=True, blank=True, editable=False)
    # Interruptions of the current request to parse; they spend no attempt but end the bulletin failed
    # after FUPIN_MAX_PARSE_INTERRUPTIONS, so a file that crashes the worker every time cannot loop.
    # db_default: rows written outside the ORM (the benchmarks' COPY) get one too.
    parse_interruptions = models.PositiveSmallIntegerField(
        _("解析中断次数"), default=0, db_default=0, editable=False
    )
    # Title and text segmented into words (rjieba), as a 'simple' tsvector: PostgreSQL full-text search.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="uploaded_bulletins",
    )
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    parsed_at = models.DateTimeField(_("解析时间"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_bulletins",
    )
    rejection_reason = models.TextField(_("驳回理由"), blank=True)

    history = HistoricalRecords(excluded_fields=["text", "updated_at", "search_vector"])

    class Meta:
        verbose_name = _("简报")
        verbose_name_plural = _("简报")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-created_at"]),
            # The public listing: published, newest first.
            models.Index(fields=["status", "-published_on", "-id"], name="bulletin_public_order"),
            models.Index(fields=["status", "title", "id"], name="bulletin_public_title"),
            # Partners' incremental sync and the API's Last-Modified.
            models.Index(fields=["status", "updated_at", "id"], name="bulletin_public_updated"),
        ]
        permissions = [
            ("publish_bulletin", _("可以发布、撤回和驳回简报")),
            ("reparse_bulletin", _("可以重新解析简报")),
            ("view_all_bulletins", _("可以查看所有人上传的简报")),
        ]

    def __str__(self) -> str:
        return self.title or self.original_name


class BulletinTransition(models.Model):
    """One step of a bulletin's lifecycle: who moved it from which status to which, and when."""

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(_("原状态"), max_length=16, choices=Bulletin.Status.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=16, choices=Bulletin.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(_("时间"), auto_now_add=True)
    note = models.TextField(_("说明"), blank=True)

    class Meta:
        verbose_name = _("状态变更")
        verbose_name_plural = _("状态变更")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status}"


class Removal(models.Model):
    """A published record that stopped being public: what partners syncing with updated_since must delete.

    Written by the services that unpublish, reject or delete; metrics and programmes of a removed
    bulletin go with it (one row for the bulletin, not one per figure).
    """

    class Kind(models.TextChoices):
        BULLETIN = "bulletin", _("简报")
        METRIC = "metric", _("指标数据")
        PROGRAM = "program", _("扶贫项目")

    class Reason(models.TextChoices):
        UNPUBLISHED = "unpublished", _("撤回发布")
        REJECTED = "rejected", _("驳回")
        DELETED = "deleted", _("删除")

    kind = models.CharField(_("类型"), max_length=16, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("记录编号"))
    bulletin_id = models.PositiveBigIntegerField(_("所属简报编号"))
    reason = models.CharField(_("原因"), max_length=16, choices=Reason.choices)
    removed_at = models.DateTimeField(_("移除时间"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("移除记录")
        verbose_name_plural = _("移除记录")
        ordering = ["removed_at", "id"]
        indexes = [models.Index(fields=["removed_at", "id"], name="removal_removed_at_id")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} {self.reason}"
