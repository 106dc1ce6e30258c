"""The reports: Jahresbericht of a quartier and year, Sachbericht of a programme and period.

Both hold aggregate figures only (no personal data) and the free texts QM wrote
(`Berichtstext`). Their sections are built by the same functions from `kennzahlen` over a
list of windows, so each figure is computed in one place. Each section is one table
(`Section`): the PDF shows them one after the other, the XLSX writes one sheet per section
with typed cells plus a sheet with the texts.
"""

import datetime
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from projekte.models import Projekt
from quartiersmanagement import exports, pdf
from quartiersmanagement.templatetags.qm import euro

from . import kennzahlen
from .kennzahlen import NULL_EURO, summe
from .models import Berichtstext


@dataclass
class Section:
    titel: str
    spalten: list[str]
    zeilen: list[list] = field(default_factory=list)
    kommentar: str = ""

    #: More columns than fit a portrait page: the PDF prints the section on a landscape page.
    BREIT_AB = 6

    @property
    def breit(self) -> bool:
        return len(self.spalten) >= self.BREIT_AB

    def anzeige(self) -> list[list[tuple[str, bool]]]:
        """The rows as German text for the PDF (money with €, days with one decimal), each
        cell with whether it is a number (right-aligned)."""
        return [[(_text(w), _ist_zahl(w)) for w in zeile] for zeile in self.zeilen]

    def kopf(self) -> list[tuple[str, bool]]:
        """The column titles, each with whether its column holds numbers (right-aligned)."""
        return [
            (titel, any(_ist_zahl(zeile[i]) for zeile in self.zeilen))
            for i, titel in enumerate(self.spalten)
        ]


def _ist_zahl(wert) -> bool:
    return isinstance(wert, int | float | Decimal) and not isinstance(wert, bool)


def _text(wert) -> str:
    if wert is None:
        return "–"
    if isinstance(wert, Decimal):
        return euro(wert)
    if isinstance(wert, exports.Percent):
        return exports.as_text(wert)
    if isinstance(wert, float):
        return f"{wert:.1f}".replace(".", ",")
    if isinstance(wert, datetime.date):
        return wert.strftime("%d.%m.%Y")
    return str(wert)


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
    """The five sections over `fenster` with QM's comments, and the chart of needs."""
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
    return abschnitte, balken_svg(je_feld)


#: Characters per line of a bar's label and lines at most; a longer label is shortened with
#: "…" (the full name stands in the section's table next to the chart).
LABEL_ZEICHEN = 30
LABEL_ZEILEN = 2


def _label_zeilen(name: str) -> list[str]:
    zeilen = textwrap.wrap(name, LABEL_ZEICHEN) or [""]
    if len(zeilen) > LABEL_ZEILEN:
        zeilen = zeilen[:LABEL_ZEILEN]
        zeilen[-1] = zeilen[-1][: LABEL_ZEICHEN - 1].rstrip() + "…"
    return zeilen


def balken_svg(werte: list[tuple[str, int]], *, breite=440, zeile=24) -> str:
    """A horizontal bar chart as inline SVG (labels escaped by format_html), drawn on the
    server so the PDF needs no JavaScript. Labels wrap onto two lines within the label
    column, so none is cut off at the page edge."""
    if not werte:
        return ""
    hoechster = max(n for _n, n in werte) or 1
    text_breite = 180
    balken_max = breite - text_breite - 40
    teile = []
    for i, (name, n) in enumerate(werte):
        oben = i * zeile
        laenge = round(balken_max * n / hoechster)
        zeilen = _label_zeilen(name)
        erste = oben + zeile / 2 + 3 - 5 * (len(zeilen) - 1)
        label = format_html_join(
            "",
            '<tspan x="{}" y="{}">{}</tspan>',
            ((text_breite - 6, erste + 10 * j, z) for j, z in enumerate(zeilen)),
        )
        teile.append(
            format_html(
                '<text font-size="8" text-anchor="end">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="#00457d"/>'
                '<text x="{}" y="{}" font-size="9">{}</text>',
                label,
                text_breite,
                oben + 4,
                laenge,
                zeile - 8,
                text_breite + laenge + 4,
                oben + zeile / 2 + 3,
                n,
            )
        )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" '
        'aria-label="{}">{}</svg>',
        breite,
        zeile * len(werte) + 4,
        _("Balkendiagramm der Bedarfe nach Handlungsfeld"),
        format_html_join("", "{}", ((t,) for t in teile)),
    )


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
