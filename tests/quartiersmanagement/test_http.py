"""Rules for every request and response (quartiersmanagement/http.py): client address behind a
trusted proxy, health check without session, NUL bytes, caching headers, session lifetime."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.db.utils import OperationalError
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quartiersmanagement import http
from quartiersmanagement.http import SIGNED_IN_AT, client_ip
from tests import factories
from tests.factories import BenutzerFactory
from tests.factories.quartiere import PASSWORT

pytestmark = pytest.mark.django_db


def _anfrage(remote_addr: str, forwarded: str | None = None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, **headers)


def test_ohne_vertrauten_proxy_zaehlt_die_direkte_adresse(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(_anfrage("127.0.0.1", "203.0.113.7")) == "127.0.0.1"


def test_hinter_vertrautem_proxy_zaehlt_der_client(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    assert client_ip(_anfrage("127.0.0.1", "203.0.113.7")) == "203.0.113.7"
    # A client may prepend anything; only what the trusted proxies added counts.
    assert client_ip(_anfrage("127.0.0.1", "198.51.100.1, 203.0.113.7, 10.1.2.3")) == (
        "203.0.113.7"
    )


def test_gefaelschter_header_eines_fremden_wird_ignoriert(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(_anfrage("198.51.100.9", "127.0.0.5")) == "198.51.100.9"


def test_sperre_hinter_dem_proxy_trifft_nur_den_angreifer(client, settings):
    settings.AXES_ENABLED = True
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    BenutzerFactory(username="admin")
    angreifer = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(5):
        client.post(reverse("login"), {"username": "admin", "password": "falsch"}, **angreifer)
    gesperrt = client.post(
        reverse("login"), {"username": "admin", "password": PASSWORT}, **angreifer
    )
    assert gesperrt.status_code == 429
    kollegin = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.20"}
    response = client.post(
        reverse("login"), {"username": "admin", "password": PASSWORT}, **kollegin
    )
    assert response.status_code == 302


def test_healthz_mit_sitzungscookie_meldet_503_ohne_datenbank(client, monkeypatch):
    client.force_login(BenutzerFactory())

    def kaputt(*args, **kwargs):
        raise OperationalError("weg")

    monkeypatch.setattr(connection, "cursor", kaputt)
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["datenbank"] == "nicht erreichbar"


@pytest.mark.parametrize(
    "adresse",
    [
        "/termine.ics?quartier=%00",
        "/sitzungen.ics?quartier=%00",
        "/bedarfe/aehnliche/?titel=a%00b",
        "/personen/?q=%00",
        "/bedarfe/?q=%00",
        "/akteure/?q=%00",
        "/projekte/?q=%00",
        "/q/?suche=%00",
    ],
)
def test_nul_byte_in_der_anfrage_gibt_400(client, qm, adresse):
    assert client.get(adresse).status_code == 400
    client.force_login(qm)
    assert client.get(adresse).status_code == 400


def test_angemeldete_antworten_werden_nicht_gespeichert(client, qm):
    client.force_login(qm)
    for adresse in (reverse("bedarfe:liste"), reverse("bedarfe:liste") + "?format=csv"):
        cache_control = client.get(adresse)["Cache-Control"]
        assert "no-store" in cache_control
        assert "private" in cache_control


def test_oeffentliche_seite_fuer_angemeldete_nicht_public(client, qm):
    quartier = factories.QuartierFactory(oeffentlich=True)
    client.force_login(qm)
    cache_control = client.get(reverse("oeffentlichkeit:quartier", args=[quartier.slug]))[
        "Cache-Control"
    ]
    assert "public" not in cache_control
    assert "no-store" in cache_control


def test_permissions_policy_auf_jeder_antwort(client):
    assert "camera=()" in client.get(reverse("login"))["Permissions-Policy"]


def test_sitzung_endet_nach_hoechstdauer_trotz_aktivitaet(client, qm, settings):
    settings.SESSION_HOECHSTDAUER_STUNDEN = 10
    client.post(reverse("login"), {"username": qm.username, "password": PASSWORT})
    assert client.get(reverse("bedarfe:liste")).status_code == 200
    sitzung = client.session
    sitzung[SIGNED_IN_AT] = int(time.time()) - 10 * 3600 - 60
    sitzung.save()
    response = client.get(reverse("bedarfe:liste"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert client.get(reverse("bedarfe:liste")).status_code == 302


def _erneuert_vor(client, sekunden: int) -> None:
    sitzung = client.session
    sitzung[http.RENEWED_AT] = int(time.time()) - sekunden
    sitzung.save()


def _sitzungsende(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def _seite_speichert_sitzung(client) -> bool:
    with CaptureQueriesContext(connection) as abfragen:
        assert client.get(reverse("bedarfe:liste")).status_code == 200
    return any(a["sql"].startswith('UPDATE "django_session"') for a in abfragen)


def test_sitzung_wird_hoechstens_einmal_je_minute_verlaengert(client, qm):
    """The idle timeout moves forward with the requests, but a page view within a minute of
    the last renewal writes nothing: no database write for each read."""
    client.force_login(qm)
    client.get(reverse("bedarfe:liste"))
    _erneuert_vor(client, http.RENEW_EVERY_SECONDS - 5)
    assert not _seite_speichert_sitzung(client)
    _erneuert_vor(client, http.RENEW_EVERY_SECONDS)
    ende = _sitzungsende(client)
    assert _seite_speichert_sitzung(client)
    assert _sitzungsende(client) > ende
