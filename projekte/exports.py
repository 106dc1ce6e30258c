"""Export columns of the project and event lists, and the fund's year ledger; built per
export, so headers and labels are in the active language."""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from quartiersmanagement.exports import Spalte, mappe_antwort, xlsx_schreiben

from . import selectors


def _namen(objekte) -> str:
    return ", ".join(str(o) for o in objekte.all())


def projekt_spalten() -> list[Spalte]:
    """Columns of the project list export."""
    return [
        Spalte(_("Titel"), lambda p: p.titel),
        Spalte(_("Quartiere"), lambda p: _namen(p.quartiere)),
        Spalte(_("Status"), lambda p: p.get_status_display()),
        Spalte(_("Rolle des QM"), lambda p: p.get_qm_rolle_display()),
        Spalte(_("Programm"), lambda p: str(p.programm) if p.programm else ""),
        Spalte(_("Beginn"), lambda p: p.beginn),
        Spalte(_("Ende"), lambda p: p.ende),
        Spalte(_("Handlungsfelder"), lambda p: _namen(p.handlungsfelder)),
        Spalte(_("Zielgruppen"), lambda p: _namen(p.zielgruppen)),
        Spalte(_("Öffentlich"), lambda p: p.oeffentlich),
        Spalte(_("Ziele"), lambda p: p.ziele),
    ]


def termin_spalten() -> list[Spalte]:
    """Columns of the event list export."""
    return [
        Spalte(_("Beginn"), lambda t: t.beginn),
        Spalte(_("Ende"), lambda t: t.ende),
        Spalte(_("Titel"), lambda t: t.titel),
        Spalte(_("Quartier"), lambda t: t.quartier.name),
        Spalte(_("Projekt"), lambda t: t.projekt.titel if t.projekt else ""),
        Spalte(_("Ort"), lambda t: t.ort),
        Spalte(_("Öffentlich"), lambda t: t.oeffentlich),
        Spalte(_("Abgesagt"), lambda t: t.abgesagt),
        Spalte(_("Teilnehmende"), lambda t: t.teilnehmende),
        Spalte(_("Ehrenamtliche"), lambda t: t.ehrenamtliche),
        Spalte(_("Ehrenamtsstunden"), lambda t: t.ehrenamtsstunden),
    ]


def bewilligung_spalten() -> list[Spalte]:
    """Grants sheet of the fund's year ledger."""
    return [
        Spalte(_("Antrag-Nr."), lambda a: a.pk),
        Spalte(_("Titel"), lambda a: a.titel),
        Spalte(_("Antragsteller:in"), lambda a: a.antragsteller),
        Spalte(_("eingegangen am"), lambda a: a.eingegangen_am),
        Spalte(_("entschieden am"), lambda a: a.entschieden_am),
        Spalte(_("beantragt"), lambda a: a.betrag_beantragt),
        Spalte(_("bewilligt"), lambda a: a.betrag_bewilligt),
        Spalte(_("ausgezahlt"), lambda a: a.ausgezahlt_summe),
        Spalte(_("offen"), lambda a: a.offen_auszuzahlen),
        Spalte(_("Status"), lambda a: a.get_status_display()),
    ]


def auszahlung_spalten() -> list[Spalte]:
    """Payouts sheet of the fund's year ledger."""
    return [
        Spalte(_("Datum"), lambda z: z.datum),
        Spalte(_("Antrag-Nr."), lambda z: z.antrag_id),
        Spalte(_("Antrag"), lambda z: z.antrag.titel),
        Spalte(_("Betrag"), lambda z: z.betrag),
        Spalte(_("Buchungsvermerk"), lambda z: z.vermerk),
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
    xlsx_schreiben(
        mappe,
        titel=_("Übersicht"),
        spalten=[Spalte(_("Angabe"), lambda z: z[0]), Spalte(_("Wert"), lambda z: z[1])],
        zeilen=uebersicht,
    )
    xlsx_schreiben(
        mappe,
        titel=_("Bewilligungen"),
        spalten=bewilligung_spalten(),
        zeilen=bewilligungen.iterator(chunk_size=2000),
    )
    xlsx_schreiben(
        mappe,
        titel=_("Auszahlungen"),
        spalten=auszahlung_spalten(),
        zeilen=auszahlungen.iterator(chunk_size=2000),
    )
    return mappe_antwort(
        mappe, dateiname=f"stadtteilfonds-{fonds.quartier.slug}-{fonds.jahr}-jahresbuch"
    )
