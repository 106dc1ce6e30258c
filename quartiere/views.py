"""Pages of the base app: my quartiers, all readable quartiers, one quartier."""

from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from quartiersmanagement import abschnitte, datenstand
from quartiersmanagement.verlauf import verlauf_fuer

from . import selectors


@require_safe
def start(request):
    """The signed-in user's quartiers with their role; Leitung sees every quartier."""
    zustaendigkeiten = list(selectors.meine_zustaendigkeiten(request.user))
    eigene = {z.quartier_id for z in zustaendigkeiten}
    weitere = selectors.quartiere_fuer(request.user).exclude(pk__in=eigene)
    return render(
        request,
        "quartiere/start.html",
        {"zustaendigkeiten": zustaendigkeiten, "weitere_quartiere": weitere},
    )


class QuartierListe(ListView):
    template_name = "quartiere/quartier_list.html"
    context_object_name = "quartiere"

    def get_queryset(self):
        return selectors.quartiere_fuer(self.request.user)


@require_safe
def quartier_detail(request, slug):
    """A quartier's page; another quartier's slug gives 404 because the selector hides it.
    Everything but the personal sections is the same for every reader and is rendered once per
    data version (`datenstand`): the head (programmes, staff, office), the sections and the
    audit trail."""
    quartier = get_object_or_404(selectors.quartiere_fuer(request.user), slug=slug)
    kopf = datenstand.zwischengespeichert(
        ("quartier-kopf", quartier.pk),
        lambda: render_to_string(
            "quartiere/_quartier_kopf.html", {"quartier": selectors.details_laden(quartier)}
        ),
    )
    verlauf = datenstand.zwischengespeichert(
        ("verlauf", "quartier", quartier.pk),
        lambda: render_to_string("includes/verlauf.html", {"verlauf": verlauf_fuer(quartier)}),
    )
    return render(
        request,
        "quartiere/quartier_detail.html",
        {
            "quartier": quartier,
            "kopf": kopf,
            "abschnitte": abschnitte.abschnitte_fuer("quartier", request, quartier),
            "verlauf": verlauf,
        },
    )
