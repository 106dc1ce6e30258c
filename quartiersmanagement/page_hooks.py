"""Blocks that a higher app adds to a lower app's page, so that imports still point downwards.

Used only where a page of a lower app must show something a higher app owns. Today there is
one such page, listed here so a reader finds every hook in one spot:

    page "bedarf" (bedarfe/views.py, a need's page) <- projekte: "Projekte zu diesem Bedarf"
        registered in projekte/apps.py, context from projekte.selectors.bedarf_abschnitt
    page "bedarf" <- karten: "In der Nähe" (actors and projects near the need's place)
        registered in karten/apps.py, context from karten.selectors.in_der_naehe

A meeting's decisions name the records they decided (a fund application) through the same
idea, keyed by decision: `akteure.gremien.vorgaenge`, registered in projekte/apps.py.

The quartier page is not built this way: it lives in `berichte`, which may read every app.

An app registers in its `AppConfig.ready()`:

    page_hooks.register("bedarf", Section(
        title=_("Projekte zu diesem Bedarf"), template="projekte/bedarf_abschnitt.html",
        context=selectors.bedarf_abschnitt))

`context(user, obj)` returns the dict the template sees as `data` (next to `obj`,
`request`, `user` and the CSRF token); it must use a constant number of queries. Blocks are
rendered on every request for the user who asks, in the order they were registered; nothing
is cached.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string


@dataclass(frozen=True)
class Section:
    title: str
    template: str
    context: Callable


_registry: dict[str, dict[str, Section]] = {}


def register(page: str, section: Section) -> None:
    """Register (or replace, keyed by template) a block of the page `page`."""
    _registry.setdefault(page, {})[section.template] = section


def sections_for(page: str, request, obj) -> list[tuple[Section, str]]:
    """The blocks registered for `page`, each with its HTML rendered for `request.user`."""
    return [
        (
            a,
            render_to_string(
                a.template,
                {"obj": obj, "data": a.context(request.user, obj)},
                request=request,
            ),
        )
        for a in _registry.get(page, {}).values()
    ]
