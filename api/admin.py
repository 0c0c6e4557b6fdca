from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from api.models import ApiToken
from api.services import token_issue, token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("name", "user__username", "prefix")
    fields = ("name", "user", "prefix", "created_at", "created_by", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "created_at", "created_by", "last_used_at", "revoked_at")
    autocomplete_fields = ("user",)
    actions = ("revoke_selected",)

    def get_readonly_fields(self, request, obj=None):
        # A token's owner is fixed once issued: issue a new one instead.
        return (*self.readonly_fields, "user") if obj else self.readonly_fields

    def save_model(self, request, obj, form, change) -> None:
        if change:
            obj.save(update_fields=["name"])
            return
        token, key = token_issue(name=obj.name, user=obj.user, by=request.user)
        obj.pk = token.pk
        messages.warning(request, _("令牌密钥只显示这一次，请立即复制：%(key)s") % {"key": key})

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # revoked tokens stay listed, so their last use remains on record

    @admin.action(description=_("吊销所选令牌"), permissions=["change"])
    def revoke_selected(self, request, queryset) -> None:
        for token in queryset:
            token_revoke(token=token, by=request.user)
        self.message_user(request, _("已吊销 %(n)d 个令牌。") % {"n": queryset.count()})
