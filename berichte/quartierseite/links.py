"""Links of the quartier page to the filtered lists behind its figures."""

from urllib.parse import urlencode

from django.urls import reverse


def list_url(name: str, **parameter) -> str:
    """A list URL with its filter parameters (None values left out)."""
    werte = {k: v for k, v in parameter.items() if v is not None}
    return f"{reverse(name)}?{urlencode(werte)}" if werte else reverse(name)
