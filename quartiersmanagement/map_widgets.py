"""The form widget that sets a record's place on a map (Leaflet) or by address search.

The value travels as WKT in a hidden input; without JavaScript the field simply stays as it
was. The address search asks the server (karten's geocoder endpoint), never a third party from
the browser, so the Content Security Policy stays `connect-src 'self'`.
"""

from django import forms
from django.conf import settings
from django.contrib.gis.forms.widgets import BaseGeometryWidget
from django.contrib.gis.geos import GEOSGeometry
from django.urls import reverse


def map_config() -> dict:
    """What every map's JavaScript needs: tile source and attribution (empty: no tiles)."""
    return {
        "kacheln": settings.KARTE_KACHELN_URL,
        "namensnennung": settings.KARTE_KACHELN_NAMENSNENNUNG,
    }


class PlaceWidget(BaseGeometryWidget):
    geom_type = "POINT"
    template_name = "quartiersmanagement/widgets/ort_auf_karte.html"

    def __init__(self, attrs=None, *, quartier_feld: str | None = None):
        super().__init__(attrs)
        # The id of the form's quartier select: a click on the map suggests the quartier
        # whose border contains the point (point in polygon, asked of the database).
        self.quartier_feld = quartier_feld

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["karte"] = map_config()
        context["adresse_url"] = reverse("karten:adresse") if settings.GEOCODER_URL else ""
        context["vorschlag_url"] = reverse("karten:quartier_vorschlag")
        context["quartier_feld"] = self.quartier_feld or ""
        return context


class BorderWidget(forms.Textarea):
    """GeoJSON text (pasted, or read from an uploaded .geojson file in the browser) with a
    live preview of the border on a map."""

    template_name = "quartiersmanagement/widgets/grenze.html"

    def format_value(self, value):
        if isinstance(value, GEOSGeometry):
            return value.geojson
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["karte"] = map_config()
        return context


class BorderFormField(forms.CharField):
    """A quartier border from GeoJSON: Polygon, MultiPolygon, Feature or FeatureCollection."""

    widget = BorderWidget

    def __init__(self, *, geom_type=None, srid=None, max_geom_collections=None, **kwargs):
        # GeoDjango's model field passes these to its own form field; the border is always
        # a WGS 84 multipolygon (quartiersmanagement.geo.grenze_aus_geojson).
        super().__init__(**kwargs)

    def to_python(self, value):
        from .geo import grenze_aus_geojson

        if isinstance(value, GEOSGeometry):
            return value
        value = super().to_python(value)
        return grenze_aus_geojson(value) if value else None

    def has_changed(self, initial, data):
        try:
            neu = self.to_python(data)
        except forms.ValidationError:
            return True
        if initial is None or neu is None:
            return initial is not neu
        return not GEOSGeometry(initial).equals_exact(neu, 1e-9)
