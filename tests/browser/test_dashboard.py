"""User story: a QM opens the quartier dashboard, sees what needs attention, reads a chart's
data table and follows a number to the filtered list behind it; the Leitung sees one small
chart per quartier on the overview."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen

pytestmark = pytest.mark.django_db(transaction=True)


def test_dashboard_diagrammtabelle_und_zahl_zur_liste(page, live_server):
    quartier = factories.QuartierFactory(name="Preuswald", slug="preuswald")
    factories.benutzer_mit_rolle(quartier, username="qm-preuswald")
    for titel in ("Nachbarschaftscafé", "Repair-Café"):
        factories.ProjektFactory(quartiere=[quartier], status="umsetzung", titel=titel)
    factories.ProjektFactory(quartiere=[quartier], status="idee", titel="Bolzplatz")
    factories.ProjektFactory(status="umsetzung", titel="Anderswo")
    gestern = timezone.localdate() - datetime.timedelta(days=1)
    factories.AufgabeFactory(quartier=quartier, titel="Protokoll verschicken", faellig_am=gestern)
    factories.AufgabeFactory(quartier=quartier, titel="Später erledigen")
    gremium = factories.GremiumFactory(quartier=quartier, name="Stadtteilkonferenz Preuswald")
    factories.SitzungFactory(
        gremium=gremium, titel="Wintersitzung", beginn=timezone.now() + datetime.timedelta(days=3)
    )
    anmelden(page, live_server, "qm-preuswald", factories.PASSWORT)

    page.goto(f"{live_server.url}/quartiere/preuswald/")
    page.wait_for_function(
        "typeof Chart !== 'undefined' && Chart.getChart('projekte-status-diagramm')"
    )
    assert page.locator("#naechste-termine").get_by_role("link", name="Wintersitzung").count() == 1
    tabelle = page.get_by_role("table", name="Projekte nach Status")
    zeile = tabelle.get_by_role("row", name="Umsetzung")
    assert zeile.get_by_role("cell").last.inner_text() == "2"
    axe_pruefen(page)

    zeile.get_by_role("link", name="2").click()
    page.wait_for_url("**/projekte/?quartier=*&status=umsetzung")
    assert page.get_by_role("link", name="Repair-Café").count() == 1
    assert page.get_by_role("link", name="Nachbarschaftscafé").count() == 1
    assert page.get_by_role("link", name="Bolzplatz").count() == 0
    assert page.get_by_role("link", name="Anderswo").count() == 0
    axe_pruefen(page)

    page.go_back()
    page.locator("#aufmerksamkeit").get_by_role("link", name="1 überfällige Aufgaben").click()
    page.wait_for_url("**/aufgaben/?quartier=*&ueberfaellig=true")
    assert page.get_by_role("row", name="Protokoll verschicken").count() == 1
    assert page.get_by_role("row", name="Später erledigen").count() == 0
    axe_pruefen(page)


def test_uebersicht_zeigt_kleine_diagramme_je_quartier(page, live_server):
    for name, slug in (("Preuswald", "preuswald"), ("Driescher Hof", "driescher-hof")):
        quartier = factories.QuartierFactory(name=name, slug=slug)
        factories.BedarfFactory(quartier=quartier)
    factories.leitung(username="leitung-stadt")
    anmelden(page, live_server, "leitung-stadt", factories.PASSWORT)
    page.goto(f"{live_server.url}/berichte/")
    page.wait_for_function(
        "typeof Chart !== 'undefined' && "
        "document.querySelectorAll('#kleine-diagramme canvas[data-gezeichnet]').length === 2"
    )
    assert page.locator("#kleine-diagramme h3").count() == 2
    axe_pruefen(page)
