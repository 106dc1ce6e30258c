"""Root URLconf: every app brings its own paths (German nouns), mounted at the root."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from quartiersmanagement import two_factor
from quartiersmanagement.forms import LoginForm
from quartiersmanagement.views import PasswordResetView, healthz, verarbeitungsverzeichnis

admin.site.site_header = _("Quartiersmanagement – Verwaltung")
admin.site.site_title = _("Quartiersmanagement")
admin.site.index_title = _("Stammdaten pflegen")

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path(
        "admin/verarbeitungsverzeichnis/",
        admin.site.admin_view(verarbeitungsverzeichnis),
        name="verarbeitungsverzeichnis",
    ),
    path("admin/", admin.site.urls),
    path(
        "konto/anmelden/",
        auth_views.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("konto/abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/passwort/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "konto/passwort/geaendert/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("konto/passwort-vergessen/", PasswordResetView.as_view(), name="password_reset"),
    path(
        "konto/passwort-vergessen/gesendet/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "konto/passwort-neu/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "konto/passwort-neu/fertig/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("konto/zwei-faktor/", two_factor.setup, name="zwei_faktor"),
    path("konto/zwei-faktor/pruefen/", two_factor.verify, name="zwei_faktor_pruefen"),
    path("", include("quartiere.urls")),
    path("", include("bedarfe.urls")),
    path("", include("akteure.urls")),
    path("", include("projekte.urls")),
    path("", include("berichte.urls")),
    path("", include("oeffentlichkeit.urls")),
    path("", include("arbeitsplatz.urls")),
    path("", include("karten.urls")),
]
