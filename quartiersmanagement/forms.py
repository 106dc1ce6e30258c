"""Project-wide forms."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """The login form with German labels and browser autocomplete hints.

    No autofocus: it would jump past the skip link and the page heading for screen readers.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.pop("autofocus", None)
        self.fields["username"].label = _("Benutzername")
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].label = _("Passwort")
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"


class SiteUrlPasswordResetForm(PasswordResetForm):
    """Builds the link in the reset mail from SITE_URL, never from the request's Host header
    (a forged Host would otherwise send a valid token to an attacker's domain)."""

    def save(self, **kwargs):
        site = urlsplit(settings.SITE_URL)
        kwargs.update(domain_override=site.netloc, use_https=site.scheme == "https")
        return super().save(**kwargs)
