"""Limits set in each Celery pool child as it starts, so they bound the parses and nothing else.

The web server never runs this (worker_process_init fires only in a worker's pool children): a
request thread out of memory would answer 500 instead of recording a failed parse.
"""

from __future__ import annotations

import logging
import resource

from celery.signals import worker_process_init
from django.conf import settings

logger = logging.getLogger(__name__)


def apply_parse_memory_limit(limit_mb: int) -> None:
    """Cap this process's data memory (RLIMIT_DATA) at ``limit_mb``; 0 leaves it as it is.

    Past it, allocations fail: Python raises MemoryError, which parse_document turns into a
    too_large failure, and the process, its memory released, parses the next document.
    """
    if limit_mb <= 0:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    wanted = limit_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)  # an unprivileged process cannot raise its hard limit
    resource.setrlimit(resource.RLIMIT_DATA, (wanted, hard))
    in_use = _data_in_use_mb()
    if in_use is not None and in_use + 100 > limit_mb:
        logger.warning("FUPIN_PARSE_MEMORY_LIMIT_MB=%s leaves almost nothing: this child already uses %s MB of data; "
                       "parses will fail as too large", limit_mb, in_use)
    else:
        logger.info("parse memory limit (RLIMIT_DATA) %s MB; %s MB in use", limit_mb, in_use)


def _data_in_use_mb() -> int | None:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


@worker_process_init.connect
def _limit_pool_child(**_kwargs: object) -> None:
    apply_parse_memory_limit(settings.FUPIN_PARSE_MEMORY_LIMIT_MB)
