"""The admin pages of the projekte app load; sums stay read-only there."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "modell",
    ["projekt", "termin", "stadtteilfonds", "fondsantrag", "verwendungsnachweis"],
)
def test_adminseiten_laden(admin_client, quartier, modell):
    fonds = factories.StadtteilfondsFactory(quartier=quartier)
    factories.FondsantragFactory(fonds=fonds)
    factories.ProjektFactory(quartiere=[quartier])
    factories.TerminFactory(quartier=quartier)
    assert admin_client.get(reverse(f"admin:projekte_{modell}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:projekte_{modell}_add")).status_code == 200


def test_bewilligte_summe_ist_im_admin_nicht_aenderbar(admin_client, quartier):
    fonds = factories.StadtteilfondsFactory(quartier=quartier)
    inhalt = admin_client.get(
        reverse("admin:projekte_stadtteilfonds_change", args=[fonds.pk])
    ).content.decode()
    assert 'name="bewilligt_summe"' not in inhalt
