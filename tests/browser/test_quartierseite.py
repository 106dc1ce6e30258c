"""User story: a QM opens her quartier page on a desktop and on a phone; the overview comes
first, the charts draw, nothing is wider than the phone and axe finds no serious problem.
With SCREENSHOTS=<folder> the test also saves what it saw (quartierseite-1366.png, -375.png)."""

import datetime
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen, breiter_als

pytestmark = pytest.mark.django_db(transaction=True)


def _quartier_mit_daten():
    """A quartier with something in every part of the page, long names included."""
    quartier = factories.QuartierFactory(
        name="Forst/Driescher Hof", slug="forst", stadtbezirk="Aachen-Mitte", einwohner=11800
    )
    factories.ProgrammeinsatzFactory(
        quartier=quartier,
        programm__name="Quartiersmanagement mit dem Schwerpunkt der Flüchtlingsintegration",
        stellenanteil=50,
    )
    gestern = timezone.localdate() - datetime.timedelta(days=1)
    felder = [
        factories.HandlungsfeldFactory(name=name, sortierung=i)
        for i, name in enumerate(
            ("Wohnen und Wohnumfeld", "Bildung und Ausbildung", "Gesundheitsförderung")
        )
    ]
    for i, status in enumerate(("neu", "in_pruefung", "weitergeleitet", "in_bearbeitung") * 3):
        factories.BedarfFactory(quartier=quartier, handlungsfeld=felder[i % 3], status=status)
    factories.WeiterleitungFactory(bedarf__quartier=quartier, frist=gestern)
    factories.AufgabeFactory(quartier=quartier, titel="Protokoll verschicken", faellig_am=gestern)
    for status in ("idee", "umsetzung", "umsetzung"):
        factories.ProjektFactory(quartiere=[quartier], status=status)
    fonds = factories.StadtteilfondsFactory(quartier=quartier, budget=Decimal("15000"))
    factories.FondsantragFactory(
        fonds=fonds,
        status="bewilligt",
        betrag_bewilligt=Decimal("300"),
        nachweis_faellig_am=gestern,
    )
    gremium = factories.GremiumFactory(quartier=quartier, name="Stadtteilkonferenz Forst")
    factories.SitzungFactory(
        gremium=gremium, titel="Wintersitzung", beginn=timezone.now() + datetime.timedelta(days=3)
    )
    factories.TerminFactory(
        quartier=quartier,
        titel="Nachbarschaftsfest auf dem Driescher Hof",
        beginn=timezone.now() + datetime.timedelta(days=5),
    )
    a, b = factories.AkteurFactory.create_batch(2, quartiere=[quartier])
    factories.BeziehungFactory(quelle=a, ziel=b)
    factories.benutzer_mit_rolle(quartier, username="qm-forst")
    return quartier


def _bildschirmfoto(page, name):
    ordner = os.environ.get("SCREENSHOTS")
    if ordner:
        page.screenshot(path=str(Path(ordner) / f"quartierseite-{name}.png"), full_page=True)


@pytest.mark.parametrize("breite", [1366, 375])
def test_quartierseite_am_schreibtisch_und_am_telefon(page, live_server, breite):
    _quartier_mit_daten()
    page.set_viewport_size({"width": breite, "height": 900})
    anmelden(page, live_server, "qm-forst", factories.PASSWORT)
    page.goto(f"{live_server.url}/quartiere/forst/")
    page.wait_for_function(
        "typeof Chart !== 'undefined' && "
        "document.querySelectorAll('canvas[data-diagramm]:not([data-gezeichnet])').length === 0"
    )
    aufmerksamkeit = page.locator("#aufmerksamkeit")
    assert aufmerksamkeit.get_by_role("link", name="1 überfällige Aufgaben").count() == 1
    assert page.locator("#naechste-termine").get_by_role("link", name="Wintersitzung").count() == 1
    # The overview comes before the key figures and the details.
    oben = page.locator("#aufmerksamkeit").bounding_box()["y"]
    assert oben < page.locator("#projekte-status-tabelle").bounding_box()["y"]
    _bildschirmfoto(page, str(breite))
    assert not breiter_als(page, breite)
    axe_pruefen(page)
