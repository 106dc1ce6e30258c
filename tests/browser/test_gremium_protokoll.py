"""User story: a Quartiersmanagerin records who came to a meeting, records a vote in the one
table, releases the minutes and later records an amendment; every page passes axe-core."""

import datetime

import pytest
from django.utils import timezone

from akteure.models import Beschluss
from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen

pytestmark = pytest.mark.django_db(transaction=True)


def test_anwesenheit_abstimmung_freigabe_und_berichtigung(page, live_server):
    quartier = factories.QuartierFactory(name="Kronenberg", slug="kronenberg")
    factories.benutzer_mit_rolle(quartier, username="qm-kronenberg")
    sitzung = factories.SitzungFactory(
        gremium__quartier=quartier,
        gremium__name="Stadtteilkonferenz Kronenberg",
        titel="Frühjahrssitzung",
        beginn=timezone.now().replace(microsecond=0) - datetime.timedelta(days=1),
    )
    factories.TagesordnungspunktFactory(sitzung=sitzung, nummer=1, titel="Sommerfest")
    namen = ["Bürgerverein", "Grundschule", "Kita Regenbogen"]
    for name in namen:
        factories.MitgliedschaftFactory(gremium=sitzung.gremium, akteur__name=name)

    anmelden(page, live_server, "qm-kronenberg", factories.PASSWORT)
    page.goto(f"{live_server.url}{sitzung.get_absolute_url()}")
    page.get_by_role("link", name="Anwesenheit der Mitglieder").click()
    page.wait_for_load_state("load")
    for name in namen[:2]:
        page.get_by_role("group", name=f"Status von {name}").get_by_label(
            "anwesend", exact=True
        ).check()
    page.get_by_role("group", name="Status von Kita Regenbogen").get_by_label(
        "entschuldigt", exact=True
    ).check()
    page.get_by_label("anwesende Anwohnende (Anzahl)").fill("8")
    axe_pruefen(page)
    page.get_by_role("button", name="Speichern").click()
    page.get_by_role(
        "heading", level=1, name="Stadtteilkonferenz Kronenberg: Frühjahrssitzung"
    ).wait_for()

    page.get_by_role("link", name="Beschluss anlegen").click()
    page.wait_for_load_state("load")
    # The excused member is shown without a choice.
    assert page.get_by_role("radio", name="Kita Regenbogen: Ja").count() == 0
    page.get_by_label("Beschlusstext").fill("Die Konferenz unterstützt das Sommerfest.")
    page.get_by_role("radio", name="Bürgerverein: Ja").check()
    page.get_by_role("radio", name="Grundschule: Enthaltung").check()
    axe_pruefen(page)
    page.get_by_role("button", name="Speichern").click()
    page.get_by_role("heading", name="Beschlüsse").wait_for()
    assert Beschluss.objects.get().ergebnis == "angenommen"
    axe_pruefen(page)

    page.get_by_role("button", name="Protokoll freigeben").click()
    page.get_by_text("Protokoll freigegeben; Korrekturen nur noch als Berichtigung.").wait_for()
    assert page.get_by_role("link", name="Beschluss anlegen").count() == 0
    page.get_by_role("link", name="Berichtigung erfassen").click()
    page.wait_for_load_state("load")
    page.get_by_label("Grund").fill("Enthaltung falsch übertragen")
    page.locator("#id_text").fill("Die Grundschule stimmte mit Ja.")
    axe_pruefen(page)
    page.get_by_role("button", name="Speichern").click()
    page.get_by_role("heading", name="Berichtigungen").wait_for()
    assert page.get_by_text("Enthaltung falsch übertragen").is_visible()
    axe_pruefen(page)
