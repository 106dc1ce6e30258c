"""Passwort vergessen: a link by mail, the same answer for every address (no enumeration)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def _anfordern(client, email):
    return client.post(reverse("password_reset"), {"email": email})


def test_bekannte_und_unbekannte_adresse_bekommen_dieselbe_antwort(client):
    factories.BenutzerFactory(email="qm@stadt.example")
    bekannt = _anfordern(client, "qm@stadt.example")
    unbekannt = _anfordern(client, "niemand@stadt.example")
    assert bekannt.status_code == unbekannt.status_code == 302
    assert bekannt.url == unbekannt.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["qm@stadt.example"]


def test_link_aus_der_mail_setzt_ein_neues_passwort_genau_einmal(client, settings):
    settings.SITE_URL = "https://quartiere.stadt.example"
    benutzer = factories.BenutzerFactory(email="qm@stadt.example")
    _anfordern(client, "qm@stadt.example")
    (link,) = re.findall(
        r"https://quartiere\.stadt\.example(/konto/passwort-neu/\S+)", mail.outbox[0].body
    )
    formular = client.get(link, follow=True)
    neu = {"new_password1": "Stadtteil-Konferenz-2026", "new_password2": "Stadtteil-Konferenz-2026"}
    fertig = client.post(formular.redirect_chain[-1][0], neu)
    assert fertig.url == reverse("password_reset_complete")
    benutzer.refresh_from_db()
    assert benutzer.check_password("Stadtteil-Konferenz-2026")
    assert "ungültig" in client.get(link, follow=True).content.decode()


def test_link_folgt_site_url_nicht_dem_host_header(client, settings):
    settings.SITE_URL = "https://quartiere.stadt.example"
    settings.ALLOWED_HOSTS = ["*"]
    factories.BenutzerFactory(email="qm@stadt.example")
    client.post(reverse("password_reset"), {"email": "qm@stadt.example"}, HTTP_HOST="boese.example")
    assert "boese.example" not in mail.outbox[0].body
    assert "https://quartiere.stadt.example/konto/passwort-neu/" in mail.outbox[0].body


def test_anmeldeseite_verlinkt_passwort_vergessen(client):
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()
