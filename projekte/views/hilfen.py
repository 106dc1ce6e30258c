"""Small helpers the views share: permission checks, running a form's service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError

from quartiersmanagement.formulare import fehler_ins_formular
from quartiersmanagement.versionierung import Bearbeitungskonflikt


def erlauben(user, perm: str, obj=None) -> None:
    """403 unless the user holds the (object) permission; reading was checked by the selector."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def ausfuehren(request, form, service, meldung):
    """On a valid POST run `service(**cleaned_data)`; its result on success (with a message),
    else None with the service's errors on the form's fields."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        ergebnis = service(**form.cleaned_data)
    except ValidationError as e:
        fehler_ins_formular(form, e)
        return None
    except Bearbeitungskonflikt as konflikt:
        form.konflikt_zeigen(konflikt)
        return None
    messages.success(request, meldung)
    return ergebnis
