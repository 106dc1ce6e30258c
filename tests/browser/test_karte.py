"""User story: a QM opens her quartier's map on a phone, hides the needs, shows them again
and follows a marker to the actor's page; the map draws without tiles (no network), fits
375 px and axe finds no serious problem. The screenshot goes to SCREENSHOTS/karte.png."""

import datetime
import os
from pathlib import Path

import pytest
from django.utils import timezone

from projekte.models import Projekt
from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen
from tests.browser.test_quartierseite import breiter_als
from tests.karten.orte import punkt, quadrat

pytestmark = pytest.mark.django_db(transaction=True)


def _quartier_mit_orten():
    quartier = factories.QuartierFactory(name="Preuswald", slug="preuswald", grenze=quadrat(800))
    factories.BedarfFactory(quartier=quartier, titel="Bänke am Spielplatz", lage=punkt(300, -200))
    factories.BedarfFactory(quartier=quartier, titel="Licht im Durchgang", lage=punkt(-250, 300))
    akteur = factories.AkteurFactory(
        quartiere=[quartier], name="Jugendzentrum an der Ecke", lage=punkt(0, 0)
    )
    factories.ProjektFactory(
        quartiere=[quartier],
        titel="Gemeinschaftsgarten",
        status=Projekt.Status.UMSETZUNG,
        lage=punkt(-400, -400),
    )
    factories.TerminFactory(
        quartier=quartier,
        titel="Stadtteilfest",
        lage=punkt(450, 450),
        beginn=timezone.now() + datetime.timedelta(days=3),
    )
    factories.benutzer_mit_rolle(quartier, username="qm-preuswald")
    return akteur


def test_quartierskarte_ebenen_schalten_und_marker_folgen(page, live_server, settings):
    settings.KARTE_KACHELN_URL = ""
    akteur = _quartier_mit_orten()
    page.set_default_timeout(60_000)  # a loaded test machine: the story, not the speed
    page.set_viewport_size({"width": 375, "height": 900})
    anmelden(page, live_server, "qm-preuswald", factories.PASSWORT)
    page.goto(f"{live_server.url}/quartiere/preuswald/")

    karte = page.locator("#quartier-karte")
    karte.scroll_into_view_if_needed()
    page.wait_for_selector("#quartier-karte path.marker-bedarfe")
    assert page.locator("#quartier-karte path.marker-bedarfe").count() == 2
    assert page.locator("#quartier-karte path.leaflet-interactive").count() >= 6  # + border

    bedarfe = page.get_by_role("checkbox", name="Offene Bedarfe (2)", exact=True)
    bedarfe.uncheck()
    assert page.locator("#quartier-karte path.marker-bedarfe").count() == 0
    assert page.locator("#quartier-karte path.marker-akteure").count() == 1
    bedarfe.check()
    assert page.locator("#quartier-karte path.marker-bedarfe").count() == 2

    ordner = os.environ.get("SCREENSHOTS")
    if ordner:
        page.locator("section[aria-labelledby=karte-titel]").screenshot(
            path=str(Path(ordner) / "karte.png")
        )
    assert not breiter_als(page, 375)
    axe_pruefen(page)

    page.locator("#quartier-karte path.marker-akteure").click()
    page.locator(".leaflet-popup").get_by_role("link", name="Jugendzentrum an der Ecke").click()
    page.wait_for_url(f"{live_server.url}{akteur.get_absolute_url()}")

    # The text alternative, the map page, lists the same records.
    page.go_back()
    page.get_by_role("link", name="Orte der Karte als Liste").click()
    liste = page.locator("#quartier-karte-liste")
    for titel in (
        "Bänke am Spielplatz",
        "Jugendzentrum an der Ecke",
        "Gemeinschaftsgarten",
        "Stadtteilfest",
    ):
        assert liste.get_by_role("link", name=titel).count() == 1
    if ordner:
        page.screenshot(path=str(Path(ordner) / "karte-liste.png"), full_page=True)
    axe_pruefen(page)
