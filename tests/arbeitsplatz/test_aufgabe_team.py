"""Action items can be assigned to a staff member of the quartier; they land on "Heute"."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from akteure.gremien import services
from arbeitsplatz import selectors
from tests import factories

pytestmark = pytest.mark.django_db


def test_aufgabe_an_kollegin_im_team(client, qm, quartier):
    kollegin = factories.benutzer_mit_rolle(quartier, username="kollegin")
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    client.force_login(qm)
    antwort = client.post(
        reverse("akteure:aufgabe_neu", args=[sitzung.pk]),
        {
            "titel": "Bühne anfragen",
            "verantwortlich_benutzer": kollegin.pk,
            "faellig_am": "2020-01-01",
        },
    )
    assert antwort.status_code == 302
    aufgabe = sitzung.aufgaben.get()
    assert aufgabe.verantwortlich == kollegin
    seite = client.get(sitzung.get_absolute_url()).content.decode()
    assert str(kollegin) in seite
    assert [e.titel for e in selectors.eintraege_fuer(kollegin) if e.art == "aufgabe"] == [
        "Bühne anfragen"
    ]


def test_auswahl_nennt_nur_das_team_des_quartiers(client, qm, quartier, qm_anderes):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    client.force_login(qm)
    inhalt = client.get(reverse("akteure:aufgabe_neu", args=[sitzung.pk])).content.decode()
    assert f'value="{qm.pk}"' in inhalt
    assert f'value="{qm_anderes.pk}"' not in inhalt


def test_service_lehnt_fremde_benutzerin_ab(quartier, qm_anderes):
    with pytest.raises(ValidationError) as fehler:
        services.aufgabe_anlegen(titel="x", quartier=quartier, verantwortlich_benutzer=qm_anderes)
    assert "verantwortlich_benutzer" in fehler.value.message_dict
