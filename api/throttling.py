"""Request rates, read from settings on every request so they can be changed without a restart of tests.

The counters live in the cache (Redis in production). A throttle guards the API, it is not the API: while the
cache cannot be reached every request is let through (fail open) and the outage is logged once per interval,
rather than the whole API answering 500 and an upload being lost.
"""

from __future__ import annotations

import logging

from django.conf import settings
from redis.exceptions import RedisError
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

from fupin_portal.outages import OutageLog

logger = logging.getLogger(__name__)

# What Django's cache backends raise when their server is down, unreachable or refuses writes (read-only, OOM).
CACHE_ERRORS = (RedisError, OSError)

cache_outage = OutageLog(logger, "throttle cache")


class FailOpenThrottle(SimpleRateThrottle):
    def allow_request(self, request, view) -> bool:
        if self.rate is None or self.get_cache_key(request, view) is None:
            return True  # nothing to count (a token's request, for the anonymous throttle): the cache untouched
        try:
            allowed = super().allow_request(request, view)
        except CACHE_ERRORS as error:
            cache_outage.failed(error, "API requests are not throttled until it is back")
            return True
        cache_outage.recovered()
        return allowed


class AnonymousThrottle(FailOpenThrottle, AnonRateThrottle):
    def get_rate(self) -> str | None:
        return settings.FUPIN_API_ANON_RATE or None


class PartnerThrottle(FailOpenThrottle, UserRateThrottle):
    def get_rate(self) -> str | None:
        return settings.FUPIN_API_PARTNER_RATE or None
