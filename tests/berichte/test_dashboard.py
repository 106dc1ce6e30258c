"""The quartier page (berichte.quartierseite): open needs by status and by Handlungsfeld ×
status, gaps, funder reports due; figures against hand-computed values, each shown once, with
a constant number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from bedarfe.models import Bedarf
from bedarfe.selectors import bedarfe_gezaehlt
from berichte import quartierseite
from quartiere.models import Handlungsfeld, Zielgruppe
from tests import factories


@pytest.fixture
def felder(quartier):
    """Two Handlungsfelder and a Zielgruppe with open needs; an actor covers only `wohnen`."""
    wohnen = factories.HandlungsfeldFactory(name="Wohnen", sortierung=1)
    gruen = factories.HandlungsfeldFactory(name="Grün", sortierung=2)
    kinder = factories.ZielgruppeFactory(name="Kinder")
    for status in ("neu", "neu", "in_pruefung"):
        factories.BedarfFactory(quartier=quartier, handlungsfeld=wohnen, status=status)
    factories.BedarfFactory(quartier=quartier, handlungsfeld=wohnen, status="erledigt")
    offen = factories.BedarfFactory(quartier=quartier, handlungsfeld=gruen, status="neu")
    offen.zielgruppen.add(kinder)
    factories.BedarfFactory(handlungsfeld=gruen, status="neu")  # another quartier
    akteur = factories.AkteurFactory(quartiere=[quartier])
    akteur.handlungsfelder.add(wohnen)
    return wohnen, gruen, kinder


def _bedarfe(quartier):
    return quartierseite.bedarfe_uebersicht(
        quartier, bedarfe_gezaehlt(quartier), list(Handlungsfeld.objects.all())
    )


@pytest.mark.django_db
def test_offene_bedarfe_nach_handlungsfeld_und_status(quartier, felder):
    bedarfe = _bedarfe(quartier)
    matrix = bedarfe["matrix"]
    assert [s for s, _n in matrix["status"]] == [Bedarf.Status.NEU, Bedarf.Status.IN_PRUEFUNG]
    assert [(z["name"], z["werte"], z["summe"]) for z in matrix["zeilen"]] == [
        ("Wohnen", [("neu", 2), ("in_pruefung", 1)], 3),
        ("Grün", [("neu", 1), ("in_pruefung", 0)], 1),
    ]
    assert bedarfe["offen"] == 4 and bedarfe["abgeschlossen"] == 1
    assert {s["status"]: s["anzahl"] for s in bedarfe["je_status"] if s["anzahl"]} == {
        "neu": 3,
        "in_pruefung": 1,
    }
    assert bedarfe["chart"]["labels"] == ["Wohnen", "Grün"]
    assert bedarfe["chart"]["datasets"][0]["data"] == [2, 1]


@pytest.mark.django_db
def test_luecken_sind_felder_mit_offenen_bedarfen_ohne_aktiven_akteur(quartier, felder):
    wohnen, gruen, kinder = felder
    luecken = quartierseite.luecken_tabelle(
        quartier,
        bedarfe_gezaehlt(quartier),
        list(Handlungsfeld.objects.all()),
        list(Zielgruppe.objects.all()),
    )
    felder, gruppen = (g["zeilen"] for g in luecken["gruppen"])
    je_feld = {z["begriff"]: (z["bedarfe"], z["akteure"], z["luecke"]) for z in felder}
    assert je_feld == {wohnen: (3, 1, False), gruen: (1, 0, True)}
    assert [(z["begriff"], z["luecke"]) for z in gruppen] == [(kinder, True)]
    assert luecken["anzahl"] == 2


@pytest.mark.django_db
def test_berichte_der_naechsten_60_tage_der_laufenden_programme(quartier):
    heute = timezone.localdate()
    programm = factories.ProgrammFactory(name="Soziale Stadt")
    factories.ProgrammeinsatzFactory(
        programm=programm, quartier=quartier, stellenanteil=Decimal("50")
    )
    bald = factories.BerichtspflichtFactory(
        programm=programm, faellig_am=heute + datetime.timedelta(days=30)
    )
    factories.BerichtspflichtFactory(
        programm=programm, faellig_am=heute + datetime.timedelta(days=90)
    )
    factories.BerichtspflichtFactory(
        programm=programm, faellig_am=heute + datetime.timedelta(days=5), erledigt_am=heute
    )
    beendet = factories.ProgrammeinsatzFactory(
        quartier=quartier,
        programm__laufzeit_von=datetime.date(2020, 1, 1),
        bis=datetime.date(2021, 1, 1),
    )
    factories.BerichtspflichtFactory(programm=beendet.programm, faellig_am=heute)
    vorbei = factories.BerichtspflichtFactory(
        programm=programm, faellig_am=heute - datetime.timedelta(days=3)
    )
    berichte = quartierseite.faellige_berichte(quartier)
    assert berichte == [vorbei, bald]
    assert [b.ist_ueberfaellig for b in berichte] == [True, False]


@pytest.mark.django_db
def test_quartierseite_zeigt_diagramm_tabelle_und_links(client, qm, quartier, felder):
    wohnen, _gruen, _kinder = felder
    client.force_login(qm)
    inhalt = client.get(quartier.get_absolute_url()).content.decode()
    assert 'id="bedarfe-diagramm-daten"' in inhalt and 'id="bedarfe-matrix"' in inhalt
    liste = reverse("bedarfe:liste")
    link = f"{liste}?quartier={quartier.pk}&amp;handlungsfeld={wohnen.pk}&amp;status=neu"
    assert link in inhalt
    assert "4 offene Bedarfe in 2 Handlungsfeldern." in inhalt
    assert inhalt.count("vendor/chart.js/chart.umd.js") == 1


@pytest.mark.django_db
def test_quartierseite_mit_konstanter_anzahl_abfragen(client, qm, quartier, abfragen):
    client.force_login(qm)
    url = quartier.get_absolute_url()
    heute = timezone.localdate()

    def daten():
        feld = factories.HandlungsfeldFactory()
        bedarf = factories.BedarfFactory(
            quartier=quartier, handlungsfeld=feld, status="in_pruefung"
        )
        bedarf.zielgruppen.add(factories.ZielgruppeFactory())
        einsatz = factories.ProgrammeinsatzFactory(quartier=quartier)
        factories.BerichtspflichtFactory(programm=einsatz.programm, faellig_am=heute)

    daten()
    wenig = abfragen(lambda: client.get(url))
    for _ in range(3):
        daten()
    assert abfragen(lambda: client.get(url)) == wenig
    assert wenig <= 30


@pytest.mark.django_db
def test_matrix_folgt_der_reihenfolge_der_handlungsfelder_ohne_feld_zuletzt(quartier):
    zweites = factories.HandlungsfeldFactory(name="Arbeit", sortierung=2)
    erstes = factories.HandlungsfeldFactory(name="Zusammenleben", sortierung=1)
    factories.BedarfFactory(quartier=quartier, handlungsfeld=None, status="neu")
    factories.BedarfFactory(quartier=quartier, handlungsfeld=zweites, status="neu")
    factories.BedarfFactory(quartier=quartier, handlungsfeld=erstes, status="in_pruefung")
    matrix = _bedarfe(quartier)["matrix"]
    assert [z["pk"] for z in matrix["zeilen"]] == [erstes.pk, zweites.pk, None]


@pytest.mark.django_db
def test_quartierseite_liest_jede_zahl_nur_einmal(client, qm, quartier, felder):
    """Each figure is read by one query: the needs counts, the project counts, the network."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(qm)
    with CaptureQueriesContext(connection) as abfragen:
        assert client.get(quartier.get_absolute_url()).status_code == 200
    # The map (karten) reads its markers in one query of its own, recognised by the places.
    texte = [q["sql"] for q in abfragen.captured_queries if '"lage"' not in q["sql"]]
    assert sum("akteure_mitgliedschaft" in t for t in texte) == 1
    assert sum("projekte_projekt_quartiere" in t for t in texte) == 1
    assert sum(t.startswith('SELECT "bedarfe_bedarf"."status"') for t in texte) == 1


@pytest.mark.django_db
def test_quartierseite_zeigt_jede_kennzahl_einmal(client, qm, quartier, felder):
    """The page used to show status, gaps, projects, fund and network twice."""
    factories.StadtteilfondsFactory(quartier=quartier)
    client.force_login(qm)
    inhalt = client.get(quartier.get_absolute_url()).content.decode()
    for merkmal in (
        'id="bedarfe-status"',
        'id="bedarfe-matrix"',
        'id="luecken-handlungsfeld"',
        'id="projekte-status-tabelle"',
        'id="fonds-jahr-tabelle"',
        'id="aktivierung-jahr-tabelle"',
        'id="netzwerk-tabelle"',
        'id="naechste-termine"',
        'id="aufgaben"',
        'id="jahresberichte"',
        "Projekte nach Status</h3>",
        "Lücken: offene Bedarfe ohne aktive Akteure",
        "Programme im Quartier",
    ):
        assert inhalt.count(merkmal) == 1, merkmal
