"""Public pages in a real browser: no CSP violation (the JSON-LD data block included) and no
serious axe-core finding on every public page type."""

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def quartier_mit_inhalt(db):
    q = factories.QuartierFactory(
        name="Preuswald",
        slug="preuswald",
        oeffentlich=True,
        beschreibung="Ein grünes Quartier.\n\nMehr unter https://aachen.de.",
        buero_adresse="Reimser Straße 1\n52074 Aachen",
        sprechzeiten="Di 10–12 Uhr",
        kontakt_email="qm-preuswald@stadt.example",
    )
    morgen = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    projekt = factories.ProjektFactory(
        quartiere=[q],
        titel="Gemeinschaftsgarten",
        slug="garten",
        oeffentlich=True,
        status="umsetzung",
    )
    factories.TerminFactory(
        quartier=q, projekt=projekt, titel="Pflanzaktion", oeffentlich=True, beginn=morgen
    )
    gremium = factories.GremiumFactory(quartier=q, name="Stadtteilkonferenz", oeffentlich=True)
    factories.SitzungFactory(gremium=gremium, titel="Frühjahrssitzung")
    factories.AkteurFactory(
        quartiere=[q],
        name="Bürgerverein",
        oeffentlich=True,
        einwilligung_am=datetime.date(2026, 1, 1),
    )
    factories.BedarfFactory(
        quartier=q, titel="Mehr Bänke", oeffentlich=True, oeffentliche_antwort="Vier neue Bänke."
    )
    beitrag = factories.BeitragFactory(quartier=q, titel="Neue Bänke")
    return q, beitrag


def test_oeffentliche_seiten_sind_barrierefrei_und_ohne_csp_verstoss(
    page, live_server, quartier_mit_inhalt
):
    _q, beitrag = quartier_mit_inhalt
    page.goto(f"{live_server.url}/q/")
    axe_pruefen(page)
    page.get_by_role("link", name="Preuswald").first.click()
    page.wait_for_url(f"{live_server.url}/q/preuswald/")
    assert page.locator("h1").inner_text() == "Preuswald"
    assert page.locator('script[type="application/ld+json"]').count() == 1
    axe_pruefen(page)
    for pfad in (
        "/q/preuswald/termine/",
        "/q/preuswald/termine/?ansicht=monat",
        "/q/preuswald/akteure/",
        "/q/preuswald/projekte/garten/",
        f"/q/preuswald/neuigkeiten/{beitrag.pk}/",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
        "/leichte-sprache/",
    ):
        page.goto(f"{live_server.url}{pfad}")
        assert page.locator("h1").count() == 1, pfad
        axe_pruefen(page)


def test_sprunglink_fuehrt_zum_inhalt(page, live_server, quartier_mit_inhalt):
    page.goto(f"{live_server.url}/q/preuswald/")
    page.keyboard.press("Tab")
    sprunglink = page.get_by_role("link", name="Zum Inhalt springen")
    assert sprunglink.evaluate("e => e === document.activeElement")
    sprunglink.press("Enter")
    assert page.url.endswith("#inhalt")


def test_online_antrag_mit_fehler_behaelt_eingaben_und_wird_eingereicht(
    page, live_server, quartier_mit_inhalt
):
    from projekte.models import Fondsantrag

    q, _beitrag = quartier_mit_inhalt
    factories.StadtteilfondsFactory(quartier=q)
    page.goto(f"{live_server.url}/q/preuswald/")
    page.get_by_role("link", name="Geld aus dem Stadtteilfonds für Ihre Idee beantragen").click()
    axe_pruefen(page)
    page.get_by_label("Titel Ihres Vorhabens").fill("Nachbarschaftsfest")
    page.get_by_label("Was haben Sie vor?").fill("Ein Fest im Park.")
    page.get_by_label("Kostenplan").fill("Musik: 200 €")
    page.get_by_label("Beantragter Betrag in Euro").fill("200,00")
    page.get_by_label("Name Ihrer Gruppe oder Organisation (freiwillig)").fill(
        "Initiative Grüner Hof"
    )
    page.get_by_label("Ihr Vor- und Nachname").fill("Erika Beispiel")
    page.get_by_label("E-Mail").fill("hof@example.org")
    page.get_by_role("button", name="Antrag absenden").click()
    # consent missing: the error is at the field, everything typed is still there
    page.wait_for_selector(".invalid-feedback, .alert-danger")
    assert "Einwilligung" in page.locator("form").inner_text()
    assert page.get_by_label("Titel Ihres Vorhabens").input_value() == "Nachbarschaftsfest"
    assert page.get_by_label("Kostenplan").input_value() == "Musik: 200 €"
    assert page.get_by_label("E-Mail").input_value() == "hof@example.org"
    axe_pruefen(page)
    page.get_by_label("Ich willige ein", exact=False).check()
    page.get_by_role("button", name="Antrag absenden").click()
    page.wait_for_url(f"{live_server.url}/q/preuswald/fonds/antrag/danke/")
    assert "Vorgangsnummer" in page.locator("main").inner_text()
    axe_pruefen(page)
    assert Fondsantrag.objects.get().titel == "Nachbarschaftsfest"


def test_oeffentliche_seiten_passen_auf_320_pixel_breite(page, live_server, quartier_mit_inhalt):
    """Reflow (WCAG 1.4.10): no horizontal scrolling at 320 CSS pixels (= 1280 px at 400 %)."""
    page.set_viewport_size({"width": 320, "height": 640})
    for pfad in ("/q/", "/q/preuswald/", "/q/preuswald/termine/", "/q/preuswald/fonds/antrag/"):
        page.goto(f"{live_server.url}{pfad}")
        breite = page.evaluate("document.documentElement.scrollWidth")
        assert breite <= 320, f"{pfad}: {breite} px breit"


def test_qm_loescht_beitrag_und_er_verschwindet_oeffentlich(page, live_server, quartier_mit_inhalt):
    """From the edit form to the confirmation page (axe) to the public page without it."""
    q, beitrag = quartier_mit_inhalt
    factories.benutzer_mit_rolle(q, username="qm-preuswald")
    page.goto(f"{live_server.url}/q/preuswald/")
    assert page.get_by_text("Neue Bänke", exact=True).count() == 1
    anmelden(page, live_server, "qm-preuswald", factories.PASSWORT)
    page.goto(f"{live_server.url}/beitraege/{beitrag.pk}/bearbeiten/")
    page.get_by_role("link", name="Beitrag löschen").click()
    axe_pruefen(page)
    page.get_by_role("button", name="Endgültig löschen").click()
    page.wait_for_url(f"{live_server.url}/beitraege/")
    assert page.get_by_text("Der Beitrag wurde gelöscht.").is_visible()
    page.goto(f"{live_server.url}/q/preuswald/")
    assert page.get_by_text("Neue Bänke", exact=True).count() == 0
