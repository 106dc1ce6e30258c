"""Blocks that a higher app adds to a lower app's page, so that imports still point downwards.

Used only where a page of a lower app must show something a higher app owns. Today there is
one such place, listed here so a reader finds every hook in one spot:

    page "bedarf" (bedarfe/views.py, a need's page) <- projekte: "Projekte zu diesem Bedarf"
        registered in projekte/apps.py, context from projekte.selectors.bedarf_abschnitt

The quartier page is not built this way: it lives in `berichte`, which may read every app.

An app registers in its `AppConfig.ready()`:

    abschnitte.registrieren("bedarf", Abschnitt(
        titel=_("Projekte zu diesem Bedarf"), template="projekte/bedarf_abschnitt.html",
        kontext=selectors.bedarf_abschnitt))

`kontext(user, obj)` returns the dict the template sees as `daten` (next to `objekt`,
`request`, `user` and the CSRF token); it must use a constant number of queries. Blocks are
rendered on every request for the user who asks, in the order they were registered; nothing
is cached.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string


@dataclass(frozen=True)
class Abschnitt:
    titel: str
    template: str
    kontext: Callable


_registriert: dict[str, dict[str, Abschnitt]] = {}


def registrieren(seite: str, abschnitt: Abschnitt) -> None:
    """Register (or replace, keyed by template) a block of the page `seite`."""
    _registriert.setdefault(seite, {})[abschnitt.template] = abschnitt


def abschnitte_fuer(seite: str, request, obj) -> list[tuple[Abschnitt, str]]:
    """The blocks registered for `seite`, each with its HTML rendered for `request.user`."""
    return [
        (
            a,
            render_to_string(
                a.template,
                {"objekt": obj, "daten": a.kontext(request.user, obj)},
                request=request,
            ),
        )
        for a in _registriert.get(seite, {}).values()
    ]
