"""The fund's year ledger for the city's accounting (XLSX); built per export, so headers and
labels are in the active language."""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from quartiersmanagement.exports import Column, workbook_response, write_sheet

from . import selectors


def bewilligung_spalten() -> list[Column]:
    """Grants sheet of the fund's year ledger."""
    return [
        Column(_("Antrag-Nr."), lambda a: a.pk),
        Column(_("Titel"), lambda a: a.titel),
        Column(_("Antragsteller:in"), lambda a: a.antragsteller),
        Column(_("eingegangen am"), lambda a: a.eingegangen_am),
        Column(_("entschieden am"), lambda a: a.entschieden_am),
        Column(_("beantragt"), lambda a: a.betrag_beantragt),
        Column(_("bewilligt"), lambda a: a.betrag_bewilligt),
        Column(_("ausgezahlt"), lambda a: a.ausgezahlt_summe),
        Column(_("offen"), lambda a: a.offen_auszuzahlen),
        Column(_("Status"), lambda a: a.get_status_display()),
    ]


def auszahlung_spalten() -> list[Column]:
    """Payouts sheet of the fund's year ledger."""
    return [
        Column(_("Datum"), lambda z: z.datum),
        Column(_("Antrag-Nr."), lambda z: z.antrag_id),
        Column(_("Antrag"), lambda z: z.antrag.titel),
        Column(_("Betrag"), lambda z: z.betrag),
        Column(_("Buchungsvermerk"), lambda z: z.vermerk),
    ]


def jahresbuch_antwort(fonds):
    """XLSX for the city's accounting: overview, grants, payouts of one fund and year."""
    bewilligungen, auszahlungen = selectors.jahresbuch(fonds)
    mappe = Workbook(write_only=True)
    uebersicht = [
        (_("Quartier"), fonds.quartier.name),
        (_("Jahr"), fonds.jahr),
        (_("Budget"), fonds.budget),
        (_("bewilligt"), fonds.bewilligt_summe),
        (_("ausgezahlt"), fonds.ausgezahlt),
        (_("verfügbar"), fonds.verfuegbar),
        (_("erstellt am"), timezone.localdate()),
    ]
    write_sheet(
        mappe,
        title=_("Übersicht"),
        columns=[Column(_("Angabe"), lambda z: z[0]), Column(_("Wert"), lambda z: z[1])],
        rows=uebersicht,
    )
    write_sheet(
        mappe,
        title=_("Bewilligungen"),
        columns=bewilligung_spalten(),
        rows=bewilligungen.iterator(chunk_size=2000),
    )
    write_sheet(
        mappe,
        title=_("Auszahlungen"),
        columns=auszahlung_spalten(),
        rows=auszahlungen.iterator(chunk_size=2000),
    )
    return workbook_response(
        mappe, filename=f"stadtteilfonds-{fonds.quartier.slug}-{fonds.jahr}-jahresbuch"
    )
