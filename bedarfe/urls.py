from django.urls import path
from django.utils.translation import gettext_lazy as _

from quartiersmanagement.views import ImAufbau

app_name = "bedarfe"

urlpatterns = [
    path("bedarfe/", ImAufbau.as_view(bereich=_("Bedarfe")), name="liste"),
]
