"""The network map of a quartier's actors and its data (JSON, from the shared cache)."""

import json
from functools import partial

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from quartiere.models import Handlungsfeld
from quartiere.selectors import quartiere_fuer
from quartiersmanagement import shared_cache
from quartiersmanagement.links import url_muster

from .. import netzwerk as netzwerk_daten

__all__ = ["netzwerk", "netzwerk_json"]


def _netzwerk_auswahl(request):
    """The user's quartiers, the chosen one (404 for a quartier the user may not read) and
    the chosen Handlungsfeld id."""
    quartiere = list(quartiere_fuer(request.user))
    slug = request.GET.get("quartier")
    if slug:
        quartier = next((q for q in quartiere if q.slug == slug), None)
        if quartier is None:
            raise Http404
    else:
        quartier = quartiere[0] if quartiere else None
    handlungsfeld = None
    if request.GET.get("handlungsfeld", "").isdigit():
        handlungsfeld = int(request.GET["handlungsfeld"])
    return quartiere, quartier, handlungsfeld


def _netzwerk_fuer_anfrage(request):
    quartiere, quartier, handlungsfeld = _netzwerk_auswahl(request)
    netz = (
        netzwerk_daten.netzwerk_daten(quartier, handlungsfeld=handlungsfeld)
        if quartier is not None
        else None
    )
    return quartiere, quartier, handlungsfeld, netz


def _als_json(netz) -> dict:
    """Nodes with their page URL (one URL pattern: a reverse() per node took a third of the
    time of building the document)."""
    seite = url_muster("akteure:detail")
    return {
        "knoten": [{**k, "url": seite.format(pk=k["id"])} for k in netz.knoten],
        "kanten": netz.kanten,
        "kennzahlen": netz.kennzahlen,
    }


@require_safe
def netzwerk(request):
    quartiere, quartier, handlungsfeld, netz = _netzwerk_fuer_anfrage(request)
    zeilen = []
    if netz:
        namen = {k["id"]: k["name"] for k in netz.knoten}
        zeilen = [
            (k, sorted((namen[n] for n in netz.graph.neighbors(k["id"])), key=str.casefold))
            for k in netz.knoten
        ]
    return render(
        request,
        "akteure/netzwerk.html",
        {
            "quartiere": quartiere,
            "quartier": quartier,
            "handlungsfelder": Handlungsfeld.objects.filter(aktiv=True),
            "handlungsfeld": handlungsfeld,
            "netz": netz,
            "zeilen": zeilen,
            "daten": _als_json(netz) if netz else None,
        },
    )


@require_safe
def netzwerk_json(request):
    """The network of one quartier as JSON for the map. After the permission check (the
    quartier must be one of the user's) the document is the same for everybody, and building
    it (the graph, betweenness centrality, several hundred nodes) is the heavy part: it comes
    from the shared cache, built from the quartier's and the Handlungsfeld's ids only."""
    _q, quartier, handlungsfeld = _netzwerk_auswahl(request)
    if quartier is None:
        return JsonResponse({"knoten": [], "kanten": []})
    inhalt = shared_cache.cached(
        "netzwerk_json",
        partial(netzwerk_json_text, quartier.pk, handlungsfeld),
        params=(quartier.pk, handlungsfeld),
        quartier_ids=[quartier.pk],
        models=NETZWERK_MODELS,
    )
    return HttpResponse(inhalt, content_type="application/json")


#: The models whose records the network document reads: a comment on a need keeps it cached
#: (tests/quartiersmanagement/test_shared_cache_models.py compares them with its tables).
NETZWERK_MODELS = (
    "akteure.akteur",
    "akteure.akteur_handlungsfelder",
    "akteure.akteur_quartiere",
    "akteure.gremium",
    "akteure.mitgliedschaft",
)


def netzwerk_json_text(quartier_id: int, handlungsfeld: int | None) -> str:
    """The network document of `netzwerk_json`; it gets ids only, never the request."""
    netz = netzwerk_daten.netzwerk_daten(quartier_id, handlungsfeld=handlungsfeld)
    return json.dumps(_als_json(netz), cls=DjangoJSONEncoder)
