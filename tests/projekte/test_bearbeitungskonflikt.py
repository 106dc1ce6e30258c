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
