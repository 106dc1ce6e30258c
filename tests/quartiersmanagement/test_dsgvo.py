"""The Art. 30 register is generated from the code and covers every personal-data model."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from quartiersmanagement import dsgvo

# Parts of field names that mark personal data of identifiable people.
PERSONENFELDER = (
    "vorname",
    "nachname",
    "first_name",
    "last_name",
    "email",
    "telefon",
    "mobil",
    "strasse",
    "anschrift",
    "adresse",
    "geburtsdatum",
    "ip_address",
    "antragsteller",
)

# Models whose contact fields hold no personal data, each with the reason.
KEINE_PERSONENDATEN = {
    "quartiere.Fachbereich": "E-Mail ist ein Funktionspostfach der Verwaltung",
    "quartiere.Quartier": "Kontakt-E-Mail und Anschrift des Stadtteilbüros (Funktionspostfach)",
}


def _modelle_mit_personendaten():
    for modell in apps.get_models():
        if modell._meta.app_label in {"auth", "contenttypes", "sessions", "admin"}:
            continue
        if modell.__name__.startswith("Historical"):
            continue
        felder = [f.name for f in modell._meta.concrete_fields]
        persoenlich = any(teil in feld for feld in felder for teil in PERSONENFELDER)
        if persoenlich and modell._meta.label not in KEINE_PERSONENDATEN:
            yield modell._meta.label


def test_jedes_modell_mit_personendaten_steht_im_verzeichnis():
    fehlend = set(_modelle_mit_personendaten()) - dsgvo.erfasste_modelle()
    assert not fehlend, f"Nicht im Verarbeitungsverzeichnis: {sorted(fehlend)}"


def test_verzeichnis_nennt_alles_was_art_30_verlangt():
    for v in dsgvo.verzeichnis():
        for feld in ("zweck", "rechtsgrundlage", "betroffene", "datenkategorien", "loeschfrist"):
            assert str(getattr(v, feld)).strip(), f"{v.bezeichnung}: {feld} fehlt"


@pytest.mark.django_db
def test_verzeichnisseite_nur_fuer_administration(admin_client, client, qm):
    inhalt = admin_client.get(reverse("verarbeitungsverzeichnis")).content.decode()
    assert "Benutzerkonten der Beschäftigten" in inhalt
    assert "Art. 6 Abs. 1 lit. c" in inhalt
    client.force_login(qm)
    assert client.get(reverse("verarbeitungsverzeichnis")).status_code == 302


@pytest.fixture
def probe_bereinigung():
    gesehen = []

    def ausfuehren(stichtag, anwenden):
        gesehen.append(anwenden)
        return ["Person #7 anonymisiert" if anwenden else "Person #7 wäre zu anonymisieren"]

    dsgvo.bereinigung_registrieren(dsgvo.Bereinigung("Probe", ausfuehren))
    yield gesehen
    dsgvo._bereinigungen.pop("Probe")


@pytest.mark.django_db
def test_bereinigung_ist_ohne_schalter_ein_probelauf(probe_bereinigung):
    ausgabe = io.StringIO()
    call_command("dsgvo_bereinigen", stdout=ausgabe)
    assert probe_bereinigung == [False]
    assert "Probelauf" in ausgabe.getvalue()
    assert "Person #7 wäre zu anonymisieren" in ausgabe.getvalue()


@pytest.mark.django_db
def test_bereinigung_mit_ausfuehren_wendet_an(probe_bereinigung):
    ausgabe = io.StringIO()
    call_command("dsgvo_bereinigen", "--ausfuehren", stdout=ausgabe)
    assert probe_bereinigung == [True]
    assert "Person #7 anonymisiert" in ausgabe.getvalue()


@pytest.mark.django_db
def test_freitextfelder_warnen_vor_besonderen_kategorien(client, qm):
    client.force_login(qm)
    for url in [reverse("bedarfe:anlegen"), reverse("bedarfe:erhebung_anlegen")]:
        assert "Art. 9 DSGVO" in client.get(url).content.decode(), url
