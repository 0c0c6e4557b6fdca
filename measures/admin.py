from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from measures.models import Metric, Program, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name")
    raw_id_fields = ("parent",)
    show_full_result_count = False
    list_select_related = ("parent",)


@admin.register(Program)
class ProgramAdmin(SimpleHistoryAdmin):
    list_display = ("title", "category", "bulletin", "by_person")
    list_filter = ("category", "by_person")
    search_fields = ("title",)
    raw_id_fields = ("bulletin",)
    filter_horizontal = ("regions",)
    list_select_related = ("bulletin",)
    show_full_result_count = False


@admin.register(Metric)
class MetricAdmin(SimpleHistoryAdmin):
    list_display = ("source_text", "indicator", "value", "value_max", "unit", "qualifier", "region", "bulletin")
    list_filter = ("unit", "qualifier", "by_person")
    search_fields = ("indicator", "source_text")
    raw_id_fields = ("bulletin", "program", "region")
    list_select_related = ("bulletin", "region")
    show_full_result_count = False
