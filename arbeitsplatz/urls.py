from django.urls import path

from . import views

app_name = "arbeitsplatz"

urlpatterns = [
    path("heute/", views.heute, name="heute"),
    path("heute/anzahl/", views.heute_anzahl, name="heute_anzahl"),
    path("heute/gelesen/", views.gelesen, name="gelesen"),
    path("heute/benachrichtigung/", views.benachrichtigung, name="benachrichtigung"),
    path("suche/", views.suchen, name="suche"),
    path("entwicklung/postausgang/", views.postausgang, name="postausgang"),
]
