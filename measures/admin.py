from django.contrib import admin

from bulletins.admin_access import RecordAccessAdmin
from measures.models import Metric, Program, Region
from measures.services import (
    REVIEWABLE_METRIC_FIELDS,
    metric_review_delete,
    metric_review_update,
    program_review_delete,
    program_review_update,
)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name")
    raw_id_fields = ("parent",)
    show_full_result_count = False
    list_select_related = ("parent",)


class BulletinRecordAdmin(RecordAccessAdmin):
    """A record of a bulletin: seen and changed as its bulletin allows (bulletins.access), written by the
    review services; added on the review desk, where a figure is tied to its place in the text."""

    access_via = "bulletin__"

    def has_add_permission(self, request) -> bool:
        return False

    def delete_queryset(self, request, queryset) -> None:
        for record in queryset:
            self.delete_model(request, record)


@admin.register(Program)
class ProgramAdmin(BulletinRecordAdmin):
    list_display = ("title", "category", "bulletin", "by_person")
    list_filter = ("category", "by_person")
    search_fields = ("title",)
    fields = ("bulletin", "title", "category", "regions", "start", "end", "by_person")
    readonly_fields = ("bulletin", "start", "end", "by_person")
    filter_horizontal = ("regions",)
    list_select_related = ("bulletin",)
    show_full_result_count = False

    def save_model(self, request, obj: Program, form, change: bool) -> None:
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        program_review_update(program=Program.objects.get(pk=obj.pk), changes=changes, by=request.user)

    def save_related(self, request, form, formsets, change) -> None:
        pass  # the regions were set by program_review_update

    def delete_model(self, request, obj: Program) -> None:
        program_review_delete(program=obj, by=request.user)


@admin.register(Metric)
class MetricAdmin(BulletinRecordAdmin):
    list_display = ("source_text", "indicator", "value", "value_max", "unit", "qualifier", "region", "bulletin")
    list_filter = ("unit", "qualifier", "by_person")
    search_fields = ("indicator", "source_text")
    fields = ("bulletin", "source_text", *REVIEWABLE_METRIC_FIELDS, "start", "end", "by_person")
    readonly_fields = ("bulletin", "source_text", "start", "end", "by_person")
    raw_id_fields = ("program", "region")
    list_select_related = ("bulletin", "region")
    show_full_result_count = False

    def save_model(self, request, obj: Metric, form, change: bool) -> None:
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        metric_review_update(metric=Metric.objects.get(pk=obj.pk), changes=changes, by=request.user)

    def delete_model(self, request, obj: Metric) -> None:
        metric_review_delete(metric=obj, by=request.user)
