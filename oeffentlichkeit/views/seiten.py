"""Public pages of the quartiers: no login, read-only, only what is flagged public."""

from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from karten import selectors as karten
from quartiersmanagement import shared_cache

from .. import selectors
from ..models import Seite
from .shared import event_ld, public_page, time_window

ANZAHL_TERMINE = 5


ANZAHL_BEITRAEGE = 5


@login_not_required
@require_safe
@public_page
def uebersicht(request):
    return render(
        request,
        "oeffentlichkeit/uebersicht.html",
        {"quartiere": selectors.oeffentliche_quartiere()},
    )


@login_not_required
@require_safe
@public_page
def quartier(request, slug):
    """A quartier's public page. What it shows is the same for every visitor: it comes from
    the shared cache, built from the quartier's id only; the page itself (with the request's
    address in its links) is rendered each time."""
    q = selectors.oeffentliches_quartier(slug)
    daten = shared_cache.cached(
        "oeffentliche_quartierseite",
        partial(quartier_daten, q.pk),
        params=(q.pk, time_window()),
        quartier_ids=[q.pk],
        models=QUARTIER_DATEN_MODELS,
    )
    return render(
        request,
        "oeffentlichkeit/quartier.html",
        {**daten, "quartier": q, "termine_ld": event_ld(request, q, daten["termine"])},
    )


#: The models whose records the public page reads: writes of other models keep it cached
#: (tests/quartiersmanagement/test_shared_cache_models.py compares them with its tables).
QUARTIER_DATEN_MODELS = (
    "akteure.akteur",
    "akteure.akteur_quartiere",
    "akteure.gremium",
    "akteure.sitzung",
    "bedarfe.bedarf",
    "oeffentlichkeit.beitrag",
    "projekte.projekt",
    "projekte.projekt_quartiere",
    "projekte.termin",
)


def quartier_daten(quartier_id: int) -> dict:
    """What the public quartier page lists; it gets the quartier's id only, never the request."""
    return {
        "termine": selectors.kommende_termine(quartier_id, anzahl=ANZAHL_TERMINE),
        "projekte": list(selectors.aktuelle_projekte(quartier_id)),
        "beitraege": list(selectors.beitraege(quartier_id)[:ANZAHL_BEITRAEGE]),
        "bedarfe": selectors.beantwortete_bedarfe(quartier_id),
        "karte": karten.kontext(
            karten.oeffentliche_karte(quartier_id), karte_id="karte", titel=_("Karte")
        ),
    }


@login_not_required
@require_safe
@public_page
def projekt(request, slug, projekt):
    q = selectors.oeffentliches_quartier(slug)
    p = selectors.oeffentliches_projekt(q, projekt)
    termine = selectors.kommende_termine(q, projekt=p)
    return render(
        request,
        "oeffentlichkeit/projekt.html",
        {
            "quartier": q,
            "projekt": p,
            "termine": termine,
            "termine_ld": event_ld(request, q, termine),
        },
    )


@login_not_required
@require_safe
@public_page
def akteure(request, slug):
    q = selectors.oeffentliches_quartier(slug)
    return render(
        request,
        "oeffentlichkeit/akteure.html",
        {"quartier": q, "akteure": list(selectors.akteure(q))},
    )


@login_not_required
@require_safe
@public_page
def beitrag(request, slug, pk):
    q = selectors.oeffentliches_quartier(slug)
    return render(
        request,
        "oeffentlichkeit/beitrag.html",
        {"quartier": q, "beitrag": selectors.oeffentlicher_beitrag(q, pk)},
    )


@login_not_required
@require_safe
def beitrag_bild(request, slug, pk):
    """The (re-encoded JPEG) image of a published news item."""
    q = selectors.oeffentliches_quartier(slug)
    b = selectors.oeffentlicher_beitrag(q, pk)
    if not b.bild:
        raise Http404
    response = FileResponse(b.bild.open("rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response


@login_not_required
@require_safe
@public_page
def seite(request, art):
    if art not in Seite.Art.values:
        raise Http404
    return render(
        request,
        "oeffentlichkeit/seite.html",
        {"art": art, "titel": Seite.Art(art).label, "seite": selectors.seite(art)},
    )
