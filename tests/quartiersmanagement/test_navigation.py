"""The main navigation: every core list one click away, the current page marked."""

import pytest
from django.urls import reverse

from quartiersmanagement.navigation import menu_for
from tests import factories

pytestmark = pytest.mark.django_db


def _links(menu):
    return {link.label: link for bereich in menu for link in bereich.links}


def test_alle_kernlisten_in_der_navigation(quartier):
    qm = factories.benutzer_mit_rolle(quartier)
    labels = set(_links(menu_for(qm, "")))
    assert {
        "Erhebungen",
        "Offene Weiterleitungen",
        "Personen",
        "Gremien und Sitzungen",
        "Termine",
        "Programme",
        "Stadtteilfonds",
    } <= labels
    assert "Stadtweite Übersicht" not in labels  # Leitung only


def test_leitung_sieht_die_stadtweite_uebersicht(leitung):
    assert "Stadtweite Übersicht" in _links(menu_for(leitung, ""))


@pytest.mark.parametrize(
    "view_name,aktuell",
    [
        ("bedarfe:detail", "Bedarfe"),
        ("bedarfe:erhebung_detail", "Erhebungen"),
        ("bedarfe:antwort_erfassen", "Offene Weiterleitungen"),
        ("akteure:sitzung", "Gremien und Sitzungen"),
        ("projekte:antrag_detail", "Stadtteilfonds"),
        ("projekte:detail", "Projekte"),
        ("berichte:quartier", "Quartiere"),
        ("berichte:sachbericht", "Programme"),
    ],
)
def test_detailseite_markiert_ihre_liste(leitung, view_name, aktuell):
    markiert = [
        label for label, link in _links(menu_for(leitung, view_name)).items() if link.current
    ]
    assert markiert == [aktuell]


def test_programmliste_zeigt_nur_programme_eigener_quartiere(client, quartier):
    eigenes = factories.ProgrammeinsatzFactory(quartier=quartier).programm
    fremdes = factories.ProgrammeinsatzFactory().programm
    client.force_login(factories.benutzer_mit_rolle(quartier))
    html = client.get(reverse("berichte:programme")).content.decode()
    assert eigenes.name in html
    assert fremdes.name not in html
    assert 'aria-current="page"' in html
