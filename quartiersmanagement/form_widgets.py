"""Form pieces shared by all apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

# For an admin's formfield_overrides: decimal fields read and show German numbers ("1.200,50")
# like the app's forms (USE_THOUSAND_SEPARATOR with the formats in quartiersmanagement/formats).
LOCALIZED_DECIMALS = {models.DecimalField: {"localize": True}}


class DateWidget(forms.DateInput):
    """The browser's date picker; it sends ISO dates (the German format is its display)."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeWidget(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class MultipleFilesWidget(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFilesField(forms.FileField):
    """Several files in one field; each is validated on its own, empty entries are skipped."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFilesWidget())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        clean_one = super().clean
        if isinstance(data, list | tuple):
            return [clean_one(d, initial) for d in data if d]
        return [clean_one(data, initial)] if data else []


def add_form_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError at the form's fields (unknown fields on top), so a
    view never repeats a rule the service holds."""
    if hasattr(error, "error_dict"):
        for field, messages in error.error_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error)
