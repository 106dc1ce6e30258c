"""The fund's year ledger for the city's accounting (XLSX); built per export, so headers and
labels are in the active language."""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from quartiersmanagement.exports import Column, workbook_response, write_sheet

from . import selectors
from .models import Fondsantrag


def bewilligung_spalten() -> list[Column]:
    """Grants sheet of the fund's year ledger: one row per granted application."""
    return [
        Column(_("Vorgangsnummer"), lambda a: a.referenz),
        Column(_("Titel"), lambda a: a.titel),
        Column(_("Antragsteller:in"), lambda a: a.antragsteller),
        Column(_("eingegangen am"), lambda a: a.eingegangen_am),
        Column(_("entschieden am"), lambda a: a.entschieden_am),
        Column(_("beantragt"), lambda a: a.betrag_beantragt),
        Column(_("bewilligt"), lambda a: a.betrag_bewilligt),
        Column(_("ausgezahlt"), lambda a: a.ausgezahlt_summe),
        Column(_("zurückgefordert"), lambda a: a.zurueckgefordert_summe),
        Column(_("zurückgezahlt"), lambda a: a.zurueckgezahlt_summe),
        Column(_("offen"), lambda a: a.offen_auszuzahlen),
        Column(_("Status"), lambda a: a.get_status_display()),
    ]


def journal_spalten() -> list[Column]:
    """Journal sheet of the fund's year ledger: every booking, reversals included."""
    return [
        Column(_("Buchung-Nr."), lambda b: b.pk),
        Column(_("Datum"), lambda b: b.datum),
        Column(_("Buchungsart"), lambda b: b.art_anzeige),
        Column(_("Betrag"), lambda b: b.betrag),
        Column(_("Vorgangsnummer"), lambda b: b.antrag.referenz if b.antrag_id else ""),
        Column(_("Antrag"), lambda b: b.antrag.titel if b.antrag_id else ""),
        Column(_("Kassenzeichen oder Referenz"), lambda b: b.vermerk),
        Column(_("fällig am"), lambda b: b.faellig_am),
        Column(_("storniert Buchung-Nr."), lambda b: b.storno_von_id or ""),
        Column(_("Erläuterung"), lambda b: b.erlaeuterung),
        Column(_("gebucht von"), lambda b: str(b.gebucht_von or "")),
    ]


def jahresbuch_antwort(fonds):
    """XLSX for the city's accounting: overview, the journal and the grants of one fund."""
    mappe = Workbook(write_only=True)
    uebersicht = [
        (_("Quartier"), fonds.quartier.name),
        (_("Jahr"), fonds.jahr),
        (_("Budget"), fonds.budget),
        (_("aus dem Vorjahr übertragen"), fonds.vortrag_summe),
        (_("am Jahresende verfallen oder übertragen"), fonds.abgang_summe),
        (_("bewilligt"), fonds.bewilligt_summe),
        (_("ausgezahlt"), fonds.ausgezahlt),
        (_("zurückgefordert"), fonds.zurueckgefordert),
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
        title=_("Journal"),
        columns=journal_spalten(),
        rows=selectors.jahresbuch(fonds).iterator(chunk_size=2000),
    )
    bewilligungen = (
        fonds.antraege.filter(status__in=Fondsantrag.BEWILLIGTE)
        .select_related("akteur")
        .order_by("entschieden_am", "pk")
    )
    write_sheet(
        mappe,
        title=_("Bewilligungen"),
        columns=bewilligung_spalten(),
        rows=bewilligungen.iterator(chunk_size=2000),
    )
    return workbook_response(
        mappe, filename=f"stadtteilfonds-{fonds.quartier.slug}-{fonds.jahr}-jahresbuch"
    )
