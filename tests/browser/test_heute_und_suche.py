"""User story: on Monday morning the Quartiersmanagerin of Eilendorf logs in and lands on
"Heute": what needs her, newest first. She marks an answer read, then searches for "Bänke"
and finds the need, the meeting and the application, grouped by kind. Both pages are
accessible and fit a 375 px phone."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.arbeitsplatz.test_heute import _alles_in
from tests.arbeitsplatz.test_suche import _von_jeder_art
from tests.browser.conftest import anmelden, axe_pruefen
from tests.browser.test_quartierseite import breiter_als

pytestmark = pytest.mark.django_db(transaction=True)


def _bildschirmfoto(page, name):
    ordner = os.environ.get("SCREENSHOTS")
    if ordner:
        page.screenshot(path=str(Path(ordner) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("breite", [1366, 375])
def test_heute_und_suche(page, live_server, breite):
    quartier = factories.QuartierFactory(name="Eilendorf", slug="eilendorf")
    qm = factories.benutzer_mit_rolle(quartier, username="qm-eilendorf")
    _alles_in(quartier, qm, text="Spielplatz")
    _von_jeder_art(quartier, "Bänke")
    fremd = factories.QuartierFactory(name="Richterich", slug="richterich")
    _von_jeder_art(fremd, "Bänke Richterich")

    page.set_viewport_size({"width": breite, "height": 900})
    anmelden(page, live_server, "qm-eilendorf", factories.PASSWORT)
    assert page.get_by_role("heading", level=1).inner_text() == "Heute"
    eintraege = page.locator(".heute-liste > li")
    anzahl = eintraege.count()
    assert anzahl >= 8
    # The count in the navigation arrives after the page.
    expect(page.locator("[data-heute-anzahl]")).to_have_text(str(anzahl))
    assert not breiter_als(page, breite), breiter_als(page, breite)
    axe_pruefen(page)
    if breite == 375:
        _bildschirmfoto(page, "heute")

    eintraege.first.get_by_role("button").click()
    page.wait_for_url(f"{live_server.url}/heute/")
    assert page.locator(".heute-liste > li").count() == anzahl - 1

    if breite == 375:
        page.get_by_role("button", name="Navigation umschalten").click()
    suchfeld = page.get_by_role("searchbox", name="Alles durchsuchen")
    suchfeld.fill("Bänken")
    suchfeld.press("Enter")
    page.wait_for_url(f"{live_server.url}/suche/?q=B%C3%A4nken")
    assert page.get_by_role("heading", name="Bedarfe").is_visible()
    assert page.get_by_role("link", name="Mehr Bänke am Spielplatz").is_visible()
    assert page.get_by_text("Richterich").count() == 0
    assert not breiter_als(page, breite), breiter_als(page, breite)
    axe_pruefen(page)
    if breite == 375:
        _bildschirmfoto(page, "suche")
