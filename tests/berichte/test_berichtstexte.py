"""The free texts of a report: constraints, saving with versions, who may write them, the
edit page, and the texts in the generated Jahresbericht."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from berichte import services
from berichte.models import Berichtstext
from berichte.rules import darf_berichtstext_bearbeiten
from quartiere.models import Zustaendigkeit
from quartiersmanagement.dsgvo import HINWEIS_FREITEXT
from quartiersmanagement.versioning import EditConflict
from tests import factories
from tests.berichte.test_uebersicht import JAHR, quartier_mit_daten

D = datetime.date


def _url(name, quartier, jahr=JAHR):
    return reverse(f"berichte:{name}", kwargs={"slug": quartier.slug, "jahr": jahr})


# --- model and service ------------------------------------------------------------------------


@pytest.mark.django_db
def test_texte_gehoeren_zu_quartier_und_jahr_oder_programm_und_zeitraum(quartier):
    programm = factories.ProgrammFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Berichtstext.objects.create(quartier=quartier, jahr=2025, programm=programm)
    with pytest.raises(IntegrityError), transaction.atomic():
        Berichtstext.objects.create(programm=programm, von=D(2025, 1, 1))


@pytest.mark.django_db
def test_zeitraum_muss_gueltig_und_jahr_plausibel_sein(quartier):
    programm = factories.ProgrammFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Berichtstext.objects.create(programm=programm, von=D(2025, 6, 1), bis=D(2025, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Berichtstext.objects.create(quartier=quartier, jahr=1999)


@pytest.mark.django_db
def test_nur_ein_text_je_quartier_und_jahr(quartier):
    factories.JahresberichtstextFactory(quartier=quartier, jahr=2025)
    with pytest.raises(IntegrityError), transaction.atomic():
        Berichtstext.objects.create(quartier=quartier, jahr=2025)


@pytest.mark.django_db
def test_nur_ein_text_je_programm_und_zeitraum():
    text = factories.SachberichtstextFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Berichtstext.objects.create(programm=text.programm, von=text.von, bis=text.bis)


@pytest.mark.django_db
def test_speichern_legt_an_und_aendert_mit_verlauf(quartier):
    text = services.berichtstext_speichern(quartier=quartier, jahr=2025, einleitung=" Rückblick ")
    assert text.einleitung == "Rückblick" and text.version == 1
    text = services.berichtstext_speichern(
        quartier=quartier, jahr=2025, version=1, ausblick="Ausblick"
    )
    assert (text.einleitung, text.ausblick, text.version) == ("Rückblick", "Ausblick", 2)
    assert text.history.count() == 2


@pytest.mark.django_db
def test_gleichzeitiges_speichern_gibt_konflikt(quartier):
    services.berichtstext_speichern(quartier=quartier, jahr=2025, einleitung="erste")
    services.berichtstext_speichern(quartier=quartier, jahr=2025, version=1, einleitung="zweite")
    with pytest.raises(EditConflict) as fehler:
        services.berichtstext_speichern(quartier=quartier, jahr=2025, version=1, einleitung="alt")
    assert fehler.value.gespeichert.einleitung == "zweite"
    with pytest.raises(EditConflict):
        services.berichtstext_speichern(
            quartier=quartier, jahr=2025, erwartet_neu=True, einleitung="neu"
        )


@pytest.mark.django_db
def test_ungueltiger_sachbericht_zeitraum_gibt_deutschen_fehler():
    programm = factories.ProgrammFactory()
    with pytest.raises(ValidationError) as fehler:
        services.berichtstext_speichern(
            programm=programm, von=D(2025, 6, 1), bis=D(2025, 1, 1), einleitung="x"
        )
    assert "Das Ende des Zeitraums liegt vor seinem Beginn." in str(fehler.value)


# --- rules ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_jahresbericht_texte_schreibt_nur_qm_des_quartiers(
    quartier, qm, qm_anderes, lesend, leitung, admin_user
):
    text = Berichtstext(quartier=quartier, jahr=2025)
    assert darf_berichtstext_bearbeiten(qm, text)
    assert darf_berichtstext_bearbeiten(admin_user, text)
    assert not darf_berichtstext_bearbeiten(qm_anderes, text)
    assert not darf_berichtstext_bearbeiten(lesend, text)
    assert not darf_berichtstext_bearbeiten(leitung, text)


@pytest.mark.django_db
def test_sachbericht_texte_schreibt_qm_eines_quartiers_im_zeitraum(
    quartier, anderes_quartier, qm, qm_anderes, lesend, leitung, admin_user
):
    programm = factories.ProgrammFactory(laufzeit_von=D(2020, 1, 1))
    factories.ProgrammeinsatzFactory(programm=programm, quartier=quartier, von=D(2024, 1, 1))
    factories.ProgrammeinsatzFactory(
        programm=programm, quartier=anderes_quartier, von=D(2020, 1, 1), bis=D(2022, 12, 31)
    )
    im_zeitraum = Berichtstext(programm=programm, von=D(2025, 1, 1), bis=D(2025, 12, 31))
    frueher = Berichtstext(programm=programm, von=D(2021, 1, 1), bis=D(2021, 12, 31))
    assert darf_berichtstext_bearbeiten(qm, im_zeitraum)
    assert not darf_berichtstext_bearbeiten(qm, frueher)
    assert darf_berichtstext_bearbeiten(qm_anderes, frueher)
    assert not darf_berichtstext_bearbeiten(qm_anderes, im_zeitraum)
    assert not darf_berichtstext_bearbeiten(lesend, im_zeitraum)
    assert not darf_berichtstext_bearbeiten(leitung, im_zeitraum)
    assert darf_berichtstext_bearbeiten(admin_user, frueher)


# --- edit page --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_qm_schreibt_texte_des_jahresberichts(client, qm, quartier):
    client.force_login(qm)
    seite = client.get(_url("jahresbericht", quartier))
    assert seite.status_code == 200
    assert str(HINWEIS_FREITEXT) in seite.content.decode()
    antwort = client.post(
        _url("jahresbericht", quartier),
        {"einleitung": "Ein bewegtes Jahr", "kommentar_bedarfe": "Viele Wohnungsthemen"},
    )
    assert antwort.status_code == 302
    text = Berichtstext.objects.get(quartier=quartier, jahr=JAHR)
    assert (text.einleitung, text.kommentar_bedarfe) == (
        "Ein bewegtes Jahr",
        "Viele Wohnungsthemen",
    )
    antwort = client.post(
        _url("jahresbericht", quartier), {"einleitung": "geändert", "version": text.version}
    )
    assert antwort.status_code == 302
    text.refresh_from_db()
    assert text.einleitung == "geändert" and text.version == 2


@pytest.mark.django_db
def test_veraltete_fassung_zeigt_konflikt_statt_zu_ueberschreiben(client, qm, quartier):
    text = factories.JahresberichtstextFactory(quartier=quartier, jahr=JAHR, einleitung="alt")
    services.berichtstext_speichern(quartier=quartier, jahr=JAHR, einleitung="von Kollegin")
    client.force_login(qm)
    antwort = client.post(
        _url("jahresbericht", quartier), {"einleitung": "meins", "version": text.version}
    )
    assert antwort.status_code == 200
    assert "Jemand anderes hat diesen Datensatz gespeichert" in antwort.content.decode()
    assert Berichtstext.objects.get(pk=text.pk).einleitung == "von Kollegin"


@pytest.mark.django_db
def test_lesend_sieht_texte_aber_speichert_nicht(client, quartier):
    factories.JahresberichtstextFactory(quartier=quartier, jahr=JAHR, einleitung="Rückblick")
    lesend = factories.benutzer_mit_rolle(quartier, rolle=Zustaendigkeit.Rolle.LESEND)
    client.force_login(lesend)
    seite = client.get(_url("jahresbericht", quartier))
    assert seite.status_code == 200 and "Texte speichern" not in seite.content.decode()
    assert "Rückblick" in seite.content.decode()
    assert client.post(_url("jahresbericht", quartier), {"einleitung": "x"}).status_code == 403
    assert Berichtstext.objects.get().einleitung == "Rückblick"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["jahresbericht", "jahresbericht_pdf", "jahresbericht_xlsx"])
def test_unplausibles_jahr_gibt_404(client, qm, quartier, name):
    client.force_login(qm)
    assert client.get(_url(name, quartier, jahr=0)).status_code == 404
    assert client.get(_url(name, quartier, jahr=99999)).status_code == 404


@pytest.mark.django_db
def test_quartierseite_verlinkt_die_jahresberichte(client, qm, quartier):
    client.force_login(qm)
    inhalt = client.get(quartier.get_absolute_url()).content.decode()
    jahr = datetime.date.today().year
    assert _url("jahresbericht", quartier, jahr) in inhalt
    assert f"Jahresbericht {jahr} vorbereiten" in inhalt


# --- texts in the generated report ------------------------------------------------------------


@pytest.fixture
def mit_texten(quartier):
    quartier_mit_daten(quartier)
    factories.PersonFactory(vorname="Erika", nachname="Beispiel", email="erika@example.org")
    return factories.JahresberichtstextFactory(
        quartier=quartier,
        jahr=JAHR,
        einleitung="Rückblick auf das Quartiersjahr",
        kommentar_stadtteilfonds="Der Fonds wurde gut angenommen",
        ausblick="Ausblick auf das Quartiersfest",
    )


@pytest.mark.django_db
def test_pdf_enthaelt_die_texte_inhaltsverzeichnis_und_seitenzahlen(client, qm, mit_texten):
    client.force_login(qm)
    antwort = client.get(_url("jahresbericht_pdf", mit_texten.quartier))
    seiten = PdfReader(io.BytesIO(antwort.content)).pages
    text = "\n".join(p.extract_text() for p in seiten)
    for teil in (
        "Rückblick auf das Quartiersjahr",
        "Der Fonds wurde gut angenommen",
        "Ausblick auf das Quartiersfest",
        "Inhalt",
        "Einleitung und Rückblick",
        f"Seite 1 von {len(seiten)}",
        "5.000,00",
    ):
        assert teil in text, teil
    assert "Erika" not in text and "erika@example.org" not in text


@pytest.mark.django_db
def test_xlsx_hat_ein_blatt_texte(client, qm, mit_texten):
    client.force_login(qm)
    antwort = client.get(_url("jahresbericht_xlsx", mit_texten.quartier))
    mappe = load_workbook(io.BytesIO(b"".join(antwort.streaming_content)))
    texte = {z[0]: z[1] for z in mappe["Texte"].iter_rows(min_row=2, values_only=True)}
    assert texte == {
        "Einleitung und Rückblick": "Rückblick auf das Quartiersjahr",
        "Anmerkung zum Stadtteilfonds": "Der Fonds wurde gut angenommen",
        "Ausblick": "Ausblick auf das Quartiersfest",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["jahresbericht_pdf", "jahresbericht_xlsx", "jahresbericht"])
def test_jahresbericht_mit_konstanten_abfragen(client, qm, mit_texten, abfragen, name):
    quartier = mit_texten.quartier
    client.force_login(qm)
    url = _url(name, quartier)
    vorher = abfragen(lambda: client.get(url))
    quartier_mit_daten(quartier)
    fb = factories.FachbereichFactory()
    for i in range(3):
        bedarf = factories.BedarfFactory(
            quartier=quartier,
            gemeldet_am=D(JAHR, 5, 1 + i),
            handlungsfeld=factories.HandlungsfeldFactory(),
        )
        factories.WeiterleitungFactory(bedarf=bedarf, fachbereich=fb)
    assert abfragen(lambda: client.get(url)) == vorher
