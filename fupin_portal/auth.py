"""Authentication backends: django-axes' lockout check in front of Django's own password check."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class LoginThrottleBackend(AxesStandaloneBackend):
    """Refuses a login from a locked-out user name and address; checks no password itself.

    Axes needs the request to know the address. A call without one comes from code (the test
    client's ``login``, a shell), never from a form anybody can reach, so it is left to the next backend.
    """

    def authenticate(self, request: HttpRequest | None, username: str | None = None, password: str | None = None,
                     **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
