"""Columns of the actor and action-item exports (CSV/XLSX of exactly the filtered list)."""

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


def aufgaben_spalten() -> list[Spalte]:
    """Action items as on /aufgaben/ (quartier, meeting, responsible, due, done)."""
    return [
        Spalte(_("Aufgabe"), lambda a: a.titel),
        Spalte(_("Quartier"), lambda a: a.quartier.name),
        Spalte(_("Sitzung"), lambda a: str(a.sitzung) if a.sitzung_id else ""),
        Spalte(_("verantwortlich"), lambda a: str(a.verantwortlich or "")),
        Spalte(_("fällig am"), lambda a: a.faellig_am),
        Spalte(_("erledigt am"), lambda a: a.erledigt_am),
    ]
