from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A named, revocable key for one partner system or editor. Only a SHA-256 of the key is stored:
    keys are long random strings, so a fast hash is safe and lets a request find its row by index."""

    name = models.CharField(_("名称"), max_length=100, help_text=_("谁在用这个令牌，例如“省统计局数据平台”。"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("所属账号"), on_delete=models.CASCADE, related_name="api_tokens",
        help_text=_("令牌拥有该账号的权限；编辑角色的令牌可以上传简报。"),
    )
    prefix = models.CharField(_("前缀"), max_length=12, db_index=True, editable=False)
    key_hash = models.CharField(_("密钥摘要"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("创建人"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("吊销时间"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("接口令牌")
        verbose_name_plural = _("接口令牌")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.user.is_active
