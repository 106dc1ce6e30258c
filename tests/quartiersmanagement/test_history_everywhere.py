"""Every domain model keeps an audit trail, and a password change ends other sessions."""

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORT, BenutzerFactory

DOMAENEN_APPS = {"quartiere", "akteure", "bedarfe", "projekte", "berichte", "oeffentlichkeit"}
# Derived, short-lived or append-only rows that nobody edits: the rollups are recounted from
# the domain tables (which keep their history), rate-limit rows hold an address hash for a day
# only, and the fund's journal is never changed (a trigger refuses it; a Storno corrects).
OHNE_VERLAUF = {
    "projekte.Buchung",
    "projekte.Auszahlung",
    "berichte.BedarfZahl",
    "berichte.AbschlussZahl",
    "berichte.WeiterleitungZahl",
    "berichte.AntwortdauerZahl",
    "berichte.TerminZahl",
    "oeffentlichkeit.Formularversuch",
}


def test_jedes_fachmodell_hat_einen_verlauf():
    ohne = [
        m._meta.label
        for m in apps.get_models()
        if m._meta.app_label in DOMAENEN_APPS
        and not m.__name__.startswith("Historical")
        and not hasattr(m, "history")
        and m._meta.label not in OHNE_VERLAUF
    ]
    assert not ohne, f"Ohne django-simple-history: {ohne}"


@pytest.mark.django_db
def test_passwortwechsel_beendet_andere_sitzungen():
    benutzer = BenutzerFactory()
    hier, anderswo = Client(), Client()
    for c in (hier, anderswo):
        c.post(reverse("login"), {"username": benutzer.username, "password": PASSWORT})
    neu = "ein-ganz-neues-Passwort-2026"
    antwort = hier.post(
        reverse("password_change"),
        {"old_password": PASSWORT, "new_password1": neu, "new_password2": neu},
    )
    assert antwort.status_code == 302
    assert hier.get(reverse("quartiere:start")).status_code == 200
    assert anderswo.get(reverse("quartiere:start")).status_code == 302
