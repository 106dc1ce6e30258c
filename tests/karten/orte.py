"""Places in Aachen for map tests: a square border around Preuswald, points by metres."""

import math

from django.contrib.gis.geos import MultiPolygon, Point, Polygon

MITTE = (50.7465, 6.0640)  # lat, lng


def punkt(nord_m: float = 0, ost_m: float = 0, mitte=MITTE) -> Point:
    lat = mitte[0] + nord_m / 111_320
    lng = mitte[1] + ost_m / (111_320 * math.cos(math.radians(mitte[0])))
    return Point(lng, lat, srid=4326)


def quadrat(halbe_kante_m: float = 1000, mitte=MITTE) -> MultiPolygon:
    h = halbe_kante_m
    ecken = [punkt(n, o, mitte) for n, o in ((-h, -h), (-h, h), (h, h), (h, -h), (-h, -h))]
    return MultiPolygon(Polygon([(p.x, p.y) for p in ecken]), srid=4326)


#: Another quartier's centre, 5 km east.
ANDERSWO = (50.7465, 6.1350)
