from django.contrib import admin, messages
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from bulletins.forms import BulletinUploadForm
from bulletins.models import Bulletin
from bulletins.services import bulletin_upload
from measures.models import Metric, Program


def _count_of(model):
    rows = model.objects.filter(bulletin=OuterRef("pk")).order_by().values("bulletin")
    return Subquery(rows.annotate(n=Count("pk")).values("n")[:1], output_field=IntegerField())


class MetricInline(admin.TabularInline):
    model = Metric
    fields = ("source_text", "value", "value_max", "unit", "qualifier", "indicator", "region", "program", "by_person")
    raw_id_fields = ("region", "program")
    extra = 0
    show_change_link = True


class ProgramInline(admin.TabularInline):
    model = Program
    fields = ("title", "category", "by_person")
    extra = 0
    show_change_link = True


@admin.register(Bulletin)
class BulletinAdmin(admin.ModelAdmin):
    list_display = ("__str__", "status", "issue_label", "published_on", "issuer", "metric_count",
                    "program_count", "created_at")
    list_filter = ("status", "detected_format")
    search_fields = ("title", "issuer", "original_name", "sha256")
    date_hierarchy = "created_at"
    show_full_result_count = False
    list_select_related = ("uploaded_by",)
    readonly_fields = ("status", "failure_code", "error_message", "original", "original_name", "sha256", "size",
                       "detected_format", "encoding", "parser_version", "uploaded_by", "created_at", "updated_at",
                       "parsed_at", "text")
    fieldsets = (
        (None, {"fields": ("title", "issue_label", "published_on", "issuer")}),
        (_("状态"), {"fields": ("status", "failure_code", "error_message", "parsed_at", "parser_version")}),
        (_("原始文件"), {"fields": ("original", "original_name", "sha256", "size", "detected_format", "encoding",
                                    "uploaded_by", "created_at", "updated_at")}),
        (_("正文"), {"fields": ("text",), "classes": ("collapse",)}),
    )
    inlines = (ProgramInline, MetricInline)
    change_list_template = "admin/bulletins/bulletin/change_list.html"

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).annotate(
            n_metrics=_count_of(Metric), n_programs=_count_of(Program)
        )

    @admin.display(description=_("指标数"), ordering="n_metrics")
    def metric_count(self, obj: Bulletin) -> int:
        return obj.n_metrics or 0

    @admin.display(description=_("项目数"), ordering="n_programs")
    def program_count(self, obj: Bulletin) -> int:
        return obj.n_programs or 0

    def get_urls(self):
        upload = path("upload/", self.admin_site.admin_view(self.upload_view), name="bulletins_bulletin_upload")
        return [upload, *super().get_urls()]

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None) -> HttpResponse:
        # A bulletin is created by uploading its file, never typed in by hand.
        return HttpResponseRedirect(reverse("admin:bulletins_bulletin_upload"))

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
                else:
                    self.message_user(
                        request,
                        format_html("{} 与已有简报 <a href='{}'>{}</a> 完全相同，未重复上传。",
                                    upload.name, link, result.bulletin),
                        level=messages.WARNING,
                    )
            return HttpResponseRedirect(reverse("admin:bulletins_bulletin_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": _("上传简报"),
        }
        return render(request, "admin/bulletins/bulletin/upload.html", context)
