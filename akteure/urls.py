from django.urls import path
from django.utils.translation import gettext_lazy as _

from quartiersmanagement.views import ImAufbau

app_name = "akteure"

urlpatterns = [
    path("akteure/", ImAufbau.as_view(bereich=_("Akteure")), name="liste"),
]
