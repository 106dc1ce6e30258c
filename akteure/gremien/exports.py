"""Columns of the action-item export (CSV/XLSX of exactly the filtered list)."""

from django.utils.translation import gettext as _

from quartiersmanagement.exports import Column


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
