"""Project-wide forms."""

from django.contrib.auth.forms import AuthenticationForm
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
