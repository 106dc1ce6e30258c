from django.urls import path

from . import views, views_quartier

app_name = "berichte"

urlpatterns = [
    path("quartiere/<slug:slug>/", views_quartier.quartier_detail, name="quartier"),
    path("berichte/", views.uebersicht, name="uebersicht"),
    path("berichte/programme/", views.programme, name="programme"),
    path("berichte/programme/<int:pk>/", views.programm, name="programm"),
    path(
        "berichte/programme/<int:pk>/sachbericht/",
        views.sachbericht_vorbereiten,
        name="sachbericht",
    ),
    path(
        "berichte/programme/<int:pk>/sachbericht.pdf",
        views.sachbericht_pdf,
        name="sachbericht_pdf",
    ),
    path(
        "berichte/programme/<int:pk>/sachbericht.xlsx",
        views.sachbericht_xlsx,
        name="sachbericht_xlsx",
    ),
    path(
        "berichte/quartiere/<slug:slug>/<int:jahr>/jahresbericht/",
        views.jahresbericht_vorbereiten,
        name="jahresbericht",
    ),
    path(
        "berichte/quartiere/<slug:slug>/<int:jahr>/jahresbericht.pdf",
        views.jahresbericht_pdf,
        name="jahresbericht_pdf",
    ),
    path(
        "berichte/quartiere/<slug:slug>/<int:jahr>/jahresbericht.xlsx",
        views.jahresbericht_xlsx,
        name="jahresbericht_xlsx",
    ),
]
