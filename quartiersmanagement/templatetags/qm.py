"""Template helpers shared by all apps."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import number_format

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


@register.simple_tag(takes_context=True)
def hauptmenue(context):
    """The main navigation of the signed-in user (quartiersmanagement.navigation)."""
    request = context["request"]
    match = request.resolver_match
    return menu_for(request.user, match.view_name if match else "")
