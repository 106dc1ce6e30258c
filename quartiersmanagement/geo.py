"""Places and borders on maps: the one definition of a record's point, and GeoJSON reading.

Points are PostGIS `geography` in WGS 84 (what GPS, Leaflet and Nominatim speak): distances
("in der Nähe", gap analysis) come out in metres and use the spatial index. Borders are
`geometry` multipolygons, so "which quartier contains this point" is one indexed lookup.
"""

import json

from django.contrib.gis.db import models as gis_models
from django.contrib.gis.geos import GEOSException, GEOSGeometry, MultiPolygon, Polygon
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WGS84 = 4326


class PlaceField(gis_models.PointField):
    """A PostGIS point whose forms (own forms and the admin) use the Leaflet place widget
    instead of GeoDjango's OpenLayers widget, which loads its code from a CDN."""

    def formfield(self, **kwargs):
        from .map_widgets import PlaceWidget

        kwargs.setdefault("widget", PlaceWidget)
        return super().formfield(**kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.contrib.gis.db.models.fields.PointField", args, kwargs


class BorderField(gis_models.MultiPolygonField):
    """A quartier border, edited as GeoJSON (pasted or uploaded) with a map preview."""

    def formfield(self, **kwargs):
        from .map_widgets import BorderFormField

        return super().formfield(**{**kwargs, "form_class": BorderFormField})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.contrib.gis.db.models.fields.MultiPolygonField", args, kwargs


def lage_feld():
    """The optional map point of a need, actor, project, event or meeting."""
    return PlaceField(
        _("Lage auf der Karte"),
        geography=True,
        srid=WGS84,
        null=True,
        blank=True,
        help_text=_("Optional: auf der Karte klicken oder eine Adresse suchen."),
    )


def grenze_aus_geojson(text_oder_daten) -> MultiPolygon:
    """A quartier border from GeoJSON (Polygon, MultiPolygon, Feature or FeatureCollection of
    polygons) as one MultiPolygon; a clear German error for anything else."""
    try:
        daten = json.loads(text_oder_daten) if isinstance(text_oder_daten, str) else text_oder_daten
    except ValueError as fehler:
        raise ValidationError(_("Das ist kein gültiges GeoJSON.")) from fehler
    polygone = []
    for geometrie in _geometrien(daten):
        # Only the geometry itself reaches GDAL: no "crs" member that could name a file or URL.
        sauber = {"type": geometrie.get("type"), "coordinates": geometrie.get("coordinates")}
        try:
            geos = GEOSGeometry(json.dumps(sauber), srid=WGS84)
        except (GEOSException, ValueError, TypeError) as fehler:
            raise ValidationError(_("Das GeoJSON enthält eine ungültige Geometrie.")) from fehler
        if isinstance(geos, Polygon):
            polygone.append(geos)
        elif isinstance(geos, MultiPolygon):
            polygone.extend(geos)
        else:
            raise ValidationError(_("Eine Quartiersgrenze besteht nur aus Polygonen."))
    if not polygone:
        raise ValidationError(_("Das GeoJSON enthält kein Polygon."))
    grenze = MultiPolygon(*polygone, srid=WGS84)
    if not grenze.valid:
        raise ValidationError(
            _("Die Grenze ist ungültig (%(grund)s).") % {"grund": grenze.valid_reason}
        )
    return grenze


def _geometrien(daten):
    if not isinstance(daten, dict):
        raise ValidationError(_("Das ist kein gültiges GeoJSON."))
    art = daten.get("type")
    if art == "FeatureCollection":
        for feature in daten.get("features") or []:
            yield from _geometrien(feature)
    elif art == "Feature":
        yield from _geometrien(daten.get("geometry") or {})
    elif art in ("Polygon", "MultiPolygon", "Point", "LineString", "MultiPoint"):
        yield daten
    else:
        raise ValidationError(_("Das ist kein gültiges GeoJSON."))
