"""What partners receive. Every field carries a description, which the OpenAPI schema shows."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from bulletins.models import Bulletin, Removal
from measures.models import Metric, Program, Region


class RegionSerializer(serializers.ModelSerializer):
    code = serializers.CharField(help_text="六位行政区划代码（国家统计局）。")
    name = serializers.CharField(help_text="规范名称。")
    level = serializers.ChoiceField(choices=Region.Level.choices, help_text="级别：省级、地级或县级。")
    parent = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="上级区划代码；省级为 null。"
    )
    aliases = serializers.ListField(child=serializers.CharField(), help_text="简称与曾用名。")

    class Meta:
        model = Region
        fields = ["code", "name", "level", "parent", "aliases"]


class ProgramSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text="项目编号。")
    bulletin = serializers.PrimaryKeyRelatedField(read_only=True, help_text="所属简报编号。")
    title = serializers.CharField(help_text="项目或措施的标题（原文）。")
    category = serializers.ChoiceField(choices=Program.Category.choices, help_text="项目类别。")
    regions = serializers.SlugRelatedField(
        many=True, slug_field="code", read_only=True, help_text="涉及地区的区划代码。"
    )
    start = serializers.IntegerField(allow_null=True, help_text="在简报正文中的起始位置（Unicode 码位，含）。")
    end = serializers.IntegerField(allow_null=True, help_text="在简报正文中的结束位置（Unicode 码位，不含）。")
    updated_at = serializers.DateTimeField(help_text="最近修改时间；用于 updated_since 增量同步。")

    class Meta:
        model = Program
        fields = ["id", "bulletin", "title", "category", "regions", "start", "end", "updated_at"]


class MetricSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text="指标编号。")
    bulletin = serializers.PrimaryKeyRelatedField(read_only=True, help_text="所属简报编号。")
    program = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True, help_text="所属项目编号。")
    region = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text="数字所属地区的区划代码；未能确定时为 null。"
    )
    indicator = serializers.CharField(help_text="指标名称，如“易地扶贫搬迁贫困人口”。")
    value = serializers.DecimalField(
        max_digits=24, decimal_places=6, coerce_to_string=True,
        help_text="数值，按单位换算后的十进制字符串（如 1.2万亩 → \"12000\"）。",
    )
    value_max = serializers.DecimalField(
        max_digits=24, decimal_places=6, coerce_to_string=True, allow_null=True,
        help_text="区间的上限（如 5-6万元）；不是区间时为 null。",
    )
    unit = serializers.CharField(help_text="单位，如 元、户、人、亩、个、%。")
    qualifier = serializers.ChoiceField(
        choices=Metric.Qualifier.choices, help_text="限定：精确、约、余、以上、以下、区间。"
    )
    source_text = serializers.CharField(help_text="原文中的数字写法，如“近60亿元”。")
    start = serializers.IntegerField(allow_null=True, help_text="在简报正文中的起始位置（Unicode 码位，含）。")
    end = serializers.IntegerField(allow_null=True, help_text="在简报正文中的结束位置（Unicode 码位，不含）。")
    year = serializers.IntegerField(allow_null=True, help_text="所属简报的发布年份。")
    updated_at = serializers.DateTimeField(help_text="最近修改时间；用于 updated_since 增量同步。")

    class Meta:
        model = Metric
        fields = ["id", "bulletin", "program", "region", "indicator", "value", "value_max", "unit", "qualifier",
                  "source_text", "start", "end", "year", "updated_at"]


class BulletinSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(help_text="简报编号。")
    url = serializers.SerializerMethodField(help_text="本条记录的接口地址。")
    page = serializers.SerializerMethodField(help_text="公开网站上的简报页面。")
    title = serializers.CharField(help_text="标题。")
    issue_label = serializers.CharField(help_text="期号，如“第5期”。")
    published_on = serializers.DateField(allow_null=True, help_text="发布日期。")
    issuer = serializers.CharField(help_text="发布单位。")
    detected_format = serializers.CharField(help_text="原文件格式：txt、html、docx 或 pdf。")
    regions = serializers.SerializerMethodField(help_text="正文提到的地区的区划代码。")
    updated_at = serializers.DateTimeField(help_text="最近修改时间；用于 updated_since 增量同步。")

    class Meta:
        model = Bulletin
        fields = ["id", "url", "page", "title", "issue_label", "published_on", "issuer", "detected_format",
                  "regions", "updated_at"]

    def get_url(self, bulletin: Bulletin) -> str:
        return reverse("api:bulletin-detail", args=[bulletin.pk], request=self.context.get("request"))

    def get_page(self, bulletin: Bulletin) -> str:
        return reverse("bulletin-detail", args=[bulletin.pk], request=self.context.get("request"))

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_regions(self, bulletin: Bulletin) -> list[str]:
        return sorted({m.region.code for m in bulletin.region_mentions.all()})


class BulletinDetailSerializer(BulletinSerializer):
    text = serializers.CharField(help_text="清洗后的正文；指标与项目的 start/end 指向这里。")
    original = serializers.SerializerMethodField(help_text="原始文件的下载地址。")
    metrics = MetricSerializer(many=True, read_only=True, help_text="简报中的全部指标数据。")
    programs = ProgramSerializer(many=True, read_only=True, help_text="简报中的扶贫项目。")

    class Meta(BulletinSerializer.Meta):
        fields = [*BulletinSerializer.Meta.fields, "text", "original", "metrics", "programs"]

    def get_original(self, bulletin: Bulletin) -> str:
        return reverse("bulletin-original", args=[bulletin.pk], request=self.context.get("request"))


class RemovalSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=Removal.Kind.choices, help_text="被移除记录的类型。")
    object_id = serializers.IntegerField(help_text="被移除记录的编号；简报被移除时，它的指标和项目一并移除。")
    bulletin_id = serializers.IntegerField(help_text="所属简报编号。")
    reason = serializers.ChoiceField(choices=Removal.Reason.choices, help_text="原因：撤回发布、驳回或删除。")
    removed_at = serializers.DateTimeField(help_text="移除时间；下次同步时以它作为 since。")

    class Meta:
        model = Removal
        fields = ["kind", "object_id", "bulletin_id", "reason", "removed_at"]


class UploadSerializer(serializers.ModelSerializer):
    """What the uploader sees of their own upload while it is parsed and reviewed."""

    id = serializers.IntegerField(read_only=True, help_text="简报编号。")
    url = serializers.SerializerMethodField(help_text="轮询本次上传状态的地址。")
    file = serializers.FileField(
        write_only=True, allow_empty_file=True, help_text="简报文件：.txt、.html、.docx 或 .pdf。"
    )
    original_name = serializers.CharField(read_only=True, help_text="保存时使用的文件名（已去除路径）。")
    size = serializers.IntegerField(read_only=True, help_text="文件大小（字节）。")
    status = serializers.ChoiceField(read_only=True, choices=Bulletin.Status.choices, help_text="处理状态。")
    failure_code = serializers.CharField(
        read_only=True, help_text="解析失败的代码（如 empty、too_large）；未失败为空。"
    )
    error_message = serializers.CharField(read_only=True, help_text="解析失败的说明；未失败为空。")
    created_at = serializers.DateTimeField(read_only=True, help_text="上传时间。")

    class Meta:
        model = Bulletin
        fields = ["id", "url", "file", "original_name", "size", "status", "failure_code", "error_message",
                  "created_at"]

    def get_url(self, bulletin: Bulletin) -> str:
        return reverse("api:upload-detail", args=[bulletin.pk], request=self.context.get("request"))
