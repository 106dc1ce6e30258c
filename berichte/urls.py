from django.urls import path

from . import views

app_name = "berichte"

urlpatterns = [
    path("berichte/", views.uebersicht, name="uebersicht"),
    path("berichte/programme/<int:pk>/", views.programm, name="programm"),
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
