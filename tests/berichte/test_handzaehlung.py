"""Every figure of the Jahresbericht, the Sachbericht, the city overview and the quartier page
against a hand count (issue 20): the data below is built row by row, and the expected numbers
are written down here, counted by hand, not computed by the code under test.

Quartier "Handzahl", current year J (all dates early in J), noise in another quartier and in
J-1:
- needs reported in J: 4 (Handlungsfeld "Wohnen" 3, "Verkehr" 1); one more in J-1
- forwards sent in J: 2, one answered after exactly 4 days
- events in J: 3, one of them cancelled (50 participants, 9 volunteers: never counted);
  the other two with 10 + 5 participants and 2 + 1 volunteers
- meetings in J: 2 held with 2 + 1 decisions, 1 cancelled with 1 decision (not counted)
- fund J: budget 1,000.00; applications 3 (granted 300.00 of which 200.00 paid out,
  rejected, submitted)
- projects: 1 in Umsetzung (runs in J), 1 abgeschlossen in J-1
"""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from akteure.models import Sitzung
from bedarfe.models import Bedarf, Weiterleitung
from berichte import jahresbericht, quartierseite
from berichte.uebersicht import uebersicht
from projekte.models import Fondsantrag, Projekt
from quartiere.models import Programmeinsatz
from tests import factories

J = timezone.localdate().year
D = datetime.date


def _zeit(tag: datetime.date, stunde=10) -> datetime.datetime:
    return datetime.datetime.combine(tag, datetime.time(stunde), timezone.get_current_timezone())


@pytest.fixture
def handzahl(db):
    q = factories.QuartierFactory(name="Handzahl", slug="handzahl")
    anderes = factories.QuartierFactory(name="Rauschen", slug="rauschen")
    wohnen = factories.HandlungsfeldFactory(name="Wohnen")
    verkehr = factories.HandlungsfeldFactory(name="Verkehr")
    bedarfe = [
        factories.BedarfFactory(quartier=q, handlungsfeld=feld, gemeldet_am=D(J, 1, 2 + i))
        for i, feld in enumerate([wohnen, wohnen, wohnen, verkehr])
    ]
    factories.BedarfFactory(quartier=q, handlungsfeld=wohnen, gemeldet_am=D(J - 1, 6, 1))
    factories.BedarfFactory(quartier=anderes, handlungsfeld=wohnen, gemeldet_am=D(J, 1, 3))
    fb = factories.FachbereichFactory(kuerzel="FB 99", name="Fachbereich Hand")
    gesendet = _zeit(D(J, 1, 5))
    factories.WeiterleitungFactory(
        bedarf=bedarfe[0],
        fachbereich=fb,
        gesendet_am=gesendet,
        beantwortet_am=gesendet + datetime.timedelta(days=4),
        ergebnis=Weiterleitung.Ergebnis.UEBERNOMMEN,
    )
    factories.WeiterleitungFactory(bedarf=bedarfe[1], fachbereich=fb, gesendet_am=gesendet)
    for tag, anzahl, ehrenamtliche, abgesagt in (
        (6, 10, 2, False),
        (7, 5, 1, False),
        (8, 50, 9, True),
    ):
        termin = factories.TerminFactory(
            quartier=q, beginn=_zeit(D(J, 1, tag)), ehrenamtliche=ehrenamtliche, abgesagt=abgesagt
        )
        factories.TeilnahmeFactory(termin=termin, anzahl=anzahl)
    # News: two published in the year, one the year before, one announced for the next year.
    for datum in (D(J, 2, 1), D(J, 3, 1), D(J - 1, 12, 31), D(J + 1, 1, 1)):
        factories.BeitragFactory(quartier=q, veroeffentlicht_am=datum)
    gremium = factories.GremiumFactory(quartier=q)
    for tag, beschluesse, status in (
        (9, 2, Sitzung.Status.DURCHGEFUEHRT),
        (10, 1, Sitzung.Status.DURCHGEFUEHRT),
        (11, 1, Sitzung.Status.ABGESAGT),
    ):
        sitzung = factories.SitzungFactory(
            gremium=gremium, beginn=_zeit(D(J, 1, tag)), status=status
        )
        for _n in range(beschluesse):
            factories.BeschlussFactory(sitzung=sitzung)
    fonds = factories.StadtteilfondsFactory(quartier=q, jahr=J, budget=Decimal("1000.00"))
    bewilligt = factories.FondsantragFactory(
        fonds=fonds, status=Fondsantrag.Status.AUSGEZAHLT, betrag_bewilligt=Decimal("300.00")
    )
    factories.AuszahlungFactory(antrag=bewilligt, betrag=Decimal("200.00"), datum=D(J, 1, 12))
    factories.FondsantragFactory(fonds=fonds, status=Fondsantrag.Status.ABGELEHNT)
    factories.FondsantragFactory(fonds=fonds)
    laufend = factories.ProjektFactory(status=Projekt.Status.UMSETZUNG, beginn=D(J - 1, 1, 1))
    frueher = factories.ProjektFactory(
        status=Projekt.Status.ABGESCHLOSSEN, beginn=D(J - 2, 1, 1), ende=D(J - 1, 12, 31)
    )
    laufend.quartiere.add(q)
    frueher.quartiere.add(q)
    programm = factories.ProgrammFactory(laufzeit_von=D(J - 2, 1, 1))
    Programmeinsatz.objects.create(
        programm=programm, quartier=q, von=D(J - 2, 1, 1), stellenanteil=50
    )
    return {"quartier": q, "bedarfe": bedarfe, "programm": programm}


def _werte(abschnitte) -> dict[str, dict]:
    """Section title -> {row label: value} for the two-column sections."""
    return {a.titel: {z[0]: z[1] for z in a.zeilen} for a in abschnitte if len(a.spalten) == 2}


HAND = {
    "Bedarfe": {"gemeldet": 4, "an Fachbereiche weitergeleitet": 2, "Antworten erhalten": 1},
    "Netzwerk und Gremien": {"Gremiensitzungen durchgeführt": 2, "Beschlüsse": 3},
    "Projekte": {"Veranstaltungen": 2, "Teilnehmende": 15, "Ehrenamtliche": 3},
    "Stadtteilfonds": {
        "Budget": Decimal("1000.00"),
        "Anträge eingegangen": 3,
        "Anträge bewilligt": 1,
        "Anträge abgelehnt": 1,
        "bewilligt insgesamt": Decimal("300.00"),
        "ausgezahlt": Decimal("200.00"),
    },
}


def _vergleichen(werte: dict[str, dict]):
    for titel, erwartet in HAND.items():
        for zeile, zahl in erwartet.items():
            assert werte[titel][zeile] == zahl, (titel, zeile)
    assert werte["Bedarfe"]["gemeldet im Handlungsfeld Wohnen"] == 3
    assert werte["Bedarfe"]["gemeldet im Handlungsfeld Verkehr"] == 1
    assert werte["Projekte"]["Projekte im Status Umsetzung"] == 1


@pytest.mark.django_db
def test_jahresbericht_stimmt_mit_handzaehlung(handzahl, admin_user):
    bericht = jahresbericht.jahresbericht(admin_user, handzahl["quartier"], J)
    _vergleichen(_werte(bericht["abschnitte"]))
    (lotse,) = [a for a in bericht["abschnitte"] if a.titel == "Lotsenfunktion"][0].zeilen
    assert lotse[1:] == [2, 1, 0, 4.0]
    listen = {a.titel: a.zeilen for a in bericht["abschnitte"]}
    assert len(listen["Gremiensitzungen und Beschlüsse"]) == 2
    assert len(listen["Projekte im Einzelnen"]) == 1
    assert [z[0] for z in listen["Veröffentlichte Beiträge"]] == [D(J, 2, 1), D(J, 3, 1)]


@pytest.mark.django_db
def test_sachbericht_stimmt_mit_handzaehlung(handzahl):
    programm = handzahl["programm"]
    einsaetze = list(Programmeinsatz.objects.filter(programm=programm).select_related("quartier"))
    bericht = jahresbericht.sachbericht(programm, einsaetze, D(J, 1, 1), D(J, 12, 31))
    _vergleichen(_werte(bericht["abschnitte"]))
    (tabelle,) = [a for a in bericht["abschnitte"] if a.titel == "Kennzahlen je Quartier"]
    assert tabelle.zeilen == [["Handzahl", 4, 2, 1, 2, 1, 2, 15, Decimal("200.00")]]


@pytest.mark.django_db
def test_stadtweite_uebersicht_stimmt_mit_handzaehlung(handzahl, leitung, client):
    (q,) = [q for q in uebersicht(leitung, J)["quartiere"] if q.name == "Handzahl"]
    assert (q.bedarfe_eroeffnet, q.bedarfe_offen, q.projekte_laufend, q.teilnehmende) == (
        4,
        5,  # the four of J and the one of J-1, all open
        1,
        15,
    )
    assert (q.fonds_budget, q.fonds_bewilligt, q.fonds_ausgezahlt) == (
        Decimal("1000.00"),
        Decimal("300.00"),
        Decimal("200.00"),
    )
    (fb,) = [f for f in uebersicht(leitung, J)["fachbereiche"] if f.kuerzel == "FB 99"]
    assert (fb.weitergeleitet, fb.beantwortet, fb.median_tage) == (2, 1, 4.0)
    client.force_login(leitung)
    antwort = client.get(reverse("berichte:uebersicht") + f"?jahr={J}&format=xlsx")
    blatt = load_workbook(io.BytesIO(b"".join(antwort.streaming_content))).worksheets[0]
    zeilen = {z[0]: z[1:] for z in blatt.iter_rows(min_row=2, values_only=True)}
    assert zeilen["Handzahl"] == (4, 0, 5, 1, 15, 1000, 300, 200)


@pytest.mark.django_db
def test_quartierseite_stimmt_mit_handzaehlung(handzahl):
    q = handzahl["quartier"]
    aktivierung = {
        z["label"]: z["wert"] for z in quartierseite.aktivierung_diagramm(q, J)["zeilen"]
    }
    assert (aktivierung["Termine"], aktivierung["Teilnehmende"], aktivierung["Ehrenamtliche"]) == (
        2,
        15,
        3,
    )
    fonds = {z["label"]: z["wert"] for z in quartierseite.fonds_diagramm(q, J)["zeilen"]}
    assert fonds == {
        "Budget": Decimal("1000.00"),
        "bewilligt": Decimal("300.00"),
        "ausgezahlt": Decimal("200.00"),
        "verfügbar": Decimal("700.00"),
    }
    projekte = {z["label"]: z["wert"] for z in quartierseite.projekte_diagramm(q)["zeilen"]}
    assert (projekte["Umsetzung"], projekte["abgeschlossen"]) == (1, 1)


@pytest.mark.django_db
def test_zusammengefuehrter_bedarf_zaehlt_einmal(handzahl, leitung):
    ziel = handzahl["bedarfe"][0]
    factories.BedarfFactory(
        quartier=handzahl["quartier"],
        gemeldet_am=D(J, 1, 3),
        status=Bedarf.Status.ZUSAMMENGEFUEHRT,
        zusammengefuehrt_in=ziel,
    )
    (q,) = [q for q in uebersicht(leitung, J)["quartiere"] if q.name == "Handzahl"]
    assert q.bedarfe_eroeffnet == 4
