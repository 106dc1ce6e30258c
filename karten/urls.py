from django.urls import path

from . import views

app_name = "karten"

urlpatterns = [
    path(
        "karten/quartiere/<slug:slug>/daten.geojson",
        views.quartier_daten,
        name="quartier_daten",
    ),
    path("karten/quartiere/<slug:slug>/", views.quartier_karte, name="quartier"),
    path("karten/bedarfe/", views.bedarfe_karte, name="bedarfe"),
    path("karten/quartier-vorschlag/", views.quartier_vorschlag, name="quartier_vorschlag"),
    path("karten/adresse/", views.adresse, name="adresse"),
]
