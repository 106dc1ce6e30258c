"""Columns of the actor export (CSV/XLSX of exactly the filtered list)."""

from django.utils.translation import gettext as _

from quartiersmanagement.exports import Column


def _namen(mgr) -> str:
    return ", ".join(o.name for o in mgr.all())


def spalten() -> list[Column]:
    """Built per request, so the headers are plain strings in the active language."""
    return [
        Column(_("Name"), lambda a: a.name),
        Column(_("Art"), lambda a: a.get_art_display()),
        Column(_("Quartiere"), lambda a: _namen(a.quartiere)),
        Column(_("Handlungsfelder"), lambda a: _namen(a.handlungsfelder)),
        Column(_("Zielgruppen"), lambda a: _namen(a.zielgruppen)),
        Column(_("Straße"), lambda a: a.strasse),
        Column(_("PLZ"), lambda a: a.plz),
        Column(_("Ort"), lambda a: a.ort),
        Column(_("E-Mail"), lambda a: a.email),
        Column(_("Telefon"), lambda a: a.telefon),
        Column(_("Website"), lambda a: a.website),
        Column(_("aktiv"), lambda a: a.aktiv),
        Column(_("öffentlich"), lambda a: a.oeffentlich),
        Column(_("Einwilligung am"), lambda a: a.einwilligung_am),
        Column(_("geändert"), lambda a: a.geaendert),
    ]
