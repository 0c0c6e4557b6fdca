"""503 with Retry-After, instead of 500, while the database cannot be reached.

A 500 tells a partner's client or an editor's browser that the request itself was wrong; a 503 with
Retry-After tells them to send the same upload again shortly, which is what an outage calls for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse

from fupin_portal.outages import OutageLog

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
MESSAGE = "服务暂时不可用：数据库无法连接，请稍后重试。"
TEXT = f"{MESSAGE}\nService temporarily unavailable: the database cannot be reached. Please retry later.\n"

database_outage = OutageLog(logger, "database")


class DatabaseUnavailableMiddleware:
    """Turns a database connection error raised by a view (or a template it renders) into a 503.

    The answer is built without templates, the session or the user: each of those may need the database.
    DRF hands exceptions that are not its own back to Django, so API views land here too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        database_outage.failed(exception, f"requests that need it answer 503 (Retry-After: {RETRY_AFTER_SECONDS})")
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse(
                {"detail": MESSAGE}, status=503, json_dumps_params={"ensure_ascii": False}
            )
        else:
            response = HttpResponse(TEXT, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"  # a proxy must not keep serving the outage once it is over
        return response
