"""Columns of the actor and action-item exports (CSV/XLSX of exactly the filtered list)."""

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


def aufgaben_spalten() -> list[Column]:
    """Action items as on /aufgaben/ (quartier, meeting, responsible, due, done)."""
    return [
        Column(_("Aufgabe"), lambda a: a.titel),
        Column(_("Quartier"), lambda a: a.quartier.name),
        Column(_("Sitzung"), lambda a: str(a.sitzung) if a.sitzung_id else ""),
        Column(_("verantwortlich"), lambda a: str(a.verantwortlich or "")),
        Column(_("fällig am"), lambda a: a.faellig_am),
        Column(_("erledigt am"), lambda a: a.erledigt_am),
    ]
