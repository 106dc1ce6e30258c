"""Right of access (Art. 15): everything stored about a person, as JSON and PDF."""

import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(quartier):
    funktion = factories.FunktionFactory(
        akteur__quartiere=[quartier], akteur__name="Bürgerverein", rolle="Kassiererin"
    )
    factories.EinwilligungFactory(person=funktion.person, zweck="Einladungen")
    return funktion.person


def test_auskunft_als_json_enthaelt_alle_teile(client, qm, person):
    client.force_login(qm)
    antwort = client.get(reverse("akteure:person_auskunft", args=[person.pk, "json"]))
    assert antwort.status_code == 200
    assert "attachment" in antwort["Content-Disposition"]
    daten = json.loads(antwort.content)
    assert daten["Personendaten"][0]["E-Mail"] == person.email
    assert daten["Einwilligungen"][0]["Zweck"] == "Einladungen"
    assert daten["Funktionen bei Akteuren"][0] == {
        "Akteur": "Bürgerverein",
        "Rolle": "Kassiererin",
        "von": "01.01.2024",
        "bis": "",
    }
    assert daten["Änderungen am Datensatz"][0]["Art"] == "angelegt"


def test_auskunft_als_pdf(client, qm, person):
    client.force_login(qm)
    antwort = client.get(reverse("akteure:person_auskunft", args=[person.pk, "pdf"]))
    seiten = PdfReader(io.BytesIO(antwort.content)).pages
    text = " ".join(" ".join(seite.extract_text() for seite in seiten).split())
    assert "Auskunft nach Art. 15 DSGVO" in text
    assert person.nachname in text and "Kassiererin" in text


def test_auskunft_nur_fuer_wer_die_person_bearbeiten_darf(client, lesend, qm_anderes, person):
    url = reverse("akteure:person_auskunft", args=[person.pk, "json"])
    client.force_login(lesend)
    assert client.get(url).status_code == 403
    client.force_login(qm_anderes)
    assert client.get(url).status_code == 404


def test_auskunft_nennt_fondsantraege_mit_derselben_e_mail(client, qm, person):
    factories.FondsantragFactory(antragsteller_email=person.email.upper(), titel="Sommerfest")
    client.force_login(qm)
    daten = json.loads(
        client.get(reverse("akteure:person_auskunft", args=[person.pk, "json"])).content
    )
    antraege = daten["Anträge an den Stadtteilfonds (gleiche E-Mail-Adresse)"]
    assert [a["Antrag"] for a in antraege] == ["Sommerfest"]
