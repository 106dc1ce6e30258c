from django.urls import path

from . import views

app_name = "bedarfe"

urlpatterns = [
    path("bedarfe/", views.bedarf_liste, name="liste"),
    path("bedarfe/neu/", views.bedarf_anlegen, name="anlegen"),
    path("bedarfe/aehnliche/", views.aehnliche_bedarfe, name="aehnliche"),
    path("bedarfe/<int:pk>/", views.bedarf_detail, name="detail"),
    path("bedarfe/<int:pk>/bearbeiten/", views.bedarf_bearbeiten, name="bearbeiten"),
    path("bedarfe/<int:pk>/status/", views.bedarf_status, name="status"),
    path("bedarfe/<int:pk>/weiterleiten/", views.bedarf_weiterleiten, name="weiterleiten"),
    path("bedarfe/<int:pk>/zusammenfuehren/", views.bedarf_zusammenfuehren, name="zusammenfuehren"),
    path("bedarfe/<int:pk>/kommentieren/", views.bedarf_kommentieren, name="kommentieren"),
    path("bedarfe/<int:pk>/freigabe/", views.bedarf_freigeben, name="freigeben"),
    path("weiterleitungen/", views.weiterleitung_liste, name="weiterleitungen"),
    path(
        "weiterleitungen/<int:pk>/antwort/",
        views.weiterleitung_antwort_erfassen,
        name="antwort_erfassen",
    ),
    path("erhebungen/", views.erhebung_liste, name="erhebungen"),
    path("erhebungen/neu/", views.erhebung_anlegen, name="erhebung_anlegen"),
    path("erhebungen/<int:pk>/", views.erhebung_detail, name="erhebung_detail"),
    path("erhebungen/<int:pk>/bearbeiten/", views.erhebung_bearbeiten, name="erhebung_bearbeiten"),
    path("erhebungen/dateien/<int:pk>/", views.erhebungsdatei, name="erhebungsdatei"),
    path("antwort/<str:token>/", views.antwort, name="antwort"),
]
