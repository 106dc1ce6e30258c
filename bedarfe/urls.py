from django.urls import path

from . import views
from .weiterleitungen import views as weiterleitungen

app_name = "bedarfe"

urlpatterns = [
    path("bedarfe/", views.bedarf_liste, name="liste"),
    path("bedarfe/neu/", views.bedarf_anlegen, name="anlegen"),
    path("bedarfe/aehnliche/", views.aehnliche_bedarfe, name="aehnliche"),
    path("bedarfe/<int:pk>/", views.bedarf_detail, name="detail"),
    path("bedarfe/<int:pk>/bearbeiten/", views.bedarf_bearbeiten, name="bearbeiten"),
    path("bedarfe/<int:pk>/status/", views.bedarf_status, name="status"),
    path(
        "bedarfe/<int:pk>/weiterleiten/", weiterleitungen.bedarf_weiterleiten, name="weiterleiten"
    ),
    path("bedarfe/<int:pk>/zusammenfuehren/", views.bedarf_zusammenfuehren, name="zusammenfuehren"),
    path(
        "bedarfe/<int:pk>/zusammenfuehren/suche/",
        views.zusammenfuehren_suche,
        name="zusammenfuehren_suche",
    ),
    path("bedarfe/<int:pk>/nennung/", views.bedarf_nennung, name="nennung"),
    path("bedarfe/<int:pk>/kommentieren/", views.bedarf_kommentieren, name="kommentieren"),
    path("bedarfe/<int:pk>/freigabe/", views.bedarf_freigeben, name="freigeben"),
    path("weiterleitungen/", weiterleitungen.weiterleitung_liste, name="weiterleitungen"),
    path(
        "weiterleitungen/<int:pk>/antwort/",
        weiterleitungen.weiterleitung_antwort_erfassen,
        name="antwort_erfassen",
    ),
    path(
        "weiterleitungen/<int:pk>/zurueckziehen/",
        weiterleitungen.weiterleitung_zurueckziehen,
        name="zurueckziehen",
    ),
    path("weiterleitungen/<int:pk>/frist/", weiterleitungen.weiterleitung_frist, name="frist"),
    path(
        "weiterleitungen/<int:pk>/erinnern/",
        weiterleitungen.weiterleitung_erinnern,
        name="erinnern",
    ),
    path(
        "weiterleitungen/<int:pk>/umleiten/",
        weiterleitungen.weiterleitung_umleiten,
        name="umleiten",
    ),
    path("erhebungen/", views.erhebung_liste, name="erhebungen"),
    path("erhebungen/neu/", views.erhebung_anlegen, name="erhebung_anlegen"),
    path("erhebungen/<int:pk>/", views.erhebung_detail, name="erhebung_detail"),
    path("erhebungen/<int:pk>/bearbeiten/", views.erhebung_bearbeiten, name="erhebung_bearbeiten"),
    path("erhebungen/dateien/<int:pk>/", views.erhebungsdatei, name="erhebungsdatei"),
    path("antwort/<str:token>/", weiterleitungen.antwort, name="antwort"),
]
