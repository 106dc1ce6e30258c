"""Pages of the base app: my quartiers and all readable quartiers. A quartier's own page is
berichte's (berichte/views_quartier.py), which may read every app."""

from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.generic import ListView

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
