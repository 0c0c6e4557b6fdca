"""Bulletin selectors: reads, with what the public may see decided in one place."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from bulletins.models import Bulletin
from measures.models import Metric


def bulletin_published_list() -> QuerySet[Bulletin]:
    return Bulletin.objects.filter(status=Bulletin.Status.PUBLISHED).order_by("-published_on", "-id")


def bulletin_published_get(*, pk: int) -> Bulletin:
    """A published bulletin with its records, or 404: drafts, failures and rejections are never public."""
    metrics = Metric.objects.select_related("region").order_by("start", "id")
    return get_object_or_404(
        bulletin_published_list().prefetch_related(Prefetch("metrics", queryset=metrics), "programs"), pk=pk
    )
