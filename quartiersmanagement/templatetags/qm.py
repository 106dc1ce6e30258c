"""Template helpers shared by all apps."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html

from quartiersmanagement import submission

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


@register.simple_tag
def submission_token():
    """The hidden one-time token of a form whose view has `@submit_once` (submission.py)."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', submission.FIELD, submission.new_token()
    )
