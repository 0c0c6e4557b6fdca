from rest_framework.pagination import CursorPagination


class StableCursorPagination(CursorPagination):
    """Opaque cursors: a page never shifts when rows are added while a partner pages through."""

    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000
    ordering = "-id"

    def get_ordering(self, request, queryset, view) -> tuple[str, ...]:
        # The view validates ?ordering= against its own fields; cursors then page in that order.
        return tuple(getattr(view, "ordering", None) or (self.ordering,))

    def get_paginated_response_schema(self, schema: dict) -> dict:
        described = super().get_paginated_response_schema(schema)
        properties = described["properties"]
        properties["next"]["description"] = "下一页的地址；没有更多记录时为 null。"
        properties["previous"]["description"] = "上一页的地址；第一页为 null。"
        properties["results"] = {**schema, "description": "本页的记录。"}
        return described
