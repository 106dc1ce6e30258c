"""Login, logout, password change, lockout and session expiry."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORT, BenutzerFactory

pytestmark = pytest.mark.django_db


def test_anmeldeseite_auf_deutsch(client):
    inhalt = client.get(reverse("login")).content.decode()
    assert 'lang="de"' in inhalt
    assert "Benutzername" in inhalt and "Passwort" in inhalt


def test_anmelden_fuehrt_zur_startseite(client):
    BenutzerFactory(username="emil")
    response = client.post(reverse("login"), {"username": "emil", "password": PASSWORT})
    assert response.status_code == 302
    assert response.url == reverse("arbeitsplatz:heute")


def test_falsches_passwort_gibt_deutsche_meldung(client):
    BenutzerFactory(username="emil")
    response = client.post(reverse("login"), {"username": "emil", "password": "falsch"})
    assert response.status_code == 200
    assert "Bitte Benutzername und Passwort eingeben" in response.content.decode()


def test_sperre_nach_fuenf_fehlversuchen(client, settings):
    settings.AXES_ENABLED = True
    BenutzerFactory(username="emil")
    for _ in range(5):
        client.post(reverse("login"), {"username": "emil", "password": "falsch"})
    response = client.post(reverse("login"), {"username": "emil", "password": PASSWORT})
    assert response.status_code == 429
    assert "vorübergehend gesperrt" in response.content.decode()


def test_abmelden_per_post(client):
    client.force_login(BenutzerFactory())
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("quartiere:start")).status_code == 302


def test_passwort_aendern_prueft_die_regeln(client):
    benutzer = BenutzerFactory()
    client.force_login(benutzer)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORT, "new_password1": "kurz", "new_password2": "kurz"},
    )
    assert response.status_code == 200
    assert "zu kurz" in response.content.decode()


def test_sitzung_laeuft_nach_inaktivitaet_ab(client, settings):
    """The session ends SESSION_MINUTEN (30) after its last renewal, and with the browser."""
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    response = client.post(
        reverse("login"), {"username": BenutzerFactory().username, "password": PASSWORT}
    )
    assert response.cookies["sessionid"]["max-age"] == ""
    sitzung = Session.objects.get(session_key=client.session.session_key)
    rest = sitzung.expire_date - timezone.now()
    assert datetime.timedelta(minutes=29) < rest <= datetime.timedelta(minutes=30)
    sitzung.expire_date = timezone.now() - datetime.timedelta(seconds=1)
    sitzung.save()
    assert client.get(reverse("quartiere:start")).status_code == 302
