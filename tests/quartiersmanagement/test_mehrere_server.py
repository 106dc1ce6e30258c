"""Several app servers share nothing in their processes: two gunicorn servers on one database
and one Redis (CACHE_URL) — a login made on one is valid on the other, and a public date saved
through one appears at once in the cached public iCal feed of the other."""

import datetime
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, HTTPRedirectHandler, Request, build_opener

import pytest
import redis
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from bench import formulare
from bench.messung import Gunicorn, RedisServer, freier_port
from tests import factories
from tests.conftest import datenbank_url

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORT = "zwei-server-kennwort-1"


class _OhneWeiterleitung(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One browser (one cookie jar) that may talk to any of the servers."""

    def __init__(self):
        self.oeffnen = build_opener(HTTPCookieProcessor(CookieJar()), _OhneWeiterleitung).open

    def _antwort(self, anfrage) -> tuple[int, str]:
        try:
            with self.oeffnen(anfrage, timeout=60) as antwort:
                return antwort.status, antwort.read().decode()
        except HTTPError as fehler:  # 3xx (not followed) and 4xx/5xx
            return fehler.code, fehler.read().decode()

    def get(self, server: str, pfad: str) -> tuple[int, str]:
        return self._antwort(Request(server + pfad))  # noqa: S310 - http://127.0.0.1 only

    def post(self, server: str, pfad: str, daten: dict[str, list[str]]) -> int:
        koerper = urlencode(daten, doseq=True).encode()
        anfrage = Request(server + pfad, data=koerper, method="POST")  # noqa: S310 - loopback
        return self._antwort(anfrage)[0]

    def formular(self, server: str, pfad: str, feld: str) -> dict:
        status, html = self.get(server, pfad)
        assert status == 200, (pfad, status)
        return formulare.formular_mit(html, methode="post", feld=feld)


@pytest.fixture
def redis_url(tmp_path):
    with RedisServer(port=freier_port(), ordner=tmp_path / "redis") as server:
        yield server.url


@pytest.fixture
def zwei_server(redis_url, tmp_path):
    umgebung = {"DATABASE_URL": datenbank_url(), "CACHE_URL": redis_url}
    ports = [freier_port(), freier_port()]
    with (
        Gunicorn(port=ports[0], worker=1, protokoll=tmp_path / "a.log", umgebung=umgebung),
        Gunicorn(port=ports[1], worker=1, protokoll=tmp_path / "b.log", umgebung=umgebung),
    ):
        yield [f"http://127.0.0.1:{port}" for port in ports]


def test_zwei_server_teilen_sitzung_und_cache(zwei_server, redis_url, settings):
    a, b = zwei_server
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    quartier = factories.QuartierFactory(name="Preuswald", slug="preuswald", oeffentlich=True)
    qm = factories.benutzer_mit_rolle(quartier, username="qm-zwei-server")
    qm.password = make_password(PASSWORT)
    qm.save(update_fields=["password"])
    ical = f"/q/{quartier.slug}/termine.ics"
    besuch = Browser()
    for server in (a, b):  # both servers have cached the feed without the new date
        status, feed = besuch.get(server, ical)
        assert status == 200 and "Sommerfest im Hof" not in feed
    assert redis.Redis.from_url(redis_url).dbsize() > 0

    browser = Browser()
    anmelden = browser.formular(a, "/konto/anmelden/", "password")
    daten = formulare.ausfuellen(anmelden, {"username": qm.username, "password": PASSWORT})
    assert browser.post(a, "/konto/anmelden/", daten) == 302
    assert browser.get(b, "/")[0] == 200  # the session made on A holds on B

    morgen = timezone.localtime() + datetime.timedelta(days=1)
    termin = browser.formular(b, "/termine/neu/", "titel")
    daten = formulare.ausfuellen(
        termin,
        {
            "quartier": str(quartier.pk),
            "titel": "Sommerfest im Hof",
            "beginn": morgen.strftime("%Y-%m-%dT%H:%M"),
            "oeffentlich": "on",
        },
    )
    assert browser.post(b, "/termine/neu/", daten) == 302

    for server in (a, b):
        status, feed = besuch.get(server, ical)
        assert status == 200 and "Sommerfest im Hof" in feed
