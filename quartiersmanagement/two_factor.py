"""Optional second factor (TOTP, RFC 6238) for admins and Leitung.

Whoever has a confirmed authenticator device must enter a current code after the password
before any page (admin included) opens. Admins and Leitung can set it up themselves at
/konto/zwei-faktor/: scan the QR code with an authenticator app, confirm with a code.
"""

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from .permissions import permission

OPEN_PATHS = ("/konto/zwei-faktor/pruefen/", "/konto/abmelden/", "/healthz/", "/static/")
SESSION_KEY = "zwei_faktor_noetig"


def remember_on_login(sender, request, user, **kwargs):
    """Look up once per login whether a code is needed, so pages cost no extra query."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = user_has_device(user)


class TwoFactorMiddleware:
    """Send signed-in users with a confirmed device to the code check until they pass it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and request.session.get(SESSION_KEY)
            and not user.is_verified()
            and not request.path.startswith(OPEN_PATHS)
        ):
            return redirect(f"{reverse('zwei_faktor_pruefen')}?next={request.get_full_path()}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code aus der Authenticator-App"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Sechs Ziffern, die alle 30 Sekunden wechseln."),
    )

    def __init__(self, *args, geraet, **kwargs):
        super().__init__(*args, **kwargs)
        self.geraet = geraet

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if not self.geraet.verify_token(code):
            raise forms.ValidationError(_("Der Code stimmt nicht oder ist abgelaufen."))
        return code


@permission("quartiersmanagement.zwei_faktor_nutzen")
def setup(request):
    """Create an unconfirmed device, show its QR code, confirm it with a first code."""
    if user_has_device(request.user):
        return render(request, "zwei_faktor/aktiv.html")
    geraet, _neu = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "Authenticator-App"}
    )
    form = CodeForm(request.POST or None, geraet=geraet)
    if request.method == "POST" and form.is_valid():
        geraet.confirmed = True
        geraet.save(update_fields=["confirmed"])
        otp_login(request, geraet)
        messages.success(request, _("Die Zwei-Faktor-Anmeldung ist eingerichtet."))
        return redirect(settings.LOGIN_REDIRECT_URL)
    qr = segno.make(geraet.config_url, error="m").svg_inline(scale=4, title=str(_("QR-Code")))
    schluessel = base64.b32encode(geraet.bin_key).decode()
    return render(
        request, "zwei_faktor/einrichten.html", {"form": form, "qr": qr, "schluessel": schluessel}
    )


def verify(request):
    """The code check after the password; blocks every other page until it passes."""
    if not request.user.is_authenticated:
        return redirect("login")
    geraet = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if geraet is None or request.user.is_verified():
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = CodeForm(request.POST or None, geraet=geraet)
    if request.method == "POST" and form.is_valid():
        otp_login(request, geraet)
        ziel = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(ziel, {request.get_host()}):
            ziel = resolve_url(settings.LOGIN_REDIRECT_URL)
        return redirect(ziel)
    return render(request, "zwei_faktor/pruefen.html", {"form": form})
