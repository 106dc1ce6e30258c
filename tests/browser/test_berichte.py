"""User story: the Leitung opens the city-wide overview, then a quartier's page, reads the
chart's data table and follows a number to the filtered list of needs behind it."""

import pytest

from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen

pytestmark = pytest.mark.django_db(transaction=True)


def test_uebersicht_dashboard_und_zahl_zur_liste(page, live_server):
    quartier = factories.QuartierFactory(name="Preuswald", slug="preuswald")
    andere = factories.QuartierFactory(name="Driescher Hof", slug="driescher-hof")
    factories.leitung(username="leitung-stadt")
    wohnen = factories.HandlungsfeldFactory(name="Wohnen")
    for titel in ("Treppenhaus dunkel", "Aufzug defekt"):
        factories.BedarfFactory(quartier=quartier, handlungsfeld=wohnen, titel=titel)
    factories.BedarfFactory(quartier=andere, handlungsfeld=wohnen, titel="Anderswo")
    anmelden(page, live_server, "leitung-stadt", factories.PASSWORT)

    page.get_by_role("button", name="Berichte").click()
    page.get_by_role("link", name="Stadtweite Übersicht").click()
    tabelle = page.get_by_role("table", name="Kennzahlen je Quartier")
    assert tabelle.get_by_role("row").count() == 4  # header, two quartiers, city total
    axe_pruefen(page)

    page.goto(f"{live_server.url}/quartiere/preuswald/")
    page.wait_for_function("typeof Chart !== 'undefined' && Chart.getChart('bedarfe-diagramm')")
    matrix = page.locator("#bedarfe-matrix")
    zeile = matrix.get_by_role("row", name="Wohnen")
    assert zeile.get_by_role("cell").last.inner_text() == "2"
    axe_pruefen(page)

    zeile.get_by_role("link", name="2").first.click()  # status "neu"; the last: all open
    page.wait_for_url("**/bedarfe/?quartier=*")
    assert page.get_by_role("link", name="Treppenhaus dunkel").count() == 1
    assert page.get_by_role("link", name="Aufzug defekt").count() == 1
    assert page.get_by_role("link", name="Anderswo").count() == 0
    axe_pruefen(page)
