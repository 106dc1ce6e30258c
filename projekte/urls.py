from django.urls import path
from django.utils.translation import gettext_lazy as _

from quartiersmanagement.views import ImAufbau

app_name = "projekte"

urlpatterns = [
    path("projekte/", ImAufbau.as_view(bereich=_("Projekte")), name="liste"),
    path("fonds/", ImAufbau.as_view(bereich=_("Stadtteilfonds")), name="fonds"),
]
