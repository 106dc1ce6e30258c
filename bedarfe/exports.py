"""Columns of the needs export (CSV/XLSX of exactly the filtered list)."""

from django.utils.translation import gettext as _

from quartiersmanagement.exports import Spalte


def bedarf_spalten() -> list[Spalte]:
    """Built per request, so the headers are plain strings in the active language; the rows
    come from `selectors.fuer_export`."""
    return [
        Spalte(_("Nr."), lambda b: b.pk),
        Spalte(_("Titel"), lambda b: b.titel),
        Spalte(_("Quartier"), lambda b: b.quartier.name),
        Spalte(_("Handlungsfeld"), lambda b: b.handlungsfeld.name if b.handlungsfeld else ""),
        Spalte(_("Zielgruppen"), lambda b: b.zielgruppen_namen or ""),
        Spalte(_("Status"), lambda b: b.get_status_display()),
        Spalte(_("Priorität"), lambda b: b.get_prioritaet_display()),
        Spalte(_("Nennungen"), lambda b: b.nennungen),
        Spalte(_("gemeldet am"), lambda b: b.gemeldet_am),
        Spalte(_("Ort"), lambda b: b.ort),
        Spalte(_("Quelle"), lambda b: b.get_quelle_display()),
        Spalte(_("Erhebung"), lambda b: str(b.erhebung) if b.erhebung else ""),
        Spalte(_("Weiterleitung überfällig"), lambda b: b.ist_ueberfaellig),
        Spalte(_("Beschreibung"), lambda b: b.beschreibung),
    ]
