"""Lists, the network data and the quartier section use a constant number of queries."""

import pytest
from django.urls import reverse

from akteure import selectors
from tests import factories

pytestmark = pytest.mark.django_db


def _netz(quartier, anzahl):
    """`anzahl` actors with fields, target groups, relations and one shared committee."""
    feld = factories.HandlungsfeldFactory(name="Bildung")
    gruppe = factories.ZielgruppeFactory(name="Kinder")
    akteure = factories.AkteurFactory.create_batch(anzahl, quartiere=[quartier])
    gremium = factories.GremiumFactory(quartier=quartier)
    for i, akteur in enumerate(akteure):
        akteur.handlungsfelder.add(feld)
        akteur.zielgruppen.add(gruppe)
        if i:
            factories.BeziehungFactory(quelle=akteure[i - 1], ziel=akteur)
        if i % 3 == 0:
            factories.MitgliedschaftFactory(gremium=gremium, akteur=akteur)
        if i % 10 == 0:
            factories.FunktionFactory(akteur=akteur)
            factories.AufgabeFactory(quartier=quartier, verantwortlich_akteur=akteur)
    return akteure


@pytest.mark.parametrize("anzahl", [5, 300])
def test_liste_mit_konstanter_abfragezahl(
    client, qm, quartier, anzahl, django_assert_max_num_queries
):
    _netz(quartier, anzahl)
    client.force_login(qm)
    with django_assert_max_num_queries(16):
        antwort = client.get(reverse("akteure:liste"), {"quartier": quartier.pk})
    assert antwort.status_code == 200


@pytest.mark.parametrize("anzahl", [5, 300])
def test_export_mit_konstanter_abfragezahl(
    client, qm, quartier, anzahl, django_assert_max_num_queries
):
    _netz(quartier, anzahl)
    client.force_login(qm)
    with django_assert_max_num_queries(10):
        antwort = client.get(reverse("akteure:liste"), {"format": "csv"})
        inhalt = b"".join(antwort.streaming_content).decode("utf-8-sig")
    assert len(inhalt.splitlines()) == anzahl + 1


@pytest.mark.parametrize("anzahl", [5, 300])
def test_netzwerkdaten_mit_konstanter_abfragezahl(quartier, anzahl, django_assert_num_queries):
    _netz(quartier, anzahl)
    with django_assert_num_queries(4):
        netz = selectors.netzwerk_daten(quartier)
    assert len(netz.knoten) == anzahl


@pytest.mark.parametrize("anzahl", [5, 300])
def test_netzwerkseite_mit_konstanter_abfragezahl(
    client, qm, quartier, anzahl, django_assert_max_num_queries
):
    _netz(quartier, anzahl)
    client.force_login(qm)
    with django_assert_max_num_queries(12):
        antwort = client.get(reverse("akteure:netzwerk"), {"quartier": quartier.slug})
    assert antwort.status_code == 200


def test_quartierseite_mit_konstanter_abfragezahl(client, qm, quartier, abfragen):
    """The whole page, with every app's sections, costs the same at 5 and at 300 actors."""
    _netz(quartier, 5)
    client.force_login(qm)
    wenig = abfragen(lambda: client.get(quartier.get_absolute_url()))
    _netz(quartier, 295)
    assert abfragen(lambda: client.get(quartier.get_absolute_url())) == wenig


@pytest.mark.parametrize("anzahl", [5, 300])
def test_akteurseite_und_personenliste_konstant(
    client, qm, quartier, anzahl, django_assert_max_num_queries
):
    akteure = _netz(quartier, anzahl)
    client.force_login(qm)
    with django_assert_max_num_queries(16):  # 15 for the page, 1 for the Verlauf
        assert client.get(akteure[0].get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(reverse("akteure:personen")).status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(reverse("akteure:gremien")).status_code == 200


@pytest.mark.parametrize("anzahl", [5, 300])
def test_sitzung_und_gremium_konstant(client, qm, quartier, anzahl, django_assert_max_num_queries):
    akteure = _netz(quartier, anzahl)
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    for i, akteur in enumerate(akteure):
        factories.MitgliedschaftFactory(gremium=sitzung.gremium, akteur=akteur)
        if i % 5 == 0:
            factories.AufgabeFactory(
                quartier=quartier, sitzung=sitzung, verantwortlich_akteur=akteur
            )
    client.force_login(qm)
    with django_assert_max_num_queries(14):
        assert client.get(sitzung.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(sitzung.gremium.get_absolute_url()).status_code == 200
