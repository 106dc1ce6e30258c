"""User story: a Quartiersmanagerin records a need, forwards it to a department, the
department answers through the link from the e-mail, and she sees the answer on the timeline."""

import re

import pytest
from django.core import mail

from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen

pytestmark = pytest.mark.django_db(transaction=True)


def test_bedarf_erfassen_weiterleiten_und_antwort_im_verlauf(page, browser, live_server):
    quartier = factories.QuartierFactory(name="Eilendorf", slug="eilendorf")
    factories.benutzer_mit_rolle(quartier, username="qm-eilendorf")
    factories.HandlungsfeldFactory(name="Wohnumfeld und öffentlicher Raum")
    factories.ZielgruppeFactory(name="Kinder")
    factories.FachbereichFactory(kuerzel="FB 61", name="Stadtplanung", email="fb61@stadt.example")
    factories.BedarfFactory(quartier=quartier, titel="Spielplatz am Dorfweiher verwahrlost")

    anmelden(page, live_server, "qm-eilendorf", factories.PASSWORT)
    page.goto(f"{live_server.url}/bedarfe/")
    axe_pruefen(page)

    page.get_by_role("link", name="Bedarf anlegen").click()
    page.wait_for_url(f"{live_server.url}/bedarfe/neu/")
    page.wait_for_load_state("load")
    page.get_by_label("Titel").fill("Spielplatz Dorfweiher reparieren")
    # htmx asks for similar needs of the quartier while typing
    page.get_by_role("link", name="Spielplatz am Dorfweiher verwahrlost").wait_for()
    page.get_by_label("Handlungsfeld").select_option(label="Wohnumfeld und öffentlicher Raum")
    page.get_by_label("Kinder").check()
    page.get_by_role("textbox", name="Ort", exact=True).fill("Dorfweiher")
    axe_pruefen(page)
    page.get_by_role("button", name="Speichern", exact=True).click()

    page.get_by_role("heading", level=1, name="Spielplatz Dorfweiher reparieren").wait_for()
    page.get_by_role("link", name="Weiterleiten").click()
    page.get_by_label("Fachbereich").select_option(label="FB 61 Stadtplanung")
    page.get_by_label("Nachricht").fill("Bitte um Prüfung, die Rutsche ist gesperrt.")
    axe_pruefen(page)
    page.get_by_role("button", name="Weiterleiten").click()
    page.get_by_text("Der Bedarf wurde weitergeleitet").wait_for()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fb61@stadt.example"]
    link = re.search(r"https?://\S+/antwort/\S+/", mail.outbox[0].body).group(0)
    pfad = link.split("/antwort/", 1)[1]

    # The department opens the link in its own browser, without an account.
    fachbereich = browser.new_context(locale="de-DE").new_page()
    fachbereich.set_default_timeout(10_000)
    fachbereich.goto(f"{live_server.url}/antwort/{pfad}")
    assert fachbereich.get_by_role("heading", name="Spielplatz Dorfweiher reparieren").is_visible()
    axe_pruefen(fachbereich)
    fachbereich.get_by_label("in Planung").check()
    fachbereich.get_by_role("textbox", name=re.compile(r"^Antwort")).fill(
        "Die Rutsche wird im Frühjahr ersetzt."
    )
    fachbereich.get_by_role("button", name="Antwort senden").click()
    fachbereich.get_by_role("heading", name="Vielen Dank für Ihre Antwort").wait_for()
    axe_pruefen(fachbereich)
    fachbereich.context.close()

    page.reload()
    verlauf = page.locator("ol.zeitleiste")
    assert "Die Rutsche wird im Frühjahr ersetzt." in verlauf.inner_text()
    assert "in Bearbeitung" in page.locator(".lead").inner_text()
    axe_pruefen(page)
