"""Search across everything: German full text, grouped by kind, scoped like the lists."""

import pytest
from django.urls import reverse

from arbeitsplatz import suche
from tests import factories

pytestmark = pytest.mark.django_db


def _von_jeder_art(quartier, wort):
    """One record of every searchable kind in `quartier`, `wort` in its text."""
    factories.BedarfFactory(quartier=quartier, titel=f"Mehr {wort} am Spielplatz")
    factories.ErhebungFactory(quartier=quartier, titel=f"Begehung {wort}")
    akteur = factories.AkteurFactory(name=f"Verein {wort}")
    akteur.quartiere.add(quartier)
    factories.FunktionFactory(akteur=akteur, person__nachname=wort)
    gremium = factories.GremiumFactory(quartier=quartier, name=f"Arbeitskreis {wort}")
    sitzung = factories.SitzungFactory(gremium=gremium, titel=f"Sitzung {wort}")
    factories.BeschlussFactory(sitzung=sitzung, text=f"Die {wort} werden aufgestellt.")
    projekt = factories.ProjektFactory(titel=f"Projekt {wort}")
    projekt.quartiere.add(quartier)
    factories.TerminFactory(quartier=quartier, titel=f"Fest {wort}")
    factories.FondsantragFactory(fonds__quartier=quartier, titel=f"Antrag {wort}")
    factories.BeitragFactory(quartier=quartier, titel=f"Neue {wort}")


ARTEN = [
    "Bedarfe",
    "Erhebungen",
    "Akteure",
    "Personen",
    "Gremien",
    "Sitzungen",
    "Beschlüsse",
    "Projekte",
    "Termine",
    "Fondsanträge",
    "Beiträge",
]


def test_findet_jede_art_mit_deutscher_stammform(client, qm, quartier):
    _von_jeder_art(quartier, "Bänke")
    client.force_login(qm)
    # Another inflection of the word finds every kind (German stemming).
    antwort = client.get(reverse("arbeitsplatz:suche"), {"q": "Bänken"})
    assert antwort.status_code == 200
    gruppen = dict(antwort.context["gruppen"])
    assert [str(k) for k in gruppen] == ARTEN
    assert "Mehr Bänke am Spielplatz" in antwort.content.decode()


def test_qm_findet_nichts_aus_fremdem_quartier(client, qm, quartier, anderes_quartier):
    _von_jeder_art(anderes_quartier, "Geheimbank")
    client.force_login(qm)
    antwort = client.get(reverse("arbeitsplatz:suche"), {"q": "Geheimbank"})
    assert antwort.context["gruppen"] == []
    assert "Nichts gefunden" in antwort.content.decode()


def test_rang_bestes_zuerst(qm, quartier):
    factories.BedarfFactory(quartier=quartier, titel="Spielplatz", beschreibung="")
    factories.BedarfFactory(quartier=quartier, titel="Anderes", beschreibung="Spielplatz")
    ((_label, treffer),) = suche.suchen(qm, "Spielplatz")
    assert [t.titel for t in treffer] == ["Spielplatz", "Anderes"]


def test_zu_kurz_und_leer(client, qm):
    client.force_login(qm)
    assert client.get(reverse("arbeitsplatz:suche"), {"q": "a"}).context["zu_kurz"]
    assert client.get(reverse("arbeitsplatz:suche")).context["gruppen"] == []


def test_sonderzeichen_kein_fehler(client, qm, quartier):
    client.force_login(qm)
    antwort = client.get(reverse("arbeitsplatz:suche"), {"q": '"Bank & | ! ( -'})
    assert antwort.status_code == 200


def test_abfragen_konstant(client, qm, quartier, abfragen):
    client.force_login(qm)
    url = reverse("arbeitsplatz:suche") + "?q=Bank"
    _von_jeder_art(quartier, "Bank")
    wenig = abfragen(lambda: client.get(url))
    for _ in range(4):
        _von_jeder_art(quartier, "Bank")
    assert abfragen(lambda: client.get(url)) == wenig <= 18
