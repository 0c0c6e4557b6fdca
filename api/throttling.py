"""Request rates, read from settings on every request so they can be changed without a restart of tests."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class AnonymousThrottle(AnonRateThrottle):
    def get_rate(self) -> str | None:
        return settings.FUPIN_API_ANON_RATE or None


class PartnerThrottle(UserRateThrottle):
    def get_rate(self) -> str | None:
        return settings.FUPIN_API_PARTNER_RATE or None
