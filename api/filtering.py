"""The public site's FilterSets, applied to API querysets with the same rules (unknown parameter → 400)."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

from bulletins.filters import BulletinFilter
from bulletins.selectors import FilterError, filtered

# Parameters the API itself understands besides the FilterSet's.
API_PARAMETERS = frozenset({"cursor", "page_size", "ordering", "format", "updated_since", "since"})


class SharedFilterBackend(DjangoFilterBackend):
    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None:
            return queryset
        params = {k: v for k, v in request.query_params.items() if k not in API_PARAMETERS}
        try:
            return filtered(filterset_class, params, queryset).qs
        except FilterError as error:
            raise ValidationError(error.errors) from error


class BulletinApiFilter(BulletinFilter):
    """The listing's filters; the API orders with ?ordering= instead of the page's sort menu, because
    cursor pages need a key that is never null (published_on may be)."""

    sort = None


def filter_parameters(filterset_class) -> list:
    """OpenAPI parameters for a FilterSet on a view that is not a list (the exports)."""
    from drf_spectacular.utils import OpenApiParameter

    return [
        OpenApiParameter(name, str, description=str(f.label or name))
        for name, f in filterset_class.base_filters.items()
    ]
