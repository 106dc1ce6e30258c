"""Columns of the actor export (CSV/XLSX of exactly the filtered list)."""

from django.utils.translation import gettext as _

from quartiersmanagement.exports import Spalte


def _namen(mgr) -> str:
    return ", ".join(o.name for o in mgr.all())


def spalten() -> list[Spalte]:
    """Built per request, so the headers are plain strings in the active language."""
    return [
        Spalte(_("Name"), lambda a: a.name),
        Spalte(_("Art"), lambda a: a.get_art_display()),
        Spalte(_("Quartiere"), lambda a: _namen(a.quartiere)),
        Spalte(_("Handlungsfelder"), lambda a: _namen(a.handlungsfelder)),
        Spalte(_("Zielgruppen"), lambda a: _namen(a.zielgruppen)),
        Spalte(_("Straße"), lambda a: a.strasse),
        Spalte(_("PLZ"), lambda a: a.plz),
        Spalte(_("Ort"), lambda a: a.ort),
        Spalte(_("E-Mail"), lambda a: a.email),
        Spalte(_("Telefon"), lambda a: a.telefon),
        Spalte(_("Website"), lambda a: a.website),
        Spalte(_("aktiv"), lambda a: a.aktiv),
        Spalte(_("öffentlich"), lambda a: a.oeffentlich),
        Spalte(_("Einwilligung am"), lambda a: a.einwilligung_am),
        Spalte(_("geändert"), lambda a: a.geaendert),
    ]
