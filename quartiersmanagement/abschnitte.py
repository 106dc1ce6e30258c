"""Sections that higher apps add to a lower app's page, so imports still point downwards.

A page (e.g. "quartier", the quartier page; "bedarf", a need's page) shows the sections that
other apps registered for it. An app registers in its `AppConfig.ready()`:

    abschnitte.registrieren("quartier", Abschnitt(
        titel=_("Bedarfe"), template="bedarfe/quartier_abschnitt.html",
        kontext=selectors.quartier_kennzahlen, reihenfolge=10))

`kontext(user, obj)` returns a dict the template sees as `daten` (next to `objekt`, `request`
and `user`); it must use a constant number of queries. Sections render in `reihenfolge`.

A section's rendered HTML is cached under the data version (`datenstand.zwischengespeichert`)
and shared by everybody who may open the page: most sections show figures of the object only,
and recomputing them on every visit made the quartier page the slowest page of the
application. A section that shows something that depends on the user – an edit button, a form
with its CSRF token – says `persoenlich=True` and is rendered on every request; its `kontext`
may still cache its figures itself.

Sections of one page often need the same figures (the quartier page shows the network figures
in the actors' section and in the charts, the needs by status in three places). A `kontext`
reads such a figure through `geteilt(funktion, *argumente)`: while `abschnitte_fuer` builds
one page, the first call runs the function and later calls with the same arguments get that
result; outside of it `geteilt` simply calls the function. The memo lives for that one call
of `abschnitte_fuer` only (one request, one user), so it never shows stale or foreign data.
"""

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from django.template.loader import render_to_string

from . import datenstand


@dataclass(frozen=True)
class Abschnitt:
    titel: str
    template: str
    kontext: Callable
    reihenfolge: int = 100
    persoenlich: bool = False


_registriert: dict[str, dict[str, Abschnitt]] = {}


def registrieren(seite: str, abschnitt: Abschnitt) -> None:
    """Register (or replace, keyed by template) a section of a page."""
    _registriert.setdefault(seite, {})[abschnitt.template] = abschnitt


_geteilt: ContextVar[dict | None] = ContextVar("abschnitte_geteilt", default=None)


def geteilt(funktion: Callable, *argumente):
    """`funktion(*argumente)`, computed once per page while `abschnitte_fuer` runs (the
    arguments must be hashable: model instances, ids, dates); a plain call elsewhere."""
    speicher = _geteilt.get()
    if speicher is None:
        return funktion(*argumente)
    schluessel = (funktion, *argumente)
    if schluessel not in speicher:
        speicher[schluessel] = funktion(*argumente)
    return speicher[schluessel]


def abschnitte_fuer(seite: str, request, obj) -> list[tuple[Abschnitt, str]]:
    """The page's sections with their HTML; figures read via `geteilt` are shared."""
    token = _geteilt.set({})
    try:
        return [
            (a, _html(a, seite, request, obj))
            for a in sorted(_registriert.get(seite, {}).values(), key=lambda a: a.reihenfolge)
        ]
    finally:
        _geteilt.reset(token)


def _html(abschnitt: Abschnitt, seite: str, request, obj) -> str:
    def rendern() -> str:
        daten = abschnitt.kontext(request.user, obj)
        return render_to_string(
            abschnitt.template, {"objekt": obj, "daten": daten}, request=request
        )

    if abschnitt.persoenlich:
        return rendern()
    return datenstand.zwischengespeichert(("abschnitt", seite, abschnitt.template, obj.pk), rendern)
