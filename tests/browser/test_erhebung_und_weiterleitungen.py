"""User story: a Quartiersmanagerin documents a Quartiersbegehung, records a need from it,
and checks her overdue forwards; every page passes axe-core."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen

pytestmark = pytest.mark.django_db(transaction=True)


def test_erhebung_anlegen_bedarf_daraus_erfassen_und_ueberfaellige_sehen(page, live_server):
    quartier = factories.QuartierFactory(name="Richterich", slug="richterich")
    factories.benutzer_mit_rolle(quartier, username="qm-richterich")
    factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        bedarf__titel="Busverbindung am Wochenende",
        fachbereich__kuerzel="FB 61",
        frist=timezone.localdate() - datetime.timedelta(days=3),
    )

    anmelden(page, live_server, "qm-richterich", factories.PASSWORT)
    page.goto(f"{live_server.url}/erhebungen/")
    axe_pruefen(page)
    page.get_by_role("link", name="Erhebung anlegen").click()
    page.get_by_label("Titel").fill("Quartiersbegehung Ortskern")
    page.get_by_label("Methode").select_option(label="Quartiersbegehung")
    page.get_by_label("Teilnehmende").fill("11")
    axe_pruefen(page)
    page.get_by_role("button", name="Speichern").click()

    page.wait_for_load_state("load")
    page.get_by_role("heading", level=1, name="Quartiersbegehung Ortskern").wait_for()
    axe_pruefen(page)
    page.get_by_role("link", name="Bedarf aus dieser Erhebung anlegen").click()
    page.wait_for_load_state("load")
    page.get_by_label("Titel").fill("Querungshilfe an der Hauptstraße")
    page.get_by_role("button", name="Speichern", exact=True).click()
    page.get_by_role("heading", level=1, name="Querungshilfe an der Hauptstraße").wait_for()
    assert page.get_by_role("link", name="Quartiersbegehung Ortskern").count() == 1
    axe_pruefen(page)

    page.get_by_role("link", name="Status ändern").click()
    axe_pruefen(page)
    page.get_by_label("in Prüfung").check()
    page.get_by_role("button", name="Status ändern").click()
    page.get_by_text("Der Status wurde geändert.").wait_for()

    page.goto(f"{live_server.url}/weiterleitungen/")
    zeile = page.get_by_role("row", name="Busverbindung am Wochenende")
    assert "3 Tage" in zeile.inner_text()
    axe_pruefen(page)

    page.goto(f"{live_server.url}/quartiere/richterich/")
    assert page.get_by_role("heading", name="Offene Bedarfe nach Status").is_visible()
    axe_pruefen(page)
