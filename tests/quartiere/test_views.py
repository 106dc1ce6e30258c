"""Start page, quartier list and quartier page: who sees what, and with how many queries."""

import pytest
from django.urls import reverse

from quartiersmanagement import abschnitte
from tests import factories

pytestmark = pytest.mark.django_db


def test_anonym_wird_zur_anmeldung_geleitet(client, quartier):
    for url in [reverse("quartiere:start"), quartier.get_absolute_url()]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_startseite_zeigt_eigene_quartiere_mit_rolle(client, qm, quartier, anderes_quartier):
    client.force_login(qm)
    inhalt = client.get(reverse("quartiere:start")).content.decode()
    assert "Preuswald" in inhalt
    assert "Quartiersmanagement" in inhalt
    assert "Eilendorf" not in inhalt


def test_startseite_der_leitung_zeigt_alle_quartiere(client, leitung, quartier, anderes_quartier):
    client.force_login(leitung)
    inhalt = client.get(reverse("quartiere:start")).content.decode()
    assert "Preuswald" in inhalt and "Eilendorf" in inhalt


def test_quartierliste_zeigt_nur_lesbare(client, qm, quartier, anderes_quartier):
    client.force_login(qm)
    response = client.get(reverse("quartiere:liste"))
    assert list(response.context["quartiere"]) == [quartier]


def test_quartierseite_zeigt_programme_und_zustaendige(client, qm, quartier):
    einsatz = factories.ProgrammeinsatzFactory(
        quartier=quartier,
        programm__name="Quartiersmanagement mit dem Schwerpunkt QFI",
        stellenanteil=50,
    )
    client.force_login(qm)
    response = client.get(quartier.get_absolute_url())
    inhalt = response.content.decode()
    assert response.status_code == 200
    assert einsatz.programm.name in inhalt
    assert "50\u00a0%" in inhalt
    assert "01.01.2024" in inhalt
    assert str(qm) in inhalt


def test_quartierseite_eines_fremden_quartiers_ist_404(client, qm_anderes, quartier):
    client.force_login(qm_anderes)
    assert client.get(quartier.get_absolute_url()).status_code == 404


def test_lesend_sieht_die_quartierseite(client, lesend, quartier):
    client.force_login(lesend)
    assert client.get(quartier.get_absolute_url()).status_code == 200


def test_404_seite_im_layout_der_anwendung(client, qm):
    client.force_login(qm)
    response = client.get("/quartiere/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


@pytest.mark.parametrize("anzahl", [3, 30])
def test_quartierliste_und_seite_mit_fester_zahl_an_abfragen(
    client, leitung, django_assert_max_num_queries, anzahl, monkeypatch
):
    # The base page alone: sections other apps register have their own query-count tests.
    monkeypatch.setattr(abschnitte, "_registriert", {})
    quartiere = factories.QuartierFactory.create_batch(anzahl)
    for q in quartiere:
        factories.ProgrammeinsatzFactory(quartier=q)
        factories.benutzer_mit_rolle(q)
    client.force_login(leitung)
    with django_assert_max_num_queries(8):
        client.get(reverse("quartiere:liste"))
    with django_assert_max_num_queries(8):
        client.get(reverse("quartiere:start"))
    # 9 for the page, +2 for the bedarfe section (needs by status/Handlungsfeld, overdue)
    with django_assert_max_num_queries(11):
        client.get(quartiere[0].get_absolute_url())


def test_platzhalterseiten_der_navigation_sind_erreichbar(client, qm):
    client.force_login(qm)
    for name in [
        "bedarfe:liste",
        "akteure:liste",
        "projekte:liste",
        "projekte:fonds",
        "berichte:uebersicht",
    ]:
        assert client.get(reverse(name)).status_code == 200
