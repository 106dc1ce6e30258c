"""Small helpers the views share: permission checks, pagination."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator

PRO_SEITE = 50


def erlauben(user, perm: str, obj=None) -> None:
    """403 unless the user holds the (object) permission; reading was checked by the selector."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def seite(request, qs):
    return Paginator(qs, PRO_SEITE).get_page(request.GET.get("page"))
