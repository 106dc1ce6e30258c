"""Links to many records of one kind, without a `reverse()` per record."""

from urllib.parse import quote

from django.urls import reverse


def url_muster(name: str, schluessel: str = "pk") -> str:
    """The URL `name` with "{pk}" (or "{slug}") in place of its one argument, for str.format:
    reversed once per list instead of once per row. A `reverse()` costs about 25 µs, which
    on the city overview (two links to each of 100 quartiers) and on maps (one per marker)
    took longer than reading the rows."""
    platzhalter = 987654321 if schluessel == "pk" else "platzhalter-987654321"
    return reverse(name, kwargs={schluessel: platzhalter}).replace(
        str(platzhalter), "{" + schluessel + "}"
    )


def einsetzen(muster: str, wert) -> str:
    """One record's URL from a pattern of `url_muster`, whichever key it holds: the key quoted
    as `reverse()` quotes it."""
    schluessel = quote(str(wert))
    return muster.format(pk=schluessel, slug=schluessel)
