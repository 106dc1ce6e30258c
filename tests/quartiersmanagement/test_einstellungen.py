"""Production settings pass Django's deployment checks; German formats are in force."""

import datetime
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.template import Context, Template
from django.utils import translation

from quartiersmanagement.templatetags.qm import euro, prozent
from tests import factories

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, **env):
    # The browser tests relax async safety for this process; a deployment never does.
    umgebung = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    umgebung.update(env)
    return subprocess.run(  # noqa: S603 - fixed argv, no shell
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=umgebung,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_mit_produktionsumgebung_ohne_warnungen():
    ergebnis = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        HTTPS="true",
        SECRET_KEY="produktions-schluessel-" + "x" * 50,
        ALLOWED_HOSTS="quartiere.stadt.example",
    )
    assert ergebnis.returncode == 0, ergebnis.stderr + ergebnis.stdout
    assert "no issues" in ergebnis.stdout


def test_ohne_secret_key_startet_die_anwendung_nicht():
    ergebnis = _manage("check", DEBUG="false", SECRET_KEY="")
    assert ergebnis.returncode != 0
    assert "SECRET_KEY fehlt" in ergebnis.stderr


def test_datum_und_zahlen_im_deutschen_format():
    with translation.override("de"):
        html = Template("{{ d|date:'SHORT_DATE_FORMAT' }} {{ n }}").render(
            Context({"d": datetime.date(2026, 11, 25), "n": Decimal("1234.5")})
        )
    assert html == "25.11.2026 1.234,5"


def test_euro_und_prozent_filter():
    with translation.override("de"):
        assert euro(Decimal("1234.5")) == "1.234,50\u00a0€"
        assert euro(None) == ""
        assert prozent(Decimal("50.00")) == "50\u00a0%"
        assert prozent(Decimal("12.50")) == "12,5\u00a0%"


def test_zeitzone_und_sprache(settings):
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.LANGUAGE_CODE == "de"
    assert settings.USE_TZ


@pytest.mark.django_db
def test_sicherheitskopfzeilen(client):
    response = client.get("/konto/anmelden/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_englischer_browser_bekommt_deutsche_formate(client, qm, quartier):
    client.force_login(qm)
    factories.ProgrammeinsatzFactory(quartier=quartier)
    inhalt = client.get(quartier.get_absolute_url(), headers={"Accept-Language": "en-US"})
    assert "01.01.2024" in inhalt.content.decode()


def test_jahreszahlen_und_ids_ohne_tausenderpunkt():
    with translation.override("de"):
        html = Template("{% load l10n %}{{ jahr|unlocalize }}/{{ pk|unlocalize }}").render(
            Context({"jahr": 2026, "pk": 1209})
        )
    assert html == "2026/1209"


def test_sitzungscookie_in_produktion_mit_host_praefix():
    ergebnis = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SESSION_COOKIE_NAME)",
        DEBUG="false",
        HTTPS="true",
        SECRET_KEY="produktions-schluessel-" + "x" * 50,
        ALLOWED_HOSTS="quartiere.stadt.example",
    )
    assert ergebnis.stdout.splitlines()[-1] == "__Host-sitzung", ergebnis.stderr


@pytest.mark.django_db
def test_datenbankverbindung_ohne_jit():
    """Every connection of the application runs without JIT compilation (settings.py says
    why), whatever the server's own configuration."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


def test_datenbankverbindung_bleibt_je_worker_offen(settings):
    """Persistent connections, checked before use: a new connection's first request paid
    10-16 ms for PostgreSQL's cold catalog caches, once a minute per worker (settings.py)."""
    datenbank = settings.DATABASES["default"]
    assert datenbank["CONN_MAX_AGE"] is None
    assert datenbank["CONN_HEALTH_CHECKS"] is True
