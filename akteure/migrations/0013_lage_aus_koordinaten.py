"""Actors' two typed-in coordinates become one map point (PostGIS); history rows too."""

import django.contrib.gis.db.models.fields
from django.db import migrations

LAGE = dict(
    blank=True,
    geography=True,
    help_text="Optional: auf der Karte klicken oder eine Adresse suchen.",
    null=True,
    srid=4326,
    verbose_name="Lage auf der Karte",
)

# One UPDATE per table; x is the longitude, y the latitude.
VORWAERTS = """
UPDATE {tabelle} SET lage = ST_SetSRID(ST_MakePoint(laengengrad, breitengrad), 4326)::geography
WHERE breitengrad IS NOT NULL AND laengengrad IS NOT NULL
"""
RUECKWAERTS = """
UPDATE {tabelle} SET breitengrad = round(ST_Y(lage::geometry)::numeric, 6),
                     laengengrad = round(ST_X(lage::geometry)::numeric, 6)
WHERE lage IS NOT NULL
"""
TABELLEN = ("akteure_akteur", "akteure_historicalakteur")


class Migration(migrations.Migration):
    dependencies = [
        ("akteure", "0012_kalendertoken_als_hash"),
    ]

    operations = [
        migrations.AddField(
            model_name="akteur",
            name="lage",
            field=django.contrib.gis.db.models.fields.PointField(**LAGE),
        ),
        migrations.AddField(
            model_name="historicalakteur",
            name="lage",
            field=django.contrib.gis.db.models.fields.PointField(**LAGE),
        ),
        migrations.AddField(
            model_name="sitzung",
            name="lage",
            field=django.contrib.gis.db.models.fields.PointField(**LAGE),
        ),
        migrations.AddField(
            model_name="historicalsitzung",
            name="lage",
            field=django.contrib.gis.db.models.fields.PointField(**LAGE),
        ),
        *(
            migrations.RunSQL(VORWAERTS.format(tabelle=t), RUECKWAERTS.format(tabelle=t))
            for t in TABELLEN
        ),
        migrations.RemoveField(model_name="akteur", name="breitengrad"),
        migrations.RemoveField(model_name="akteur", name="laengengrad"),
        migrations.RemoveField(model_name="historicalakteur", name="breitengrad"),
        migrations.RemoveField(model_name="historicalakteur", name="laengengrad"),
    ]
