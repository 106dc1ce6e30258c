"""Pages of the base app: my quartiers, all readable quartiers, one quartier."""

from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.generic import ListView

from quartiersmanagement import abschnitte
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
    """A quartier's page; another quartier's slug gives 404 because the selector hides it."""
    quartier = selectors.quartier_mit_details(request.user, slug)
    return render(
        request,
        "quartiere/quartier_detail.html",
        {
            "quartier": quartier,
            "abschnitte": abschnitte.abschnitte_fuer("quartier", request, quartier),
            "verlauf": verlauf_fuer(quartier),
        },
    )
