from django.urls import path

from . import views, views_mitarbeit

app_name = "oeffentlichkeit"

urlpatterns = [
    path("q/", views.uebersicht, name="uebersicht"),
    path("q/<slug:slug>/", views.quartier, name="quartier"),
    path("q/<slug:slug>/projekte/<slug:projekt>/", views.projekt, name="projekt"),
    path("q/<slug:slug>/akteure/", views.akteure, name="akteure"),
    path("q/<slug:slug>/termine/", views.termine, name="termine"),
    path("q/<slug:slug>/termine.ics", views.termine_ics, name="termine_ics"),
    path("q/<slug:slug>/aushang.pdf", views.aushang, name="aushang"),
    path("q/<slug:slug>/neuigkeiten/<int:pk>/", views.beitrag, name="beitrag"),
    path("q/<slug:slug>/neuigkeiten/<int:pk>/bild/", views.beitrag_bild, name="beitrag_bild"),
    path("q/<slug:slug>/feed/", views.feed, name="feed"),
    path("q/<slug:slug>/fonds/antrag/", views.antrag, name="antrag"),
    path("q/<slug:slug>/fonds/antrag/danke/", views.antrag_danke, name="antrag_danke"),
    path("impressum/", views.seite, {"art": "impressum"}, name="impressum"),
    path("datenschutz/", views.seite, {"art": "datenschutz"}, name="datenschutz"),
    path("barrierefreiheit/", views.barrierefreiheit, name="barrierefreiheit"),
    path("leichte-sprache/", views.seite, {"art": "leichte-sprache"}, name="leichte-sprache"),
    path("beitraege/", views_mitarbeit.beitrag_liste, name="beitraege"),
    path("beitraege/neu/", views_mitarbeit.beitrag_neu, name="beitrag_neu"),
    path(
        "beitraege/<int:pk>/bearbeiten/",
        views_mitarbeit.beitrag_bearbeiten,
        name="beitrag_bearbeiten",
    ),
    path("beitraege/<int:pk>/loeschen/", views_mitarbeit.beitrag_loeschen, name="beitrag_loeschen"),
]
