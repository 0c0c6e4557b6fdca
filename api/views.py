"""The partner API: published records, filtered like the public site, cursor-paged, synchronisable."""

from __future__ import annotations

from datetime import UTC, datetime

from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from api import selectors
from api.conditional import ConditionalReadMixin
from api.filtering import BulletinApiFilter, SharedFilterBackend, filter_parameters
from api.serializers import (
    BulletinDetailSerializer,
    BulletinSerializer,
    MetricSerializer,
    ProgramSerializer,
    RegionSerializer,
    RemovalSerializer,
    UploadSerializer,
)
from bulletins import access
from bulletins.models import Bulletin
from bulletins.services import bulletin_upload
from measures.exports import csv_lines, ndjson_lines
from measures.filters import MetricFilter, ProgramFilter, RegionListFilter

UPDATED_SINCE = OpenApiParameter(
    "updated_since", OpenApiTypes.DATETIME,
    description="只返回此时间之后新增或修改的记录（ISO 8601）。配合 /api/v1/removals/ 做增量同步。",
)
ORDERING = "ordering"


def moment_parameter(request, name: str) -> datetime | None:
    value = request.query_params.get(name)
    if not value:
        return None
    try:
        moment = parse_datetime(value)
    except ValueError:
        moment = None
    if moment is not None and moment.tzinfo is not None:
        try:
            # In UTC: PostgreSQL refuses offsets beyond ±15:59 that ISO 8601 allows.
            return moment.astimezone(UTC)
        except OverflowError:
            pass
    raise ValidationError({name: ["需要带时区的 ISO 8601 时间，如 2024-01-01T00:00:00Z。"]})


def updated_since(request, queryset: QuerySet) -> QuerySet:
    moment = moment_parameter(request, "updated_since")
    return queryset if moment is None else queryset.filter(updated_at__gt=moment)


class PublishedReadViewSet(ConditionalReadMixin, viewsets.ReadOnlyModelViewSet):
    """Read-only, published records; ``ordering`` picks one of ``ordering_fields`` (prefix - for descending)."""

    filter_backends = [SharedFilterBackend]
    ordering_fields: tuple[str, ...] = ("id",)
    syncs = True

    def get_queryset(self) -> QuerySet:
        queryset = self.base_queryset()
        return updated_since(self.request, queryset) if self.syncs else queryset

    def list(self, request, *args, **kwargs):
        return self.handle_conditional(request) or super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self.handle_conditional(request) or super().retrieve(request, *args, **kwargs)

    @property
    def ordering(self) -> tuple[str, ...]:
        requested = self.request.query_params.get(ORDERING, "")
        if not requested:
            return (self.default_ordering,)
        if requested.lstrip("-") not in self.ordering_fields:
            raise ValidationError({ORDERING: [f"可选：{', '.join(self.ordering_fields)}（前加 - 为降序）。"]})
        return (requested,)

    default_ordering = "-id"


def ordering_parameter(fields: tuple[str, ...]) -> OpenApiParameter:
    return OpenApiParameter(
        ORDERING, str, enum=[p + f for f in fields for p in ("", "-")],
        description="排序字段，前加 - 为降序；默认按编号降序。",
    )


@extend_schema_view(
    list=extend_schema(summary="已发布的简报", parameters=[UPDATED_SINCE, ordering_parameter(("id", "updated_at"))]),
    retrieve=extend_schema(summary="一份已发布简报：正文、指标与项目"),
)
class BulletinViewSet(PublishedReadViewSet):
    filterset_class = BulletinApiFilter
    ordering_fields = ("id", "updated_at")

    def base_queryset(self) -> QuerySet:
        if self.action == "retrieve":
            return selectors.api_bulletin_detail_list()
        return selectors.api_bulletin_list()

    def get_serializer_class(self):
        return BulletinDetailSerializer if self.action == "retrieve" else BulletinSerializer


@extend_schema_view(
    list=extend_schema(
        summary="已发布的指标数据", parameters=[UPDATED_SINCE, ordering_parameter(("id", "updated_at", "value"))]
    ),
    retrieve=extend_schema(summary="一条指标数据"),
)
class MetricViewSet(PublishedReadViewSet):
    serializer_class = MetricSerializer
    filterset_class = MetricFilter
    ordering_fields = ("id", "updated_at", "value")

    def base_queryset(self) -> QuerySet:
        return selectors.api_metric_list()


@extend_schema_view(
    list=extend_schema(
        summary="已发布简报中的扶贫项目", parameters=[UPDATED_SINCE, ordering_parameter(("id", "updated_at"))]
    ),
    retrieve=extend_schema(summary="一个扶贫项目"),
)
class ProgramViewSet(PublishedReadViewSet):
    serializer_class = ProgramSerializer
    filterset_class = ProgramFilter
    ordering_fields = ("id", "updated_at")

    def base_queryset(self) -> QuerySet:
        return selectors.api_program_list()


@extend_schema_view(
    list=extend_schema(summary="行政区划", parameters=[ordering_parameter(("code",))]),
    retrieve=extend_schema(summary="一个行政区划"),
)
class RegionViewSet(PublishedReadViewSet):
    serializer_class = RegionSerializer
    filterset_class = RegionListFilter
    lookup_field = "code"
    ordering_fields = ("code",)
    default_ordering = "code"
    syncs = False

    def base_queryset(self) -> QuerySet:
        return selectors.api_region_list()


@extend_schema_view(
    list=extend_schema(
        summary="移除记录（增量同步）",
        description=(
            "撤回发布、驳回或删除的记录。同步时：先按 updated_since 取新增与修改，"
            "再按 since 取移除并删除本地副本。"
        ),
        parameters=[OpenApiParameter("since", OpenApiTypes.DATETIME, description="只返回此时间之后的移除。")],
    ),
)
class RemovalViewSet(ConditionalReadMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = RemovalSerializer

    ordering = ("removed_at",)

    def get_queryset(self) -> QuerySet:
        queryset = selectors.api_removal_list()
        since = moment_parameter(self.request, "since")
        return queryset if since is None else queryset.filter(removed_at__gt=since)

    def list(self, request, *args, **kwargs):
        return self.handle_conditional(request) or super().list(request, *args, **kwargs)


class CanUpload(permissions.BasePermission):
    message = "需要编辑权限（上传简报）的令牌。"

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated and request.user.has_perm("bulletins.add_bulletin"))


@extend_schema_view(
    list=extend_schema(summary="我上传的简报及其处理状态"),
    retrieve=extend_schema(summary="一次上传的处理状态（轮询）"),
    create=extend_schema(
        summary="上传一份简报",
        description="与后台上传相同的校验与去重规则。返回 202 和轮询地址；同一文件已上传过时返回 409。",
        request={"multipart/form-data": UploadSerializer},
        responses={202: UploadSerializer, 409: OpenApiResponse(description="同一文件已上传过。")},
    ),
)
class UploadViewSet(
    mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """An editor's own uploads: drafts of others are never visible here."""

    serializer_class = UploadSerializer
    permission_classes = [CanUpload]
    parser_classes = [MultiPartParser]
    ordering = ("-id",)

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user
            return Bulletin.objects.none()
        return access.own_uploads(self.request.user).defer("text", "search_vector").order_by("-id")

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = bulletin_upload(file=serializer.validated_data["file"], uploaded_by=request.user)
        if not result.created:
            # Say that the file exists; which bulletin it is only to someone who may see that bulletin.
            existing = result.bulletin
            body = {"detail": "同一文件已上传过。"}
            if access.may_view(request.user, existing):
                body["id"] = existing.pk
            if access.own_uploads(request.user).filter(pk=existing.pk).exists():
                body["url"] = self.get_serializer(existing).data["url"]
            return Response(body, status=status.HTTP_409_CONFLICT)
        data = self.get_serializer(result.bulletin).data
        return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": data["url"]})


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return JSONRenderer().render(data)  # only error bodies pass through here; rows are streamed


class NDJSONRenderer(CSVRenderer):
    media_type = "application/x-ndjson"
    format = "ndjson"


class MetricExportView(APIView):
    """Every published metric matching the filters, streamed from a server-side cursor."""

    filter_backends = [SharedFilterBackend]
    filterset_class = MetricFilter
    kind = "csv"

    def get_renderers(self):
        return [JSONRenderer(), CSVRenderer() if self.kind == "csv" else NDJSONRenderer()]

    def get_queryset(self) -> QuerySet:
        return selectors.api_metric_list().select_related("bulletin").defer(
            "bulletin__text", "bulletin__search_vector"
        )

    def get(self, request, *args, **kwargs):
        metrics = SharedFilterBackend().filter_queryset(request, self.get_queryset(), self)
        metrics = updated_since(request, metrics)
        if self.kind == "csv":
            response = StreamingHttpResponse(csv_lines(metrics), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="fupin-metrics.csv"'
        else:
            response = StreamingHttpResponse(ndjson_lines(metrics), content_type="application/x-ndjson")
        return response


@extend_schema(
    summary="导出指标数据（CSV）", parameters=[*filter_parameters(MetricFilter), UPDATED_SINCE],
    responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="UTF-8（带 BOM）CSV，每行一条指标。")},
)
class MetricCSVView(MetricExportView):
    kind = "csv"


@extend_schema(
    summary="导出指标数据（NDJSON）", parameters=[*filter_parameters(MetricFilter), UPDATED_SINCE],
    responses={
        (200, "application/x-ndjson"): OpenApiResponse(OpenApiTypes.STR, description="每行一个 JSON 对象。")
    },
)
class MetricNDJSONView(MetricExportView):
    kind = "ndjson"
