"""The Sachbericht of a programme and period: each quartier's figures only within its
Programmeinsatz, hand-computed; period from the URL with German errors; PDF and XLSX; access;
constant queries."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from berichte import jahresbericht, kennzahlen
from quartiere.models import Zustaendigkeit
from tests import factories
from tests.berichte.test_uebersicht import _zeit

D = datetime.date
HEUTE = datetime.date.today()


def _url(name, programm, **params):
    url = reverse(f"berichte:{name}", kwargs={"pk": programm.pk})
    if params:
        url += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return url


def _tabelle(bericht, titel):
    [abschnitt] = [a for a in bericht["abschnitte"] if a.titel == titel]
    return {zeile[0]: zeile[1:] for zeile in abschnitt.zeilen}


@pytest.mark.django_db
def test_programmfenster_schneiden_einsatz_und_zeitraum(programm, quartier, anderes_quartier):
    einsaetze = list(programm.einsaetze.all())
    fenster = kennzahlen.programmfenster(einsaetze, D(2025, 1, 1), D(2025, 12, 31))
    assert set(fenster) == {
        kennzahlen.Fenster(quartier.pk, D(2025, 7, 1), D(2025, 12, 31)),
        kennzahlen.Fenster(anderes_quartier.pk, D(2025, 1, 1), D(2025, 3, 31)),
    }
    assert kennzahlen.programmfenster(einsaetze, D(2026, 1, 1), D(2026, 6, 30)) == [
        kennzahlen.Fenster(quartier.pk, D(2026, 1, 1), D(2026, 6, 30))
    ]


@pytest.mark.django_db
def test_kennzahlen_nur_im_programmzeitraum_des_quartiers(programm, leitung):
    einsaetze = list(programm.einsaetze.select_related("quartier"))
    bericht = jahresbericht.sachbericht(programm, einsaetze, D(2025, 1, 1), D(2025, 12, 31))
    assert _tabelle(bericht, "Bedarfe")["gemeldet"] == [2]
    projekte = _tabelle(bericht, "Projekte")
    assert projekte["Veranstaltungen"] == [2]
    assert projekte["Teilnehmende"] == [18]  # 12 + 6; the two events outside have 100 each
    netzwerk = _tabelle(bericht, "Netzwerk und Gremien")
    assert netzwerk["Gremiensitzungen durchgeführt"] == [2]
    assert netzwerk["Beschlüsse"] == [2]
    fonds = _tabelle(bericht, "Stadtteilfonds")
    assert fonds["Budget"] == [Decimal("3000.00")]
    assert fonds["ausgezahlt"] == [Decimal("150.00")]
    je_quartier = _tabelle(bericht, "Kennzahlen je Quartier")
    # columns: gemeldet, weitergeleitet, beantwortet, Sitzungen, Projekte, Veranstaltungen,
    # Teilnehmende, Fonds ausgezahlt
    assert je_quartier["Preuswald"][0] == 1 and je_quartier["Preuswald"][6] == 12
    assert je_quartier["Eilendorf"][6] == 6
    assert je_quartier["Eilendorf"][7] == Decimal("50.00")
    programm_tabelle = _tabelle(bericht, "Programm")
    assert programm_tabelle["Träger"] == ["Caritas Aachen"]


@pytest.mark.django_db
def test_qm_bekommt_nur_die_zahlen_seiner_quartiere(client, qm, programm):
    client.force_login(qm)
    antwort = client.get(_url("sachbericht_xlsx", programm, jahr=2025))
    mappe = load_workbook(io.BytesIO(b"".join(antwort.streaming_content)))
    bedarfe = {z[0]: z[1] for z in mappe["Bedarfe"].iter_rows(min_row=2, values_only=True)}
    assert bedarfe["gemeldet"] == 1
    quartiere = [z[0] for z in mappe["Quartiere"].iter_rows(min_row=2, values_only=True)]
    assert quartiere == ["Preuswald"]


@pytest.mark.django_db
def test_pdf_hat_texte_zahlen_und_keine_personen(client, leitung, programm):
    factories.SachberichtstextFactory(
        programm=programm,
        von=D(2025, 1, 1),
        bis=D(2025, 12, 31),
        einleitung="Rückblick auf ein gutes Jahr",
        kommentar_projekte="Das Sommerfest war ein Erfolg",
        ausblick="Ausblick auf das Abschlussjahr",
    )
    client.force_login(leitung)
    antwort = client.get(_url("sachbericht_pdf", programm, jahr=2025))
    assert antwort.status_code == 200 and antwort["Content-Type"] == "application/pdf"
    seiten = PdfReader(io.BytesIO(antwort.content)).pages
    text = "\n".join(p.extract_text() for p in seiten)
    assert len(seiten) >= 3  # title page, contents, report
    for teil in (
        "Sachbericht Soziale Stadt Nord",
        "Berichtszeitraum 01.01.2025 bis 31.12.2025",
        "Caritas Aachen",
        "Rückblick auf ein gutes Jahr",
        "Das Sommerfest war ein Erfolg",
        "Ausblick auf das Abschlussjahr",
        "Lotsenfunktion",
        "Stadtteilfonds",
        "3.000,00",
        "Seite 1 von",
    ):
        assert teil in text, teil
    assert "Erika" not in text and "Beispiel" not in text and "@" not in text


@pytest.mark.django_db
def test_xlsx_ein_blatt_je_abschnitt_mit_typisierten_zellen_und_texten(client, leitung, programm):
    factories.SachberichtstextFactory(
        programm=programm, von=D(2025, 1, 1), bis=D(2025, 12, 31), einleitung="Rückblick"
    )
    client.force_login(leitung)
    antwort = client.get(_url("sachbericht_xlsx", programm, von="2025-01-01", bis="2025-12-31"))
    assert antwort.status_code == 200
    mappe = load_workbook(io.BytesIO(b"".join(antwort.streaming_content)))
    assert mappe.sheetnames == [
        "Programm",
        "Quartiere",
        "Kennzahlen je Quartier",
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
    einsaetze = {z[0]: z for z in mappe["Quartiere"].iter_rows(min_row=2, values_only=True)}
    assert einsaetze["Preuswald"][1] == datetime.datetime(2025, 7, 1)
    assert einsaetze["Preuswald"][3] == 0.5  # Stellenanteil as a share, formatted "0.0 %"
    fonds = {z[0]: z[1] for z in mappe["Stadtteilfonds"].iter_rows(min_row=2, values_only=True)}
    assert fonds["Budget"] == 3000
    texte = {z[0]: z[1] for z in mappe["Texte"].iter_rows(min_row=2, values_only=True)}
    assert texte["Einleitung und Rückblick"] == "Rückblick"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params,fehler",
    [
        ({"von": "2025-06-01", "bis": "2025-01-01"}, "Das Ende des Zeitraums liegt vor"),
        ({"von": "2025-06-01"}, "Bitte auch das Ende des Zeitraums angeben."),
        ({"von": "kein-datum", "bis": "2025-01-01"}, "Bitte ein gültiges Datum eingeben"),
        ({"von": "2030-01-01", "bis": "2030-12-31"}, "außerhalb der Laufzeit"),
        ({"jahr": "2023"}, "Das Programm lief in diesem Jahr nicht."),
        ({"jahr": "abc"}, "ganze Zahl"),
        ({"von": "1990-01-01", "bis": "2025-12-31"}, "höchstens 30 Jahre"),
    ],
)
@pytest.mark.parametrize("name", ["sachbericht", "sachbericht_pdf", "sachbericht_xlsx"])
def test_ungueltiger_zeitraum_gibt_deutsche_fehlermeldung(
    client, qm, programm, params, fehler, name
):
    client.force_login(qm)
    antwort = client.get(_url(name, programm, **params))
    assert antwort.status_code == 400
    assert fehler in antwort.content.decode()


@pytest.mark.django_db
def test_jahr_gibt_das_jahr_innerhalb_der_laufzeit(client, qm, programm):
    client.force_login(qm)
    antwort = client.get(_url("sachbericht", programm, jahr=2024))
    assert (antwort.context["von"], antwort.context["bis"]) == (D(2024, 1, 1), D(2024, 12, 31))


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["sachbericht", "sachbericht_pdf", "sachbericht_xlsx"])
def test_programm_ohne_eigene_quartiere_gibt_404(client, qm_anderes, quartier, name):
    programm = factories.ProgrammeinsatzFactory(quartier=quartier).programm
    client.force_login(qm_anderes)
    assert client.get(_url(name, programm)).status_code == 404


def _mehr_daten(programm, quartier):
    for i in range(3):
        tag = D(2025, 9, 1 + i)
        factories.BedarfFactory(quartier=quartier, gemeldet_am=tag)
        termin = factories.TerminFactory(quartier=quartier, beginn=_zeit(tag))
        factories.TeilnahmeFactory(termin=termin, anzahl=3)
        factories.ProjektFactory(quartiere=[quartier])
    factories.ProgrammeinsatzFactory(
        programm=programm, quartier=factories.QuartierFactory(), von=D(2025, 1, 1)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["sachbericht_xlsx", "programm", "sachbericht"])
def test_abfragen_konstant(client, leitung, programm, quartier, abfragen, name):
    client.force_login(leitung)
    url = _url(name, programm, jahr=2025) if name != "programm" else _url(name, programm)
    vorher = abfragen(lambda: client.get(url))
    _mehr_daten(programm, quartier)
    assert abfragen(lambda: client.get(url)) == vorher


@pytest.mark.django_db
def test_lesend_darf_texte_lesen_aber_nicht_speichern(client, quartier, programm):
    lesend = factories.benutzer_mit_rolle(quartier, rolle=Zustaendigkeit.Rolle.LESEND)
    client.force_login(lesend)
    url = _url("sachbericht", programm, jahr=2025)
    antwort = client.get(url)
    assert antwort.status_code == 200 and "Texte speichern" not in antwort.content.decode()
    assert client.post(url, {"einleitung": "x"}).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "laufzeit,erwartet",
    [
        ((D(2017, 1, 1), D(2019, 12, 31)), (D(2017, 1, 1), D(2019, 12, 31))),
        ((D(2015, 1, 1), None), (D(HEUTE.year, 1, 1), D(HEUTE.year, 12, 31))),
    ],
)
def test_vorgabezeitraum_beendeter_und_offener_programme(client, qm, quartier, laufzeit, erwartet):
    programm = factories.ProgrammFactory(laufzeit_von=laufzeit[0], laufzeit_bis=laufzeit[1])
    factories.ProgrammeinsatzFactory(programm=programm, quartier=quartier, von=laufzeit[0])
    client.force_login(qm)
    antwort = client.get(_url("sachbericht", programm))
    assert (antwort.context["von"], antwort.context["bis"]) == erwartet
