"""Network figures on a small graph whose values were computed by hand."""

import datetime

import networkx as nx
import pytest

from akteure import selectors
from akteure.models import Beziehungsart
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def kleines_netz(quartier, anderes_quartier):
    """A – B – C – D as a path, E alone.

    A–B and C–D are Beziehungen, B–C a shared Gremium. An ended relation A–D, an inactive
    actor and an actor of another quartier must not count.
    """
    a, b, c, d, e = (
        factories.AkteurFactory(name=n, quartiere=[quartier]) for n in ("A", "B", "C", "D", "E")
    )
    koop = Beziehungsart.objects.get(name="Kooperation")
    factories.BeziehungFactory(quelle=a, ziel=b, art=koop)
    factories.BeziehungFactory(quelle=d, ziel=c, art=Beziehungsart.objects.get(name="Förderer"))
    factories.BeziehungFactory(quelle=a, ziel=d, art=koop, bis=datetime.date(2020, 1, 1))
    gremium = factories.GremiumFactory(quartier=quartier)
    factories.MitgliedschaftFactory(gremium=gremium, akteur=b)
    factories.MitgliedschaftFactory(gremium=gremium, akteur=c)
    inaktiv = factories.AkteurFactory(name="Inaktiv", quartiere=[quartier], aktiv=False)
    factories.BeziehungFactory(quelle=inaktiv, ziel=a, art=koop)
    fremd = factories.AkteurFactory(name="Fremd", quartiere=[anderes_quartier])
    factories.BeziehungFactory(quelle=fremd, ziel=e, art=koop)
    return {"A": a, "B": b, "C": c, "D": d, "E": e}


def test_netzwerk_knoten_und_kanten(kleines_netz, quartier):
    netz = selectors.netzwerk_daten(quartier)
    assert [k["name"] for k in netz.knoten] == ["A", "B", "C", "D", "E"]
    paare = {frozenset((k["quelle"], k["ziel"])): k["arten"] for k in netz.kanten}
    ids = {n: a.pk for n, a in kleines_netz.items()}
    assert set(paare) == {
        frozenset((ids["A"], ids["B"])),
        frozenset((ids["B"], ids["C"])),
        frozenset((ids["C"], ids["D"])),
    }
    assert paare[frozenset((ids["C"], ids["D"]))] == ["Förderer"]
    grad = {k["name"]: k["grad"] for k in netz.knoten}
    assert grad == {"A": 1, "B": 2, "C": 2, "D": 1, "E": 0}


def test_netzwerk_kennzahlen_von_hand_gerechnet(kleines_netz, quartier):
    k = selectors.netzwerk_daten(quartier).kennzahlen
    assert k["akteure"] == 5
    assert k["verbindungen"] == 3
    assert k["dichte"] == pytest.approx(0.3)  # 2·3 / (5·4)
    assert [a["name"] for a in k["isoliert"]] == ["E"]
    # B and C each lie on 2 of the 6 shortest paths between the other actors: 2/6.
    assert [(a["name"], a["betweenness"]) for a in k["bruecken"]] == [
        ("B", 0.3333),
        ("C", 0.3333),
    ]
    assert k["komponenten"] == 2


def test_netzwerk_filter_nach_handlungsfeld(kleines_netz, quartier):
    feld = factories.HandlungsfeldFactory(name="Bildung")
    kleines_netz["A"].handlungsfelder.add(feld)
    kleines_netz["B"].handlungsfelder.add(feld)
    netz = selectors.netzwerk_daten(quartier, handlungsfeld=feld.pk)
    assert [k["name"] for k in netz.knoten] == ["A", "B"]
    assert netz.kennzahlen["verbindungen"] == 1


def test_kennzahlen_eines_sterns():
    stern = nx.star_graph(4)  # centre 0 with 4 leaves
    k = selectors.netzwerk_kennzahlen(stern, namen={0: "Mitte"})
    assert k["bruecken"] == [{"id": 0, "name": "Mitte", "betweenness": 1.0}]
    assert k["dichte"] == pytest.approx(0.4)
    assert k["anzahl_isoliert"] == 0


def test_leeres_netz(quartier):
    k = selectors.netzwerk_daten(quartier).kennzahlen
    assert k["akteure"] == 0 and k["verbindungen"] == 0 and k["dichte"] == 0.0


def test_aktive_akteure_je_handlungsfeld_und_zielgruppe(
    quartier, anderes_quartier, django_assert_num_queries
):
    bildung = factories.HandlungsfeldFactory(name="Bildung")
    kultur = factories.HandlungsfeldFactory(name="Kultur")
    kinder = factories.ZielgruppeFactory(name="Kinder")
    a = factories.AkteurFactory(quartiere=[quartier, anderes_quartier])
    b = factories.AkteurFactory(quartiere=[quartier])
    c = factories.AkteurFactory(quartiere=[quartier], aktiv=False)
    d = factories.AkteurFactory(quartiere=[anderes_quartier])
    for akteur in (a, b, c, d):
        akteur.handlungsfelder.add(bildung)
        akteur.zielgruppen.add(kinder)
    a.handlungsfelder.add(kultur)
    with django_assert_num_queries(1):
        je_feld = selectors.aktive_akteure_je_handlungsfeld(quartier)
    with django_assert_num_queries(1):
        je_gruppe = selectors.aktive_akteure_je_zielgruppe(quartier)
    assert je_feld == {bildung.pk: 2, kultur.pk: 1}
    assert je_gruppe == {kinder.pk: 2}


def test_offene_aufgaben_ueberfaellige_zuerst(quartier):
    heute = datetime.date.today()
    spaeter = factories.AufgabeFactory(quartier=quartier, faellig_am=heute + datetime.timedelta(9))
    ohne = factories.AufgabeFactory(quartier=quartier, faellig_am=None)
    alt = factories.AufgabeFactory(quartier=quartier, faellig_am=heute - datetime.timedelta(30))
    neuer = factories.AufgabeFactory(quartier=quartier, faellig_am=heute - datetime.timedelta(2))
    factories.AufgabeFactory(quartier=quartier, erledigt_am=heute)
    factories.AufgabeFactory()  # another quartier
    assert selectors.offene_aufgaben(quartier) == [alt, neuer, spaeter, ohne]


def test_luecken_ohne_aktiven_akteur(quartier, anderes_quartier, django_assert_num_queries):
    bildung = factories.HandlungsfeldFactory(name="Bildung")
    kultur = factories.HandlungsfeldFactory(name="Kultur")
    factories.HandlungsfeldFactory(name="Alt", aktiv=False)
    kinder = factories.ZielgruppeFactory(name="Kinder")
    senioren = factories.ZielgruppeFactory(name="Senioren")
    aktiv = factories.AkteurFactory(quartiere=[quartier])
    aktiv.handlungsfelder.add(bildung)
    aktiv.zielgruppen.add(kinder)
    inaktiv = factories.AkteurFactory(quartiere=[quartier], aktiv=False)
    inaktiv.handlungsfelder.add(kultur)
    fremd = factories.AkteurFactory(quartiere=[anderes_quartier])
    fremd.zielgruppen.add(senioren)
    with django_assert_num_queries(2):
        felder, gruppen = selectors.luecken(quartier)
    assert felder == [kultur]
    assert gruppen == [senioren]


def test_netzwerk_ueberblick_von_hand_gerechnet(kleines_netz, quartier):
    """The quartier page counts in SQL what the network page computes with the graph."""
    k = selectors.netzwerk_ueberblick(quartier)
    assert k == {
        "akteure": 5,
        "verbindungen": 3,
        "anzahl_isoliert": 1,
        "isoliert": [{"id": kleines_netz["E"].pk, "name": "E"}],
        "dichte": pytest.approx(0.3),
    }


def test_netzwerk_ueberblick_gleich_dem_graphen(kleines_netz, quartier, django_assert_num_queries):
    """A second shared committee and a relation doubling a membership link add no link."""
    gremium = factories.GremiumFactory(quartier=quartier)
    for name in ("A", "B", "E"):
        factories.MitgliedschaftFactory(gremium=gremium, akteur=kleines_netz[name])
    graph = selectors.netzwerk_daten(quartier).kennzahlen
    with django_assert_num_queries(1):
        ueberblick = selectors.netzwerk_ueberblick(quartier)
    for schluessel in ("akteure", "verbindungen", "anzahl_isoliert", "isoliert", "dichte"):
        assert ueberblick[schluessel] == graph[schluessel], schluessel
    assert ueberblick["verbindungen"] == 5  # A–B, B–C, C–D, A–E, B–E
