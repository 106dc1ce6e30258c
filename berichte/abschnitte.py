"""The building blocks of a report: a `Section` (one table with typed cells, printed in the
PDF and written as one sheet of the XLSX) and the bar chart drawn as inline SVG."""

import datetime
import textwrap
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from quartiersmanagement import exports
from quartiersmanagement.templatetags.qm import euro


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
