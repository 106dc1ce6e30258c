"""Form pieces shared by all apps."""

import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join

from quartiersmanagement import datenstand
from quartiersmanagement.listen import abfrage_schluessel, gespeichert


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


# --- Filter forms: rendered in Python -------------------------------------------------------
#
# Every list page shows a GET filter form (templates/includes/filter_form.html). Rendering it
# field by field through crispy-forms and Django's widget templates cost about half of a list
# page's time (one template per field, one included template per <option>), and every model
# select read its choices through a server-side cursor (DECLARE/FETCH/CLOSE: three round trips).
# The fields of a filter form are plain inputs and selects, so they are built here directly with
# the same markup as crispy's bootstrap5 field template: label, widget with the Bootstrap classes,
# errors in German at the field (div.invalid-feedback, aria-invalid/aria-describedby from
# Django's BoundField) and the help text. Any other widget falls back to crispy.

_EINGABE_VORLAGEN = frozenset(
    f"django/forms/widgets/{name}.html" for name in ("text", "date", "number", "email", "search")
)
_AUSWAHL_VORLAGE = "django/forms/widgets/select.html"
_OPTION_VORLAGE = "django/forms/widgets/select_option.html"


def _auswahl_schluessel(feld) -> tuple:
    """The cache key of a model select's choices: how they are labelled and the SQL of the
    queryset, which already holds whatever limits them to the user's quartiers."""
    beschriften = feld.label_from_instance
    art = ":".join(
        (
            "auswahl",
            f"{type(feld).__module__}.{type(feld).__qualname__}",
            f"{beschriften.__module__}.{beschriften.__qualname__}",
            str(feld.to_field_name),
        )
    )
    return abfrage_schluessel(art, feld.queryset)


def _auswahl(feld, schluessel: tuple | None = None) -> list:
    """The choices of a model select as plain (value, label) pairs (django-filter's null choice
    kept), read with one ordinary query (the stock iterator uses .iterator(), i.e. a server-side
    cursor with three round trips) and cached under the data version (`_auswahl_schluessel`)."""
    auswahl = [("", feld.empty_label)] if feld.empty_label is not None else []
    if getattr(feld, "null_label", None) is not None:
        auswahl.append((feld.null_value, feld.null_label))
    auswahl.extend(
        gespeichert(
            schluessel or _auswahl_schluessel(feld),
            lambda: [
                (feld.prepare_value(obj), str(feld.label_from_instance(obj)))
                for obj in feld.queryset.all()
            ],
        )
    )
    return auswahl


def _ist_modellauswahl(feld) -> bool:
    return isinstance(feld, forms.ModelChoiceField) and not isinstance(feld.widget.choices, list)


def auswahl_laden(form) -> None:
    """Set each model select's choices once, as the widget's list of plain pairs (the form is
    built per request; the pairs come from the cache while the data version holds). Validation
    is untouched: it looks the sent value up in the queryset as before."""
    for feld in form.fields.values():
        if _ist_modellauswahl(feld):
            feld.widget.choices = _auswahl(feld)


def _text(wert) -> str:
    return "" if wert is None else str(wert)


def _fingerabdruck(form, modellauswahl: dict) -> str:
    """Everything the rendered fields of `form` are made of: the sent values, the errors, and per
    field its kind, label, help text, widget with attributes and choices (model choices by their
    cache key). Equal fingerprints render equal HTML, whoever asks."""
    felder = []
    for name, feld in form.fields.items():
        widget = feld.widget
        if name in modellauswahl:
            auswahl = (
                modellauswahl[name],
                _text(feld.empty_label),
                _text(getattr(feld, "null_label", None)),
                _text(getattr(feld, "null_value", None)),
            )
        elif hasattr(widget, "choices"):
            # A list, or an iterator of static choices (django-filter's ChoiceIterator).
            auswahl = [(_text(wert), _text(text)) for wert, text in widget.choices]
        else:
            auswahl = None
        felder.append(
            (
                name,
                f"{type(feld).__module__}.{type(feld).__qualname__}",
                _text(feld.label),
                _text(feld.help_text),
                feld.required,
                feld.disabled,
                feld.show_hidden_initial,
                _text(feld.initial),
                f"{type(widget).__module__}.{type(widget).__qualname__}",
                sorted((k, _text(v)) for k, v in widget.attrs.items()),
                _text(getattr(widget, "input_type", None)),
                _text(getattr(widget, "format", None)),
                auswahl,
            )
        )
    fehler = sorted((name, [_text(m) for m in liste]) for name, liste in form.errors.items())
    daten = sorted(form.data.lists()) if hasattr(form.data, "lists") else sorted(form.data.items())
    return repr(
        (
            type(form).__name__,
            form.prefix,
            form.auto_id,
            _text(form.label_suffix),
            form.is_bound,
            daten,
            sorted((k, _text(v)) for k, v in form.initial.items()),
            fehler,
            felder,
        )
    )


def filterfelder_html(form) -> str:
    """The fields of a GET filter form, each in a grid column (`filterfeld_html`), cached under
    the data version by the form's fingerprint (`_fingerabdruck`): a list page renders the same
    filter form for every request with the same filters, and its model selects' choices differ
    only by their query, which is part of the fingerprint."""
    modellauswahl = {
        name: _auswahl_schluessel(feld)
        for name, feld in form.fields.items()
        if _ist_modellauswahl(feld)
    }

    def rendern():
        for name, schluessel in modellauswahl.items():
            feld = form.fields[name]
            feld.widget.choices = _auswahl(feld, schluessel)
        return format_html_join(
            "",
            '<div class="col-sm-6 col-lg-3">{}</div>',
            ((filterfeld_html(feld),) for feld in form),
        )

    if None in modellauswahl.values():  # a select of a model outside our apps: not cached
        return rendern()
    digest = hashlib.sha256(_fingerabdruck(form, modellauswahl).encode()).hexdigest()
    return datenstand.zwischengespeichert(("filterformular", digest), rendern)


def _attribute(attrs) -> str:
    """Django's widgets/attrs.html in Python: True -> bare name, False -> left out."""
    return format_html_join(
        "",
        "{}",
        (
            (
                format_html(" {}", name)
                if wert is True
                else format_html(' {}="{}"', name, str(wert)),
            )
            for name, wert in attrs.items()
            if wert is not False
        ),
    )


def _widget_html(feld, css: str) -> str:
    """The widget of a bound field with `css` added to its class attribute; text/date/number
    inputs and single selects without groups are rendered here, anything else by Django."""
    widget = feld.field.widget
    klasse = widget.attrs.get("class", "")
    attrs = {"class": f"{klasse} {css}".strip()}
    vorlage = widget.template_name
    if not (
        vorlage in _EINGABE_VORLAGEN
        or (
            vorlage == _AUSWAHL_VORLAGE
            and widget.option_template_name == _OPTION_VORLAGE
            and not widget.allow_multiple_selected
        )
    ):
        return feld.as_widget(attrs=attrs)
    attrs = feld.build_widget_attrs(attrs, widget)
    if feld.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", feld.auto_id)
    kontext = widget.get_context(feld.html_name, feld.value(), attrs)["widget"]
    if vorlage in _EINGABE_VORLAGEN:
        wert = kontext["value"]
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            kontext["type"],
            kontext["name"],
            format_html(' value="{}"', str(wert)) if wert is not None else "",
            _attribute(kontext["attrs"]),
        )
    optionen = []
    for gruppe, eintraege, _index in kontext["optgroups"]:
        if gruppe:
            return feld.as_widget(attrs=attrs)
        for option in eintraege:
            optionen.append(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    str(option["value"]),
                    _attribute(option["attrs"]),
                    option["label"],
                )
            )
    return format_html(
        '<select name="{}"{}>\n{}\n</select>',
        kontext["name"],
        _attribute(kontext["attrs"]),
        format_html_join("\n", "{}", ((o,) for o in optionen)),
    )


def filterfeld_html(feld) -> str:
    """One field of a filter form with crispy's bootstrap5 markup (see above)."""
    widget = feld.field.widget
    if feld.is_hidden:
        return str(feld)
    if isinstance(
        widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple
    ) or (feld.use_fieldset or isinstance(widget, forms.FileInput | forms.MultiWidget)):
        from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field

        return as_crispy_field(feld)
    fehler = feld.errors
    css = "form-select" if isinstance(widget, forms.Select) else "form-control"
    css = f"{widget.__class__.__name__.lower()} {css}"
    if fehler:
        css += " is-invalid"
    pflicht = feld.field.required
    label = (
        format_html(
            '<label for="{}" class="form-label{}">{}{}</label>',
            feld.id_for_label,
            " requiredField" if pflicht else "",
            feld.label,
            format_html('<span class="asteriskField">{}</span>', "*") if pflicht else "",
        )
        if feld.label
        else ""
    )
    fehler_html = ""
    if fehler:
        fehler_html = format_html(
            '<div id="{}_error" class="invalid-feedback">{}</div>',
            fehler.field_id,
            format_html_join(
                "",
                '<p id="error_{}_{}"><strong>{}</strong></p>',
                ((n, feld.auto_id, m) for n, m in enumerate(fehler, start=1)),
            ),
        )
    hilfe = ""
    if feld.help_text:
        # Escaped (crispy marks them safe): filter help texts are plain text.
        hilfe = format_html(
            '<div {}class="form-text">{}</div>',
            format_html('id="{}_helptext" ', feld.auto_id) if feld.auto_id else "",
            feld.help_text,
        )
    return format_html(
        '<div id="div_{}" class="mb-3{}">{}{}{}{}</div>',
        feld.auto_id,
        f" {feld.css_classes()}" if feld.css_classes() else "",
        label,
        _widget_html(feld, css),
        fehler_html,
        hilfe,
    )
