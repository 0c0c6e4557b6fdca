from datetime import timedelta

from celery import shared_task
from django.conf import settings

from bulletins import services


@shared_task(name="bulletins.parse_bulletin", acks_late=True, reject_on_worker_lost=True)
def parse_bulletin(bulletin_id: int) -> str:
    """Parse one bulletin by id; returns its final status. A second delivery of a finished parse does nothing."""
    return services.bulletin_parse(bulletin_id=bulletin_id, only_if_pending=True).status


@shared_task(name="bulletins.requeue_stalled")
def requeue_stalled() -> list[int]:
    """The periodic sweep (celery beat): queue again parses that were never queued or never finished."""
    return services.bulletins_requeue_stalled(
        uploaded_for=timedelta(seconds=settings.FUPIN_REQUEUE_UPLOADED_AFTER),
        parsing_for=timedelta(seconds=settings.FUPIN_REQUEUE_PARSING_AFTER),
    )
