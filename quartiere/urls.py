from django.urls import path

from . import views

app_name = "quartiere"

urlpatterns = [
    path("", views.start, name="start"),
    path("quartiere/", views.QuartierListe.as_view(), name="liste"),
]
