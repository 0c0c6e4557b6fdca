"""Logging a dependency's outage once per interval: a down Redis or database must not flood the log with a
line, let alone a traceback, for every request it fails."""

from __future__ import annotations

import logging
import threading
import time

LOG_INTERVAL_SECONDS = 60.0


class OutageLog:
    """One WARNING when a dependency first fails, then at most one per interval with the count in between."""

    def __init__(self, logger: logging.Logger, what: str, interval: float = LOG_INTERVAL_SECONDS) -> None:
        self.logger = logger
        self.what = what
        self.interval = interval
        self._lock = threading.Lock()  # gunicorn threads and runserver share one instance per process
        self._last_logged: float | None = None
        self._unlogged = 0

    @property
    def active(self) -> bool:
        return self._last_logged is not None

    def failed(self, error: BaseException, consequence: str) -> None:
        with self._lock:
            now = time.monotonic()
            if self._last_logged is not None and now - self._last_logged < self.interval:
                self._unlogged += 1
                return
            unlogged, self._unlogged, self._last_logged = self._unlogged, 0, now
        since = f" ({unlogged} more failures since the last warning)" if unlogged else ""
        text = " ".join(str(error).split())  # one line: psycopg's messages run over several
        # The error's class and text say what is wrong; a traceback per outage would say nothing more.
        self.logger.warning("%s unavailable (%s: %s); %s%s", self.what, type(error).__name__, text, consequence, since)

    def recovered(self) -> None:
        if self._last_logged is None:  # the common case, without taking the lock
            return
        with self._lock:
            if self._last_logged is None:
                return
            self._last_logged, unlogged, self._unlogged = None, self._unlogged, 0
        self.logger.info("%s is back (%d failures since the last warning)", self.what, unlogged)
