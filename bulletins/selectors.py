"""Bulletin selectors: reads, with what the public may see decided in one place."""

from django.db.models import QuerySet

from bulletins.models import Bulletin


def bulletin_published_list() -> QuerySet[Bulletin]:
    return Bulletin.objects.filter(status=Bulletin.Status.PUBLISHED).order_by("-published_on", "-id")
