"""The reports: Jahresbericht of a quartier and year, Sachbericht of a programme and period.

Both hold aggregate figures only (no personal data) and the free texts QM wrote
(`Berichtstext`). Their sections are built by the same functions from `kennzahlen` over a
list of windows, so each figure is computed in one place. Each section is one table
(`Section`): the PDF shows them one after the other, the XLSX writes one sheet per section
with typed cells plus a sheet with the texts.
"""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from projekte.models import Projekt
from quartiersmanagement import exports, pdf

from . import kennzahlen
from .abschnitte import Section, balken_svg
from .inhalte import inhalte
from .kennzahlen import NULL_EURO, summe
from .models import Berichtstext

# --- sections, shared by both reports ---------------------------------------------------------


def _bedarfe(fenster) -> tuple[Section, list[tuple[str, int]]]:
    je_quartier = kennzahlen.bedarfe(fenster)
    je_feld = [
        (name or _("ohne Handlungsfeld"), anzahl)
        for name, anzahl in kennzahlen.bedarfe_je_handlungsfeld(fenster)
    ]
    abschnitt = Section(
        _("Bedarfe"),
        [_("Kennzahl"), _("Anzahl")],
        [
            [_("gemeldet"), summe(je_quartier, "gemeldet")],
            [_("an Fachbereiche weitergeleitet"), summe(je_quartier, "weitergeleitet")],
            [_("Antworten erhalten"), summe(je_quartier, "beantwortet")],
            [_("abgeschlossen"), summe(je_quartier, "abgeschlossen")],
            [_("offen (heute)"), kennzahlen.bedarfe_offen_heute(fenster)],
        ]
        + [[_("gemeldet im Handlungsfeld %(feld)s") % {"feld": f}, n] for f, n in je_feld],
    )
    return abschnitt, je_feld


def _lotsenfunktion(fenster) -> Section:
    return Section(
        _("Lotsenfunktion"),
        [
            _("Fachbereich"),
            _("weitergeleitet"),
            _("beantwortet"),
            _("überfällig"),
            _("Median Tage bis Antwort"),
        ],
        [
            [
                str(fb),
                fb.weitergeleitet,
                fb.beantwortet,
                fb.ueberfaellig,
                None if fb.median_tage is None else exports.Days(fb.median_tage),
            ]
            for fb in kennzahlen.lotsenfunktion(fenster)
        ],
    )


def _netzwerk(fenster) -> Section:
    je_quartier = kennzahlen.netzwerk(fenster)
    return Section(
        _("Netzwerk und Gremien"),
        [_("Kennzahl"), _("Anzahl")],
        [
            [_("aktive Akteure (heute)"), kennzahlen.aktive_akteure_heute(fenster)],
            [_("Gremiensitzungen durchgeführt"), summe(je_quartier, "sitzungen")],
            [_("Beschlüsse"), summe(je_quartier, "beschluesse")],
            [_("Aufgaben vereinbart"), summe(je_quartier, "aufgaben_neu")],
            [_("Aufgaben erledigt"), summe(je_quartier, "aufgaben_erledigt")],
        ],
    )


def _projekte(fenster) -> Section:
    namen = dict(Projekt.Status.choices)
    je_status = kennzahlen.projekte_je_status(fenster)
    je_quartier = kennzahlen.projekte(fenster)
    return Section(
        _("Projekte"),
        [_("Kennzahl"), _("Anzahl")],
        [
            [_("Projekte im Status %(status)s") % {"status": namen[s]}, je_status.get(s, 0)]
            for s in Projekt.Status.values
        ]
        + [
            [_("Veranstaltungen"), summe(je_quartier, "veranstaltungen")],
            [_("Teilnehmende"), summe(je_quartier, "teilnehmende")],
            [_("Ehrenamtliche"), summe(je_quartier, "ehrenamtliche")],
            [
                _("Ehrenamtsstunden"),
                exports.Hours(summe(je_quartier, "ehrenamtsstunden", Decimal(0))),
            ],
        ],
    )


def _fonds(fenster) -> Section:
    je_quartier = kennzahlen.stadtteilfonds(fenster)
    return Section(
        _("Stadtteilfonds"),
        [_("Kennzahl"), _("Wert")],
        [
            [_("Budget"), summe(je_quartier, "budget", NULL_EURO)],
            [_("Anträge eingegangen"), summe(je_quartier, "antraege")],
            [_("Anträge bewilligt"), summe(je_quartier, "antraege_bewilligt")],
            [_("Anträge abgelehnt"), summe(je_quartier, "antraege_abgelehnt")],
            [_("bewilligt insgesamt"), summe(je_quartier, "bewilligt_summe", NULL_EURO)],
            [_("ausgezahlt"), summe(je_quartier, "ausgezahlt", NULL_EURO)],
        ],
    )


def _abschnitte(fenster, texte: Berichtstext | None) -> tuple[list[Section], str]:
    """The five sections of figures over `fenster` with QM's comments, the named contents a
    funder expects (projects, assessments, meetings, public relations), and the chart of
    needs."""
    bedarfe, je_feld = _bedarfe(fenster)
    abschnitte = [
        bedarfe,
        _lotsenfunktion(fenster),
        _netzwerk(fenster),
        _projekte(fenster),
        _fonds(fenster),
    ]
    if texte is not None:
        for abschnitt, (feld, _titel) in zip(abschnitte, Berichtstext.KOMMENTARE, strict=True):
            abschnitt.kommentar = getattr(texte, feld)
    return abschnitte + inhalte(fenster), balken_svg(je_feld)


# --- Jahresbericht ----------------------------------------------------------------------------


def jahresbericht_texte(quartier, jahr: int) -> Berichtstext | None:
    return Berichtstext.objects.filter(quartier=quartier, jahr=jahr).first()


def jahresbericht(user, quartier, jahr: int) -> dict:
    """The Jahresbericht of a quartier the user reads; a constant number of queries."""
    texte = jahresbericht_texte(quartier, jahr)
    abschnitte, diagramm = _abschnitte(kennzahlen.jahresfenster(quartier, jahr), texte)
    return {
        "titel": _("Jahresbericht %(jahr)s – Quartiersmanagement %(quartier)s")
        % {"jahr": jahr, "quartier": quartier.name},
        "zeitraum": (datetime.date(jahr, 1, 1), datetime.date(jahr, 12, 31)),
        "quartier": quartier,
        "jahr": jahr,
        "texte": texte,
        "abschnitte": abschnitte,
        "diagramm": diagramm,
        "diagramm_abschnitt": _("Bedarfe"),
        "dateiname": f"jahresbericht-{quartier.slug}-{jahr}",
    }


# --- Sachbericht ------------------------------------------------------------------------------


#: (key of kennzahlen.je_quartier, column title) of the per-quartier table; the programme page
#: shows the same columns.
KENNZAHLEN_JE_QUARTIER = (
    ("gemeldet", gettext_lazy("Bedarfe gemeldet")),
    ("weitergeleitet", gettext_lazy("weitergeleitet")),
    ("beantwortet", gettext_lazy("Antworten erhalten")),
    ("sitzungen", gettext_lazy("Gremiensitzungen")),
    ("projekte", gettext_lazy("Projekte")),
    ("veranstaltungen", gettext_lazy("Veranstaltungen")),
    ("teilnehmende", gettext_lazy("Teilnehmende")),
    ("ausgezahlt", gettext_lazy("Fonds ausgezahlt")),
)


def kennzahl_wert(je_quartier, quartier_id, name):
    """One figure of one quartier; 0 (or 0,00 € for money) where nothing was counted."""
    wert = je_quartier.get(quartier_id, {}).get(name)
    if wert is None:
        return NULL_EURO if name in GELDWERTE else 0
    return wert


GELDWERTE = {"budget", "bewilligt_summe", "ausgezahlt"}


def sachbericht_texte(programm, von, bis) -> Berichtstext | None:
    return Berichtstext.objects.filter(programm=programm, von=von, bis=bis).first()


def sachbericht(programm, einsaetze, von: datetime.date, bis: datetime.date) -> dict:
    """The Sachbericht of a programme over [von, bis] for the given (readable) Einsätze: each
    quartier's figures only within its Einsatz intersected with the period."""
    einsaetze = [e for e in einsaetze if kennzahlen.programmfenster([e], von, bis)]
    fenster = kennzahlen.programmfenster(einsaetze, von, bis)
    texte = sachbericht_texte(programm, von, bis)
    abschnitte, diagramm = _abschnitte(fenster, texte)
    je_quartier = kennzahlen.je_quartier(fenster)
    programm_abschnitt = Section(
        _("Programm"),
        [_("Angabe"), _("Wert")],
        [
            [_("Programm"), programm.name],
            [_("Art"), programm.get_art_display()],
            [_("Fördergeber"), programm.foerdergeber or "–"],
            [_("Träger"), programm.traeger or "–"],
            [_("Laufzeit von"), programm.laufzeit_von],
            [_("Laufzeit bis"), programm.laufzeit_bis],
            [_("Berichtszeitraum von"), von],
            [_("Berichtszeitraum bis"), bis],
        ],
    )
    quartiere = Section(
        _("Quartiere"),
        [
            _("Quartier"),
            _("Einsatz von"),
            _("Einsatz bis"),
            _("Stellenanteil"),
            _("im Bericht von"),
            _("im Bericht bis"),
        ],
        [
            [e.quartier.name, e.von, e.bis, exports.Percent(e.stellenanteil / 100), f.von, f.bis]
            for e, f in zip(einsaetze, fenster, strict=True)
        ],
    )
    namen = {e.quartier_id: e.quartier.name for e in einsaetze}
    kennzahlen_je_quartier = Section(
        _("Kennzahlen je Quartier"),
        [_("Quartier"), *(str(titel) for _f, titel in KENNZAHLEN_JE_QUARTIER)],
        [
            [namen[q], *(kennzahl_wert(je_quartier, q, f) for f, _t in KENNZAHLEN_JE_QUARTIER)]
            for q in sorted(namen, key=namen.get)
        ],
    )
    return {
        "titel": _("Sachbericht %(programm)s") % {"programm": programm.name},
        "zeitraum": (von, bis),
        "programm": programm,
        "texte": texte,
        "abschnitte": [programm_abschnitt, quartiere, kennzahlen_je_quartier, *abschnitte],
        "diagramm": diagramm,
        "diagramm_abschnitt": _("Bedarfe"),
        "dateiname": f"sachbericht-{programm.pk}-{von.isoformat()}-{bis.isoformat()}",
    }


# --- output -----------------------------------------------------------------------------------


def bericht_pdf(bericht: dict, request=None):
    return pdf.pdf_response(
        "berichte/bericht_pdf.html", bericht, filename=bericht["dateiname"], request=request
    )


def bericht_xlsx(bericht: dict):
    """One sheet per section (typed cells) and a sheet "Texte" with QM's free texts."""
    mappe = Workbook(write_only=True)
    for abschnitt in bericht["abschnitte"]:
        exports.write_sheet(
            mappe,
            title=abschnitt.titel,
            columns=[
                exports.Column(titel, lambda zeile, i=i: zeile[i])
                for i, titel in enumerate(abschnitt.spalten)
            ],
            rows=abschnitt.zeilen,
        )
    texte = bericht["texte"]
    zeilen = []
    if texte is not None:
        zeilen = [
            [str(Berichtstext._meta.get_field(name).verbose_name), getattr(texte, name)]
            for name in ("einleitung", *(f for f, _t in Berichtstext.KOMMENTARE), "ausblick")
            if getattr(texte, name)
        ]
    exports.write_sheet(
        mappe,
        title=_("Texte"),
        columns=[
            exports.Column(_("Teil"), lambda z: z[0]),
            exports.Column(_("Text"), lambda z: z[1]),
        ],
        rows=zeilen,
    )
    return exports.workbook_response(mappe, filename=bericht["dateiname"])


def jahresbericht_pdf(user, quartier, jahr: int, request=None):
    return bericht_pdf(jahresbericht(user, quartier, jahr), request=request)


def jahresbericht_xlsx(user, quartier, jahr: int):
    return bericht_xlsx(jahresbericht(user, quartier, jahr))
