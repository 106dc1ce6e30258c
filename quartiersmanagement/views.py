"""Project-wide views."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import dsgvo
from .forms import SiteUrlPasswordResetForm


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """For the load balancer and monitoring: 200 if the database answers, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "fehler", "datenbank": "nicht erreichbar"}, status=503)
    return JsonResponse({"status": "ok", "datenbank": "ok"})


def verarbeitungsverzeichnis(request):
    """Art. 30 register for admins, generated from what the apps registered."""
    return render(
        request,
        "admin/verarbeitungsverzeichnis.html",
        {**admin.site.each_context(request), "verzeichnis": dsgvo.verzeichnis()},
    )


class PasswordResetView(auth_views.PasswordResetView):
    """ "Passwort vergessen": Django's view answers the same page whether an account with the
    address exists or not (no enumeration)."""

    form_class = SiteUrlPasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
