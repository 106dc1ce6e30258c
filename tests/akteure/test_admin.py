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
