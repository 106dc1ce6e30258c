import datetime

import pytest
from django.urls import reverse

from oeffentlichkeit.models import Beitrag
from tests import factories


def _daten(quartier, **mehr):
    return {
        "quartier": quartier.pk,
        "titel": "Neue Bänke",
        "teaser": "Vier Bänke am Spielplatz.",
        "text": "Seit Montag stehen vier neue Bänke.",
        "veroeffentlicht_am": "01.12.2026",
        **mehr,
    }


def test_qm_legt_beitrag_an(client, qm, quartier):
    client.force_login(qm)
    antwort = client.post(reverse("oeffentlichkeit:beitrag_neu"), _daten(quartier))
    assert antwort.status_code == 302
    beitrag = Beitrag.objects.get()
    assert beitrag.quartier == quartier
    assert beitrag.veroeffentlicht_am == datetime.date(2026, 12, 1)
    assert beitrag.history.count() == 1


def test_qm_bearbeitet_beitrag(client, qm, quartier):
    beitrag = factories.BeitragFactory(quartier=quartier)
    client.force_login(qm)
    url = reverse("oeffentlichkeit:beitrag_bearbeiten", args=[beitrag.pk])
    assert client.get(url).status_code == 200
    client.post(url, _daten(quartier, titel="Geändert"))
    beitrag.refresh_from_db()
    assert beitrag.titel == "Geändert"


def test_leerer_text_zeigt_fehler_am_feld(client, qm, quartier):
    client.force_login(qm)
    antwort = client.post(reverse("oeffentlichkeit:beitrag_neu"), _daten(quartier, text="  "))
    assert antwort.status_code == 200
    assert antwort.context["form"].errors["text"]
    assert not Beitrag.objects.exists()


def test_lesend_darf_keinen_beitrag_anlegen(client, lesend, quartier):
    client.force_login(lesend)
    antwort = client.post(reverse("oeffentlichkeit:beitrag_neu"), _daten(quartier))
    assert antwort.status_code == 403
    assert not Beitrag.objects.exists()


def test_qm_kann_nicht_fuer_fremdes_quartier_schreiben(client, qm, anderes_quartier):
    client.force_login(qm)
    antwort = client.post(reverse("oeffentlichkeit:beitrag_neu"), _daten(anderes_quartier))
    assert antwort.status_code == 200
    assert "quartier" in antwort.context["form"].errors
    assert not Beitrag.objects.exists()


def test_beitrag_eines_fremden_quartiers_gibt_404(client, qm, anderes_quartier):
    beitrag = factories.BeitragFactory(quartier=anderes_quartier)
    client.force_login(qm)
    url = reverse("oeffentlichkeit:beitrag_bearbeiten", args=[beitrag.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("anzahl", [1, 5])
def test_beitragsliste_mit_konstanter_abfragezahl(client, qm, quartier, abfragen, anzahl):
    client.force_login(qm)
    url = reverse("oeffentlichkeit:beitraege")
    factories.BeitragFactory.create_batch(anzahl, quartier=quartier)
    zahl = abfragen(lambda: client.get(url))
    factories.BeitragFactory.create_batch(10, quartier=quartier)
    assert abfragen(lambda: client.get(url)) == zahl


def test_qm_loescht_beitrag_nach_rueckfrage(client, qm, quartier):
    beitrag = factories.BeitragFactory(quartier=quartier, titel="Alte Meldung")
    url = reverse("oeffentlichkeit:beitrag_loeschen", args=[beitrag.pk])
    client.force_login(qm)
    frage = client.get(url).content.decode()
    assert "„Alte Meldung“" in frage and "Endgültig löschen" in frage
    assert Beitrag.objects.filter(pk=beitrag.pk).exists()
    assert client.post(url).status_code == 302
    assert not Beitrag.objects.filter(pk=beitrag.pk).exists()
    assert beitrag.history.first().history_type == "-"


@pytest.mark.parametrize(("benutzer", "status"), [("lesend", 403), ("qm_anderes", 404)])
def test_loeschen_nur_fuer_das_eigene_quartier(client, request, quartier, benutzer, status):
    beitrag = factories.BeitragFactory(quartier=quartier)
    client.force_login(request.getfixturevalue(benutzer))
    url = reverse("oeffentlichkeit:beitrag_loeschen", args=[beitrag.pk])
    assert client.post(url).status_code == status
    assert Beitrag.objects.filter(pk=beitrag.pk).exists()
