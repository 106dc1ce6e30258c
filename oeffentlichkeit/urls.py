from django.urls import path

from .views import feed, mitarbeit, mitmachen, seiten, termine

app_name = "oeffentlichkeit"

urlpatterns = [
    path("q/", seiten.uebersicht, name="uebersicht"),
    path("q/<slug:slug>/", seiten.quartier, name="quartier"),
    path("q/<slug:slug>/projekte/<slug:projekt>/", seiten.projekt, name="projekt"),
    path("q/<slug:slug>/akteure/", seiten.akteure, name="akteure"),
    path("q/<slug:slug>/termine/", termine.termine, name="termine"),
    path("q/<slug:slug>/termine.ics", termine.termine_ics, name="termine_ics"),
    path("q/<slug:slug>/aushang.pdf", termine.aushang, name="aushang"),
    path("q/<slug:slug>/neuigkeiten/<int:pk>/", seiten.beitrag, name="beitrag"),
    path("q/<slug:slug>/neuigkeiten/<int:pk>/bild/", seiten.beitrag_bild, name="beitrag_bild"),
    path("q/<slug:slug>/feed/", feed.feed, name="feed"),
    path("q/<slug:slug>/fonds/antrag/", mitmachen.antrag, name="antrag"),
    path("q/<slug:slug>/fonds/antrag/danke/", mitmachen.antrag_danke, name="antrag_danke"),
    path("impressum/", seiten.seite, {"art": "impressum"}, name="impressum"),
    path("datenschutz/", seiten.seite, {"art": "datenschutz"}, name="datenschutz"),
    path("barrierefreiheit/", mitmachen.barrierefreiheit, name="barrierefreiheit"),
    path("leichte-sprache/", seiten.seite, {"art": "leichte-sprache"}, name="leichte-sprache"),
    path("beitraege/", mitarbeit.beitrag_liste, name="beitraege"),
    path("beitraege/neu/", mitarbeit.beitrag_neu, name="beitrag_neu"),
    path(
        "beitraege/<int:pk>/bearbeiten/",
        mitarbeit.beitrag_bearbeiten,
        name="beitrag_bearbeiten",
    ),
    path("beitraege/<int:pk>/loeschen/", mitarbeit.beitrag_loeschen, name="beitrag_loeschen"),
]
