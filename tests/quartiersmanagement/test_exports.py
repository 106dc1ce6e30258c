"""The shared CSV/XLSX export: German Excel opens it, cells are typed, formulas are defused."""

import datetime
import io
from decimal import Decimal

from openpyxl import load_workbook

from quartiersmanagement.exports import Column, csv_response, xlsx_response

SPALTEN = [
    Column("Titel", lambda z: z["titel"]),
    Column("Datum", lambda z: z["datum"]),
    Column("Betrag", lambda z: z["betrag"]),
    Column("Öffentlich", lambda z: z["oeffentlich"]),
]
ZEILEN = [
    {
        "titel": "Spielplatz Grünstraße",
        "datum": datetime.date(2026, 11, 25),
        "betrag": Decimal("1234.50"),
        "oeffentlich": True,
    },
    {"titel": '=HYPERLINK("x")', "datum": None, "betrag": None, "oeffentlich": False},
]


def test_csv_mit_bom_semikolon_und_deutschen_formaten():
    antwort = csv_response(filename="bedarfe", columns=SPALTEN, rows=iter(ZEILEN))
    text = b"".join(antwort.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffTitel;Datum;Betrag;Öffentlich\r\n")
    assert "Spielplatz Grünstraße;25.11.2026;1234,50;Ja" in text
    assert "'=HYPERLINK" in text
    assert antwort["Content-Disposition"] == 'attachment; filename="bedarfe.csv"'


def test_xlsx_mit_typisierten_zellen_und_fixierter_kopfzeile():
    antwort = xlsx_response(filename="bedarfe", columns=SPALTEN, rows=iter(ZEILEN))
    mappe = load_workbook(io.BytesIO(b"".join(antwort.streaming_content)))
    blatt = mappe.active
    assert blatt.freeze_panes == "A2"
    assert [c.value for c in blatt[1]] == ["Titel", "Datum", "Betrag", "Öffentlich"]
    assert blatt["B2"].value == datetime.datetime(2026, 11, 25)
    assert blatt["B2"].number_format == "DD.MM.YYYY"
    assert blatt["C2"].value == 1234.5
    assert blatt["A3"].value.startswith("'=")
