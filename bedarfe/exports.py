"""Columns of the needs export (CSV/XLSX of exactly the filtered list)."""

from django.utils.translation import gettext as _

from quartiersmanagement.exports import Column


def bedarf_spalten() -> list[Column]:
    """Built per request, so the headers are plain strings in the active language; the rows
    come from `selectors.fuer_export`."""
    return [
        Column(_("Nr."), lambda b: b.pk),
        Column(_("Titel"), lambda b: b.titel),
        Column(_("Quartier"), lambda b: b.quartier.name),
        Column(_("Handlungsfeld"), lambda b: b.handlungsfeld.name if b.handlungsfeld else ""),
        Column(_("Zielgruppen"), lambda b: b.zielgruppen_namen or ""),
        Column(_("Status"), lambda b: b.get_status_display()),
        Column(_("Priorität"), lambda b: b.get_prioritaet_display()),
        Column(_("Nennungen"), lambda b: b.nennungen),
        Column(_("gemeldet am"), lambda b: b.gemeldet_am),
        Column(_("Ort"), lambda b: b.ort),
        Column(_("Quelle"), lambda b: b.get_quelle_display()),
        Column(_("Erhebung"), lambda b: str(b.erhebung) if b.erhebung else ""),
        Column(_("Weiterleitung überfällig"), lambda b: b.ist_ueberfaellig),
        Column(_("Beschreibung"), lambda b: b.beschreibung),
    ]
