"""Bulletin selectors: reads, with what the public may see decided in one place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django_filters import FilterSet

from bulletins.filters import BulletinFilter
from bulletins.models import Bulletin
from bulletins.search import ranked
from measures.models import Metric, Program

# Parameters a listing understands besides its filters.
PAGING_PARAMETERS = frozenset({"page", "group", "format", "cursor", "page_size"})


class FilterError(Exception):
    """Unknown or invalid filter parameters: answered with 400, never silently ignored."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(errors)
        self.errors = errors


def filtered(filterset_class: type[FilterSet], filters: Mapping[str, Any], queryset: QuerySet) -> FilterSet:
    """The bound, validated FilterSet: its .qs for the rows, its .form for the page that shows them."""
    unknown = set(filters) - set(filterset_class.base_filters) - PAGING_PARAMETERS
    if unknown:
        raise FilterError({name: ["未知的筛选参数。"] for name in sorted(unknown)})
    filterset = filterset_class(filters or None, queryset=queryset)
    if filterset.is_bound and not filterset.is_valid():
        raise FilterError({k: [str(e) for e in v] for k, v in filterset.errors.items()})
    return filterset


def bulletin_published_list() -> QuerySet[Bulletin]:
    return Bulletin.objects.filter(status=Bulletin.Status.PUBLISHED).order_by("-published_on", "-id")


def bulletin_filterset(*, filters: Mapping[str, Any]) -> BulletinFilter:
    # The text stays: a search shows a snippet of it, and twenty texts cost less than twenty queries.
    return filtered(BulletinFilter, filters, bulletin_published_list().defer("search_vector"))


def bulletin_list(*, filters: Mapping[str, Any], filterset: BulletinFilter | None = None) -> QuerySet[Bulletin]:
    queryset = (filterset or bulletin_filterset(filters=filters)).qs
    if filters.get("q") and not filters.get("sort"):
        queryset = ranked(queryset, filters["q"])
    return queryset


def bulletin_published_get(*, pk: int) -> Bulletin:
    """A published bulletin with its records, or 404: drafts, failures and rejections are never public."""
    metrics = Metric.objects.select_related("region").order_by("start", "id")
    programs = Program.objects.prefetch_related("regions").order_by("start", "id")
    return get_object_or_404(
        bulletin_published_list().prefetch_related(
            Prefetch("metrics", queryset=metrics), Prefetch("programs", queryset=programs)
        ),
        pk=pk,
    )


@dataclass(frozen=True, slots=True)
class Page:
    items: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def page_of(queryset: QuerySet, page: Any, size: int) -> Page:
    """One page without COUNT(*): fetch one row more than shown to know whether a next page exists."""
    try:
        number = max(1, int(page or 1))
    except (TypeError, ValueError):
        number = 1
    rows = list(queryset[(number - 1) * size : number * size + 1])
    return Page(items=rows[:size], number=number, has_next=len(rows) > size)
