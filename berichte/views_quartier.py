"""The quartier page /quartiere/<slug>/: one view in berichte, which may read every app."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from quartiere.selectors import quartier_mit_details

from . import quartierseite


@require_safe
def quartier_detail(request, slug):
    """A quartier's overview and details; another quartier's slug gives 404 because the
    selector only finds the quartiers the user may read."""
    quartier = quartier_mit_details(request.user, slug)
    return render(
        request,
        "berichte/quartier_detail.html",
        quartierseite.quartierseite(request.user, quartier),
    )
