"""The fund's documents: the decision letter, the settlement letter (PDF) and receipts; each
read through the selectors, so another quartier's application gives 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from quartiersmanagement.pdf import pdf_response
from quartiersmanagement.uploads import serve_file

from . import selectors
from .abrechnung import Beleg
from .brief import antrag_brief_kontext
from .journal import Buchung
from .models import Fondsantrag

S = Fondsantrag.Status


@require_safe
def entscheidungsschreiben(request, pk):
    """The Bewilligungs- or Ablehnungsschreiben as PDF, once decided."""
    antrag = selectors.antrag_detail(request.user, pk)
    if antrag.entschieden_am is None:
        raise Http404
    bewilligt = antrag.status != S.ABGELEHNT
    # The amount of the decision, not the final grant a later settlement may have set.
    betrag = sum(b.betrag for b in antrag.buchungen_liste if b.art == Buchung.Art.BEWILLIGUNG)
    quartier = antrag.fonds.quartier
    betreff = (
        _("Bewilligung aus dem Stadtteilfonds %(quartier)s %(jahr)s")
        if bewilligt
        else _("Ihr Antrag an den Stadtteilfonds %(quartier)s %(jahr)s")
    ) % {"quartier": quartier.name, "jahr": antrag.fonds.jahr}
    return pdf_response(
        "projekte/pdf/entscheidungsschreiben.html",
        {
            "antrag": antrag,
            "bewilligt": bewilligt,
            "betrag": betrag,
            "quartier": quartier,
            **antrag_brief_kontext(antrag, betreff=betreff),
        },
        filename=f"{'bewilligung' if bewilligt else 'ablehnung'}-{antrag.pk}",
    )


@require_safe
def abrechnungsschreiben(request, pk):
    """The settlement letter (Schlussabrechnung) as PDF, once the proof of use is checked."""
    antrag = selectors.antrag_detail(request.user, pk)
    nachweis = getattr(antrag, "verwendungsnachweis", None)
    if nachweis is None or nachweis.foerderung_endgueltig is None:
        raise Http404
    return pdf_response(
        "projekte/pdf/abrechnungsschreiben.html",
        {
            "antrag": antrag,
            "nachweis": nachweis,
            "buchungen": antrag.buchungen_liste,
            "quartier": antrag.fonds.quartier,
            # Dated the day the proof of use was checked, not the day of the grant.
            **antrag_brief_kontext(
                antrag,
                betreff=_("Schlussabrechnung Ihres Antrags an den Stadtteilfonds %(quartier)s")
                % {"quartier": antrag.fonds.quartier.name},
                datum=nachweis.geprueft_am,
            ),
        },
        filename=f"schlussabrechnung-{antrag.pk}",
    )


@require_safe
def beleg_herunterladen(request, pk):
    beleg = get_object_or_404(
        Beleg.objects.filter(nachweis__antrag__in=selectors.antraege_fuer(request.user)), pk=pk
    )
    return serve_file(beleg.datei, filename=beleg.dateiname)
