"""Address search through a configurable geocoder (geopy's Nominatim protocol).

GEOCODER_URL names the service: the city's own address service or a Nominatim instance
(e.g. https://nominatim.openstreetmap.org - mind its usage policy). The server asks, never
the browser: the address typed stays between the application and the configured service.
"""

from urllib.parse import urlsplit

from django.conf import settings
from geopy.exc import GeopyError
from geopy.geocoders import Nominatim

TREFFER = 5
ZEITLIMIT_SEKUNDEN = 5


class GeocoderFehler(Exception):
    """The service did not answer usefully (down, too slow, refused)."""


def _geocoder() -> Nominatim:
    teile = urlsplit(settings.GEOCODER_URL)
    return Nominatim(
        domain=teile.netloc + teile.path.rstrip("/"),
        scheme=teile.scheme or "https",
        user_agent="quartiersmanagement",
        timeout=ZEITLIMIT_SEKUNDEN,
    )


def adresse_suchen(text: str) -> list[dict]:
    """Up to five places for `text` (name, lat, lng), best first; [] when nothing matches."""
    try:
        treffer = _geocoder().geocode(
            text, exactly_one=False, limit=TREFFER, country_codes="de", language="de"
        )
    except GeopyError as fehler:
        raise GeocoderFehler(str(fehler)) from fehler
    return [
        {"name": t.address, "lat": round(t.latitude, 6), "lng": round(t.longitude, 6)}
        for t in treffer or []
    ]
