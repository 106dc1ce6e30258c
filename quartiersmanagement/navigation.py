"""The main navigation as data: sections with their pages, and which pages count as "here".

One place for the menu: the template (includes/navigation.html) only draws it. A page belongs
to the entry whose URL-name prefix matches it longest (`bedarfe:erhebung_detail` belongs to
"Erhebungen", `bedarfe:detail` to "Bedarfe"), so a detail page marks its list as current.
URL names are strings: the base package imports no app.
"""

from dataclasses import dataclass, field

import rules
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Entry:
    label: str
    url_name: str
    prefixes: tuple[str, ...]
    query: str = ""
    rule: str = ""  # a django-rules rule (not a permission: no query of auth tables) to see it


@dataclass(frozen=True)
class Section:
    label: str
    entries: tuple[Entry, ...]


MENU = (
    Section(
        _("Quartiere"),
        (
            Entry(
                _("Quartiere"),
                "quartiere:liste",
                ("quartiere:", "berichte:quartier", "berichte:jahresbericht"),
            ),
        ),
    ),
    Section(
        _("Bedarfe"),
        (
            Entry(_("Bedarfe"), "bedarfe:liste", ("bedarfe:",)),
            Entry(_("Erhebungen"), "bedarfe:erhebungen", ("bedarfe:erhebung",)),
            Entry(
                _("Offene Weiterleitungen"),
                "bedarfe:weiterleitungen",
                ("bedarfe:weiterleitung", "bedarfe:antwort_erfassen"),
            ),
        ),
    ),
    Section(
        _("Akteure"),
        (
            Entry(_("Akteure"), "akteure:liste", ("akteure:",)),
            Entry(
                _("Personen"),
                "akteure:personen",
                ("akteure:person", "akteure:einwilligung", "akteure:funktion"),
            ),
            Entry(_("Netzwerkkarte"), "akteure:netzwerk", ("akteure:netzwerk",)),
            Entry(
                _("Gremien und Sitzungen"),
                "akteure:gremien",
                (
                    "akteure:gremi",
                    "akteure:mitglied",
                    "akteure:sitzung",
                    "akteure:top_",
                    "akteure:teilnahme",
                    "akteure:anwesenheit",
                    "akteure:beschluss",
                    "akteure:protokoll",
                    "akteure:kalender",
                ),
            ),
            Entry(_("Aufgaben"), "akteure:aufgaben", ("akteure:aufgabe",), query="offen=true"),
        ),
    ),
    Section(
        _("Projekte"),
        (
            Entry(_("Projekte"), "projekte:liste", ("projekte:",)),
            Entry(_("Termine"), "projekte:termine", ("projekte:termin", "projekte:kalenderlink")),
            Entry(
                _("Stadtteilfonds"),
                "projekte:fonds",
                (
                    "projekte:fonds",
                    "projekte:antrag",
                    "projekte:auszahlung",
                    "projekte:nachweis",
                    "projekte:entscheidung",
                    "projekte:beleg",
                ),
            ),
        ),
    ),
    Section(
        _("Berichte"),
        (
            Entry(
                _("Stadtweite Übersicht"),
                "berichte:uebersicht",
                ("berichte:uebersicht",),
                rule="berichte_stadtweit_sehen",
            ),
            Entry(
                _("Programme"), "berichte:programme", ("berichte:programm", "berichte:sachbericht")
            ),
        ),
    ),
    Section(
        _("Öffentlichkeit"),
        (Entry(_("Beiträge"), "oeffentlichkeit:beitraege", ("oeffentlichkeit:beitr",)),),
    ),
)


@dataclass
class Link:
    label: str
    url: str
    current: bool


@dataclass
class Menu:
    label: str
    links: list[Link] = field(default_factory=list)

    @property
    def current(self) -> bool:
        return any(link.current for link in self.links)


def _current_entry(view_name: str) -> Entry | None:
    best, length = None, 0
    for section in MENU:
        for entry in section.entries:
            for prefix in entry.prefixes:
                if view_name.startswith(prefix) and len(prefix) > length:
                    best, length = entry, len(prefix)
    return best


def menu_for(user, view_name: str) -> list[Menu]:
    """The sections the user sees, each with its links; empty sections are left out."""
    here = _current_entry(view_name or "")
    menus = []
    for section in MENU:
        links = [
            Link(
                str(entry.label),
                reverse(entry.url_name) + (f"?{entry.query}" if entry.query else ""),
                entry is here,
            )
            for entry in section.entries
            if not entry.rule or rules.test_rule(entry.rule, user)
        ]
        if links:
            menus.append(Menu(str(section.label), links))
    return menus
