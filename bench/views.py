"""The floor page of `make bench`."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from quartiere.models import Quartier


@require_safe
def grundlinie(request):
    """The floor of `make bench`: a full page (session, login, base layout) with one query of
    its own, so every other page's time is read as a multiple of what any page costs."""
    return render(request, "bench/grundlinie.html", {"anzahl_quartiere": Quartier.objects.count()})
