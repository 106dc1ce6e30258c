"""Helpers for the rows of a list page (50 rows per page).

A row's template work is repeated 50 times, so what costs per call is done once per page here:
`reverse()` per row (about a tenth of a millisecond each), `related.all()` per row (a queryset
clone each time, even when prefetched) and includes inside the row loop."""

from collections.abc import Callable

from django.urls import reverse

# Digits only, so it passes both the int and the slug converter; it never occurs in a prefix.
_PLATZHALTER = "2147480047"


def adresse_je(name: str, feld: str = "pk") -> Callable[[object], str]:
    """The URL of `name` for one key value, reversed once: `adresse_je("bedarfe:detail")(7)`
    equals `reverse("bedarfe:detail", kwargs={"pk": 7})` for int and slug keys (both need no
    quoting)."""
    vorne, hinten = reverse(name, kwargs={feld: _PLATZHALTER}).split(_PLATZHALTER)
    return lambda wert: f"{vorne}{wert}{hinten}"
