"""The map data endpoint, the needs map, the quartier and public maps: scoped, constant."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from karten import selectors
from projekte.models import Projekt
from tests import factories

from .orte import ANDERSWO, punkt, quadrat

pytestmark = pytest.mark.django_db


def _daten(client, quartier):
    antwort = client.get(reverse("karten:quartier_daten", kwargs={"slug": quartier.slug}))
    assert antwort.status_code == 200
    return antwort.json()


def _titel(daten, ebene=None):
    return {
        f["properties"].get("titel")
        for f in daten["features"]
        if ebene is None or f["properties"]["ebene"] == ebene
    }


def test_kartendaten_des_eigenen_quartiers(client, qm, quartier):
    quartier.grenze = quadrat()
    quartier.save()
    bedarf = factories.BedarfFactory(quartier=quartier, lage=punkt(), titel="Bänke")
    client.force_login(qm)

    daten = _daten(client, quartier)

    grenze, marker = daten["features"][0], daten["features"][1]
    assert grenze["properties"]["ebene"] == "grenze"
    assert grenze["geometry"]["type"] == "MultiPolygon"
    assert marker["properties"] == {
        "ebene": "bedarfe",
        "titel": "Bänke",
        "url": bedarf.get_absolute_url(),
    }
    assert marker["geometry"]["coordinates"] == [round(punkt().x, 6), round(punkt().y, 6)]


def test_qm_bekommt_kein_merkmal_eines_fremden_quartiers(client, qm, quartier, anderes_quartier):
    factories.BedarfFactory(quartier=anderes_quartier, lage=punkt(mitte=ANDERSWO), titel="fremd")
    factories.AkteurFactory(quartiere=[anderes_quartier], lage=punkt(), name="fremder Verein")
    factories.BedarfFactory(quartier=quartier, lage=punkt(), titel="eigen")
    client.force_login(qm)

    assert _titel(_daten(client, quartier)) == {"eigen"}
    antwort = client.get(reverse("karten:quartier_daten", kwargs={"slug": anderes_quartier.slug}))
    assert antwort.status_code == 404
    karte = client.get(reverse("karten:bedarfe")).content.decode()
    assert "eigen" in karte and "fremd" not in karte


def test_kartendaten_mit_konstanter_zahl_an_abfragen(client, qm, quartier, abfragen):
    client.force_login(qm)
    url = reverse("karten:quartier_daten", kwargs={"slug": quartier.slug})

    def anlegen(n):
        for i in range(n):
            factories.BedarfFactory(quartier=quartier, lage=punkt(10 * i))
            factories.AkteurFactory(quartiere=[quartier], lage=punkt(0, 10 * i))
            factories.ProjektFactory(
                quartiere=[quartier], lage=punkt(), status=Projekt.Status.UMSETZUNG
            )
            factories.TerminFactory(
                quartier=quartier,
                lage=punkt(),
                beginn=timezone.now() + datetime.timedelta(days=i + 1),
            )

    anlegen(2)
    wenige = abfragen(lambda: client.get(url))
    anlegen(20)
    assert abfragen(lambda: client.get(url)) == wenige


def test_bedarfskarte_zeigt_genau_die_gefilterten_bedarfe(client, qm, quartier):
    factories.BedarfFactory(quartier=quartier, lage=punkt(), titel="Spielplatz Bänke")
    factories.BedarfFactory(quartier=quartier, lage=punkt(100), titel="Beleuchtung")
    factories.BedarfFactory(quartier=quartier, titel="Ohne Ort Bänke")
    client.force_login(qm)

    antwort = client.get(reverse("karten:bedarfe"), {"q": "Bänke"})

    daten = json.loads(
        antwort.context["karte"]["json"] and json.dumps(antwort.context["karte"]["json"])
    )
    assert _titel(daten) == {"Spielplatz Bänke"}
    assert antwort.context["ohne_lage"] == 1


def test_bedarfskarte_mit_konstanter_zahl_an_abfragen(client, qm, quartier, abfragen):
    client.force_login(qm)
    url = reverse("karten:bedarfe")
    for i in range(2):
        factories.BedarfFactory(quartier=quartier, lage=punkt(10 * i))
    wenige = abfragen(lambda: client.get(url))
    for i in range(30):
        factories.BedarfFactory(quartier=quartier, lage=punkt(10 * i))
    assert abfragen(lambda: client.get(url)) == wenige


def test_quartierseite_laedt_die_orte_nach_und_verweist_auf_die_liste(client, qm, quartier):
    """The quartier page carries no marker: its map fetches them from the data endpoint, and
    the text alternative is the map page with every place as a link."""
    factories.AkteurFactory(quartiere=[quartier], lage=punkt(), name="Jugendzentrum Ecke")
    client.force_login(qm)
    inhalt = client.get(quartier.get_absolute_url()).content.decode()
    daten_url = reverse("karten:quartier_daten", kwargs={"slug": quartier.slug})
    liste_url = reverse("karten:quartier", kwargs={"slug": quartier.slug})
    assert 'id="quartier-karte"' in inhalt and f'data-url="{daten_url}"' in inhalt
    assert f'href="{liste_url}">Orte der Karte als Liste' in inhalt
    assert "Jugendzentrum Ecke" not in inhalt

    karte = client.get(liste_url).content.decode()
    assert "Jugendzentrum Ecke" in karte and 'id="quartier-karte-liste" open' in karte


def test_kartenseite_eines_fremden_quartiers_gibt_es_nicht(client, qm, anderes_quartier):
    client.force_login(qm)
    url = reverse("karten:quartier", kwargs={"slug": anderes_quartier.slug})
    assert client.get(url).status_code == 404


def test_kartenseite_mit_konstanter_zahl_an_abfragen(client, qm, quartier, abfragen):
    client.force_login(qm)
    url = reverse("karten:quartier", kwargs={"slug": quartier.slug})
    factories.BedarfFactory(quartier=quartier, lage=punkt())
    wenige = abfragen(lambda: client.get(url))
    for i in range(20):
        factories.BedarfFactory(quartier=quartier, lage=punkt(10 * i))
        factories.AkteurFactory(quartiere=[quartier], lage=punkt(10 * i))
    assert abfragen(lambda: client.get(url)) == wenige


def test_oeffentliche_karte_ohne_person_und_ohne_private_adresse(client, quartier):
    quartier.oeffentlich = True
    quartier.grenze = quadrat()
    quartier.save()
    einverstanden = factories.AkteurFactory(
        quartiere=[quartier],
        lage=punkt(),
        name="Bürgerverein",
        oeffentlich=True,
        einwilligung_am=datetime.date(2026, 1, 1),
        strasse="Geheimweg 7",
    )
    factories.AkteurFactory(quartiere=[quartier], lage=punkt(), name="Ohne Einwilligung")
    person = factories.PersonFactory(vorname="Erika", nachname="Musterfrau")
    factories.FunktionFactory(person=person, akteur=einverstanden)
    factories.ProjektFactory(
        quartiere=[quartier],
        lage=punkt(),
        titel="Internes Projekt",
        status=Projekt.Status.UMSETZUNG,
    )
    factories.ProjektFactory(
        quartiere=[quartier],
        lage=punkt(),
        titel="Gartenprojekt",
        oeffentlich=True,
        status=Projekt.Status.UMSETZUNG,
    )
    factories.TerminFactory(
        quartier=quartier,
        lage=punkt(),
        titel="Interne Runde",
        oeffentlich=False,
        beginn=timezone.now() + datetime.timedelta(days=2),
    )
    factories.BedarfFactory(quartier=quartier, lage=punkt(), titel="Bedarf intern")

    daten = selectors.geojson(selectors.oeffentliche_karte(quartier.pk))
    inhalt = client.get(reverse("oeffentlichkeit:quartier", kwargs={"slug": quartier.slug}))
    text = json.dumps(daten, ensure_ascii=False) + inhalt.content.decode()

    assert _titel(daten) - {None} == {"Bürgerverein", "Gartenprojekt"}
    for geheim in (
        "Ohne Einwilligung",
        "Erika",
        "Musterfrau",
        "Geheimweg",
        "Internes Projekt",
        "Interne Runde",
        "Bedarf intern",
    ):
        assert geheim not in text, geheim
