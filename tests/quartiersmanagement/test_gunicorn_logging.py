"""The access log never holds an answer-link or calendar token."""

import datetime
from types import SimpleNamespace

from gunicorn.config import Config

from quartiersmanagement.gunicorn_logging import MaskingLogger, mask


def test_tokens_in_pfad_und_abfrage_werden_maskiert():
    assert mask("GET /antwort/AbC-123_x/ HTTP/1.1") == "GET /antwort/***/ HTTP/1.1"
    assert mask("/termine.ics?quartier=3&token=geheim") == "/termine.ics?quartier=3&token=***"
    assert mask("token=geheim&x=1") == "token=***&x=1"
    assert mask("/bedarfe/?q=token") == "/bedarfe/?q=token"


def test_zugriffsprotokoll_enthaelt_kein_token():
    umgebung = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/sitzungen.ics?token=geheim123",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": "/sitzungen.ics",
        "QUERY_STRING": "token=geheim123",
        "HTTP_REFERER": "https://stadt.example/antwort/geheim456/",
    }
    antwort = SimpleNamespace(status="200 OK", sent=10, headers=[])
    anfrage = SimpleNamespace(headers=[])
    atome = MaskingLogger(Config()).atoms(
        antwort, anfrage, umgebung, datetime.timedelta(milliseconds=5)
    )
    assert "geheim" not in " ".join(str(v) for v in atome.values())
