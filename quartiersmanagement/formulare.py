"""Form pieces shared by all apps."""

from django import forms
from django.core.exceptions import ValidationError


class DatumEingabe(forms.DateInput):
    """The browser's date picker; it sends ISO dates (the German format is its display)."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DatumZeitEingabe(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class MehrereDateien(forms.ClearableFileInput):
    allow_multiple_selected = True


class MehrereDateienFeld(forms.FileField):
    """Several files in one field; each is validated on its own, empty entries are skipped."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MehrereDateien())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        einzeln = super().clean
        if isinstance(data, list | tuple):
            return [einzeln(d, initial) for d in data if d]
        return [einzeln(data, initial)] if data else []


def fehler_ins_formular(form, fehler: ValidationError) -> None:
    """Show a service's ValidationError at the form's fields (unknown fields on top), so a
    view never repeats a rule the service holds."""
    if hasattr(fehler, "error_dict"):
        for feld, meldungen in fehler.error_dict.items():
            form.add_error(feld if feld in form.fields else None, meldungen)
    else:
        form.add_error(None, fehler)
