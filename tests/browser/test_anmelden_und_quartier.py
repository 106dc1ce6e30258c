"""User story: a Quartiersmanagerin logs in, opens her quartier and sees its programmes."""

import pytest

from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen

pytestmark = pytest.mark.django_db(transaction=True)


def test_anmelden_quartier_oeffnen_und_barrierefrei(page, live_server):
    quartier = factories.QuartierFactory(name="Eilendorf", slug="eilendorf")
    factories.QuartierFactory(name="Richterich", slug="richterich")
    factories.ProgrammeinsatzFactory(
        quartier=quartier,
        programm__name="Quartiersmanagement mit dem Schwerpunkt der Flüchtlingsintegration",
        stellenanteil=50,
    )
    factories.benutzer_mit_rolle(quartier, username="qm-eilendorf")

    page.goto(f"{live_server.url}/konto/anmelden/")
    axe_pruefen(page)

    anmelden(page, live_server, "qm-eilendorf", factories.PASSWORT)
    assert page.get_by_role("heading", name="Heute").is_visible()
    page.get_by_role("main").get_by_role("link", name="Meine Quartiere").click()
    assert page.get_by_role("heading", name="Meine Quartiere").is_visible()
    assert page.get_by_role("link", name="Richterich").count() == 0

    page.get_by_role("link", name="Eilendorf").click()
    page.wait_for_url(f"{live_server.url}/quartiere/eilendorf/")
    assert page.get_by_role("heading", level=1).inner_text() == "Eilendorf"
    zeile = page.get_by_role("row", name="Flüchtlingsintegration")
    assert "50 %" in zeile.inner_text().replace("\u00a0", " ")
    axe_pruefen(page)


def test_skip_link_fuehrt_zum_inhalt(page, live_server):
    page.goto(f"{live_server.url}/konto/anmelden/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    assert skip.evaluate("e => e === document.activeElement")
    skip.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
