"""The annual report: figures, PDF text (pypdf), XLSX parsed back, no personal data, access."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from berichte import abschnitte, jahresbericht
from projekte.models import Fondsantrag
from tests import factories
from tests.berichte.test_uebersicht import JAHR, _weiterleitung, quartier_mit_daten


@pytest.fixture
def bericht_daten(quartier):
    quartier_mit_daten(quartier)
    feld = factories.HandlungsfeldFactory(name="Wohnumfeld")
    factories.BedarfFactory(
        quartier=quartier, handlungsfeld=feld, gemeldet_am=datetime.date(JAHR, 9, 1)
    )
    fb = factories.FachbereichFactory(kuerzel="FB 61", name="Stadtentwicklung")
    _weiterleitung(
        fb, datetime.date(JAHR, 2, 1), datetime.date(JAHR, 2, 11), "uebernommen", quartier=quartier
    )
    antrag = Fondsantrag.objects.get(fonds__quartier=quartier, fonds__jahr=JAHR)
    antrag = factories.fonds_buchen(antrag, bewilligt=Decimal("300.00"))
    antrag.status = Fondsantrag.Status.AUSGEZAHLT
    antrag.entschieden_am = datetime.date(JAHR, 3, 1)
    antrag.save(update_fields=["status", "entschieden_am"])
    return quartier


def _url(name, quartier, jahr=JAHR):
    return reverse(f"berichte:{name}", kwargs={"slug": quartier.slug, "jahr": jahr})


def _tabelle(bericht, titel):
    [abschnitt] = [a for a in bericht["abschnitte"] if a.titel == titel]
    return {zeile[0]: zeile[1:] for zeile in abschnitt.zeilen}


@pytest.mark.django_db
def test_kennzahlen_des_jahresberichts(leitung, bericht_daten):
    bericht = jahresbericht.jahresbericht(leitung, bericht_daten, JAHR)
    bedarfe = _tabelle(bericht, "Bedarfe")
    # 2 from quartier_mit_daten + 1 in Wohnumfeld + 1 forwarded (gemeldet 2026 by factory)
    assert bedarfe["gemeldet"] == [3]
    assert bedarfe["an Fachbereiche weitergeleitet"] == [1]
    assert bedarfe["Antworten erhalten"] == [1]
    assert bedarfe["abgeschlossen"] == [2]
    assert bedarfe["gemeldet im Handlungsfeld Wohnumfeld"] == [1]
    lotsen = _tabelle(bericht, "Lotsenfunktion")
    assert lotsen["FB 61 Stadtentwicklung"] == [1, 1, 0, pytest.approx(10.0)]
    projekte = _tabelle(bericht, "Projekte")
    assert projekte["Teilnehmende"] == [15]
    assert projekte["Veranstaltungen"] == [1]
    fonds = _tabelle(bericht, "Stadtteilfonds")
    assert fonds["Budget"] == [Decimal("5000.00")]
    assert fonds["ausgezahlt"] == [Decimal("500.00")]
    assert fonds["Anträge bewilligt"] == [1]


@pytest.mark.django_db
def test_pdf_enthaelt_abschnitte_und_zahlen_aber_keine_personen(client, qm, bericht_daten):
    client.force_login(qm)
    antwort = client.get(_url("jahresbericht_pdf", bericht_daten))
    assert antwort.status_code == 200 and antwort["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(antwort.content)).pages)
    for titel in (
        "Bedarfe",
        "Lotsenfunktion",
        "Netzwerk und Gremien",
        "Projekte",
        "Stadtteilfonds",
    ):
        assert titel in text
    assert f"Jahresbericht {JAHR}" in text
    assert "5.000,00" in text and "Wohnumfeld" in text
    assert "Erika Beispiel" not in text and "erika@example.org" not in text


@pytest.mark.django_db
def test_xlsx_hat_ein_blatt_je_abschnitt_mit_zahlen(client, qm, bericht_daten):
    client.force_login(qm)
    antwort = client.get(_url("jahresbericht_xlsx", bericht_daten))
    assert antwort.status_code == 200
    mappe = load_workbook(io.BytesIO(b"".join(antwort.streaming_content)))
    assert mappe.sheetnames == [
        "Bedarfe",
        "Lotsenfunktion",
        "Netzwerk und Gremien",
        "Projekte",
        "Stadtteilfonds",
        "Projekte im Einzelnen",
        "Erhebungen",
        "Gremiensitzungen und Beschlüsse",
        "Öffentlichkeitsarbeit",
        "Veröffentlichte Beiträge",
        "Texte",
    ]
    fonds = {z[0]: z[1] for z in mappe["Stadtteilfonds"].iter_rows(min_row=2, values_only=True)}
    assert fonds["Budget"] == 5000
    assert fonds["ausgezahlt"] == 500
    bedarfe = {z[0]: z[1] for z in mappe["Bedarfe"].iter_rows(min_row=2, values_only=True)}
    assert bedarfe["gemeldet"] == 3


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["jahresbericht_pdf", "jahresbericht_xlsx"])
def test_bericht_eines_fremden_quartiers_gibt_404(client, qm, anderes_quartier, name):
    client.force_login(qm)
    assert client.get(_url(name, anderes_quartier)).status_code == 404


def test_balkendiagramm_maskiert_namen():
    svg = abschnitte.balken_svg([("<script>", 3), ("Grün", 1)])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert svg.count("<rect") == 2
