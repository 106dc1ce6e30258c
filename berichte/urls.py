from django.urls import path
from django.utils.translation import gettext_lazy as _

from quartiersmanagement.views import ImAufbau

app_name = "berichte"

urlpatterns = [
    path("berichte/", ImAufbau.as_view(bereich=_("Berichte")), name="uebersicht"),
]
