"""Reads for maps: a quartier's layers, the public map, the filtered needs, spatial questions.

Every function gets either a quartier the caller already found through the access object
(`quartiere_fuer`), a queryset from a scoped selector, or - for the public map - applies the
public criteria itself. Each layer is one query reading ids, titles and points (`values`), so
a map costs the same number of queries for ten records and for ten thousand.
"""

import json
from dataclasses import dataclass, field

from django.contrib.gis.db.models.functions import Distance
from django.contrib.gis.geos import Point
from django.db import connection
from django.db.models import CharField, Exists, F, FloatField, Func, OuterRef, QuerySet, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from akteure.models import Akteur
from bedarfe.models import Bedarf
from projekte.models import Projekt, Termin
from quartiere.models import Quartier
from quartiere.selectors import bearbeitbare_quartiere_fuer, quartiere_fuer
from quartiersmanagement.geo import WGS84
from quartiersmanagement.links import url_muster
from quartiersmanagement.map_widgets import map_config

#: "In der Nähe" on a need's page, in metres.
NAEHE_METER = 500
#: The gap analysis: open needs closer than this to each other form a cluster ...
LUECKE_CLUSTER_METER = 250
#: ... and count only when no active actor is this close to them.
LUECKE_AKTEUR_METER = 500
#: Upcoming events on a quartier map; records per layer "in der Nähe".
TERMINE_AUF_DER_KARTE = 20
NAEHE_HOECHSTENS = 10
#: Markers on the needs map at most (the list pages through all of them).
BEDARFE_AUF_DER_KARTE = 10_000


@dataclass(frozen=True)
class Ebene:
    """One switchable layer of a map: its key, German name and markers (dicts with titel,
    url, lat, lng); the page lists the same markers as text."""

    schluessel: str
    name: str
    eintraege: list[dict] = field(default_factory=list)


class _Koordinate(Func):
    """Longitude (ST_X) or latitude (ST_Y) of a place, rounded to 6 places (about 0.1 m) by
    the database: a map of a thousand markers then builds no GEOS object per marker."""

    output_field = FloatField()
    template = "round(%(function)s(%(expressions)s::geometry)::numeric, 6)::float8"


def _breite():
    return _Koordinate("lage", function="ST_Y")


def _laenge():
    return _Koordinate("lage", function="ST_X")


def _eintraege(qs: QuerySet, url, titel: str = "titel", extra: tuple = ()) -> list[dict]:
    return [
        {"titel": zeile[titel], "url": url(zeile), "lat": zeile["k_lat"], "lng": zeile["k_lng"]}
        for zeile in qs.annotate(k_lat=_breite(), k_lng=_laenge()).values(
            "pk", titel, "k_lat", "k_lng", *extra
        )
    ]


def _mit_lage(qs: QuerySet) -> QuerySet:
    return qs.filter(lage__isnull=False)


def _nach_pk(name: str):
    muster = url_muster(name)
    return lambda zeile: muster.format(pk=zeile["pk"])


def _grenze(quartier: Quartier) -> dict | None:
    return json.loads(quartier.grenze.geojson) if quartier.grenze else None


def _markerzeilen(qs: QuerySet, ebene: str, titel: str = "titel", slug: bool = False):
    """`qs` as rows (layer, pk, title, slug, place) with the same columns for every model,
    so that the layers of a map are read with one UNION ALL."""
    return (
        _mit_lage(qs)
        .annotate(
            k_ebene=Value(ebene, output_field=CharField()),
            k_pk=F("pk"),
            k_titel=F(titel),
            k_slug=F("slug") if slug else Value("", output_field=CharField()),
            k_lat=_breite(),
            k_lng=_laenge(),
        )
        .values_list("k_ebene", "k_pk", "k_titel", "k_slug", "k_lat", "k_lng")
    )


#: The layer of the gap analysis (`luecken`).
LUECKEN = "luecken"
#: Layer key -> (German name, URL name of a marker, its argument: "pk" or "slug").
STAFF_EBENEN = {
    "bedarfe": (_("Offene Bedarfe"), "bedarfe:detail", "pk"),
    "akteure": (_("Aktive Akteure"), "akteure:detail", "pk"),
    "projekte": (_("Laufende Projekte"), "projekte:detail", "slug"),
    "termine": (_("Nächste Termine"), "projekte:termin_bearbeiten", "pk"),
}


def quartier_karte(quartier: Quartier) -> dict:
    """The staff map of a quartier the caller may read: border, open needs, active actors,
    current projects, next events (one query for all four) and the gaps (one more)."""
    offen = Bedarf.objects.offen().filter(quartier=quartier, zusammengefuehrt_in__isnull=True)
    termine = Termin.objects.filter(
        quartier=quartier, beginn__gte=timezone.now(), abgesagt=False
    ).order_by("beginn")
    zeilen = (
        _markerzeilen(offen, "bedarfe")
        .union(
            _markerzeilen(Akteur.objects.aktiv().filter(quartiere=quartier), "akteure", "name"),
            _markerzeilen(
                Projekt.objects.laufend().filter(quartiere=quartier), "projekte", slug=True
            ),
            _markerzeilen(termine, "termine")[:TERMINE_AUF_DER_KARTE],
            all=True,
        )
        .order_by("k_ebene", "k_titel")
    )
    ebenen = {e.schluessel: e for e in quartier_ebenen()}
    urls = {k: url_muster(name, arg) for k, (_name, name, arg) in STAFF_EBENEN.items()}
    for ebene, pk, titel, slug, lat, lng in zeilen:
        ebenen[ebene].eintraege.append(
            {"titel": titel, "url": urls[ebene].format(pk=pk, slug=slug), "lat": lat, "lng": lng}
        )
    ebenen[LUECKEN].eintraege.extend(luecken(quartier))
    return {"grenze": _grenze(quartier), "ebenen": list(ebenen.values())}


def quartier_ebenen() -> list[Ebene]:
    """The layers of a quartier's staff map, without markers."""
    return [
        *(Ebene(k, name) for k, (name, _url, _arg) in STAFF_EBENEN.items()),
        Ebene(LUECKEN, _("Lücken: offene Bedarfe ohne Akteur in der Nähe")),
    ]


def oeffentliche_karte(quartier_id: int) -> dict:
    """The public map of /q/<slug>/: border, public upcoming events, public current projects
    and actors with recorded consent - titles, names and points only, never a person or an
    address."""
    quartier = Quartier.objects.only("slug", "grenze").get(pk=quartier_id)
    slug = quartier.slug
    termine = _mit_lage(
        Termin.objects.filter(
            quartier_id=quartier_id, oeffentlich=True, abgesagt=False, beginn__gte=timezone.now()
        )
    ).order_by("beginn")[:TERMINE_AUF_DER_KARTE]
    termine_url = reverse("oeffentlichkeit:termine", kwargs={"slug": slug})
    akteure_url = reverse("oeffentlichkeit:akteure", kwargs={"slug": slug})
    return {
        "grenze": _grenze(quartier),
        "ebenen": [
            Ebene(
                "termine",
                _("Nächste Termine"),
                _eintraege(termine, lambda z: termine_url),
            ),
            Ebene(
                "projekte",
                _("Aktuelle Projekte"),
                _eintraege(
                    _mit_lage(
                        Projekt.objects.laufend().filter(quartiere=quartier_id, oeffentlich=True)
                    ),
                    lambda z: reverse(
                        "oeffentlichkeit:projekt", kwargs={"slug": slug, "projekt": z["slug"]}
                    ),
                    extra=("slug",),
                ),
            ),
            Ebene(
                "akteure",
                _("Akteure"),
                _eintraege(
                    _mit_lage(Akteur.objects.oeffentlich().filter(quartiere=quartier_id)),
                    lambda z: akteure_url,
                    titel="name",
                ),
            ),
        ],
    }


def bedarfe_karte(bedarfe: QuerySet[Bedarf]) -> list[dict]:
    """Markers of exactly the filtered needs (`bedarfe` comes from the scoped list selector
    and the list's filter), one query."""
    return _eintraege(
        _mit_lage(bedarfe).order_by()[:BEDARFE_AUF_DER_KARTE], _nach_pk("bedarfe:detail")
    )


def geojson(karte: dict) -> dict:
    """A map as one GeoJSON FeatureCollection (the map data endpoint and the pages' JSON):
    the border, then one Point feature per marker with its layer, title and link."""
    features = []
    if karte.get("grenze"):
        features.append(
            {"type": "Feature", "geometry": karte["grenze"], "properties": {"ebene": "grenze"}}
        )
    for ebene in karte["ebenen"]:
        for e in ebene.eintraege:
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [e["lng"], e["lat"]]},
                    "properties": {
                        "ebene": ebene.schluessel,
                        "titel": e["titel"],
                        "url": e["url"],
                    },
                }
            )
    return {
        "type": "FeatureCollection",
        "ebenen": {e.schluessel: str(e.name) for e in karte["ebenen"]},
        "features": features,
    }


# --- spatial questions ---------------------------------------------------------------------


def quartier_vorschlag(user, *, lat: float, lng: float) -> Quartier | None:
    """The quartier (among those the user edits) whose border contains the point."""
    punkt = Point(lng, lat, srid=WGS84)
    return (
        bearbeitbare_quartiere_fuer(user)
        .filter(grenze__intersects=punkt)
        .only("pk", "name")
        .order_by("name")
        .first()
    )


def in_der_naehe(user, bedarf: Bedarf, meter: int = NAEHE_METER) -> dict:
    """Active actors and current projects within `meter` of a need, nearest first, among
    those the user may read; two queries (none without a place)."""
    if bedarf.lage is None:
        return {"meter": meter, "akteure": [], "projekte": [], "ohne_lage": True}
    lesbar = quartiere_fuer(user)

    def naechste(qs):
        return (
            qs.filter(lage__dwithin=(bedarf.lage, meter))
            .annotate(abstand=Distance("lage", bedarf.lage))
            .order_by("abstand")[:NAEHE_HOECHSTENS]
        )

    akteure = naechste(
        Akteur.objects.aktiv().filter(
            Exists(
                Akteur.quartiere.through.objects.filter(akteur=OuterRef("pk"), quartier__in=lesbar)
            )
        )
    ).only("pk", "name")
    projekte = naechste(
        Projekt.objects.laufend().filter(
            Exists(
                Projekt.quartiere.through.objects.filter(
                    projekt=OuterRef("pk"), quartier__in=lesbar
                )
            )
        )
    ).only("pk", "slug", "titel")
    return {"meter": meter, "akteure": list(akteure), "projekte": list(projekte)}


_LUECKEN_SQL = """
WITH ohne_akteur AS (
    SELECT b.id, b.titel, b.lage::geometry AS punkt
    FROM {bedarf} b
    WHERE b.quartier_id = %(quartier)s AND b.lage IS NOT NULL
      AND b.zusammengefuehrt_in_id IS NULL AND NOT (b.status = ANY(%(abgeschlossen)s))
      AND NOT EXISTS (
          SELECT 1 FROM {akteur} a
          WHERE a.aktiv AND a.lage IS NOT NULL AND ST_DWithin(a.lage, b.lage, %(akteur_m)s)
      )
), gruppiert AS (
    -- DBSCAN in metres: ETRS89 / UTM 32N, the official grid of North Rhine-Westphalia.
    SELECT id, titel, punkt,
           ST_ClusterDBSCAN(ST_Transform(punkt, 25832), eps := %(cluster_m)s, minpoints := 2)
               OVER () AS gruppe
    FROM ohne_akteur
)
SELECT count(*), ST_Y(ST_Centroid(ST_Collect(punkt))), ST_X(ST_Centroid(ST_Collect(punkt))),
       (array_agg(id ORDER BY id))[1], array_agg(titel ORDER BY titel)
FROM gruppiert WHERE gruppe IS NOT NULL
GROUP BY gruppe ORDER BY count(*) DESC, 4
"""


def luecken(
    quartier: Quartier,
    *,
    cluster_m: int = LUECKE_CLUSTER_METER,
    akteur_m: int = LUECKE_AKTEUR_METER,
) -> list[dict]:
    """Where open needs cluster (at least two within `cluster_m` of each other) with no active
    actor within `akteur_m`: one marker per cluster at its centre, biggest first; one query."""
    sql = _LUECKEN_SQL.format(bedarf=Bedarf._meta.db_table, akteur=Akteur._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            {
                "quartier": quartier.pk,
                "abgeschlossen": [str(s) for s in Bedarf.ABGESCHLOSSEN],
                "akteur_m": akteur_m,
                "cluster_m": cluster_m,
            },
        )
        zeilen = cursor.fetchall()
    return [
        {
            "titel": ngettext(
                "%(n)d offener Bedarf ohne Akteur in %(m)d m: %(titel)s",
                "%(n)d offene Bedarfe ohne Akteur in %(m)d m: %(titel)s",
                anzahl,
            )
            % {"n": anzahl, "m": akteur_m, "titel": ", ".join(titel)},
            "url": reverse("bedarfe:detail", kwargs={"pk": erster}),
            "lat": round(lat, 6),
            "lng": round(lng, 6),
        }
        for anzahl, lat, lng, erster, titel in zeilen
    ]


def nachladekontext(quartier: Quartier, *, karte_id: str, titel) -> dict:
    """What karten/_karte.html needs for a quartier map whose markers the script fetches
    after the page has loaded (`karten:quartier_daten`): a quartier with a thousand open needs
    placed would otherwise put them all into the page's HTML twice (JSON and text list), on
    every visit of the quartier page. The text alternative is the map page
    (`karten:quartier`), which lists every place."""
    return {
        **_rahmen(karte_id, titel, gruppieren=False),
        "ebenen": quartier_ebenen(),
        "daten_url": reverse("karten:quartier_daten", kwargs={"slug": quartier.slug}),
        "liste_url": reverse("karten:quartier", kwargs={"slug": quartier.slug}),
    }


def kontext(karte: dict, *, karte_id: str, titel, gruppieren: bool = False) -> dict:
    """What karten/_karte.html needs: the layers for the text list, the GeoJSON and the
    tile settings for the script (both as json_script, no inline script)."""
    return {
        **karte,
        **_rahmen(karte_id, titel, gruppieren=gruppieren),
        "json": geojson(karte),
        "daten_id": f"{karte_id}-daten",
    }


def _rahmen(karte_id: str, titel, *, gruppieren: bool) -> dict:
    """What every map of karten/_karte.html has, markers in the page or fetched: its id, its
    accessible name and the tile settings for the script (json_script `config_id`)."""
    return {
        "id": karte_id,
        "titel": titel,
        "config": {**map_config(), "gruppieren": gruppieren},
        "config_id": f"{karte_id}-config",
    }
