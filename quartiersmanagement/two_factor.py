"""Second factor (TOTP, RFC 6238) with one-time backup codes, for admins and Leitung.

With `ZWEI_FAKTOR_PFLICHT` (on by default in production) superusers, staff and Leitung must
set it up before any page – `/admin/` included – opens; whoever has a device must enter a
current code (or a backup code) after the password. Set-up at /konto/zwei-faktor/: scan the QR
code, confirm with a code, note the ten backup codes shown once.

Built on django-otp's TOTP and static-token plugins rather than django-two-factor-auth: that
package brings its own login wizard (replacing our login with the lockout, the absolute
session lifetime and the German templates) and phone methods we do not use; the few views
here are all the flow needs.
"""

import base64
import secrets

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .permissions import permission

OPEN_PATHS = ("/konto/zwei-faktor/pruefen/", "/konto/abmelden/", "/healthz/", "/static/")
SETUP_PATH = "/konto/zwei-faktor/"
SESSION_KEY = "zwei_faktor_noetig"
VERIFY, SET_UP = "pruefen", "einrichten"
NEW_CODES = "zwei_faktor_notfallcodes"
BACKUP_CODES = 10


def remember_on_login(sender, request, user, **kwargs):
    """Look up once per login what the user owes, so pages cost no extra query."""
    if request is None or not hasattr(request, "session"):
        return
    if user_has_device(user):
        request.session[SESSION_KEY] = VERIFY
    elif settings.ZWEI_FAKTOR_PFLICHT and user.has_perm("quartiersmanagement.zwei_faktor_nutzen"):
        request.session[SESSION_KEY] = SET_UP
    else:
        request.session[SESSION_KEY] = None


class TwoFactorMiddleware:
    """Send signed-in users to the code check (device) or the set-up (obliged, no device)
    until they pass it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(OPEN_PATHS):
            return self.get_response(request)
        user = request.user
        state = user.is_authenticated and request.session.get(SESSION_KEY)
        if state and not user.is_verified():
            if state == SET_UP:
                if request.path != SETUP_PATH:
                    return redirect("zwei_faktor")
            else:  # VERIFY (or True from sessions begun before set-up became a duty)
                return redirect(f"{reverse('zwei_faktor_pruefen')}?next={request.get_full_path()}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code aus der Authenticator-App"),
        max_length=20,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
        help_text=_("Sechs Ziffern, die alle 30 Sekunden wechseln – oder ein Notfallcode."),
    )

    def __init__(self, *args, geraete, **kwargs):
        super().__init__(*args, **kwargs)
        self.geraete = geraete
        self.geraet = None

    def clean_code(self):
        code = self.cleaned_data["code"].strip().replace(" ", "").lower()
        self.geraet = next((g for g in self.geraete if g.verify_token(code)), None)
        if self.geraet is None:
            raise forms.ValidationError(_("Der Code stimmt nicht oder ist abgelaufen."))
        return code


@transaction.atomic
def backup_codes_create(user) -> list[str]:
    """Ten new one-time backup codes (the old ones stop working); only shown once."""
    geraet, _neu = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": "Notfallcodes", "confirmed": True}
    )
    geraet.token_set.all().delete()
    codes = [secrets.token_hex(5) for _ in range(BACKUP_CODES)]
    geraet.token_set.bulk_create([geraet.token_set.model(device=geraet, token=c) for c in codes])
    return codes


@permission("quartiersmanagement.zwei_faktor_nutzen")
def setup(request):
    """Create an unconfirmed device, show its QR code, confirm it with a first code; once
    active, show new backup codes once (and make new ones on request)."""
    if user_has_device(request.user):
        if request.method == "POST":
            request.session[NEW_CODES] = backup_codes_create(request.user)
            return redirect("zwei_faktor")
        codes = request.session.pop(NEW_CODES, None)
        return render(request, "zwei_faktor/aktiv.html", {"codes": codes})
    geraet, _neu = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator-App"}
    )
    form = CodeForm(request.POST or None, geraete=[geraet])
    if request.method == "POST" and form.is_valid():
        geraet.confirmed = True
        geraet.save(update_fields=["confirmed"])
        otp_login(request, geraet)
        request.session[SESSION_KEY] = VERIFY
        request.session[NEW_CODES] = backup_codes_create(request.user)
        messages.success(request, _("Die Zwei-Faktor-Anmeldung ist eingerichtet."))
        return redirect("zwei_faktor")
    qr = segno.make(geraet.config_url, error="m").svg_inline(scale=4, title=str(_("QR-Code")))
    schluessel = base64.b32encode(geraet.bin_key).decode()
    return render(
        request, "zwei_faktor/einrichten.html", {"form": form, "qr": qr, "schluessel": schluessel}
    )


def verify(request):
    """The code check after the password; blocks every other page until it passes."""
    if not request.user.is_authenticated:
        return redirect("login")
    geraete = list(devices_for_user(request.user, confirmed=True))
    if not geraete or request.user.is_verified():
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = CodeForm(request.POST or None, geraete=geraete)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.geraet)
        ziel = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(ziel, {request.get_host()}):
            ziel = resolve_url(settings.LOGIN_REDIRECT_URL)
        return redirect(ziel)
    return render(request, "zwei_faktor/pruefen.html", {"form": form})
