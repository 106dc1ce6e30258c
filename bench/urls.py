"""URLconf of development and `make bench` (settings.BENCH): the production URLconf plus the
floor page. Production uses quartiersmanagement.urls, which has no measuring endpoint."""

from django.urls import include, path

from .views import grundlinie

urlpatterns = [
    path("messung/grundlinie/", grundlinie, name="grundlinie"),
    path("", include("quartiersmanagement.urls")),
]
