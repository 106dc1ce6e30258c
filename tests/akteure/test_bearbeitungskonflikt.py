"""Two people edit the same actor or person: the second save does not silently overwrite."""

import pytest
from django.test import Client
from django.urls import reverse

from akteure.models import Akteur, Person
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def zwei_clients(quartier, qm):
    kollegin = factories.benutzer_mit_rolle(quartier, username="kollegin")
    erste, zweite = Client(), Client()
    erste.force_login(qm)
    zweite.force_login(kollegin)
    return erste, zweite


def test_zweite_fassung_eines_akteurs_wird_nicht_still_gespeichert(zwei_clients, quartier):
    erste, zweite = zwei_clients
    akteur = factories.AkteurFactory(name="Bürgerverein", quartiere=[quartier])
    url = reverse("akteure:bearbeiten", args=[akteur.pk])
    daten = {"art": "verein", "quartiere": [quartier.pk], "aktiv": "on", "version": akteur.version}

    assert erste.post(url, {**daten, "name": "Bürgerverein Preuswald e. V."}).status_code == 302
    antwort = zweite.post(url, {**daten, "name": "Bürgerverein am Wald"})

    inhalt = antwort.content.decode()
    assert "Jemand anderes hat diesen Datensatz gespeichert" in inhalt
    assert "Bürgerverein am Wald" in inhalt and "Bürgerverein Preuswald e. V." in inhalt
    assert Akteur.objects.get(pk=akteur.pk).name == "Bürgerverein Preuswald e. V."


def test_zweite_fassung_einer_person_wird_nicht_still_gespeichert(zwei_clients, quartier):
    erste, zweite = zwei_clients
    person = factories.FunktionFactory(akteur__quartiere=[quartier]).person
    factories.EinwilligungFactory(person=person)
    url = reverse("akteure:person_bearbeiten", args=[person.pk])
    daten = {
        "nachname": person.nachname,
        "rechtsgrundlage": "einwilligung",
        "version": person.version,
    }

    assert erste.post(url, {**daten, "telefon": "0241 111"}).status_code == 302
    antwort = zweite.post(url, {**daten, "telefon": "0241 222"})

    assert "Jemand anderes hat diesen Datensatz gespeichert" in antwort.content.decode()
    assert Person.objects.get(pk=person.pk).telefon == "0241 111"
