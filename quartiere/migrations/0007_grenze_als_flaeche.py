"""Quartier borders: pasted GeoJSON text becomes a PostGIS multipolygon (history rows too).

A border that cannot be read stops the migration with the quartier's name and the reason:
better a clear stop than a border silently lost. Reversible: the polygon goes back as GeoJSON.
"""

import json

import django.contrib.gis.db.models.fields
from django.core.exceptions import ValidationError
from django.db import migrations

from quartiersmanagement.geo import grenze_aus_geojson

GRENZE = dict(
    blank=True,
    help_text="Optional: die Quartiersgrenze als (Multi-)Polygon.",
    null=True,
    srid=4326,
    verbose_name="Gebietsgrenze",
)
MODELLE = ("Quartier", "HistoricalQuartier")


def geojson_lesen(apps, schema_editor):
    for modell in MODELLE:
        Modell = apps.get_model("quartiere", modell)
        for zeile in Modell.objects.exclude(grenze__isnull=True).only("pk", "name", "grenze"):
            try:
                flaeche = grenze_aus_geojson(zeile.grenze)
            except ValidationError as fehler:
                raise RuntimeError(
                    f"Quartiersgrenze von {zeile.name!r} ({modell} {zeile.pk}) nicht lesbar: "
                    f"{'; '.join(fehler.messages)} – bitte in der Verwaltung korrigieren."
                ) from fehler
            Modell.objects.filter(pk=zeile.pk).update(flaeche=flaeche)


def geojson_schreiben(apps, schema_editor):
    for modell in MODELLE:
        Modell = apps.get_model("quartiere", modell)
        for zeile in Modell.objects.exclude(flaeche__isnull=True).only("pk", "flaeche"):
            Modell.objects.filter(pk=zeile.pk).update(grenze=json.loads(zeile.flaeche.geojson))


class Migration(migrations.Migration):
    dependencies = [
        ("quartiere", "0006_stellen_ausserhalb_der_verwaltung"),
    ]

    operations = [
        *(
            migrations.AddField(
                model_name=m.lower(),
                name="flaeche",
                field=django.contrib.gis.db.models.fields.MultiPolygonField(**GRENZE),
            )
            for m in MODELLE
        ),
        migrations.RunPython(geojson_lesen, geojson_schreiben),
        *(migrations.RemoveField(model_name=m.lower(), name="grenze") for m in MODELLE),
        *(
            migrations.RenameField(model_name=m.lower(), old_name="flaeche", new_name="grenze")
            for m in MODELLE
        ),
    ]
