"""Helpers for the rows of a list page (50 rows per page).

A row's template work is repeated 50 times, so what costs per call is done once per page here:
`reverse()` per row (about a tenth of a millisecond each), `related.all()` per row (a queryset
clone each time, even when prefetched) and includes inside the row loop.

It also holds the list pages' cached figures of a query (`anzahl`, `vorhanden`, `werte`,
`Seitenteiler`) and the cached content of a whole list page (`listenseite`), see below."""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from quartiersmanagement import datenstand

# Digits only, so it passes both the int and the slug converter; it never occurs in a prefix.
_PLATZHALTER = "2147480047"


def zeilen_html(zeilen, zeile: Callable[[object], str]) -> SafeString:
    """The rows of a list table, each built by `zeile` with `format_html` (which escapes every
    value; a row returned as a plain string is escaped as a whole). A 50-row table rendered by
    the template language cost more than the rest of the page (about a dozen variable lookups,
    filters and tags per row); the markup stays the same."""
    return format_html_join("\n", "{}", ((zeile(z),) for z in zeilen))


def kurzdatum(wert) -> str:
    """`{{ wert|date:"SHORT_DATE_FORMAT" }}` in Python ("" for no date)."""
    return date_format(wert, "SHORT_DATE_FORMAT") if wert else ""


def adresse_je(name: str, feld: str = "pk") -> Callable[[object], str]:
    """The URL of `name` for one key value, reversed once: `adresse_je("bedarfe:detail")(7)`
    equals `reverse("bedarfe:detail", kwargs={"pk": 7})` for int and slug keys (both need no
    quoting)."""
    vorne, hinten = reverse(name, kwargs={feld: _PLATZHALTER}).split(_PLATZHALTER)
    return lambda wert: f"{vorne}{wert}{hinten}"


# --- Figures of a query, cached under the data version -----------------------------------------
#
# A list page counts its filtered rows (the paginator's COUNT) and reads small lists (a filter's
# choices, "may the user create anything here?") that are the same for everybody who sends the
# same SQL: the user's quartiers are part of the query (`quartiere_fuer`), as ids or as a
# subquery with the user's id and today's date. So the result of one SQL text with its
# parameters changes only when a table changes, and every table of our apps advances the data
# version on any write (quartiersmanagement.datenstand). Keyed by the SQL, such a figure is
# computed once per data version and process; over 200,000 needs of all quartiers the COUNT
# alone was half of the Leitung's list page. Only for queries that read our own tables (Django's
# auth tables carry no trigger).


def abfrage_schluessel(art: str, qs: QuerySet) -> tuple | None:
    """`art` and a digest of the query's SQL and parameters (the cache wants short keys); None
    for a query of a model outside our apps (no trigger advances the data version for it)."""
    if qs.model._meta.app_label not in settings.EIGENE_APPS:
        return None
    return ("abfrage", art, qs.db, _digest(qs))


def _digest(qs: QuerySet) -> str:
    sql, params = qs.query.sql_with_params()
    return hashlib.sha256(f"{sql}\x00{params!r}".encode()).hexdigest()


def gespeichert(schluessel: tuple | None, berechnen: Callable):
    """`datenstand.zwischengespeichert`, or just `berechnen()` without a key."""
    if schluessel is None:
        return berechnen()
    return datenstand.zwischengespeichert(schluessel, berechnen)


def anzahl(qs: QuerySet) -> int:
    """`qs.count()`, cached for the current data version (see above)."""
    return gespeichert(abfrage_schluessel("anzahl", qs), qs.count)


def vorhanden(qs: QuerySet) -> bool:
    """`qs.exists()`, cached for the current data version (see above)."""
    return gespeichert(abfrage_schluessel("vorhanden", qs), qs.exists)


def werte(art: str, qs: QuerySet, berechnen: Callable[[QuerySet], object]):
    """`berechnen(qs)`, a picklable value read from `qs` alone (e.g. a filter's choices as
    plain pairs), cached for the current data version under `art` (names the reading, so two
    readings of one query never collide) and the SQL of `qs`."""
    return gespeichert(abfrage_schluessel(art, qs), lambda: berechnen(qs))


def listenseite(request, *, titel: str, template: str, kontext: Callable[[], dict]):
    """The response of a list page: `template` (the page's content) rendered with `kontext()`
    and cached per user and URL (`inhalt_fuer`), inside the layout (`listenseite.html`)."""
    inhalt = inhalt_fuer(
        request, template, lambda: render_to_string(template, kontext(), request=request)
    )
    return render(request, "listenseite.html", {"titel": titel, "inhalt": inhalt})


def inhalt_fuer(request, art: str, berechnen: Callable[[], str]) -> str:
    """A list page's rendered content for this user and URL, cached under the data version.

    What a list shows follows from the user (their quartiers and roles live in our tables, so
    changing them advances the data version), the URL with its query string and the data. The
    content of a list holds GET forms only, no CSRF token; the layout around it (navigation,
    messages, logout form) is rendered per request. On a hit the page skips building the
    filter, the querysets and the keys of the cached figures above, which cost more than the
    rest of the page."""
    adresse = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return datenstand.zwischengespeichert(("inhalt", art, request.user.pk, adresse), berechnen)


class Seitenteiler(Paginator):
    """Django's paginator whose total comes from the cache like `anzahl` (COUNT of the filtered
    list). A page's rows need no cache of their own: the list pages cache their whole content
    (`listenseite`)."""

    @cached_property
    def count(self) -> int:
        if not isinstance(self.object_list, QuerySet):
            return super().count
        return anzahl(self.object_list)
