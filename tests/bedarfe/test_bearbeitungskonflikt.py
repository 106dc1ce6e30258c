"""Two people edit the same need: the second save does not silently overwrite the first."""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from bedarfe import services
from bedarfe.models import Bedarf
from quartiersmanagement.versioning import EditConflict
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


def test_zusammenfuehren_dann_veraltetes_formular_fuehrt_zum_hinweis(zwei_clients, quartier, qm):
    _erste, zweite = zwei_clients
    ziel = services.bedarf_anlegen(quartier=quartier, titel="Bänke am Markt", von=qm)
    quelle = services.bedarf_anlegen(quartier=quartier, titel="Sitzbänke", von=qm)
    Bedarf.objects.filter(pk=quelle.pk).update(nennungen=4)
    formular = _formulardaten(ziel, beschreibung="veraltet geöffnet")

    services.bedarf_zusammenfuehren(quelle=quelle, ziel=ziel, von=qm)
    antwort = zweite.post(reverse("bedarfe:bearbeiten", args=[ziel.pk]), formular)

    assert antwort.status_code == 200
    assert "Jemand anderes hat diesen Datensatz gespeichert" in antwort.content.decode()
    assert Bedarf.objects.get(pk=ziel.pk).nennungen == 5, "keine Nennung geht verloren"


def test_freigabe_dann_veraltetes_formular_fuehrt_zum_hinweis(zwei_clients, quartier, qm):
    _erste, zweite = zwei_clients
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Spielplatz", von=qm)
    formular = _formulardaten(bedarf, beschreibung="veraltet geöffnet")
    veraltet = Bedarf.objects.get(pk=bedarf.pk)

    services.antwort_freigeben(
        bedarf=veraltet, oeffentlich=True, oeffentliche_antwort="Wird repariert.", von=qm
    )
    antwort = zweite.post(reverse("bedarfe:bearbeiten", args=[bedarf.pk]), formular)

    assert "Jemand anderes hat diesen Datensatz gespeichert" in antwort.content.decode()
    assert Bedarf.objects.get(pk=bedarf.pk).oeffentliche_antwort == "Wird repariert."


def test_version_steigt_in_der_datenbank_auch_bei_veralteter_instanz(quartier, qm):
    bedarf = services.bedarf_anlegen(quartier=quartier, titel="Spielplatz", von=qm)
    veraltet = Bedarf.objects.get(pk=bedarf.pk)
    aktuell = Bedarf.objects.get(pk=bedarf.pk)
    aktuell.ort = "Kirchplatz"
    aktuell.save()

    veraltet.oeffentliche_antwort = "Text"
    veraltet.save(update_fields=["oeffentliche_antwort"])
    assert Bedarf.objects.get(pk=bedarf.pk).version == bedarf.version + 2

    veraltet_ganz = Bedarf.objects.get(pk=bedarf.pk)
    Bedarf.objects.get(pk=bedarf.pk).save()
    veraltet_ganz.ort = "überschreibt nichts"
    with pytest.raises(EditConflict), transaction.atomic():
        veraltet_ganz.save()
    assert Bedarf.objects.get(pk=bedarf.pk).ort == "Kirchplatz"
