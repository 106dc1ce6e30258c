"""Demo borders and places for the nine Aachen quartiers.

The borders are APPROXIMATE: a hexagon around each quartier's real centre, not the official
boundary (the city's own borders replace them in production, see docs/karten.md). Places of
the demo records are spread inside their quartier's hexagon, the same on every run.
"""

import math

from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.db.models import Q

from akteure.models import Akteur
from bedarfe.models import Bedarf
from projekte.models import Projekt, Termin
from quartiere.models import Quartier
from quartiersmanagement.geo import WGS84

# slug -> (latitude, longitude of the real centre, radius in metres of the demo hexagon)
ZENTREN = {
    "preuswald": (50.7465, 6.0640, 550),
    "forst-driescher-hof": (50.7605, 6.1190, 700),
    "ost-rothe-erde": (50.7725, 6.1095, 650),
    "kronenberg-kullen": (50.7640, 6.0420, 450),
    "aachen-nord": (50.7885, 6.0945, 750),
    "eilendorf": (50.7805, 6.1600, 900),
    "kronenberg": (50.7745, 6.0285, 450),
    "richterich": (50.8095, 6.0615, 800),
    "westparkviertel": (50.7725, 6.0710, 450),
}
HINWEIS = "Die Gebietsgrenze auf der Karte ist eine ungefähre Demo-Grenze."
METER_JE_GRAD_BREITE = 111_320


def _versatz(lat: float, lng: float, meter: float, winkel: float) -> tuple[float, float]:
    dlat = meter * math.cos(winkel) / METER_JE_GRAD_BREITE
    dlng = meter * math.sin(winkel) / (METER_JE_GRAD_BREITE * math.cos(math.radians(lat)))
    return lat + dlat, lng + dlng


def sechseck(lat: float, lng: float, radius: float) -> MultiPolygon:
    ecken = [_versatz(lat, lng, radius, math.radians(30 + 60 * i)) for i in range(6)]
    ring = [(x, y) for y, x in ecken]
    return MultiPolygon(Polygon([*ring, ring[0]]), srid=WGS84)


def _punkt(lat: float, lng: float, radius: float, nummer: int) -> Point:
    """A place inside the hexagon: golden-angle spiral by the record's id."""
    anteil = ((nummer * 37) % 100) / 100
    y, x = _versatz(lat, lng, radius * 0.8 * math.sqrt(anteil), nummer * 2.39996)
    return Point(x, y, srid=WGS84)


def laden() -> None:
    for quartier in Quartier.objects.filter(slug__in=ZENTREN):
        lat, lng, radius = ZENTREN[quartier.slug]
        aendern = {}
        if quartier.grenze is None:
            aendern["grenze"] = sechseck(lat, lng, radius)
        if HINWEIS not in quartier.beschreibung:
            aendern["beschreibung"] = f"{quartier.beschreibung}\n\n{HINWEIS}".strip()
        if aendern:
            Quartier.objects.filter(pk=quartier.pk).update(**aendern)
        _orte_setzen(quartier, lat, lng, radius)


def _orte_setzen(quartier: Quartier, lat: float, lng: float, radius: float) -> None:
    ohne_lage = Q(lage__isnull=True)
    for modell, filter_ in (
        (Bedarf, Q(quartier=quartier)),
        (Termin, Q(quartier=quartier)),
        (Akteur, Q(quartiere=quartier)),
        (Projekt, Q(quartiere=quartier)),
    ):
        for pk in modell.objects.filter(filter_ & ohne_lage).values_list("pk", flat=True):
            # update(): places are no edit of the record (no version raised, no history).
            modell.objects.filter(pk=pk).update(lage=_punkt(lat, lng, radius, pk))
