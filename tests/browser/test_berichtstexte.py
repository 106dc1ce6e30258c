"""User story: QM prepares the Jahresbericht of her quartier (writes the free texts and
generates the PDF), then the Sachbericht of a programme running there."""

import datetime

import pytest

from berichte.models import Berichtstext
from tests import factories
from tests.browser.conftest import anmelden, axe_pruefen

pytestmark = pytest.mark.django_db(transaction=True)


def test_texte_schreiben_und_bericht_erzeugen(page, live_server):
    quartier = factories.QuartierFactory(name="Preuswald", slug="preuswald")
    factories.benutzer_mit_rolle(quartier, username="qm-preuswald")
    programm = factories.ProgrammFactory(name="Soziale Stadt Preuswald", laufzeit_bis=None)
    factories.ProgrammeinsatzFactory(programm=programm, quartier=quartier)
    jahr = datetime.date.today().year
    anmelden(page, live_server, "qm-preuswald", factories.PASSWORT)

    page.goto(f"{live_server.url}/quartiere/preuswald/")
    page.get_by_role("link", name=f"Jahresbericht {jahr} vorbereiten").click()
    page.get_by_label("Einleitung und Rückblick").fill("Ein Jahr mit vielen neuen Kontakten.")
    page.get_by_label("Ausblick").fill("Das Quartiersfest wird größer.")
    page.get_by_role("button", name="Texte speichern").click()
    page.get_by_text("Die Texte des Berichts sind gespeichert.").wait_for()
    assert page.get_by_label("Einleitung und Rückblick").input_value() == (
        "Ein Jahr mit vielen neuen Kontakten."
    )
    axe_pruefen(page)
    pdf = page.get_by_role("link", name="Als PDF erzeugen").get_attribute("href")
    assert pdf == f"/berichte/quartiere/preuswald/{jahr}/jahresbericht.pdf"
    antwort = page.request.get(f"{live_server.url}{pdf}")
    assert antwort.ok and antwort.headers["content-type"] == "application/pdf"
    assert Berichtstext.objects.get(quartier=quartier, jahr=jahr).ausblick == (
        "Das Quartiersfest wird größer."
    )

    page.goto(f"{live_server.url}/berichte/programme/{programm.pk}/")
    axe_pruefen(page)
    page.get_by_role("link", name=f"Sachbericht {jahr} vorbereiten").click()
    page.get_by_label("Einleitung und Rückblick").fill("Das Programm wirkt.")
    page.get_by_role("button", name="Texte speichern").click()
    page.get_by_text("Die Texte des Berichts sind gespeichert.").wait_for()
    axe_pruefen(page)
    xlsx = page.get_by_role("link", name="Als Excel-Tabelle erzeugen").get_attribute("href")
    assert xlsx.endswith(f"?von={jahr}-01-01&bis={jahr}-12-31")
    assert page.request.get(f"{live_server.url}{xlsx}").ok
