"""Letters after DIN 5008 (issue 20): salutation from the contact person, the organisation in
the address, the letterhead from the settings, the reference number of the application."""

import io
import re

import pytest
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from projekte.fonds import services
from projekte.models import Fondsantrag
from quartiersmanagement.letters import Anrede, address_lines, letterhead, salutation
from tests import factories


@pytest.mark.parametrize(
    "anrede,name,erwartet",
    [
        (Anrede.FRAU, "Gisela Muster", "Sehr geehrte Frau Muster,"),
        (Anrede.HERR, " Hans  von Beispiel ", "Sehr geehrter Herr Beispiel,"),
        (Anrede.KEINE, "Kim Muster", "Guten Tag Kim Muster,"),
        (Anrede.FRAU, "", "Sehr geehrte Damen und Herren,"),
    ],
)
def test_anrede_aus_der_kontaktperson(anrede, name, erwartet):
    assert salutation(anrede=anrede, name=name) == erwartet


def test_anschrift_mit_organisation_und_kontaktperson():
    assert address_lines(
        organisation="Nachbarschaftskreis Nirm",
        anrede=Anrede.FRAU,
        name="Gisela Muster",
        anschrift="Am Weiher 3\n\n52072 Aachen",
    ) == ["Nachbarschaftskreis Nirm", "Frau Gisela Muster", "Am Weiher 3", "52072 Aachen"]


@pytest.mark.django_db
def test_bescheid_mit_briefkopf_anschrift_zeichen_und_anrede(client):
    quartier = factories.QuartierFactory(name="Preuswald", slug="preuswald")
    qm = factories.benutzer_mit_rolle(quartier, first_name="Karla", last_name="Kolumna")
    fonds = factories.StadtteilfondsFactory(quartier=quartier)
    antrag = factories.FondsantragFactory(
        fonds=fonds,
        status=Fondsantrag.Status.GEPRUEFT,
        antragsteller_organisation="Nachbarschaftskreis Nirm",
        antragsteller_anrede=Anrede.FRAU,
        antragsteller_name="Gisela Muster",
        antragsteller_email="gisela@example.org",
        antragsteller_anschrift="Am Weiher 3\n52072 Aachen",
        einwilligung=True,
    )
    services.antrag_bewilligen(antrag=antrag, von=qm, betrag="250.00")
    letterhead.cache_clear()
    try:
        with override_settings(
            BRIEFKOPF={
                "stadt": "Stadt Musterstadt",
                "fachbereich": "Fachbereich Soziales",
                "anschrift": "Rathausplatz 1|12345 Musterstadt",
                "kontakt": "Telefon 0123 456-0",
                "logo": "static/img/favicon.svg",
            }
        ):
            client.force_login(qm)
            antwort = client.get(reverse("projekte:entscheidungsschreiben", args=[antrag.pk]))
    finally:
        letterhead.cache_clear()
    text = PdfReader(io.BytesIO(antwort.content)).pages[0].extract_text()
    for teil in (
        "Stadt Musterstadt",
        "Fachbereich Soziales",
        "Rathausplatz 1",
        "Nachbarschaftskreis Nirm",
        "Frau Gisela Muster",
        "52072 Aachen",
        "Sehr geehrte Frau Muster,",
        antrag.referenz,
        "Mit freundlichen Grüßen",
        "Karla Kolumna",
        "Seite 1 von 1",
    ):
        assert teil in text, teil
    assert "Antrag Nr." not in text
    assert re.search(r"Datum\s*\d{2}\.\d{2}\.\d{4}", text)
