from django.urls import path

from . import views

app_name = "akteure"

urlpatterns = [
    path("akteure/", views.akteur_liste, name="liste"),
    path("akteure/neu/", views.akteur_neu, name="neu"),
    path("akteure/import/", views.import_hochladen, name="import"),
    path("akteure/import/bestaetigen/", views.import_bestaetigen, name="import_bestaetigen"),
    path(
        "akteure/import/vorlage.<str:format>",
        views.import_vorlage,
        name="import_vorlage",
    ),
    path("akteure/netzwerk/", views.netzwerk, name="netzwerk"),
    path("akteure/netzwerk/daten.json", views.netzwerk_json, name="netzwerk_json"),
    path("akteure/<int:pk>/", views.akteur_detail, name="detail"),
    path("akteure/<int:pk>/bearbeiten/", views.akteur_bearbeiten, name="bearbeiten"),
    path("akteure/<int:pk>/beziehungen/neu/", views.beziehung_neu, name="beziehung_neu"),
    path("beziehungen/<int:pk>/beenden/", views.beziehung_beenden, name="beziehung_beenden"),
    path("personen/", views.person_liste, name="personen"),
    path("personen/neu/", views.person_neu, name="person_neu"),
    path("personen/<int:pk>/", views.person_detail, name="person"),
    path("personen/<int:pk>/bearbeiten/", views.person_bearbeiten, name="person_bearbeiten"),
    path(
        "personen/<int:pk>/auskunft.<str:format>",
        views.person_auskunft,
        name="person_auskunft",
    ),
    path(
        "personen/<int:pk>/einwilligungen/neu/",
        views.einwilligung_neu,
        name="einwilligung_neu",
    ),
    path(
        "einwilligungen/<int:pk>/widerrufen/",
        views.einwilligung_widerrufen,
        name="einwilligung_widerrufen",
    ),
    path("funktionen/<int:pk>/wechseln/", views.funktion_wechseln, name="funktion_wechseln"),
    path("gremien/", views.gremium_liste, name="gremien"),
    path("gremien/neu/", views.gremium_neu, name="gremium_neu"),
    path("gremien/<int:pk>/", views.gremium_detail, name="gremium"),
    path("gremien/<int:pk>/bearbeiten/", views.gremium_bearbeiten, name="gremium_bearbeiten"),
    path("gremien/<int:pk>/mitglieder/neu/", views.mitglied_neu, name="mitglied_neu"),
    path("gremien/<int:pk>/sitzungen/neu/", views.sitzung_neu, name="sitzung_neu"),
    path("gremien/<int:pk>/sitzungen.ics", views.gremium_ics, name="gremium_ics"),
    path(
        "mitgliedschaften/<int:pk>/beenden/",
        views.mitgliedschaft_beenden,
        name="mitgliedschaft_beenden",
    ),
    path("sitzungen.ics", views.quartier_ics, name="sitzungen_ics"),
    path("sitzungen/kalender/", views.kalender, name="kalender"),
    path("sitzungen/<int:pk>/", views.sitzung_detail, name="sitzung"),
    path("sitzungen/<int:pk>/bearbeiten/", views.sitzung_bearbeiten, name="sitzung_bearbeiten"),
    path("sitzungen/<int:pk>/einladen/", views.sitzung_einladen, name="sitzung_einladen"),
    path("sitzungen/<int:pk>/protokoll.pdf", views.protokoll_pdf, name="protokoll_pdf"),
    path(
        "sitzungen/<int:pk>/protokoll/freigeben/",
        views.protokoll_freigeben,
        name="protokoll_freigeben",
    ),
    path("sitzungen/<int:pk>/berichtigungen/neu/", views.berichtigung_neu, name="berichtigung_neu"),
    path("sitzungen/<int:pk>/tagesordnung/neu/", views.top_neu, name="top_neu"),
    path("tagesordnungspunkte/<int:pk>/bearbeiten/", views.top_bearbeiten, name="top_bearbeiten"),
    path("tagesordnungspunkte/<int:pk>/loeschen/", views.top_loeschen, name="top_loeschen"),
    path("sitzungen/<int:pk>/teilnahmen/neu/", views.teilnahme_neu, name="teilnahme_neu"),
    path("teilnahmen/<int:pk>/loeschen/", views.teilnahme_loeschen, name="teilnahme_loeschen"),
    path("sitzungen/<int:pk>/anwesenheit/", views.anwesenheit, name="anwesenheit"),
    path("sitzungen/<int:pk>/beschluesse/neu/", views.beschluss_neu, name="beschluss_neu"),
    path(
        "beschluesse/<int:pk>/bearbeiten/", views.beschluss_bearbeiten, name="beschluss_bearbeiten"
    ),
    path("beschluesse/<int:pk>/loeschen/", views.beschluss_loeschen, name="beschluss_loeschen"),
    path("sitzungen/<int:pk>/aufgaben/neu/", views.aufgabe_neu, name="aufgabe_neu"),
    path("aufgaben/", views.aufgabe_liste, name="aufgaben"),
    path("aufgaben/<int:pk>/bearbeiten/", views.aufgabe_bearbeiten, name="aufgabe_bearbeiten"),
    path("aufgaben/<int:pk>/loeschen/", views.aufgabe_loeschen, name="aufgabe_loeschen"),
    path("aufgaben/<int:pk>/erledigt/", views.aufgabe_erledigt, name="aufgabe_erledigt"),
]
