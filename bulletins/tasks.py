from celery import shared_task

from bulletins import services


@shared_task(name="bulletins.parse_bulletin", acks_late=True, reject_on_worker_lost=True)
def parse_bulletin(bulletin_id: int) -> str:
    """Parse one bulletin by id; returns its final status. Safe to run twice."""
    return services.bulletin_parse(bulletin_id=bulletin_id).status
