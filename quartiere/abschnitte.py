"""Sections that other apps add to a quartier's page, without quartiere importing them.

An app registers a section in its `AppConfig.ready()`:

    abschnitte.registrieren(Abschnitt(
        titel=_("Bedarfe"), template="bedarfe/quartier_abschnitt.html",
        kontext=selectors.quartier_kennzahlen, reihenfolge=10))

`kontext(user, quartier)` returns a dict the template sees as `daten` (next to `quartier`,
`request` and `user`); it must use a constant number of queries. The quartier page renders
the sections in `reihenfolge`.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Abschnitt:
    titel: str
    template: str
    kontext: Callable
    reihenfolge: int = 100


_registriert: dict[str, Abschnitt] = {}


def registrieren(abschnitt: Abschnitt) -> None:
    """Register (or replace, keyed by template) a section of the quartier page."""
    _registriert[abschnitt.template] = abschnitt


def abschnitte_fuer(user, quartier) -> list[tuple[Abschnitt, dict]]:
    return [
        (a, a.kontext(user, quartier))
        for a in sorted(_registriert.values(), key=lambda a: a.reihenfolge)
    ]
