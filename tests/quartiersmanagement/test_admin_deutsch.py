"""The admin speaks German: section names of third-party apps and the strings Django's own
German catalogue leaves open (locale/de/LC_MESSAGES/django.po)."""

import re

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(factories.BenutzerFactory(is_superuser=True, is_staff=True))
    return client


def test_bereiche_haben_deutsche_namen(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()
    bereiche = re.findall(r'class="section"[^>]*>([^<]+)</a>', html)
    assert "Anmeldeversuche und Sperren" in bereiche
    assert "Zwei-Faktor-Anmeldung (Authenticator-App)" in bereiche
    assert not {"Axes", "Otp_Totp"} & set(bereiche)


def test_konto_anlegen_ohne_englische_hinweise(admin_client):
    html = admin_client.get(reverse("admin:quartiersmanagement_benutzer_add")).content.decode()
    assert "After you" not in html
    assert "Password-based authentication" not in html
    assert "Anmeldung mit Passwort" in html


def test_eigene_app_konfiguration_bleibt_aktiv():
    """Its ready() connects the signals (shared cache, account notices): a second AppConfig in
    apps.py once silently replaced it by Django's default config."""
    from django.apps import apps

    from quartiersmanagement.apps import QuartiersmanagementConfig

    assert isinstance(apps.get_app_config("quartiersmanagement"), QuartiersmanagementConfig)
