"""Shared helpers of the city-scale data generators (`manage.py lastdaten`).

Each app's generator is `bench/lastdaten/<app>.py` (development only: the production package
never imports a domain app for load data) with `erzeugen(*, skalierung, zufall) -> dict[str,
int]`; they write with `bulk_create` in batches and skip django-simple-history on purpose
(bulk_create writes no history rows).
"""

import datetime
import random
import uuid

from django.contrib.gis.geos import Point
from django.utils import timezone

BATCH = 5000
#: The share of needs and actors with a map point (staff place most addresses on the map).
ANTEIL_MIT_LAGE = 0.6
#: The generated quartiers are recognised by this slug prefix.
SLUG_PRAEFIX = "lastquartier-"


def anzahl(basis: int, skalierung: float) -> int:
    """`basis` scaled linearly, at least 1."""
    return max(1, round(basis * skalierung))


def einfuegen(model, objekte, batch_size: int = BATCH) -> list:
    """bulk_create in batches; returns the created objects with their primary keys."""
    erzeugt = []
    for start in range(0, len(objekte), batch_size):
        erzeugt.extend(model.objects.bulk_create(objekte[start : start + batch_size]))
    return erzeugt


def zufalls_uuid(zufall: random.Random) -> uuid.UUID:
    return uuid.UUID(int=zufall.getrandbits(128), version=4)


def zufalls_datum(zufall: random.Random, tage_zurueck: int = 3650) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=zufall.randrange(tage_zurueck))


def zufalls_zeitpunkt(zufall: random.Random, tage_zurueck: int = 3650) -> datetime.datetime:
    return timezone.now().replace(microsecond=0) - datetime.timedelta(
        minutes=zufall.randrange(tage_zurueck * 24 * 60)
    )


def lastquartier_ids() -> list[int]:
    from quartiere.models import Quartier

    return list(
        Quartier.objects.filter(slug__startswith=SLUG_PRAEFIX)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def zufalls_lage(zufall: random.Random, quartier_id: int) -> Point | None:
    """A map point near the quartier's centre for ANTEIL_MIT_LAGE of the calls, else None. The
    quartiers lie on a 10 × 10 grid over Aachen, about 1.5 km apart, so the map queries of a
    quartier (clusters, gaps, nearby actors) meet neighbours as in a real city."""
    if zufall.random() >= ANTEIL_MIT_LAGE:
        return None
    zeile, spalte = divmod(quartier_id % 100, 10)
    breite = 50.70 + zeile * 0.014 + zufall.uniform(-0.007, 0.007)
    laenge = 6.00 + spalte * 0.021 + zufall.uniform(-0.0105, 0.0105)
    return Point(laenge, breite, srid=4326)
