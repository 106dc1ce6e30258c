"""gunicorn's access log without secrets: answer-link tokens (`/antwort/<token>/`) and
calendar-feed tokens (`?token=…`) are replaced by `***` before a line is written.

A log file is read by more people and kept longer than the database; a token in it would let
anyone who reads the log answer for a department or read a member of staff's calendar.
Used with `gunicorn --logger-class quartiersmanagement.gunicorn_logging.MaskingLogger`
(Makefile `serve`, docs/betrieb.md)."""

import re

from gunicorn.glogging import Logger

_PATH_TOKEN = re.compile(r"(/antwort/)[^/?\s]+")
_QUERY_TOKEN = re.compile(r"((?:^|[?&])token=)[^&\s]*")
MASK = "***"


def mask(text: str | None) -> str | None:
    """`text` with every token replaced by `***`."""
    if not text:
        return text
    return _QUERY_TOKEN.sub(rf"\g<1>{MASK}", _PATH_TOKEN.sub(rf"\g<1>{MASK}", text))


class MaskingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        """Every text atom masked: the request line, path, query and referrer, and the request
        headers and environment values gunicorn also offers to log formats."""
        return {
            key: mask(value) if isinstance(value, str) else value
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }
