"""The annual report of a quartier: aggregate figures only (no personal data), as PDF and XLSX.

Each section is one table (`Abschnitt`): the PDF shows them one after the other, the XLSX
writes one sheet per section with typed cells.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from openpyxl import Workbook

from akteure.models import Akteur, Aufgabe, Beschluss, Sitzung
from bedarfe.models import Bedarf, Bedarfsereignis, Weiterleitung
from projekte.models import Auszahlung, Fondsantrag, Projekt, Stadtteilfonds, Teilnahme, Termin
from quartiersmanagement import exports, pdf
from quartiersmanagement.templatetags.qm import euro

from .selectors import _jahresgrenzen, fachbereiche_im_jahr


@dataclass
class Abschnitt:
    titel: str
    spalten: list[str]
    zeilen: list[list] = field(default_factory=list)

    def anzeige(self) -> list[list[str]]:
        """The rows as German text for the PDF (money with €, days with one decimal)."""
        return [[_text(w) for w in zeile] for zeile in self.zeilen]


def _text(wert) -> str:
    if wert is None:
        return "–"
    if isinstance(wert, Decimal):
        return euro(wert)
    if isinstance(wert, float):
        return f"{wert:.1f}".replace(".", ",")
    return str(wert)


def _bedarfe(quartier, jahr, anfang, ende) -> tuple[Abschnitt, list[tuple[str, int]]]:
    bedarfe = Bedarf.objects.filter(quartier=quartier)
    gemeldet = bedarfe.filter(gemeldet_am__year=jahr)
    weiterleitungen = Weiterleitung.objects.filter(bedarf__quartier=quartier).aggregate(
        weitergeleitet=Count("pk", filter=Q(gesendet_am__gte=anfang, gesendet_am__lt=ende)),
        beantwortet=Count("pk", filter=Q(beantwortet_am__gte=anfang, beantwortet_am__lt=ende)),
    )
    abgeschlossen = (
        Bedarfsereignis.objects.filter(
            bedarf__quartier=quartier,
            bedarf__status__in=Bedarf.ABGESCHLOSSEN,
            zu_status__in=Bedarf.ABGESCHLOSSEN,
            zeitpunkt__gte=anfang,
            zeitpunkt__lt=ende,
        )
        .values("bedarf")
        .distinct()
        .count()
    )
    je_feld = [
        (z["handlungsfeld__name"] or _("ohne Handlungsfeld"), z["anzahl"])
        for z in gemeldet.values("handlungsfeld__name")
        .annotate(anzahl=Count("pk"))
        .order_by("-anzahl", "handlungsfeld__name")
    ]
    abschnitt = Abschnitt(
        _("Bedarfe"),
        [_("Kennzahl"), _("Anzahl")],
        [
            [_("gemeldet"), gemeldet.count()],
            [_("an Fachbereiche weitergeleitet"), weiterleitungen["weitergeleitet"]],
            [_("Antworten erhalten"), weiterleitungen["beantwortet"]],
            [_("abgeschlossen"), abgeschlossen],
            [_("offen (heute)"), bedarfe.offen().count()],
        ]
        + [[_("gemeldet im Handlungsfeld %(feld)s") % {"feld": f}, n] for f, n in je_feld],
    )
    return abschnitt, je_feld


def _lotsenfunktion(user, quartier, jahr) -> Abschnitt:
    return Abschnitt(
        _("Lotsenfunktion"),
        [
            _("Fachbereich"),
            _("weitergeleitet"),
            _("beantwortet"),
            _("überfällig"),
            _("Median Tage bis Antwort"),
        ],
        [
            [str(fb), fb.weitergeleitet, fb.beantwortet, fb.ueberfaellig, fb.median_tage]
            for fb in fachbereiche_im_jahr(user, jahr, quartier=quartier)
        ],
    )


def _netzwerk(quartier, jahr, anfang, ende) -> Abschnitt:
    sitzungen = Sitzung.objects.filter(
        gremium__quartier=quartier,
        beginn__gte=anfang,
        beginn__lt=ende,
        status=Sitzung.Status.DURCHGEFUEHRT,
    )
    aufgaben = Aufgabe.objects.filter(quartier=quartier).aggregate(
        neu=Count("pk", filter=Q(erstellt__gte=anfang, erstellt__lt=ende)),
        erledigt=Count("pk", filter=Q(erledigt_am__year=jahr)),
    )
    return Abschnitt(
        _("Netzwerk und Gremien"),
        [_("Kennzahl"), _("Anzahl")],
        [
            [
                _("aktive Akteure (heute)"),
                Akteur.objects.filter(quartiere=quartier, aktiv=True).count(),
            ],
            [_("Gremiensitzungen durchgeführt"), sitzungen.count()],
            [_("Beschlüsse"), Beschluss.objects.filter(sitzung__in=sitzungen).count()],
            [_("Aufgaben vereinbart"), aufgaben["neu"]],
            [_("Aufgaben erledigt"), aufgaben["erledigt"]],
        ],
    )


def _projekte(quartier, anfang, ende) -> Abschnitt:
    namen = dict(Projekt.Status.choices)
    je_status = dict(
        Projekt.objects.filter(quartiere=quartier)
        .values("status")
        .annotate(anzahl=Count("pk"))
        .order_by()
        .values_list("status", "anzahl")
    )
    termine = Termin.objects.filter(
        quartier=quartier, abgesagt=False, beginn__gte=anfang, beginn__lt=ende
    )
    aktivierung = termine.aggregate(
        anzahl=Count("pk"),
        ehrenamtliche=Sum("ehrenamtliche"),
        stunden=Sum("ehrenamtsstunden"),
    )
    teilnehmende = Teilnahme.objects.filter(termin__in=termine).aggregate(s=Sum("anzahl"))["s"]
    stunden = aktivierung["stunden"] or Decimal(0)
    return Abschnitt(
        _("Projekte"),
        [_("Kennzahl"), _("Anzahl")],
        [
            [_("Projekte im Status %(status)s") % {"status": namen[s]}, je_status.get(s, 0)]
            for s in Projekt.Status.values
        ]
        + [
            [_("Veranstaltungen"), aktivierung["anzahl"]],
            [_("Teilnehmende"), teilnehmende or 0],
            [_("Ehrenamtliche"), aktivierung["ehrenamtliche"] or 0],
            [_("Ehrenamtsstunden"), float(stunden)],
        ],
    )


def _fonds(quartier, jahr) -> Abschnitt:
    fonds = Stadtteilfonds.objects.filter(quartier=quartier, jahr=jahr).first()
    antraege = Fondsantrag.objects.filter(fonds=fonds).aggregate(
        eingegangen=Count("pk"),
        bewilligt=Count("pk", filter=Q(status__in=Fondsantrag.BEWILLIGTE)),
        abgelehnt=Count("pk", filter=Q(status=Fondsantrag.Status.ABGELEHNT)),
    )
    ausgezahlt = Auszahlung.objects.filter(antrag__fonds=fonds).aggregate(s=Sum("betrag"))["s"]
    null = Decimal("0.00")
    return Abschnitt(
        _("Stadtteilfonds"),
        [_("Kennzahl"), _("Wert")],
        [
            [_("Budget"), fonds.budget if fonds else null],
            [_("Anträge eingegangen"), antraege["eingegangen"]],
            [_("Anträge bewilligt"), antraege["bewilligt"]],
            [_("Anträge abgelehnt"), antraege["abgelehnt"]],
            [_("bewilligt insgesamt"), fonds.bewilligt_summe if fonds else null],
            [_("ausgezahlt"), ausgezahlt or null],
        ],
    )


def balken_svg(werte: list[tuple[str, int]], *, breite=440, zeile=18) -> str:
    """A horizontal bar chart as inline SVG (labels escaped by format_html), drawn on the
    server so the PDF needs no JavaScript."""
    if not werte:
        return ""
    hoechster = max(n for _n, n in werte) or 1
    text_breite = 170
    balken_max = breite - text_breite - 40
    balken = format_html_join(
        "",
        '<text x="{}" y="{}" font-size="9" text-anchor="end">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#00457d"/>'
        '<text x="{}" y="{}" font-size="9">{}</text>',
        (
            (
                text_breite - 6,
                i * zeile + zeile - 4,
                name[:32],
                text_breite,
                i * zeile + 2,
                round(balken_max * n / hoechster),
                zeile - 5,
                text_breite + round(balken_max * n / hoechster) + 4,
                i * zeile + zeile - 4,
                n,
            )
            for i, (name, n) in enumerate(werte)
        ),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img">{}</svg>',
        breite,
        zeile * len(werte) + 4,
        balken,
    )


def jahresbericht(user, quartier, jahr: int) -> dict:
    anfang, ende = _jahresgrenzen(jahr)
    bedarfe, je_feld = _bedarfe(quartier, jahr, anfang, ende)
    return {
        "quartier": quartier,
        "jahr": jahr,
        "abschnitte": [
            bedarfe,
            _lotsenfunktion(user, quartier, jahr),
            _netzwerk(quartier, jahr, anfang, ende),
            _projekte(quartier, anfang, ende),
            _fonds(quartier, jahr),
        ],
        "diagramm": balken_svg(je_feld),
    }


def _dateiname(quartier, jahr) -> str:
    return f"jahresbericht-{quartier.slug}-{jahr}"


def jahresbericht_pdf(user, quartier, jahr: int, request=None):
    return pdf.pdf_antwort(
        "berichte/jahresbericht_pdf.html",
        jahresbericht(user, quartier, jahr),
        dateiname=_dateiname(quartier, jahr),
        request=request,
    )


def jahresbericht_xlsx(user, quartier, jahr: int):
    mappe = Workbook(write_only=True)
    for abschnitt in jahresbericht(user, quartier, jahr)["abschnitte"]:
        exports.xlsx_schreiben(
            mappe,
            titel=abschnitt.titel,
            spalten=[
                exports.Spalte(titel, lambda zeile, i=i: zeile[i])
                for i, titel in enumerate(abschnitt.spalten)
            ],
            zeilen=abschnitt.zeilen,
        )
    return exports.mappe_antwort(mappe, dateiname=_dateiname(quartier, jahr))
