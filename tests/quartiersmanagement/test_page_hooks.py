"""The hooks of quartiersmanagement.page_hooks: higher apps' blocks on a lower app's page
(projects and places nearby on a need's page), rendered for the user who asks, never cached."""

import pytest
from django.urls import reverse

from quartiersmanagement import page_hooks
from tests import factories

pytestmark = pytest.mark.django_db


def test_nur_die_bedarfsseite_hat_haken_die_der_projekte_und_der_karten():
    """The quartier page is berichte's own view; no app registers a block for it."""
    assert set(page_hooks._registry) == {"bedarf"}
    assert [a.template for a in page_hooks._registry["bedarf"].values()] == [
        "projekte/bedarf_abschnitt.html",
        "karten/in_der_naehe.html",
    ]


def test_bedarfsseite_zeigt_die_projekte_zum_bedarf(client, qm, quartier):
    bedarf = factories.BedarfFactory(quartier=quartier)
    projekt = factories.ProjektFactory(quartiere=[quartier], titel="Bank am Weiher")
    projekt.bedarfe.add(bedarf)
    factories.ProjektFactory(titel="Fremdes Projekt").bedarfe.add(bedarf)
    client.force_login(qm)
    inhalt = client.get(bedarf.get_absolute_url()).content.decode()
    assert "Projekte zu diesem Bedarf" in inhalt
    assert "Bank am Weiher" in inhalt
    assert "Fremdes Projekt" not in inhalt


def test_block_wird_fuer_jeden_benutzer_gerendert(client, qm, lesend, quartier):
    """QM gets the button to create a project from the need, Lesend does not."""
    bedarf = factories.BedarfFactory(quartier=quartier)
    knopf = f"{reverse('projekte:neu')}?bedarf={bedarf.pk}"
    client.force_login(qm)
    assert knopf in client.get(bedarf.get_absolute_url()).content.decode()
    client.force_login(lesend)
    assert knopf not in client.get(bedarf.get_absolute_url()).content.decode()


def test_block_zeigt_eine_aenderung_sofort(client, qm, quartier):
    bedarf = factories.BedarfFactory(quartier=quartier)
    client.force_login(qm)
    assert "Noch kein Projekt" in client.get(bedarf.get_absolute_url()).content.decode()
    factories.ProjektFactory(quartiere=[quartier], titel="Neues Projekt").bedarfe.add(bedarf)
    assert "Neues Projekt" in client.get(bedarf.get_absolute_url()).content.decode()
