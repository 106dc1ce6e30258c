from django.urls import path

from . import views
from .fonds import abstimmung, schreiben
from .fonds import views as fonds

app_name = "projekte"

urlpatterns = [
    path("projekte/", views.projekt_liste, name="liste"),
    path("projekte/neu/", views.projekt_neu, name="neu"),
    path("projekte/<slug:slug>/", views.projekt_detail, name="detail"),
    path("projekte/<slug:slug>/bearbeiten/", views.projekt_bearbeiten, name="bearbeiten"),
    path("projekte/<slug:slug>/status/", views.projekt_status, name="status"),
    path("projekte/<slug:slug>/partner/", views.partner, name="partner"),
    path(
        "projekte/<slug:slug>/partner/<int:pk>/entfernen/",
        views.partner_entfernen,
        name="partner_entfernen",
    ),
    path("projekte/<slug:slug>/budget/", views.budgetposten, name="budgetposten"),
    path(
        "projekte/<slug:slug>/budget/<int:pk>/", views.budgetposten, name="budgetposten_bearbeiten"
    ),
    path(
        "projekte/<slug:slug>/budget/<int:pk>/loeschen/",
        views.budgetposten_loeschen,
        name="budgetposten_loeschen",
    ),
    path("projekte/<slug:slug>/ergebnis/", views.projekt_ergebnis, name="ergebnis"),
    path("termine/", views.termin_liste, name="termine"),
    path("termine/neu/", views.termin_neu, name="termin_neu"),
    path("termine/<int:pk>/bearbeiten/", views.termin_bearbeiten, name="termin_bearbeiten"),
    path("termine.ics", views.termine_ics, name="termine_ics"),
    path("fonds/", fonds.fonds_liste, name="fonds"),
    path("fonds/<int:pk>/", fonds.fonds_detail, name="fonds_detail"),
    path("fonds/<int:pk>/jahresbuch.xlsx", fonds.fonds_jahresbuch, name="fonds_jahresbuch"),
    path("fonds/nachweise/", fonds.nachweise_ueberfaellig, name="nachweise_ueberfaellig"),
    path("fonds/antraege/neu/", fonds.antrag_neu, name="antrag_neu"),
    path("fonds/antraege/<int:pk>/", fonds.antrag_detail, name="antrag_detail"),
    path("fonds/antraege/<int:pk>/pruefen/", fonds.antrag_pruefen, name="antrag_pruefen"),
    path("fonds/antraege/<int:pk>/bewilligen/", fonds.antrag_bewilligen, name="antrag_bewilligen"),
    path("fonds/antraege/<int:pk>/ablehnen/", fonds.antrag_ablehnen, name="antrag_ablehnen"),
    path("fonds/antraege/<int:pk>/gremium/", abstimmung.antrag_gremium, name="antrag_gremium"),
    path("fonds/antraege/<int:pk>/auszahlung/", fonds.auszahlung_buchen, name="auszahlung_buchen"),
    path(
        "fonds/antraege/<int:pk>/nachweis/", fonds.nachweis_einreichen, name="nachweis_einreichen"
    ),
    path(
        "fonds/antraege/<int:pk>/nachweis/pruefen/",
        fonds.nachweis_pruefen,
        name="nachweis_pruefen",
    ),
    path(
        "fonds/antraege/<int:pk>/bewilligung-aendern/",
        fonds.bewilligung_aendern,
        name="bewilligung_aendern",
    ),
    path(
        "fonds/antraege/<int:pk>/rueckzahlung/",
        fonds.rueckzahlung_buchen,
        name="rueckzahlung_buchen",
    ),
    path("fonds/antraege/<int:pk>/storno/", fonds.buchung_stornieren, name="buchung_stornieren"),
    path(
        "fonds/antraege/<int:pk>/abrechnung.pdf",
        schreiben.abrechnungsschreiben,
        name="abrechnungsschreiben",
    ),
    path(
        "fonds/antraege/<int:pk>/schreiben.pdf",
        schreiben.entscheidungsschreiben,
        name="entscheidungsschreiben",
    ),
    path("fonds/belege/<int:pk>/", schreiben.beleg_herunterladen, name="beleg"),
]
