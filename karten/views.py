"""Map pages and map data: the quartier map's GeoJSON, the needs map, the place helpers.

Permissions as everywhere: a quartier comes from `quartier_mit_details` (404 outside the
user's quartiers), the needs from the needs list's own scoped selector and filter.
"""

import logging

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bedarfe.filters import BedarfFilter
from bedarfe.selectors import bedarfe_fuer
from quartiere.selectors import quartier_mit_details
from quartiersmanagement.permissions import permission

from . import geocoder, selectors

logger = logging.getLogger(__name__)

#: A quartier's map pages: 404 outside the user's quartiers.
quartier_lesbar = permission(
    "quartiere.view_quartier", obj=lambda request, slug: quartier_mit_details(request.user, slug)
)


@require_safe
@quartier_lesbar
def quartier_daten(request, quartier):
    """The map data of a quartier, fetched by the quartier page's map after the page loaded."""
    return JsonResponse(selectors.geojson(selectors.quartier_karte(quartier)))


@require_safe
@quartier_lesbar
def quartier_karte(request, quartier):
    """A quartier's map with every place also as a list: the text alternative of the quartier
    page's map, and a bigger map to work with."""
    karte = selectors.kontext(
        selectors.quartier_karte(quartier),
        karte_id="quartier-karte",
        titel=_("Karte: %(quartier)s") % {"quartier": quartier.name},
    )
    return render(request, "karten/quartier_karte.html", {"quartier": quartier, "karte": karte})


def _gefilterte_bedarfe(request):
    filter_ = BedarfFilter(request.GET, queryset=bedarfe_fuer(request.user), request=request)
    return filter_, filter_.qs


@require_safe
@permission("karten.view_bedarfe_karte")
def bedarfe_karte(request):
    """The needs list as a map: exactly the needs the same filter finds (clustered)."""
    filter_, bedarfe = _gefilterte_bedarfe(request)
    eintraege = selectors.bedarfe_karte(bedarfe)
    karte = {"grenze": None, "ebenen": [selectors.Ebene("bedarfe", _("Bedarfe"), eintraege)]}
    return render(
        request,
        "karten/bedarfe_karte.html",
        {
            "filter": filter_,
            "karte": selectors.kontext(
                karte, karte_id="bedarfe-karte", titel=_("Karte der Bedarfe"), gruppieren=True
            ),
            "ohne_lage": bedarfe.filter(lage__isnull=True).count(),
            "liste_query": request.GET.urlencode(),
        },
    )


def _zahl(request, name: str, grenze: float) -> float | None:
    try:
        wert = float(request.GET.get(name, ""))
    except ValueError:
        return None
    return wert if -grenze <= wert <= grenze else None


@require_safe
@permission("karten.ort_setzen")
def quartier_vorschlag(request):
    """Which of the user's quartiers contains the clicked point (for the place widget)."""
    lat, lng = _zahl(request, "lat", 90), _zahl(request, "lng", 180)
    if lat is None or lng is None:
        return JsonResponse({"quartier": None})
    quartier = selectors.quartier_vorschlag(request.user, lat=lat, lng=lng)
    return JsonResponse({"quartier": quartier and {"id": quartier.pk, "name": quartier.name}})


@require_safe
@permission("karten.ort_setzen")
def adresse(request):
    """Address search for the place widget through the configured geocoder."""
    text = request.GET.get("q", "").strip()[:200]
    if len(text) < 3:
        return JsonResponse({"treffer": []})
    try:
        treffer = geocoder.adresse_suchen(text)
    except geocoder.GeocoderFehler:
        logger.warning("Adresssuche fehlgeschlagen", exc_info=True)
        return JsonResponse(
            {"fehler": _("Die Adresssuche ist gerade nicht erreichbar.")}, status=503
        )
    return JsonResponse({"treffer": treffer})
