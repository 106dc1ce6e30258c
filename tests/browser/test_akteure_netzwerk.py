"""User story: a Quartiersmanagerin opens the network map of her quartier, sees the actors as
nodes, opens an actor by clicking its node, and finds the same content in the table."""

import re

import pytest

from akteure.models import Akteur, Beziehungsart
from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen

pytestmark = pytest.mark.django_db(transaction=True)


def _netz():
    quartier = factories.QuartierFactory(name="Eilendorf", slug="eilendorf")
    factories.benutzer_mit_rolle(quartier, username="qm-eilendorf")
    koop, _ = Beziehungsart.objects.get_or_create(name="Kooperation")
    schule = factories.AkteurFactory(
        name="Grundschule Eilendorf", art=Akteur.Art.SCHULE, quartiere=[quartier]
    )
    kita = factories.AkteurFactory(
        name="Kita Sonnenblume", art=Akteur.Art.KITA, quartiere=[quartier]
    )
    verein = factories.AkteurFactory(name="Heimatverein", quartiere=[quartier])
    factories.AkteurFactory(name="Einzelkämpfer e. V.", quartiere=[quartier])
    factories.BeziehungFactory(quelle=schule, ziel=kita, art=koop)
    gremium = factories.GremiumFactory(quartier=quartier, name="Stadtteilkonferenz Eilendorf")
    factories.MitgliedschaftFactory(gremium=gremium, akteur=kita)
    factories.MitgliedschaftFactory(gremium=gremium, akteur=verein)
    sitzung = factories.SitzungFactory(gremium=gremium, titel="Wintersitzung")
    factories.BeschlussFactory(
        sitzung=sitzung, ja=2, nein=0, enthaltung=0, anwesende=2, stimmberechtigte=2
    )
    factories.AufgabeFactory(quartier=quartier, sitzung=sitzung, titel="Flyer drucken")
    return quartier, schule


def test_netzwerkkarte_knoten_klicken_und_tabelle(page, live_server):
    _quartier, schule = _netz()
    anmelden(page, live_server, "qm-eilendorf", factories.PASSWORT)

    page.goto(f"{live_server.url}/akteure/netzwerk/?quartier=eilendorf")
    page.wait_for_selector("#netzwerk-karte[data-geladen='true']")
    assert page.evaluate("window.akteureNetzwerk.nodes().length") == 4
    assert page.evaluate("window.akteureNetzwerk.edges().length") == 2
    assert page.locator("#netzwerk-karte canvas").count() > 0
    axe_pruefen(page)

    # Keyboard users: the link jumps to the table with the same content.
    page.get_by_role("link", name="Zur Tabelle mit allen Akteuren").focus()
    page.keyboard.press("Enter")
    tabelle = page.get_by_role("table", name="Akteure im Netzwerk")
    assert tabelle.get_by_role("row").count() == 5  # header + 4 actors
    zeile = tabelle.locator("tr", has=page.get_by_role("rowheader", name="Kita Sonnenblume"))
    assert "Grundschule Eilendorf, Heimatverein" in zeile.inner_text()
    assert zeile.get_by_role("cell").last.inner_text() == "2"

    # Mouse users: a click on a node opens the actor's page.
    page.locator("#netzwerk-karte").scroll_into_view_if_needed()
    punkt = page.evaluate(
        """(id) => {
            const cy = window.akteureNetzwerk;
            const p = cy.$('#a' + id).renderedPosition();
            const r = cy.container().getBoundingClientRect();
            return {x: r.left + p.x, y: r.top + p.y};
        }""",
        schule.pk,
    )
    page.mouse.click(punkt["x"], punkt["y"])
    page.wait_for_url(f"{live_server.url}/akteure/{schule.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Grundschule Eilendorf"
    axe_pruefen(page)


def test_akteurliste_und_gremium_barrierefrei(page, live_server):
    _quartier, _schule = _netz()
    anmelden(page, live_server, "qm-eilendorf", factories.PASSWORT)
    page.goto(f"{live_server.url}/akteure/?art=schule")
    assert page.get_by_role("link", name="Grundschule Eilendorf").is_visible()
    assert page.get_by_role("link", name="Heimatverein").count() == 0
    axe_pruefen(page)
    page.goto(f"{live_server.url}/gremien/")
    page.get_by_role("link", name="Stadtteilkonferenz Eilendorf").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Stadtteilkonferenz Eilendorf"
    axe_pruefen(page)
    page.get_by_role("row", name="Wintersitzung").get_by_role("link").click()
    assert "Wintersitzung" in page.get_by_role("heading", level=1).inner_text()
    axe_pruefen(page)
    page.get_by_role("link", name="Anwesenheit der Mitglieder").click()
    # The meeting's recorded decision counts two votes: both members were there.
    for mitglied in ("Heimatverein", "Kita Sonnenblume"):
        page.get_by_role("group", name=f"Status von {mitglied}").get_by_label(
            "anwesend", exact=True
        ).check()
    page.get_by_label("anwesende Anwohnende (Anzahl)").fill("0")
    page.get_by_role("button", name="Speichern").click()
    assert page.get_by_text("Kita Sonnenblume: anwesend").is_visible()
    page.get_by_role("button", name=re.compile("erledigt.*Flyer drucken")).click()
    assert page.get_by_text("Aufgabe als erledigt markiert.").is_visible()
    axe_pruefen(page)
    page.goto(f"{live_server.url}/akteure/neu/")
    axe_pruefen(page)
    page.goto(f"{live_server.url}/akteure/import/")
    axe_pruefen(page)
