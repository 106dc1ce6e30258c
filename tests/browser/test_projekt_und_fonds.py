"""User story: a Quartiersmanagerin turns a need into a project, records an event with its
participants, enters a fund application above the threshold, records the Gremium's decision
and payouts, checks the proof of use with its receipt, and sees what is left in the fund."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_vom_bedarf_zum_projekt_und_zur_fondsentscheidung(page, live_server):
    quartier = factories.QuartierFactory(name="Eilendorf", slug="eilendorf")
    factories.benutzer_mit_rolle(quartier, username="qm-eilendorf")
    factories.ZielgruppeFactory(name="Kinder")
    factories.ZielgruppeFactory(name="Familien")
    bedarf = factories.BedarfFactory(quartier=quartier, titel="Spielangebot am Nachmittag")
    jury = factories.GremiumFactory(quartier=quartier, name="Vergabejury Eilendorf")
    for name in ("Bürgerverein Eilendorf", "Kita Sonnenschein", "Sportverein Eilendorf"):
        factories.MitgliedschaftFactory(
            gremium=jury, akteur__name=name, akteur__quartiere=[quartier]
        )
    factories.SitzungFactory(
        gremium=jury, titel="Jurysitzung", beginn=timezone.now() - datetime.timedelta(days=2)
    )
    fonds = factories.StadtteilfondsFactory(
        quartier=quartier,
        budget=Decimal("3000.00"),
        schwelle_qm=Decimal("500.00"),
        entscheidendes_gremium=jury,
    )

    anmelden(page, live_server, "qm-eilendorf", factories.PASSWORT)

    # From the need to a project
    page.goto(f"{live_server.url}{bedarf.get_absolute_url()}")
    page.get_by_role("link", name="Projekt aus diesem Bedarf anlegen").click()
    page.wait_for_url(f"{live_server.url}/projekte/neu/?bedarf={bedarf.pk}")
    assert page.get_by_label("Titel").input_value() == "Spielangebot am Nachmittag"
    axe_pruefen(page)
    page.get_by_label("Titel").fill("Spielmobil Eilendorf")
    page.get_by_label("Ziele").fill("Kinder treffen sich nachmittags zum Spielen.")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url(f"{live_server.url}/projekte/spielmobil-eilendorf/")
    assert page.get_by_role("heading", level=1).inner_text() == "Spielmobil Eilendorf"
    assert page.get_by_role("link", name="Spielangebot am Nachmittag").is_visible()
    axe_pruefen(page)

    # An event with participants per target group
    page.get_by_role("link", name="Termin anlegen").click()
    page.get_by_label("Titel").fill("Spielmobil auf dem Marktplatz")
    page.get_by_label("Beginn").fill("2026-06-01T15:00")
    page.get_by_label("Ehrenamtliche").fill("3")
    page.get_by_label("Ehrenamtsstunden").fill("9")
    page.get_by_label("Kinder").fill("24")
    page.get_by_label("Familien").fill("8")
    axe_pruefen(page)
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url(f"{live_server.url}/projekte/spielmobil-eilendorf/")
    zeile = page.get_by_role("row", name="Spielmobil auf dem Marktplatz")
    assert "32" in zeile.inner_text()

    # A fund application above the threshold
    page.goto(f"{live_server.url}/fonds/")
    axe_pruefen(page)
    page.get_by_role("link", name="Eilendorf").first.click()
    page.get_by_role("link", name="Antrag anlegen").click()
    page.get_by_label("Titel des Vorhabens").fill("Spielgeräte für das Spielmobil")
    page.get_by_label("Zweck").fill("Bälle, Seile, Kreide")
    page.get_by_label("Kostenplan").fill("Spielgeräte: 800 €")
    page.get_by_label("beantragter Betrag (€)").fill("800")
    page.get_by_label("antragstellender Akteur").select_option(label="Bürgerverein Eilendorf")
    axe_pruefen(page)
    page.get_by_role("button", name="Antrag speichern").click()
    page.get_by_role("button", name="Als geprüft markieren").click()
    assert page.get_by_text("Entscheidung durch das Gremium").is_visible()

    # The Gremium's decision is a Beschluss of the jury's meeting; the applicant is biased
    entscheidung = page.get_by_role("region", name="Entscheidung des Gremiums")
    entscheidung.get_by_label("Sitzung des Gremiums").select_option(index=1)
    entscheidung.get_by_role("button", name="Abstimmung erfassen").click()
    page.get_by_role("heading", name="Entscheidung des Gremiums").wait_for()
    abstimmung = page.url
    # Nobody can vote before the attendance is recorded: from here to the meeting and back.
    page.get_by_role("link", name="Anwesenheit der Sitzung erfassen").click()
    for name in ("Bürgerverein Eilendorf", "Kita Sonnenschein", "Sportverein Eilendorf"):
        page.get_by_role("group", name=f"Status von {name}").get_by_label(
            "anwesend", exact=True
        ).check()
    page.get_by_label("anwesende Anwohnende (Anzahl)").fill("4")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_role("heading", level=1, name="Vergabejury Eilendorf: Jurysitzung").wait_for()
    page.goto(abstimmung)
    axe_pruefen(page)
    page.get_by_label("zu bewilligender Betrag (€)").fill("700")
    page.get_by_label("Kita Sonnenschein: Ja").check()
    page.get_by_label("Bürgerverein Eilendorf: Ja").check()
    page.get_by_role("button", name="Entscheidung speichern").click()
    fehler = "Befangene Mitglieder dürfen nicht mitstimmen: Bürgerverein Eilendorf."
    assert page.get_by_text(fehler).is_visible()
    page.get_by_label("Bürgerverein Eilendorf: befangen").check()
    page.get_by_label("Sportverein Eilendorf: Ja").check()
    page.get_by_role("button", name="Entscheidung speichern").click()
    assert page.get_by_text("Das Gremium hat entschieden: bewilligt.").is_visible()
    assert page.get_by_role("link", name="Jurysitzung", exact=False).first.is_visible()
    assert page.locator("#antrag-bewilligt").inner_text().replace("\u00a0", " ") == "700,00 €"

    # A payout, and the remaining budget on the fund page
    page.locator("#id_aus-betrag").fill("500")
    page.get_by_role("button", name="Auszahlung buchen").click()
    assert page.get_by_text("Die Auszahlung wurde gebucht.").is_visible()
    axe_pruefen(page)

    # The remaining 200 € are paid later; first the proof of use with a receipt
    page.locator("#id_aus-betrag").fill("200")
    page.get_by_role("button", name="Auszahlung buchen").click()
    page.get_by_label("tatsächliche Kosten (€)").fill("684,20")
    page.get_by_label("Belege").set_input_files(
        files=[{"name": "quittung.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Nachweis speichern").click()
    assert page.get_by_role("link", name="quittung.pdf").is_visible()
    # Settlement: 15,80 € were paid too much; they are claimed back with a due date
    page.get_by_role("button", name="Nachweis anerkennen und abrechnen").click()
    assert page.get_by_text("Rückforderung von 15,80").is_visible()
    page.get_by_label("Rückforderung fällig am").fill("2099-01-31")
    page.get_by_role("button", name="Nachweis anerkennen und abrechnen").click()
    assert page.get_by_text("der Antrag abgerechnet").is_visible()
    assert page.locator("#antrag-endgueltig").inner_text().replace("\u00a0", " ") == "684,20 €"
    axe_pruefen(page)
    page.goto(f"{live_server.url}{fonds.get_absolute_url()}")
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == f"Stadtteilfonds Eilendorf {fonds.jahr}"
    )
    # The rest not needed is available again at once
    assert page.locator("#fonds-bewilligt").inner_text().replace("\u00a0", " ") == "684,20 €"
    assert page.locator("#fonds-ausgezahlt").inner_text().replace("\u00a0", " ") == "700,00 €"
    assert page.locator("#fonds-zurueckgefordert").inner_text().replace("\u00a0", " ") == "15,80 €"
    assert page.locator("#fonds-verfuegbar").inner_text().replace("\u00a0", " ") == "2.315,80 €"
    axe_pruefen(page)
