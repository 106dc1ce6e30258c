"""The figures of the reports, one function per section and one place per figure.

Every function takes `fenster`: a list of (quartier, first day, last day) windows. The
Jahresbericht passes one window (the quartier, 1 January to 31 December), the Sachbericht and
the programme page one window per Programmeinsatz intersected with the report period. Each
function aggregates in the database (grouped by quartier, so the programme page gets a row per
quartier) in a fixed number of queries, whatever the amount of data or the number of windows.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from akteure.models import Akteur, Aufgabe, Beschluss, Sitzung
from bedarfe.models import Bedarf, Bedarfsereignis, Weiterleitung
from projekte.models import Auszahlung, Fondsantrag, Projekt, Stadtteilfonds, Termin
from quartiere.models import Fachbereich
from quartiersmanagement.report_parts import im_fenster

from . import selectors
from .selectors import gruppiert_je_quartier

NULL_EURO = Decimal("0.00")


@dataclass(frozen=True)
class Fenster:
    """One quartier in one period (both days included)."""

    quartier_id: int
    von: datetime.date
    bis: datetime.date


def jahresfenster(quartier, jahr: int) -> list[Fenster]:
    return [Fenster(quartier.pk, datetime.date(jahr, 1, 1), datetime.date(jahr, 12, 31))]


def programmfenster(einsaetze, von: datetime.date, bis: datetime.date) -> list[Fenster]:
    """Each Programmeinsatz intersected with the period [von, bis]; empty ones left out."""
    fenster = []
    for e in einsaetze:
        anfang, ende = max(e.von, von), min(e.bis or bis, bis)
        if anfang <= ende:
            fenster.append(Fenster(e.quartier_id, anfang, ende))
    return fenster


def summe(je_quartier: dict[int, dict], name: str, null=0):
    return sum((werte.get(name) or null for werte in je_quartier.values()), null)


def _zusammen(*teile: dict[int, dict]) -> dict[int, dict]:
    ergebnis: dict[int, dict] = defaultdict(dict)
    for teil in teile:
        for quartier_id, werte in teil.items():
            ergebnis[quartier_id].update(werte)
    return dict(ergebnis)


# --- Bedarfe ----------------------------------------------------------------------------------


def bedarfe(fenster) -> dict[int, dict]:
    """Needs recorded, forwards sent and answered, needs closed, per quartier (4 queries)."""
    geschlossen = Bedarfsereignis.objects.filter(
        im_fenster(fenster, "bedarf__quartier", "zeitpunkt", zeitpunkt=True),
        bedarf__status__in=Bedarf.ABGESCHLOSSEN_GEZAEHLT,
        zu_status__in=Bedarf.ABGESCHLOSSEN_GEZAEHLT,
    )
    # A merged need counts once, in its target: never as reported or closed of its own.
    bedarfe_gezaehlt = Bedarf.objects.exclude(status=Bedarf.Status.ZUSAMMENGEFUEHRT)
    return _zusammen(
        gruppiert_je_quartier(
            bedarfe_gezaehlt.filter(im_fenster(fenster, "quartier", "gemeldet_am")),
            "quartier",
            gemeldet=Count("pk"),
        ),
        gruppiert_je_quartier(
            Weiterleitung.objects.filter(
                im_fenster(fenster, "bedarf__quartier", "gesendet_am", zeitpunkt=True)
            ),
            "bedarf__quartier",
            weitergeleitet=Count("pk"),
        ),
        gruppiert_je_quartier(
            Weiterleitung.objects.filter(
                im_fenster(fenster, "bedarf__quartier", "beantwortet_am", zeitpunkt=True)
            ),
            "bedarf__quartier",
            beantwortet=Count("pk"),
        ),
        gruppiert_je_quartier(
            geschlossen, "bedarf__quartier", abgeschlossen=Count("bedarf", distinct=True)
        ),
    )


def bedarfe_offen_heute(fenster) -> int:
    return (
        Bedarf.objects.offen().filter(quartier__in={f.quartier_id for f in fenster}).count()
        if fenster
        else 0
    )


def bedarfe_je_handlungsfeld(fenster) -> list[tuple[str | None, int]]:
    """(Handlungsfeld name or None, needs recorded) with the most first; one query."""
    return [
        (z["handlungsfeld__name"], z["anzahl"])
        for z in Bedarf.objects.exclude(status=Bedarf.Status.ZUSAMMENGEFUEHRT)
        .filter(im_fenster(fenster, "quartier", "gemeldet_am"))
        .values("handlungsfeld__name")
        .annotate(anzahl=Count("pk"))
        .order_by("-anzahl", "handlungsfeld__name")
    ]


# --- Lotsenfunktion ---------------------------------------------------------------------------


def lotsenfunktion(fenster) -> list[Fachbereich]:
    """Departments with forwards sent in the windows: answered, overdue, median days to the
    answer (`selectors.fachbereiche`, as on the overview)."""
    return selectors.fachbereiche(
        Weiterleitung.objects.filter(
            im_fenster(fenster, "bedarf__quartier", "gesendet_am", zeitpunkt=True)
        )
    )


# --- Netzwerk und Gremien ---------------------------------------------------------------------


def netzwerk(fenster) -> dict[int, dict]:
    """Meetings held, decisions, action items agreed and done, per quartier (4 queries)."""
    sitzungen = Q(status=Sitzung.Status.DURCHGEFUEHRT) & im_fenster(
        fenster, "gremium__quartier", "beginn", zeitpunkt=True
    )
    return _zusammen(
        gruppiert_je_quartier(
            Sitzung.objects.filter(sitzungen), "gremium__quartier", sitzungen=Count("pk")
        ),
        gruppiert_je_quartier(
            Beschluss.objects.filter(
                sitzung__status=Sitzung.Status.DURCHGEFUEHRT,
            ).filter(
                im_fenster(fenster, "sitzung__gremium__quartier", "sitzung__beginn", zeitpunkt=True)
            ),
            "sitzung__gremium__quartier",
            beschluesse=Count("pk"),
        ),
        gruppiert_je_quartier(
            Aufgabe.objects.filter(im_fenster(fenster, "quartier", "erstellt", zeitpunkt=True)),
            "quartier",
            aufgaben_neu=Count("pk"),
        ),
        gruppiert_je_quartier(
            Aufgabe.objects.filter(im_fenster(fenster, "quartier", "erledigt_am")),
            "quartier",
            aufgaben_erledigt=Count("pk"),
        ),
    )


def aktive_akteure_heute(fenster) -> int:
    """Active actors working in the windows' quartiers today (each counted once)."""
    if not fenster:
        return 0
    return (
        Akteur.objects.filter(quartiere__in={f.quartier_id for f in fenster}, aktiv=True)
        .values("pk")
        .distinct()
        .count()
    )


# --- Projekte ---------------------------------------------------------------------------------


def projekte_im_fenster(fenster) -> Q:
    """Projects of a window's quartier that ran (at least partly) in it."""
    bedingung = Q(pk__isnull=True)
    for f in fenster:
        bedingung |= (
            Q(quartiere=f.quartier_id)
            & (Q(beginn__isnull=True) | Q(beginn__lte=f.bis))
            & (Q(ende__isnull=True) | Q(ende__gte=f.von))
        )
    return bedingung


def projekte(fenster) -> dict[int, dict]:
    """Projects running, events held, participants, volunteers and volunteer hours, per
    quartier (2 queries; an event carries the sum of its participants)."""
    termine = Termin.objects.filter(
        im_fenster(fenster, "quartier", "beginn", zeitpunkt=True), abgesagt=False
    )
    return _zusammen(
        gruppiert_je_quartier(
            Projekt.objects.filter(projekte_im_fenster(fenster)),
            "quartiere",
            projekte=Count("pk", distinct=True),
        ),
        gruppiert_je_quartier(
            termine,
            "quartier",
            veranstaltungen=Count("pk"),
            teilnehmende=Sum("teilnehmende"),
            ehrenamtliche=Sum("ehrenamtliche"),
            ehrenamtsstunden=Sum("ehrenamtsstunden"),
        ),
    )


def projekte_je_status(fenster) -> dict[str, int]:
    """Projects that ran in the windows by status, each project once; one query."""
    return dict(
        Projekt.objects.filter(
            pk__in=Projekt.objects.filter(projekte_im_fenster(fenster)).values("pk")
        )
        .values("status")
        .annotate(anzahl=Count("pk"))
        .order_by()
        .values_list("status", "anzahl")
    )


# --- Stadtteilfonds ---------------------------------------------------------------------------


def _fonds_im_fenster(fenster, pfad="") -> Q:
    """The funds of a window's quartier for the calendar years the window touches."""
    bedingung = Q(pk__isnull=True)
    for f in fenster:
        bedingung |= Q(
            **{
                f"{pfad}quartier": f.quartier_id,
                f"{pfad}jahr__gte": f.von.year,
                f"{pfad}jahr__lte": f.bis.year,
            }
        )
    return bedingung


def stadtteilfonds(fenster) -> dict[int, dict]:
    """Budget, applications received / granted / rejected, amount granted and paid out of
    the funds of the windows' years, per quartier (3 queries)."""
    return _zusammen(
        gruppiert_je_quartier(
            Stadtteilfonds.objects.filter(_fonds_im_fenster(fenster)),
            "quartier",
            budget=Sum("budget"),
            bewilligt_summe=Sum("bewilligt_summe"),
        ),
        gruppiert_je_quartier(
            Fondsantrag.objects.filter(_fonds_im_fenster(fenster, "fonds__")),
            "fonds__quartier",
            antraege=Count("pk"),
            antraege_bewilligt=Count("pk", filter=Q(status__in=Fondsantrag.BEWILLIGTE)),
            antraege_abgelehnt=Count("pk", filter=Q(status=Fondsantrag.Status.ABGELEHNT)),
        ),
        gruppiert_je_quartier(
            Auszahlung.objects.filter(_fonds_im_fenster(fenster, "antrag__fonds__")),
            "antrag__fonds__quartier",
            ausgezahlt=Sum("betrag"),
        ),
    )


# --- all sections per quartier (programme page) ------------------------------------------------


def je_quartier(fenster) -> dict[int, dict]:
    """The key figures of every section per quartier: 14 queries whatever the data size."""
    return _zusammen(
        bedarfe(fenster), netzwerk(fenster), projekte(fenster), stadtteilfonds(fenster)
    )
