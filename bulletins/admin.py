from functools import partial

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from bulletins import access
from bulletins.admin_access import RecordAccessAdmin
from bulletins.filters import bulletins_mentioning
from bulletins.forms import BulletinUploadForm, RejectForm
from bulletins.models import Bulletin, BulletinTransition
from bulletins.review import review_view, status_view
from bulletins.services import (
    EDITABLE_FIELDS,
    TransitionError,
    bulletin_delete,
    bulletin_publish,
    bulletin_reject,
    bulletin_request_reparse,
    bulletin_unpublish,
    bulletin_update_fields,
    bulletin_upload,
)
from measures.models import Metric, Program


def _count_of(model):
    rows = model.objects.filter(bulletin=OuterRef("pk")).order_by().values("bulletin")
    return Subquery(rows.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField())


class ReadOnlyInline(admin.TabularInline):
    """Records listed on their bulletin's page; they are changed on the review desk or their own page,
    where the services keep a person's edit (by_person) and the public copies in step."""

    extra = 0
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class MetricInline(ReadOnlyInline):
    model = Metric
    fields = ("source_text", "value", "value_max", "unit", "qualifier", "indicator", "region", "program", "by_person")


class ProgramInline(ReadOnlyInline):
    model = Program
    fields = ("title", "category", "by_person")


class MissingRegionFilter(admin.SimpleListFilter):
    title = _("地区归属")
    parameter_name = "unattributed"

    def lookups(self, request, model_admin):
        return [("yes", _("有未归属地区的指标")), ("no", _("指标均已归属地区"))]

    def queryset(self, request, queryset):
        missing = Exists(Metric.objects.filter(bulletin=OuterRef("pk"), region__isnull=True))
        if self.value() == "yes":
            return queryset.filter(missing)
        if self.value() == "no":
            return queryset.filter(~missing)
        return queryset


class RegionFilter(admin.SimpleListFilter):
    """Bulletins that name a division or any division under it (?region=520000)."""

    title = _("地区")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        from measures.models import Region

        return [(r.code, r.name) for r in Region.objects.filter(level=Region.Level.PROVINCE).order_by("code")]

    def queryset(self, request, queryset):
        return bulletins_mentioning(queryset, self.value()) if self.value() else queryset


class DuplicateTextFilter(admin.SimpleListFilter):
    title = _("重复")
    parameter_name = "duplicate"

    def lookups(self, request, model_admin):
        return [("yes", _("正文与其他简报相同"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(has_twin=True)
        return queryset


class TransitionInline(admin.TabularInline):
    model = BulletinTransition
    fields = ("at", "from_status", "to_status", "by", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Bulletin)
class BulletinAdmin(RecordAccessAdmin):
    list_display = ("__str__", "status_badge", "review_link", "issue_label", "published_on", "issuer",
                    "metric_count", "program_count", "duplicate_flag", "created_at")
    list_filter = ("status", RegionFilter, MissingRegionFilter, DuplicateTextFilter, "detected_format", "issuer",
                   "published_on")
    actions = ("publish_selected", "unpublish_selected", "reparse_selected", "reject_selected")

    def delete_model(self, request, obj: Bulletin) -> None:
        bulletin_delete(bulletin=obj, by=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for bulletin in queryset:
            bulletin_delete(bulletin=bulletin, by=request.user)
    search_fields = ("title", "issuer", "original_name", "sha256")
    date_hierarchy = "created_at"
    show_full_result_count = False
    list_select_related = ("uploaded_by",)
    readonly_fields = ("status", "failure_code", "error_message", "original_link", "original_name", "sha256", "size",
                       "detected_format", "encoding", "parser_version", "uploaded_by", "created_at", "updated_at",
                       "parsed_at", "text")
    fieldsets = (
        (None, {"fields": ("title", "issue_label", "published_on", "issuer")}),
        (_("状态"), {"fields": ("status", "failure_code", "error_message", "parsed_at", "parser_version")}),
        (_("原始文件"), {"fields": ("original_link", "original_name", "sha256", "size", "detected_format", "encoding",
                                    "uploaded_by", "created_at", "updated_at")}),
        (_("正文"), {"fields": ("text",), "classes": ("collapse",)}),
    )
    inlines = (ProgramInline, MetricInline, TransitionInline)
    change_list_template = "admin/bulletins/bulletin/change_list.html"

    def get_queryset(self, request: HttpRequest):
        twins = Bulletin.objects.filter(text_sha256=OuterRef("text_sha256")).exclude(pk=OuterRef("pk"))
        queryset = super().get_queryset(request).annotate(
            n_metrics=_count_of(Metric),
            n_programs=_count_of(Program),
            has_twin=Exists(twins.exclude(text_sha256="")),
        )
        return queryset

    def save_model(self, request: HttpRequest, obj: Bulletin, form, change: bool) -> None:
        changes = {name: form.cleaned_data[name] for name in form.changed_data if name in EDITABLE_FIELDS}
        bulletin_update_fields(bulletin=obj, changes=changes, by=request.user)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("bulletins.publish_bulletin")

    def has_reparse_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("bulletins.reparse_bulletin")

    @admin.display(description=_("状态"), ordering="status")
    def status_badge(self, obj: Bulletin) -> str:
        return format_html(
            '<span class="bulletin-status" data-bulletin="{}" data-status="{}" title="{}">{}</span>',
            obj.pk, obj.status, obj.error_message, obj.get_status_display(),
        )

    @admin.display(description=_("原始文件"))
    def original_link(self, obj: Bulletin) -> str:
        return format_html('<a href="{}">{}</a>', reverse("bulletin-original", args=[obj.pk]), obj.original_name)

    @admin.display(description=_("重复"), boolean=True)
    def duplicate_flag(self, obj: Bulletin) -> bool:
        return bool(getattr(obj, "has_twin", False))

    def _apply(self, request: HttpRequest, queryset, service, done: str, **kwargs) -> None:
        changed = 0
        for bulletin in queryset:
            try:
                service(bulletin=bulletin, by=request.user, **kwargs)
            except TransitionError as error:
                self.message_user(request, error.message, level=messages.WARNING)
            except PermissionDenied as error:
                self.message_user(request, str(error), level=messages.ERROR)
            else:
                changed += 1
                self.log_change(request, bulletin, done)
        if changed:
            self.message_user(request, f"{done}：{changed} 份简报。")

    @admin.action(description=_("发布所选简报"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._apply(request, queryset, bulletin_publish, "已发布")

    @admin.action(description=_("撤回所选简报的发布"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._apply(request, queryset, bulletin_unpublish, "已撤回发布")

    @admin.action(description=_("重新解析所选简报"), permissions=["reparse"])
    def reparse_selected(self, request, queryset):
        self._apply(request, queryset, bulletin_request_reparse, "已重新排队解析")

    @admin.action(description=_("驳回所选简报…"), permissions=["publish"])
    def reject_selected(self, request, queryset):
        form = RejectForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            self._apply(request, queryset, bulletin_reject, "已驳回", reason=form.cleaned_data["reason"])
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "bulletins": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "title": _("驳回简报"),
        }
        return render(request, "admin/bulletins/bulletin/reject.html", context)

    @admin.display(description=_("指标数"), ordering="n_metrics")
    def metric_count(self, obj: Bulletin) -> int:
        return obj.n_metrics or 0

    @admin.display(description=_("项目数"), ordering="n_programs")
    def program_count(self, obj: Bulletin) -> int:
        return obj.n_programs or 0

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("upload/", view(self.upload_view), name="bulletins_bulletin_upload"),
            path("status/", view(partial(status_view, self)), name="bulletins_bulletin_status"),
            path("<int:bulletin_id>/review/", view(partial(review_view, self)), name="bulletins_bulletin_review"),
            *super().get_urls(),
        ]

    @admin.display(description=_("审核"))
    def review_link(self, obj: Bulletin) -> str:
        if obj.status not in (Bulletin.Status.PARSED, Bulletin.Status.PUBLISHED):
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("admin:bulletins_bulletin_review", args=[obj.pk]), "审核")

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None) -> HttpResponse:
        # A bulletin is created by uploading its file, never typed in by hand.
        return HttpResponseRedirect(reverse("admin:bulletins_bulletin_upload"))

    def _warn_same_text(self, request: HttpRequest, bulletin: Bulletin) -> None:
        # Parsed already when tasks run in-process; with a worker the list's 重复 column shows it later.
        bulletin.refresh_from_db(fields=["text_sha256"])
        if not bulletin.text_sha256:
            return
        twins = Bulletin.objects.filter(text_sha256=bulletin.text_sha256).exclude(pk=bulletin.pk)
        twin = access.visible(request.user, twins).first()
        if twin:
            link = reverse("admin:bulletins_bulletin_change", args=[twin.pk])
            message = format_html("{} 的正文与已有简报 <a href='{}'>{}</a> 相同，可能是重复上传。",
                                  bulletin, link, twin)
        elif twins.exists():
            message = format_html("{} 的正文与他人上传的一份简报相同，可能是重复上传。", bulletin)
        else:
            return
        self.message_user(request, message, level=messages.WARNING)

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            return HttpResponse(status=403)
        form = BulletinUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            for upload in form.cleaned_data["files"]:
                result = bulletin_upload(file=upload, uploaded_by=request.user)
                link = reverse("admin:bulletins_bulletin_change", args=[result.bulletin.pk])
                if result.created:
                    self.log_addition(request, result.bulletin, [{"added": {}}])
                    self.message_user(request, format_html("已上传 <a href='{}'>{}</a>，正在解析。", link, upload.name))
                    self._warn_same_text(request, result.bulletin)
                elif access.may_view(request.user, result.bulletin):
                    self.message_user(
                        request,
                        format_html("{} 与已有简报 <a href='{}'>{}</a> 完全相同，未重复上传。",
                                    upload.name, link, result.bulletin),
                        level=messages.WARNING,
                    )
                else:
                    # Somebody else's upload: say that it exists, not what or whose it is.
                    self.message_user(
                        request, format_html("{} 已由他人上传过，未重复上传。", upload.name), level=messages.WARNING
                    )
            return HttpResponseRedirect(reverse("admin:bulletins_bulletin_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": _("上传简报"),
        }
        return render(request, "admin/bulletins/bulletin/upload.html", context)
