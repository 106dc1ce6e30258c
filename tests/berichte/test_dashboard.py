"""The overview section on the quartier page: open needs by Handlungsfeld and status, gaps,
programmes and funder reports due; figures against hand-computed values."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from bedarfe.models import Bedarf
from berichte import selectors
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


@pytest.mark.django_db
def test_offene_bedarfe_nach_handlungsfeld_und_status(quartier, felder):
    wohnen, gruen, _kinder = felder
    matrix = selectors.offene_bedarfe_matrix(quartier)
    assert [s for s, _n in matrix["status"]] == [Bedarf.Status.NEU, Bedarf.Status.IN_PRUEFUNG]
    assert [(z["name"], z["werte"], z["summe"]) for z in matrix["zeilen"]] == [
        ("Wohnen", [("neu", 2), ("in_pruefung", 1)], 3),
        ("Grün", [("neu", 1), ("in_pruefung", 0)], 1),
    ]
    assert matrix["summe"] == 4
    chart = selectors.chart_daten(matrix)
    assert chart["labels"] == ["Wohnen", "Grün"]
    assert chart["datasets"][0]["data"] == [2, 1]


@pytest.mark.django_db
def test_luecken_sind_felder_mit_offenen_bedarfen_ohne_aktiven_akteur(quartier, felder):
    wohnen, gruen, kinder = felder
    luecken = selectors.luecken_tabelle(quartier)
    je_feld = {
        z["begriff"]: (z["bedarfe"], z["akteure"], z["luecke"]) for z in luecken["handlungsfelder"]
    }
    assert je_feld == {wohnen: (3, 1, False), gruen: (1, 0, True)}
    assert [(z["begriff"], z["luecke"]) for z in luecken["zielgruppen"]] == [(kinder, True)]
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
        quartier=quartier, von=datetime.date(2020, 1, 1), bis=datetime.date(2021, 1, 1)
    )
    factories.BerichtspflichtFactory(programm=beendet.programm, faellig_am=heute)
    assert selectors.faellige_berichte(quartier) == [bald]


@pytest.mark.django_db
def test_quartierseite_zeigt_diagramm_tabelle_und_links(client, qm, quartier, felder):
    wohnen, _gruen, _kinder = felder
    client.force_login(qm)
    inhalt = client.get(quartier.get_absolute_url()).content.decode()
    assert 'id="bedarfe-diagramm-daten"' in inhalt and 'id="bedarfe-matrix"' in inhalt
    liste = reverse("bedarfe:liste")
    link = f"{liste}?quartier={quartier.pk}&amp;handlungsfeld={wohnen.pk}&amp;status=neu"
    assert link in inhalt
    assert "4 offene Bedarfe" in inhalt
    assert "vendor/chart.js/chart.umd.js" in inhalt


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


@pytest.mark.django_db
def test_matrix_folgt_der_reihenfolge_der_handlungsfelder_ohne_feld_zuletzt(quartier):
    zweites = factories.HandlungsfeldFactory(name="Arbeit", sortierung=2)
    erstes = factories.HandlungsfeldFactory(name="Zusammenleben", sortierung=1)
    factories.BedarfFactory(quartier=quartier, handlungsfeld=None, status="neu")
    factories.BedarfFactory(quartier=quartier, handlungsfeld=zweites, status="neu")
    factories.BedarfFactory(quartier=quartier, handlungsfeld=erstes, status="in_pruefung")
    matrix = selectors.offene_bedarfe_matrix(quartier)
    assert [z["pk"] for z in matrix["zeilen"]] == [erstes.pk, zweites.pk, None]


@pytest.mark.django_db
def test_quartierseite_liest_geteilte_zahlen_nur_einmal(client, qm, quartier, felder):
    """The sections share the network figures, the needs counts and the project figures."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(qm)
    with CaptureQueriesContext(connection) as abfragen:
        assert client.get(quartier.get_absolute_url()).status_code == 200
    texte = [q["sql"] for q in abfragen.captured_queries]
    assert sum("akteure_mitgliedschaft" in t for t in texte) == 1
    assert sum("projekte_projekt_quartiere" in t for t in texte) == 1
    assert sum(t.startswith('SELECT "bedarfe_bedarf"."status"') for t in texte) == 1
