"""Two people edit the same project: the second save does not silently overwrite the first."""

import pytest
from django.test import Client
from django.urls import reverse

from projekte.models import Projekt
from tests import factories

pytestmark = pytest.mark.django_db


def test_zweite_fassung_eines_projekts_wird_nicht_still_gespeichert(quartier, qm):
    kollegin = factories.benutzer_mit_rolle(quartier, username="kollegin")
    erste, zweite = Client(), Client()
    erste.force_login(qm)
    zweite.force_login(kollegin)
    projekt = factories.ProjektFactory(quartiere=[quartier], titel="Nachbarschaftscafé")
    url = reverse("projekte:bearbeiten", args=[projekt.slug])
    daten = {
        "titel": projekt.titel,
        "quartiere": [quartier.pk],
        "qm_rolle": "initiiert",
        "version": projekt.version,
    }

    assert erste.post(url, {**daten, "ziele": "Begegnung im Quartier"}).status_code == 302
    antwort = zweite.post(url, {**daten, "ziele": "Treffpunkt für Ältere"})

    inhalt = antwort.content.decode()
    assert "Jemand anderes hat diesen Datensatz gespeichert" in inhalt
    assert "Treffpunkt für Ältere" in inhalt and "Begegnung im Quartier" in inhalt
    assert Projekt.objects.get(pk=projekt.pk).ziele == "Begegnung im Quartier"


def test_zusammenfuehren_hebt_die_version_verknuepfter_projekte(quartier, qm):
    from bedarfe import services as bedarf_services

    client = Client()
    client.force_login(qm)
    ziel = bedarf_services.bedarf_anlegen(quartier=quartier, titel="Treffpunkt", von=qm)
    quelle = bedarf_services.bedarf_anlegen(quartier=quartier, titel="Begegnungsort", von=qm)
    projekt = factories.ProjektFactory(quartiere=[quartier], titel="Nachbarschaftscafé")
    projekt.bedarfe.add(quelle)
    projekt.refresh_from_db()
    veraltet = {
        "titel": projekt.titel,
        "quartiere": [quartier.pk],
        "qm_rolle": "initiiert",
        "ziele": "Begegnung",
        "bedarfe": [quelle.pk],
        "version": projekt.version,
    }

    bedarf_services.bedarf_zusammenfuehren(quelle=quelle, ziel=ziel, von=qm)
    assert Projekt.objects.get(pk=projekt.pk).version == projekt.version + 1
    antwort = client.post(
        reverse("projekte:bearbeiten", args=[projekt.slug]), {**veraltet, "bedarfe": [ziel.pk]}
    )

    assert "Jemand anderes hat diesen Datensatz gespeichert" in antwort.content.decode()
    assert list(Projekt.objects.get(pk=projekt.pk).bedarfe.all()) == [ziel]
