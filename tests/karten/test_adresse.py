"""Address search through the configured geocoder: a local stub server, never the network."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from .orte import punkt, quadrat

pytestmark = pytest.mark.django_db


class NominatimStub(BaseHTTPRequestHandler):
    """Answers /search like Nominatim: one hit for "Preuswald", none otherwise."""

    anfragen: list = []

    def do_GET(self):
        teile = urlsplit(self.path)
        NominatimStub.anfragen.append((teile.path, parse_qs(teile.query)))
        q = parse_qs(teile.query).get("q", [""])[0]
        treffer = (
            [{"display_name": "Preuswald, Aachen", "lat": "50.7465", "lon": "6.064"}]
            if "Preuswald" in q
            else []
        )
        daten = json.dumps(treffer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(daten)))
        self.end_headers()
        self.wfile.write(daten)

    def log_message(self, *args):
        pass


@pytest.fixture
def geocoder(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), NominatimStub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.GEOCODER_URL = f"http://127.0.0.1:{server.server_port}"
    NominatimStub.anfragen = []
    yield NominatimStub
    server.shutdown()
    server.server_close()


def test_adresssuche_fragt_den_eingestellten_dienst(client, qm, geocoder):
    client.force_login(qm)
    antwort = client.get(reverse("karten:adresse"), {"q": "Preuswald"})
    assert antwort.json() == {
        "treffer": [{"name": "Preuswald, Aachen", "lat": 50.7465, "lng": 6.064}]
    }
    pfad, parameter = geocoder.anfragen[0]
    assert pfad == "/search" and parameter["countrycodes"] == ["de"]


def test_adresssuche_ohne_treffer(client, qm, geocoder):
    client.force_login(qm)
    assert client.get(reverse("karten:adresse"), {"q": "Nirgendwo"}).json() == {"treffer": []}


def test_adresssuche_dienst_nicht_erreichbar(client, qm, settings):
    settings.GEOCODER_URL = "http://127.0.0.1:9"  # discard port: nothing listens
    client.force_login(qm)
    antwort = client.get(reverse("karten:adresse"), {"q": "Preuswald"})
    assert antwort.status_code == 503
    assert "nicht erreichbar" in antwort.json()["fehler"]


def test_adresssuche_nur_wer_orte_setzen_darf(client, lesend, geocoder):
    client.force_login(lesend)
    assert client.get(reverse("karten:adresse"), {"q": "Preuswald"}).status_code == 403


def test_quartiervorschlag_aus_dem_ort(client, qm, quartier):
    quartier.grenze = quadrat()
    quartier.save()
    client.force_login(qm)
    antwort = client.get(reverse("karten:quartier_vorschlag"), {"lat": punkt().y, "lng": punkt().x})
    assert antwort.json() == {"quartier": {"id": quartier.pk, "name": "Preuswald"}}
    ungueltig = client.get(reverse("karten:quartier_vorschlag"), {"lat": "x", "lng": "1"})
    assert ungueltig.json() == {"quartier": None}
