"""Start page, quartier list and quartier page: who sees what, and with how many queries."""

import pytest
from django.urls import reverse

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


def test_quartierseite_folgt_jeder_aenderung(client, qm, quartier):
    """Nothing on the page is cached: a programme added after a visit shows on the next."""
    client.force_login(qm)
    client.get(quartier.get_absolute_url())
    factories.ProgrammeinsatzFactory(quartier=quartier, programm__name="Altengerechtes Quartier")
    assert "Altengerechtes Quartier" in client.get(quartier.get_absolute_url()).content.decode()


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


def _quartiere_mit_daten(anzahl):
    quartiere = factories.QuartierFactory.create_batch(anzahl)
    for q in quartiere:
        factories.ProgrammeinsatzFactory(quartier=q)
        factories.benutzer_mit_rolle(q)
    return quartiere


def test_quartierseiten_mit_gleich_vielen_abfragen_bei_mehr_daten(client, leitung, abfragen):
    """Start page, list and quartier page: the same queries at two data sizes."""
    (erstes,) = _quartiere_mit_daten(1)
    client.force_login(leitung)
    seiten = [reverse("quartiere:liste"), reverse("quartiere:start"), erstes.get_absolute_url()]
    wenig = [abfragen(lambda url=url: client.get(url)) for url in seiten]
    _quartiere_mit_daten(30)
    for i in range(5):
        factories.ProgrammeinsatzFactory(quartier=erstes, von=f"202{i + 4}-01-01")
        factories.benutzer_mit_rolle(erstes)
    viel = [abfragen(lambda url=url: client.get(url)) for url in seiten]
    assert viel == wenig
    # The quartier page reads every app's figures, each once, without a cache.
    assert max(viel) <= 30


def test_ziele_der_navigation_sind_erreichbar(client, qm):
    client.force_login(qm)
    for name in [
        "bedarfe:liste",
        "akteure:liste",
        "akteure:aufgaben",
        "projekte:liste",
        "projekte:fonds",
    ]:
        assert client.get(reverse(name)).status_code == 200


def test_navigation_markiert_aufgaben_statt_akteure(client, qm):
    client.force_login(qm)
    inhalt = client.get(reverse("akteure:aufgaben")).content.decode()
    assert f'href="{reverse("akteure:aufgaben")}?offen=true" aria-current="page"' in inhalt
    assert f'href="{reverse("akteure:liste")}" aria-current' not in inhalt


def test_stadtweite_berichte_nur_fuer_leitung_in_der_navigation(client, qm, leitung):
    client.force_login(qm)
    link = f'href="{reverse("berichte:uebersicht")}"'
    assert link not in client.get(reverse("quartiere:liste")).content.decode()
    client.force_login(leitung)
    antwort = client.get(reverse("quartiere:liste"))
    assert link in antwort.content.decode()
    assert client.get(reverse("berichte:uebersicht")).status_code == 200
