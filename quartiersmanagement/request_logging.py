"""Structured logging: one JSON object per line on stdout, each with the request id.

The request id comes from the reverse proxy's X-Request-ID header (if well-formed) or is
generated, is sent back in the response, and is attached to every log record of the request,
so one user's complaint can be traced through proxy, application and database logs.
"""

import contextvars
import json
import logging
import re
import uuid

_request_id = contextvars.ContextVar("request_id", default="-")
_GUELTIG = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        kopf = request.headers.get("X-Request-ID", "")
        request.request_id = kopf if _GUELTIG.match(kopf) else uuid.uuid4().hex
        token = _request_id.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """Log records as JSON lines (time, level, logger, message, request id, exception)."""

    def format(self, record):
        eintrag = {
            "zeit": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "nachricht": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        if record.exc_info:
            eintrag["ausnahme"] = self.formatException(record.exc_info)
        return json.dumps(eintrag, ensure_ascii=False)
