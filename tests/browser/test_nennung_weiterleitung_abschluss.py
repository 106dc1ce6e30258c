"""User story: while recording a need the Quartiersmanagerin sees it exists already and adds a
mention instead; she forwards it, the department answers through the link, she gets an e-mail;
she closes the need, and its other, overdue forward leaves the list of open forwards."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen

pytestmark = pytest.mark.django_db(transaction=True)


def test_nennung_weiterleiten_antwort_abschluss(page, browser, live_server):
    quartier = factories.QuartierFactory(name="Eilendorf", slug="eilendorf")
    qm = factories.benutzer_mit_rolle(
        quartier, username="qm-eilendorf", email="qm@eilendorf.example"
    )
    factories.FachbereichFactory(kuerzel="FB 61", name="Stadtplanung", email="fb61@stadt.example")
    stelle = factories.FachbereichFactory(kuerzel="VB", name="Verkehrsbetrieb", extern=True)
    ueberfaellig = factories.WeiterleitungFactory(
        bedarf__quartier=quartier,
        bedarf__titel="Spielplatz am Dorfweiher verwahrlost",
        fachbereich=stelle,
        gesendet_von=qm,
        frist=timezone.localdate() - datetime.timedelta(days=5),
    )
    bedarf = ueberfaellig.bedarf

    anmelden(page, live_server, "qm-eilendorf", factories.PASSWORT)
    page.goto(f"{live_server.url}/bedarfe/neu/")
    page.wait_for_load_state("load")
    page.get_by_label("Titel").fill("Spielplatz Dorfweiher")
    hinzufuegen = page.get_by_role("button", name="als weitere Nennung zu diesem Bedarf hinzufügen")
    hinzufuegen.wait_for()
    page.get_by_label("Quelle").select_option(label="Telefon")
    axe_pruefen(page)
    hinzufuegen.click()
    page.get_by_text("Die Nennung wurde dem Bedarf hinzugefügt").wait_for()
    assert "2 Nennungen" in page.locator(".lead").inner_text()
    assert "weitere Nennung" in page.locator("ol.zeitleiste").inner_text()

    page.get_by_role("link", name="Weiterleiten").click()
    page.get_by_label("Fachbereich").select_option(label="FB 61 Stadtplanung")
    axe_pruefen(page)
    page.get_by_role("button", name="Weiterleiten").click()
    page.get_by_text("Der Bedarf wurde weitergeleitet").wait_for()
    link = re.search(r"https?://\S+/antwort/\S+/", mail.outbox[-1].body).group(0)

    fachbereich = browser.new_context(locale="de-DE").new_page()
    fachbereich.set_default_timeout(10_000)
    fachbereich.goto(f"{live_server.url}/antwort/{link.split('/antwort/', 1)[1]}")
    fachbereich.get_by_label("übernommen").check()
    fachbereich.get_by_role("textbox", name=re.compile(r"^Antwort")).fill("Wir reparieren ihn.")
    fachbereich.get_by_role("button", name="Antwort senden").click()
    fachbereich.get_by_role("heading", name="Vielen Dank für Ihre Antwort").wait_for()
    fachbereich.context.close()

    benachrichtigung = mail.outbox[-1]
    assert benachrichtigung.to == ["qm@eilendorf.example"]
    assert "Wir reparieren ihn." in benachrichtigung.body

    page.goto(f"{live_server.url}/weiterleitungen/?ueberfaellig=true")
    assert bedarf.titel in page.locator("main").inner_text()
    page.goto(f"{live_server.url}{bedarf.get_absolute_url()}")
    assert "Wir reparieren ihn." in page.locator("ol.zeitleiste").inner_text()
    axe_pruefen(page)
    page.get_by_role("link", name="Status ändern").click()
    page.get_by_label("erledigt").check()
    page.get_by_role("button", name="Status ändern").click()
    page.get_by_text("Der Status wurde geändert").wait_for()
    assert "zurückgezogen" in page.locator(f"#w{ueberfaellig.pk}").inner_text()
    axe_pruefen(page)

    page.goto(f"{live_server.url}/weiterleitungen/?ueberfaellig=true")
    page.get_by_text("Es gibt keine offenen Weiterleitungen.").wait_for()
    axe_pruefen(page)
