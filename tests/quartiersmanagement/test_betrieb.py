"""Operations: health check, request ids in logs, the workers' start-up, backup and restore of
the whole database."""

import gc
import importlib
import json
import logging
import os
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from django.db.utils import OperationalError

from quartiersmanagement.request_logging import JsonFormatter, RequestIdFilter
from tests.conftest import datenbank_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_ohne_anmeldung(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "datenbank": "ok"}


@pytest.mark.django_db
def test_healthz_meldet_503_ohne_datenbank(client, monkeypatch):
    def kaputt(*args, **kwargs):
        raise OperationalError("weg")

    monkeypatch.setattr(connection, "cursor", kaputt)
    response = client.get("/healthz/")
    assert response.status_code == 503


@pytest.mark.django_db
def test_request_id_wird_uebernommen_oder_erzeugt(client):
    mit = client.get("/healthz/", headers={"X-Request-ID": "proxy-123"})
    assert mit["X-Request-ID"] == "proxy-123"
    ohne = client.get("/healthz/", headers={"X-Request-ID": "<script>"})
    assert len(ohne["X-Request-ID"]) == 32


def test_protokollzeile_ist_json_mit_request_id():
    record = logging.LogRecord("qm", logging.WARNING, __file__, 1, "Frist überschritten", (), None)
    RequestIdFilter().filter(record)
    zeile = json.loads(JsonFormatter().format(record))
    assert zeile["nachricht"] == "Frist überschritten"
    assert zeile["level"] == "WARNING"
    assert zeile["request_id"] == "-"


def _zeilen_je_tabelle(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        tabellen = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # noqa: S608 - names from pg_tables
            for t in tabellen
        }


def test_worker_friert_seine_startobjekte_ein():
    """Django, the apps and every view live as long as a gunicorn worker: after loading
    (`quartiersmanagement.wsgi`) they are out of the garbage collector's reach, where each full
    collection traversed them all."""
    gc.unfreeze()
    importlib.reload(importlib.import_module("quartiersmanagement.wsgi"))
    assert gc.get_freeze_count() > 50_000


@pytest.mark.django_db(transaction=True)
def test_sicherung_und_wiederherstellung_in_neue_datenbank(settings, tmp_path):
    settings.DEBUG = True
    call_command("demo_daten")
    quelle = datenbank_url()
    ziel_name = f"{connection.settings_dict['NAME']}_wiederhergestellt"
    with psycopg.connect(quelle, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{ziel_name}"')
        conn.execute(f'CREATE DATABASE "{ziel_name}"')
    umgebung = {**os.environ, "DATABASE_URL": quelle, "BACKUP_BEHALTEN": "2"}
    try:
        for _ in range(3):
            dump = subprocess.run(  # noqa: S603 - fixed argv
                [str(ROOT / "scripts" / "backup.sh"), str(tmp_path)],
                env=umgebung,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        assert len(list(tmp_path.glob("qm-*.dump"))) == 2, "Rotation behält die neuesten 2"
        subprocess.run(  # noqa: S603 - fixed argv
            [str(ROOT / "scripts" / "restore.sh"), dump, datenbank_url(ziel_name)],
            env=umgebung,
            capture_output=True,
            text=True,
            check=True,
        )
        original = _zeilen_je_tabelle(quelle)
        assert original["quartiere_quartier"] == 9
        assert _zeilen_je_tabelle(datenbank_url(ziel_name)) == original
        erneut = subprocess.run(  # noqa: S603 - fixed argv
            [str(ROOT / "scripts" / "restore.sh"), dump, datenbank_url(ziel_name)],
            env=umgebung,
            capture_output=True,
            text=True,
            check=False,
        )
        assert erneut.returncode != 0
        assert "RESTORE_UEBERSCHREIBEN=ja" in erneut.stderr
    finally:
        with psycopg.connect(quelle, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{ziel_name}"')
