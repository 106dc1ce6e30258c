"""The data migrations keep every border and every pair of coordinates (and give them back)."""

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VORHER = [
    ("quartiere", "0006_stellen_ausserhalb_der_verwaltung"),
    ("akteure", "0012_kalendertoken_als_hash"),
]
NACHHER = [("quartiere", "0007_grenze_als_flaeche"), ("akteure", "0013_lage_aus_koordinaten")]
POLYGON = {
    "type": "Polygon",
    "coordinates": [[[6.06, 50.74], [6.07, 50.74], [6.07, 50.75], [6.06, 50.75], [6.06, 50.74]]],
}


def _migrieren(ziel):
    """Migrate to `ziel` and return its models; `migrate` hands back the state it reached, so
    the project state is not rendered a second time (the slowest part of this test)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    return executor.migrate(ziel).apps


@pytest.mark.django_db(transaction=True)
def test_grenzen_und_koordinaten_ueberstehen_die_migration_hin_und_zurueck():
    alt = _migrieren(VORHER)
    Quartier = alt.get_model("quartiere", "Quartier")
    Akteur = alt.get_model("akteure", "Akteur")
    als_feature = Quartier.objects.create(
        name="A", slug="a", grenze={"type": "Feature", "properties": {}, "geometry": POLYGON}
    )
    ohne = Quartier.objects.create(name="B", slug="b", grenze=None)
    mit_ort = Akteur.objects.create(
        name="Verein",
        art="verein",
        breitengrad=Decimal("50.775346"),
        laengengrad=Decimal("6.083887"),
    )
    ohne_ort = Akteur.objects.create(name="Initiative", art="initiative")

    try:
        neu = _migrieren(NACHHER)
        Quartier = neu.get_model("quartiere", "Quartier")
        Akteur = neu.get_model("akteure", "Akteur")
        grenze = Quartier.objects.get(pk=als_feature.pk).grenze
        assert grenze.geom_type == "MultiPolygon"
        assert json.loads(grenze[0].geojson)["coordinates"] == POLYGON["coordinates"]
        assert Quartier.objects.get(pk=ohne.pk).grenze is None
        lage = Akteur.objects.get(pk=mit_ort.pk).lage
        assert (round(lage.y, 6), round(lage.x, 6)) == (50.775346, 6.083887)
        assert Akteur.objects.get(pk=ohne_ort.pk).lage is None

        zurueck = _migrieren(VORHER)
        Akteur = zurueck.get_model("akteure", "Akteur")
        Quartier = zurueck.get_model("quartiere", "Quartier")
        akteur = Akteur.objects.get(pk=mit_ort.pk)
        assert (akteur.breitengrad, akteur.laengengrad) == (
            Decimal("50.775346"),
            Decimal("6.083887"),
        )
        assert Quartier.objects.get(pk=als_feature.pk).grenze["type"] == "MultiPolygon"
    finally:
        _migrieren(_blaetter())


def _blaetter():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
