"""Spatial questions answered by PostGIS: point in polygon, distance, gaps."""

import pytest

from akteure.models import Akteur
from bedarfe.models import Bedarf
from karten import selectors
from projekte.models import Projekt
from tests import factories

from .orte import punkt, quadrat

pytestmark = pytest.mark.django_db


@pytest.fixture
def mit_grenze(quartier):
    quartier.grenze = quadrat(1000)
    quartier.save()
    return quartier


def test_quartier_vorschlag_findet_das_quartier_das_den_punkt_enthaelt(qm, mit_grenze):
    assert selectors.quartier_vorschlag(qm, lat=punkt(300).y, lng=punkt(300).x) == mit_grenze


def test_quartier_vorschlag_ausserhalb_der_grenze_ist_leer(qm, mit_grenze):
    draussen = punkt(1500)
    assert selectors.quartier_vorschlag(qm, lat=draussen.y, lng=draussen.x) is None


def test_quartier_vorschlag_nur_unter_eigenen_quartieren(qm_anderes, mit_grenze):
    assert selectors.quartier_vorschlag(qm_anderes, lat=punkt().y, lng=punkt().x) is None


def test_in_der_naehe_nach_abstand_in_metern(qm, quartier):
    bedarf = factories.BedarfFactory(quartier=quartier, lage=punkt())
    nah = factories.AkteurFactory(quartiere=[quartier], lage=punkt(200))
    naeher = factories.AkteurFactory(quartiere=[quartier], lage=punkt(0, 100))
    factories.AkteurFactory(quartiere=[quartier], lage=punkt(800))
    factories.AkteurFactory(quartiere=[quartier], lage=punkt(50), aktiv=False)
    projekt = factories.ProjektFactory(
        quartiere=[quartier], lage=punkt(-300), status=Projekt.Status.UMSETZUNG
    )

    daten = selectors.in_der_naehe(qm, bedarf, meter=500)

    assert [a.pk for a in daten["akteure"]] == [naeher.pk, nah.pk]
    assert 95 < daten["akteure"][0].abstand.m < 105
    assert [p.pk for p in daten["projekte"]] == [projekt.pk]


def test_in_der_naehe_zeigt_keine_akteure_fremder_quartiere(qm, quartier, anderes_quartier):
    bedarf = factories.BedarfFactory(quartier=quartier, lage=punkt())
    factories.AkteurFactory(quartiere=[anderes_quartier], lage=punkt(100))
    assert selectors.in_der_naehe(qm, bedarf)["akteure"] == []


def test_in_der_naehe_ohne_ort_fragt_nicht(qm, quartier, django_assert_num_queries):
    bedarf = factories.BedarfFactory(quartier=quartier)
    with django_assert_num_queries(0):
        assert selectors.in_der_naehe(qm, bedarf)["ohne_lage"]


def test_luecke_wo_offene_bedarfe_ohne_akteur_in_der_naehe_liegen(quartier):
    for n in (0, 100, 150):
        factories.BedarfFactory(quartier=quartier, lage=punkt(n), titel=f"Bank {n}")
    factories.BedarfFactory(quartier=quartier, lage=punkt(0, 3000))  # allein: kein Cluster
    factories.BedarfFactory(
        quartier=quartier, lage=punkt(50), status=Bedarf.Status.ERLEDIGT
    )  # erledigt zählt nicht

    luecken = selectors.luecken(quartier)

    assert len(luecken) == 1
    assert luecken[0]["titel"].startswith("3 offene Bedarfe ohne Akteur in 500 m")
    assert abs(luecken[0]["lat"] - punkt(83).y) < 0.0005


def test_keine_luecke_wenn_ein_aktiver_akteur_nah_ist(quartier):
    for n in (0, 100):
        factories.BedarfFactory(quartier=quartier, lage=punkt(n))
    factories.AkteurFactory(quartiere=[quartier], lage=punkt(300))
    assert selectors.luecken(quartier) == []


def test_quartierkarte_zeigt_nur_offene_bedarfe_aktive_akteure_laufende_projekte(quartier):
    factories.BedarfFactory(quartier=quartier, lage=punkt(), titel="offen")
    factories.BedarfFactory(
        quartier=quartier, lage=punkt(), titel="erledigt", status=Bedarf.Status.ERLEDIGT
    )
    factories.AkteurFactory(quartiere=[quartier], lage=punkt(), name="aktiv")
    factories.AkteurFactory(quartiere=[quartier], lage=punkt(), name="ruht", aktiv=False)
    factories.ProjektFactory(
        quartiere=[quartier], lage=punkt(), titel="läuft", status=Projekt.Status.PLANUNG
    )
    factories.ProjektFactory(
        quartiere=[quartier], lage=punkt(), titel="fertig", status=Projekt.Status.ABGESCHLOSSEN
    )

    ebenen = {
        e.schluessel: [x["titel"] for x in e.eintraege]
        for e in selectors.quartier_karte(quartier)["ebenen"]
    }

    assert ebenen["bedarfe"] == ["offen"]
    assert ebenen["akteure"] == ["aktiv"]
    assert ebenen["projekte"] == ["läuft"]
    assert Akteur.objects.count() == 2
