"""Small helpers the views share: running a form's service."""

from django.contrib import messages
from django.core.exceptions import ValidationError

from quartiersmanagement.form_widgets import add_form_errors
from quartiersmanagement.versioning import EditConflict


def ausfuehren(request, form, service, meldung):
    """On a valid POST run `service(**cleaned_data)`; its result on success (with a message),
    else None with the service's errors on the form's fields."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        ergebnis = service(**form.cleaned_data)
    except ValidationError as e:
        add_form_errors(form, e)
        return None
    except EditConflict as konflikt:
        form.konflikt_zeigen(konflikt)
        return None
    messages.success(request, meldung)
    return ergebnis
