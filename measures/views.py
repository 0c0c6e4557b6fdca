"""Public pages about figures: the metric explorer, its CSV, region pages. Published records only."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from bulletins.listing import bad_filters_response, query_without_page
from bulletins.selectors import FilterError, page_of
from measures.charts import year_bars
from measures.exports import csv_lines
from measures.selectors import (
    metric_filterset,
    metric_list,
    metric_totals,
    region_bulletins,
    region_children,
    region_get,
    region_series,
)

PAGE_SIZE = 25


@require_safe
def metric_explorer(request: HttpRequest) -> HttpResponse:
    try:
        filterset = metric_filterset(filters=request.GET.dict())
    except FilterError as error:
        return bad_filters_response(request, error)
    metrics = filterset.qs
    group = request.GET.get("group", "region")
    context = {
        "filter": filterset,
        "page": page_of(metrics, request.GET.get("page"), PAGE_SIZE),
        "totals": metric_totals(queryset=metrics, group=group),
        "group": group,
        "query_without_page": query_without_page(request),
    }
    return render(request, "measures/explorer.html", context)


@require_safe
def metric_csv(request: HttpRequest) -> HttpResponse:
    """Exactly the filtered rows, streamed: memory stays flat however many rows there are."""
    try:
        metrics = metric_list(filters=request.GET.dict())
    except FilterError as error:
        return bad_filters_response(request, error)
    response = StreamingHttpResponse(csv_lines(metrics), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="fupin-metrics.csv"'
    return response


@require_safe
def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    region = region_get(code=code)
    series = region_series(region=region)
    context = {
        "region": region,
        "children": region_children(region=region),
        "bulletins": region_bulletins(region=region),
        "series": series,
        "charts": year_bars(series),
    }
    return render(request, "measures/region.html", context)
