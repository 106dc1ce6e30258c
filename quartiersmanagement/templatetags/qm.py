"""Template helpers shared by all apps."""

import functools
from decimal import Decimal, InvalidOperation

from django import forms, template
from django.utils.formats import localize, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from quartiersmanagement import links, submission
from quartiersmanagement.navigation import menu_for

register = template.Library()


@register.filter
def euro(betrag):
    """Format an amount as German currency: 1234.5 -> "1.234,50 €"; empty stays empty."""
    if betrag in (None, ""):
        return ""
    try:
        wert = Decimal(betrag)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    return f"{number_format(wert, decimal_pos=2, use_l10n=True, force_grouping=True)}\u00a0€"


@register.filter
def prozent(wert):
    """Format a share in percent without needless decimals: 50.00 -> "50 %"."""
    if wert in (None, ""):
        return ""
    wert = Decimal(wert).normalize()
    stellen = max(0, -wert.as_tuple().exponent)
    return f"{number_format(wert, decimal_pos=stellen, use_l10n=True)}\u00a0%"


@register.filter
def choice_label(obj, field_name: str):
    """What `obj.get_<field>_display` shows, for list rows: `{{ bedarf|choice_label:"status" }}`.

    `get_FOO_display` builds a dict of the field's choices on every call and hashes each
    translatable label on the way, which translates all of them: in a list of 50 rows with two
    choice columns that is 3–5 ms (docs/performance.md). Here the dict is built once per field;
    its labels stay lazy, so each row translates only its own label, in the request's language.
    """
    value = getattr(obj, field_name)
    return _labels(obj._meta.get_field(field_name)).get(value, value)


@functools.cache
def _labels(field) -> dict:
    return dict(field.flatchoices)


@register.simple_tag
def url_muster(name: str, schluessel: str = "pk") -> str:
    """The link pattern of one kind of record, reversed once per page, for the rows of a list:
    `{% url_muster "bedarfe:detail" as bedarf_url %}` before the loop, then
    `{{ bedarf_url|einsetzen:bedarf.pk }}` in it. `{% url %}` or `get_absolute_url` in a row
    reverse once per row: two link columns of 50 rows cost 2 ms (docs/performance.md)."""
    return links.url_muster(name, schluessel)


@register.filter
def einsetzen(muster: str, wert) -> str:
    """One record's URL from a pattern of `{% url_muster %}` (`links.einsetzen`)."""
    return links.einsetzen(muster, wert)


@register.simple_tag(takes_context=True)
def hauptmenue(context):
    """The main navigation of the signed-in user (quartiersmanagement.navigation)."""
    request = context["request"]
    match = request.resolver_match
    return menu_for(request.user, match.view_name if match else "")


@register.filter
def vollzeitstellen(prozent_summe):
    """Summed staff shares in percent as full-time positions: 400 -> "4,0 Vollzeitstellen",
    75.5 -> "0,76 Vollzeitstellen" (one decimal unless the second one counts)."""
    if prozent_summe in (None, ""):
        return ""
    stellen = (Decimal(prozent_summe) / 100).quantize(Decimal("0.01"))
    stellen_nach_komma = 1 if stellen == stellen.quantize(Decimal("0.1")) else 2
    zahl = number_format(stellen, decimal_pos=stellen_nach_komma, use_l10n=True)
    return ngettext(
        "%(zahl)s Vollzeitstelle", "%(zahl)s Vollzeitstellen", 1 if stellen == 1 else 2
    ) % {"zahl": zahl}


@register.simple_tag
def submission_token():
    """The hidden one-time token of a form whose view has `@submit_once` (submission.py)."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', submission.FIELD, submission.new_token()
    )


@register.filter
def bootstrap_widget(feld):
    """A filter form field's control with Bootstrap's class, marked invalid on an error.

    The lists' filter forms write label, help and error by hand (includes/filter_form.html):
    crispy's templates per field cost 2 ms of the Leitung's needs list (28 ms) on every request.
    """
    klasse = "form-select" if isinstance(feld.field.widget, forms.Select) else "form-control"
    if feld.errors:
        klasse += " is-invalid"
    return feld.as_widget(attrs={"class": klasse})


@register.simple_tag
def select_options(optgroups):
    """A select's options and groups, written in Python (templates/django/forms/widgets/).

    The same markup as Django's templates (tests/quartiersmanagement/test_auswahlfeld.py); the
    template loop cost 2 ms more for the 150 options of the Leitung's needs list filter form (100
    of them quartiers), on every request of a list.
    """
    teile = []
    for gruppe, optionen, _index in optgroups:
        if gruppe:
            teile.append(format_html('\n  <optgroup label="{}">', gruppe))
        teile.extend(
            format_html(
                '\n  <option value="{}"{}>{}</option>\n',
                str(option["value"]),
                _option_attrs(option["attrs"]),
                localize(option["label"]),
            )
            for option in optionen
        )
        if gruppe:
            teile.append("\n  </optgroup>")
    # Every part is format_html's (escaped) or a literal tag. format_html_join instead would
    # format each option twice (Django makes each ungrouped option a group): 0.7 -> 1.35 ms for 151.
    return mark_safe("".join(teile))  # noqa: S308 # nosec B308 B703


def _option_attrs(attrs):
    """An option's attributes as Django's template writes them: True bare, False left out."""
    if not attrs:  # most options have none
        return ""
    return format_html_join("", "{}", ((_option_attr(name, wert),) for name, wert in attrs.items()))


def _option_attr(name, wert):
    if wert is False:
        return ""
    if wert is True:
        return format_html(" {}", name)
    return format_html(' {}="{}"', name, str(wert))
