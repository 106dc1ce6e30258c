"""The city-wide overview (/berichte/) as CSV or XLSX: the quartiers' figures of the year in
the page's order and filter, the city total, and in the XLSX a second sheet with the
departments' response figures."""

from types import SimpleNamespace

from django.utils.translation import gettext as _
from openpyxl import Workbook

from quartiersmanagement import exports
from quartiersmanagement.exports import Column, Days


def _quartier_spalten() -> list[Column]:
    def feld(name):
        return lambda q: getattr(q, name)

    return [
        Column(_("Quartier"), feld("name")),
        Column(_("Bedarfe gemeldet"), feld("bedarfe_eroeffnet")),
        Column(_("Bedarfe abgeschlossen"), feld("bedarfe_geschlossen")),
        Column(_("Bedarfe offen"), feld("bedarfe_offen")),
        Column(_("Projekte laufend"), feld("projekte_laufend")),
        Column(_("Teilnehmende"), feld("teilnehmende")),
        Column(_("Fonds: Budget"), feld("fonds_budget")),
        Column(_("Fonds: bewilligt"), feld("fonds_bewilligt")),
        Column(_("Fonds: ausgezahlt"), feld("fonds_ausgezahlt")),
    ]


def _fachbereich_spalten(ergebnisse) -> list[Column]:
    return [
        Column(_("Fachbereich"), str),
        Column(_("weitergeleitet"), lambda fb: fb.weitergeleitet),
        Column(_("beantwortet"), lambda fb: fb.beantwortet),
        Column(_("überfällig"), lambda fb: fb.ueberfaellig),
        Column(
            _("Median Tage bis Antwort"),
            lambda fb: None if fb.median_tage is None else Days(fb.median_tage),
        ),
        *(
            Column(str(name), lambda fb, wert=wert: getattr(fb, f"ergebnis_{wert}"))
            for wert, name in ergebnisse
        ),
    ]


def uebersicht_export(format: str, kontext: dict):
    """`kontext` is the overview page's context (the same rows the page shows)."""
    zeilen = [*kontext["quartiere"], SimpleNamespace(name=_("Stadt gesamt"), **kontext["summen"])]
    dateiname = f"stadtweite-uebersicht-{kontext['jahr']}"
    if format == "csv":
        return exports.csv_response(filename=dateiname, columns=_quartier_spalten(), rows=zeilen)
    mappe = Workbook(write_only=True)
    exports.write_sheet(
        mappe, title=_("Quartiere %(jahr)s") % kontext, columns=_quartier_spalten(), rows=zeilen
    )
    exports.write_sheet(
        mappe,
        title=_("Fachbereiche %(jahr)s") % kontext,
        columns=_fachbereich_spalten(kontext["ergebnisse"]),
        rows=kontext["fachbereiche"],
    )
    return exports.workbook_response(mappe, filename=dateiname)
