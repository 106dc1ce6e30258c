"""bench/ is a development tool: production settings have neither its commands nor its
floor page, and the floor page costs what any page costs plus one query."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import Resolver404, resolve

ROOT = Path(__file__).resolve().parents[2]


def test_produktions_urlconf_hat_keinen_messpunkt():
    with pytest.raises(Resolver404):
        resolve("/messung/grundlinie/", urlconf="quartiersmanagement.urls")


def test_produktionseinstellungen_kennen_die_lastbefehle_nicht():
    umgebung = {
        k: v for k, v in os.environ.items() if k not in ("BENCH", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    umgebung.update(DEBUG="false", SECRET_KEY="produktions-schluessel-" + "x" * 50)
    ergebnis = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [sys.executable, "manage.py", "lastdaten", "--help"],
        cwd=ROOT,
        env=umgebung,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ergebnis.returncode != 0
    assert "Unknown command: 'lastdaten'" in ergebnis.stderr


def test_grundlinie_braucht_eine_eigene_abfrage(client, qm, quartier, django_assert_num_queries):
    """The floor of `make bench`: what every page costs (session and user read, the Leitung
    check of the navigation: 3 statements; the session is saved at most once a minute) plus
    one of its own."""
    client.force_login(qm)
    with django_assert_num_queries(4):
        response = client.get("/messung/grundlinie/")
    assert response.status_code == 200
    assert "Die Anwendung kennt 1 Quartier." in response.text


def test_grundlinie_nur_angemeldet(client, db):
    response = client.get("/messung/grundlinie/")
    assert response.status_code == 302
