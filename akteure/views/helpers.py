"""Small helpers shared by the views of this app."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from quartiersmanagement.form_widgets import add_form_errors
from quartiersmanagement.versioning import EditConflict


def formularseite(
    request,
    form,
    *,
    titel,
    zurueck,
    speichern,
    hinweis="",
    vorlage="akteure/formular.html",
    kontext=None,
):
    """GET shows the form; a valid POST calls `speichern(form)` and redirects to what it
    returns (a model with a page, or a URL; else `zurueck`); service errors come back at the
    fields and nothing is saved. `vorlage` and `kontext` for forms laid out as a table."""
    if request.method == "POST" and form.is_valid():
        try:
            ergebnis = speichern(form)
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        except EditConflict as konflikt:
            form.konflikt_zeigen(konflikt)
        else:
            return redirect(ergebnis or zurueck)
    return render(
        request,
        vorlage,
        {
            "form": form,
            "titel": titel,
            "zurueck": zurueck,
            "hinweis": hinweis,
            **(kontext or {}),
        },
        status=400 if request.method == "POST" else 200,
    )
