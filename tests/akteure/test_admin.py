"""The admin pages of the akteure app open for superusers."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

MODELLE = [
    "akteur",
    "person",
    "beziehungsart",
    "beziehung",
    "gremium",
    "sitzung",
    "aufgabe",
    "kalenderzugang",
]


@pytest.mark.parametrize("modell", MODELLE)
def test_admin_listen_oeffnen(admin_client, modell):
    assert admin_client.get(reverse(f"admin:akteure_{modell}_changelist")).status_code == 200


def test_admin_formulare_oeffnen(admin_client, quartier):
    sitzung = factories.SitzungFactory(gremium__quartier=quartier)
    url = reverse("admin:akteure_sitzung_change", args=[sitzung.pk])
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(reverse("admin:akteure_akteur_add")).status_code == 200


def _inline(prefix, n=0):
    return {f"{prefix}-TOTAL_FORMS": str(n), f"{prefix}-INITIAL_FORMS": "0"}


def test_admin_verweigert_person_ohne_einwilligung_und_ohne_loeschdatum(admin_client):
    url = reverse("admin:akteure_person_add")
    daten = {
        "nachname": "Beispiel",
        "version": "0",
        **_inline("einwilligungen"),
        **_inline("funktionen"),
    }
    antwort = admin_client.post(url, {**daten, "rechtsgrundlage": "einwilligung"})
    assert antwort.status_code == 200
    assert "bitte die Einwilligung erfassen" in antwort.content.decode()
    antwort = admin_client.post(url, {**daten, "rechtsgrundlage": "aufgabe"})
    assert antwort.status_code == 200
    assert "loeschen_am" in antwort.context["adminform"].form.errors
    antwort = admin_client.post(
        url, {**daten, "rechtsgrundlage": "aufgabe", "loeschen_am": "2030-01-01"}
    )
    assert antwort.status_code == 302
