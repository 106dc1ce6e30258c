"""Two people edit the same need: the second save does not silently overwrite the first."""

import pytest
from django.test import Client
from django.urls import reverse

from bedarfe import services
from bedarfe.models import Bedarf
from tests import factories

pytestmark = pytest.mark.django_db


def _formulardaten(bedarf, **aenderungen):
    daten = {
        "titel": bedarf.titel,
        "beschreibung": bedarf.beschreibung,
        "quelle": bedarf.quelle,
        "prioritaet": bedarf.prioritaet,
        "nennungen": bedarf.nennungen,
        "gemeldet_am": bedarf.gemeldet_am.isoformat(),
        "ort": bedarf.ort,
        "version": bedarf.version,
    }
    return {**daten, **aenderungen}


@pytest.fixture
def zwei_clients(quartier, qm):
    kollegin = factories.benutzer_mit_rolle(quartier, username="kollegin")
    erste, zweite = Client(), Client()
    erste.force_login(qm)
    zweite.force_login(kollegin)
    return erste, zweite


def test_zweites_speichern_ueberschreibt_nicht_still(zwei_clients, quartier, qm):
    erste, zweite = zwei_clients
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Spielplatz", von=qm)
    url = reverse("bedarfe:bearbeiten", args=[bedarf.pk])
    # Both open the form on the same version.
    formular_a = _formulardaten(bedarf, beschreibung="Schaukel kaputt")
    formular_b = _formulardaten(bedarf, beschreibung="Sandkasten verschmutzt")

    assert erste.post(url, formular_a).status_code == 302
    antwort = zweite.post(url, formular_b)

    assert antwort.status_code == 200
    inhalt = antwort.content.decode()
    assert "Jemand anderes hat diesen Datensatz gespeichert" in inhalt
    assert "Sandkasten verschmutzt" in inhalt, "die eigene Eingabe bleibt erhalten"
    assert "Schaukel kaputt" in inhalt, "die gespeicherte Fassung wird gezeigt"
    assert Bedarf.objects.get(pk=bedarf.pk).beschreibung == "Schaukel kaputt"


def test_nach_dem_vergleich_speichert_die_zweite_fassung_bewusst(zwei_clients, quartier, qm):
    erste, zweite = zwei_clients
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Spielplatz", von=qm)
    url = reverse("bedarfe:bearbeiten", args=[bedarf.pk])
    erste.post(url, _formulardaten(bedarf, beschreibung="A"))
    konflikt = zweite.post(url, _formulardaten(bedarf, beschreibung="B"))
    neue_version = konflikt.context["form"].data["version"]

    erneut = zweite.post(url, _formulardaten(bedarf, beschreibung="B", version=neue_version))

    assert erneut.status_code == 302
    assert Bedarf.objects.get(pk=bedarf.pk).beschreibung == "B"


def test_statuswechsel_dazwischen_fuehrt_ebenfalls_zum_hinweis(zwei_clients, quartier, qm):
    _erste, zweite = zwei_clients
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Spielplatz", von=qm)
    formular = _formulardaten(bedarf, beschreibung="neu")
    services.bedarf_status_aendern(bedarf=bedarf, status=Bedarf.Status.IN_PRUEFUNG, von=qm)

    antwort = zweite.post(reverse("bedarfe:bearbeiten", args=[bedarf.pk]), formular)

    assert antwort.status_code == 200
    assert Bedarf.objects.get(pk=bedarf.pk).status == Bedarf.Status.IN_PRUEFUNG


def test_bedarfsseite_zeigt_den_feldverlauf(zwei_clients, quartier, qm):
    erste, _zweite = zwei_clients
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Spielplatz", von=qm)
    erste.post(
        reverse("bedarfe:bearbeiten", args=[bedarf.pk]),
        _formulardaten(bedarf, ort="Kirchplatz"),
    )
    inhalt = erste.get(bedarf.get_absolute_url()).content.decode()
    assert "Verlauf" in inhalt
    assert "Ort:</strong> – → Kirchplatz" in inhalt
