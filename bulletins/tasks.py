from contextlib import suppress
from datetime import timedelta

import psycopg
from celery import Task, shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from bulletins import services

# A lost or broken database connection (server restart, failover, a terminated session): the
# infrastructure's fault, not the document's. psycopg's own in case one escapes Django's wrapping.
DATABASE_FAULTS = (OperationalError, InterfaceError, psycopg.OperationalError, psycopg.InterfaceError)


@shared_task(bind=True, name="bulletins.parse_bulletin", acks_late=True, reject_on_worker_lost=True)
def parse_bulletin(self: Task, bulletin_id: int, interrupted_at: str | None = None) -> str:
    """Parse one bulletin by id; returns its final status. A second delivery of a finished parse does nothing.

    A parse that loses its database connection is retried here after 1, 2, 4 … 30 s, up to
    FUPIN_PARSE_DB_RETRIES times (then the sweep finds it), telling the parse when the fault was seen so
    the attempt it cut short is not counted against the document.
    """
    try:
        return services.bulletin_parse(
            bulletin_id=bulletin_id, only_if_pending=True,
            interrupted_at=parse_datetime(interrupted_at) if interrupted_at else None,
        ).status
    except DATABASE_FAULTS as fault:
        _close_broken_connections()
        raise self.retry(
            kwargs={"interrupted_at": timezone.now().isoformat()},
            countdown=min(2**self.request.retries, 30),
            max_retries=settings.FUPIN_PARSE_DB_RETRIES,
            exc=fault,
        ) from fault


def _close_broken_connections() -> None:
    # Otherwise a connection kept open (CONN_MAX_AGE) would be handed, dead, to the next task.
    for conn in connections.all(initialized_only=True):
        if conn.connection is not None and not conn.in_atomic_block and not conn.is_usable():
            with suppress(*DATABASE_FAULTS):
                conn.close()


@shared_task(name="bulletins.requeue_stalled")
def requeue_stalled() -> list[int]:
    """The periodic sweep (celery beat): queue again parses that were never queued or never finished."""
    return services.bulletins_requeue_stalled(
        uploaded_for=timedelta(seconds=settings.FUPIN_REQUEUE_UPLOADED_AFTER),
        parsing_for=timedelta(seconds=settings.FUPIN_REQUEUE_PARSING_AFTER),
    )
