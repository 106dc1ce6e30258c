"""Sections that higher apps add to a lower app's page, so imports still point downwards.

A page (e.g. "quartier", the quartier page; "bedarf", a need's page) shows the sections that
other apps registered for it. An app registers in its `AppConfig.ready()`:

    abschnitte.registrieren("quartier", Abschnitt(
        titel=_("Bedarfe"), template="bedarfe/quartier_abschnitt.html",
        kontext=selectors.quartier_kennzahlen, reihenfolge=10))

`kontext(user, obj)` returns a dict the template sees as `daten` (next to `objekt`, `request`
and `user`); it must use a constant number of queries. Sections render in `reihenfolge`.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Abschnitt:
    titel: str
    template: str
    kontext: Callable
    reihenfolge: int = 100


_registriert: dict[str, dict[str, Abschnitt]] = {}


def registrieren(seite: str, abschnitt: Abschnitt) -> None:
    """Register (or replace, keyed by template) a section of a page."""
    _registriert.setdefault(seite, {})[abschnitt.template] = abschnitt


def abschnitte_fuer(seite: str, user, obj) -> list[tuple[Abschnitt, dict]]:
    return [
        (a, a.kontext(user, obj))
        for a in sorted(_registriert.get(seite, {}).values(), key=lambda a: a.reihenfolge)
    ]
