"""Export columns of the project and event lists, and the fund's year ledger."""

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from quartiersmanagement.exports import Spalte, mappe_antwort, xlsx_schreiben

from . import selectors


def _namen(objekte) -> str:
    return ", ".join(str(o) for o in objekte.all())


PROJEKT_SPALTEN = [
    Spalte("Titel", lambda p: p.titel),
    Spalte("Quartiere", lambda p: _namen(p.quartiere)),
    Spalte("Status", lambda p: p.get_status_display()),
    Spalte("Rolle des QM", lambda p: p.get_qm_rolle_display()),
    Spalte("Programm", lambda p: str(p.programm) if p.programm else ""),
    Spalte("Beginn", lambda p: p.beginn),
    Spalte("Ende", lambda p: p.ende),
    Spalte("Handlungsfelder", lambda p: _namen(p.handlungsfelder)),
    Spalte("Zielgruppen", lambda p: _namen(p.zielgruppen)),
    Spalte("Öffentlich", lambda p: p.oeffentlich),
    Spalte("Ziele", lambda p: p.ziele),
]

TERMIN_SPALTEN = [
    Spalte("Beginn", lambda t: t.beginn),
    Spalte("Ende", lambda t: t.ende),
    Spalte("Titel", lambda t: t.titel),
    Spalte("Quartier", lambda t: t.quartier.name),
    Spalte("Projekt", lambda t: t.projekt.titel if t.projekt else ""),
    Spalte("Ort", lambda t: t.ort),
    Spalte("Öffentlich", lambda t: t.oeffentlich),
    Spalte("Abgesagt", lambda t: t.abgesagt),
    Spalte("Teilnehmende", lambda t: t.teilnehmende),
    Spalte("Ehrenamtliche", lambda t: t.ehrenamtliche),
    Spalte("Ehrenamtsstunden", lambda t: t.ehrenamtsstunden),
]

BEWILLIGUNG_SPALTEN = [
    Spalte("Antrag-Nr.", lambda a: a.pk),
    Spalte("Titel", lambda a: a.titel),
    Spalte("Antragsteller:in", lambda a: a.antragsteller),
    Spalte("eingegangen am", lambda a: a.eingegangen_am),
    Spalte("entschieden am", lambda a: a.entschieden_am),
    Spalte("beantragt", lambda a: a.betrag_beantragt),
    Spalte("bewilligt", lambda a: a.betrag_bewilligt),
    Spalte("ausgezahlt", lambda a: a.ausgezahlt_summe),
    Spalte("offen", lambda a: a.offen_auszuzahlen),
    Spalte("Status", lambda a: a.get_status_display()),
]

AUSZAHLUNG_SPALTEN = [
    Spalte("Datum", lambda z: z.datum),
    Spalte("Antrag-Nr.", lambda z: z.antrag_id),
    Spalte("Antrag", lambda z: z.antrag.titel),
    Spalte("Betrag", lambda z: z.betrag),
    Spalte("Buchungsvermerk", lambda z: z.vermerk),
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
        spalten=BEWILLIGUNG_SPALTEN,
        zeilen=bewilligungen.iterator(chunk_size=2000),
    )
    xlsx_schreiben(
        mappe,
        titel=_("Auszahlungen"),
        spalten=AUSZAHLUNG_SPALTEN,
        zeilen=auszahlungen.iterator(chunk_size=2000),
    )
    return mappe_antwort(
        mappe, dateiname=f"stadtteilfonds-{fonds.quartier.slug}-{fonds.jahr}-jahresbuch"
    )
