from django.urls import path

from . import views

app_name = "berichte"

urlpatterns = [
    path("berichte/", views.uebersicht, name="uebersicht"),
    path("berichte/programme/<int:pk>/", views.programm, name="programm"),
]
