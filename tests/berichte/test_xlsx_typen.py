"""Every spreadsheet of the reports and of the city overview holds typed, formatted numbers
(issue 20): whole numbers `#,##0`, money `#,##0.00`, days one decimal, shares as %; no
number as text and no float with spurious digits such as 9.000123 or 7.13E-05."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from bedarfe.models import Weiterleitung
from tests.berichte import dokumente

GANZZAHL, GELD, TAGE, PROZENT = "#,##0", "#,##0.00", "#,##0.0", "0.0 %"
ZAHL_ALS_TEXT = re.compile(r"^-?\d+([.,]\d+)?( ?[%€])?$")


def _mappe(client, url):
    antwort = client.get(url)
    assert antwort.status_code == 200, url
    return load_workbook(io.BytesIO(b"".join(antwort.streaming_content)))


def _formate(blatt) -> dict[str, set[str]]:
    """Column title -> the number formats of its numeric cells; asserts every cell's type."""
    kopf = [c.value for c in blatt[1]]
    formate: dict[str, set[str]] = {}
    for zeile in blatt.iter_rows(min_row=2):
        for titel, zelle in zip(kopf, zeile, strict=False):
            wert = zelle.value
            if isinstance(wert, bool):
                continue
            if isinstance(wert, int | float):
                assert zelle.number_format != "General", (blatt.title, titel, wert)
                assert wert == round(wert, 3), (blatt.title, titel, wert)
                formate.setdefault(titel, set()).add(zelle.number_format)
            elif isinstance(wert, str):
                assert not ZAHL_ALS_TEXT.match(wert), (blatt.title, titel, wert)
    return formate


@pytest.mark.django_db
def test_tabellen_sind_typisiert_und_formatiert(client, admin_user):
    daten = dokumente.lange_namen()
    # One answer after 9 days and 10 seconds, one after 6 seconds: 9.0 and 0.0 days.
    jetzt = timezone.now()
    for w, dauer in zip(
        Weiterleitung.objects.order_by("pk")[:2],
        (datetime.timedelta(days=9, seconds=10), datetime.timedelta(seconds=6)),
        strict=True,
    ):
        Weiterleitung.objects.filter(pk=w.pk).update(
            gesendet_am=jetzt - dauer, beantwortet_am=jetzt, ergebnis="uebernommen"
        )
    client.force_login(admin_user)
    alle: dict[str, dict[str, set[str]]] = {}
    for name, url in dokumente.xlsx_urls(daten).items():
        for blatt in _mappe(client, url).worksheets:
            alle[f"{name}/{blatt.title}"] = _formate(blatt)
    assert alle["jahresbericht/Lotsenfunktion"]["Median Tage bis Antwort"] == {TAGE}
    assert alle["sachbericht/Quartiere"]["Stellenanteil"] == {PROZENT}
    assert alle["sachbericht/Stadtteilfonds"]["Wert"] == {GANZZAHL, GELD}
    assert alle["sachbericht/Kennzahlen je Quartier"]["Fonds ausgezahlt"] == {GELD}
    assert alle["jahresbericht/Projekte"]["Anzahl"] == {GANZZAHL, TAGE}
    jahr = daten["jahr"]
    assert alle[f"uebersicht/Quartiere {jahr}"]["Fonds: Budget"] == {GELD}
    assert alle[f"uebersicht/Quartiere {jahr}"]["Teilnehmende"] == {GANZZAHL}
    assert alle[f"uebersicht/Fachbereiche {jahr}"]["Median Tage bis Antwort"] == {TAGE}
    median = _mappe(client, dokumente.xlsx_urls(daten)["jahresbericht"])["Lotsenfunktion"]
    assert median.cell(row=2, column=5).value == 4.5  # (9.0 + 0.0) / 2, rounded once


@pytest.mark.django_db
def test_uebersicht_als_csv(client, leitung, quartier):
    client.force_login(leitung)
    antwort = client.get("/berichte/?format=csv")
    text = b"".join(antwort.streaming_content).decode("utf-8-sig")
    kopf, *zeilen = text.splitlines()
    assert kopf.startswith("Quartier;Bedarfe gemeldet;")
    assert zeilen[0].startswith("Preuswald;0;0;0;0;0;0,00;")
    assert zeilen[-1].startswith("Stadt gesamt;0;")


@pytest.mark.django_db
def test_uebersicht_export_nur_fuer_leitung(client, qm):
    client.force_login(qm)
    assert client.get("/berichte/?format=xlsx").status_code == 403
