"""The chain need -> project -> result: a project starts from a need, the need's page shows it."""

import pytest
from django.urls import reverse

from projekte import services
from projekte.models import Projekt
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def bedarf(quartier):
    return factories.BedarfFactory(quartier=quartier, titel="Treffpunkt für Jugendliche")


def test_projekt_aus_bedarf_ist_vorbelegt(client, qm, bedarf, quartier):
    client.force_login(qm)
    response = client.get(reverse("projekte:neu"), {"bedarf": bedarf.pk})
    form = response.context["form"]
    assert form.initial["titel"] == "Treffpunkt für Jugendliche"
    assert form.initial["bedarfe"] == [bedarf.pk]
    assert form.initial["quartiere"] == [quartier.pk]


def test_bedarf_eines_fremden_quartiers_ist_404(client, qm_anderes, bedarf):
    client.force_login(qm_anderes)
    assert client.get(reverse("projekte:neu"), {"bedarf": bedarf.pk}).status_code == 404


def test_bedarfsseite_zeigt_projekt_und_ergebnis(client, qm, bedarf, quartier):
    projekt = services.projekt_anlegen(
        von=qm, quartiere=[quartier], titel="Jugendtreff", ziele="Raum", bedarfe=[bedarf]
    )
    services.projekt_ergebnis_speichern(projekt=projekt, von=qm, ergebnis="Treff öffnet dienstags")
    client.force_login(qm)
    inhalt = client.get(bedarf.get_absolute_url()).content.decode()
    assert "Projekte zu diesem Bedarf" in inhalt
    assert "Jugendtreff" in inhalt and "Treff öffnet dienstags" in inhalt
    assert list(bedarf.projekte.all()) == [Projekt.objects.get()]


def test_projekt_aus_aufgabe_einer_sitzung_ist_vorbelegt(client, qm, quartier):
    aufgabe = factories.AufgabeFactory(quartier=quartier, titel="Repair-Café gründen")
    client.force_login(qm)
    response = client.get(reverse("projekte:neu"), {"aufgabe": aufgabe.pk})
    assert response.context["form"].initial["aufgabe"] == aufgabe.pk
    assert response.context["form"].initial["titel"] == "Repair-Café gründen"
