"""Reads of the berichte app: figures aggregated in the database, in a constant number of
queries whatever the amount of data. Every read starts from the quartiers the user may read."""

import datetime
import math
from decimal import Decimal

from django.db.models import (
    Aggregate,
    Count,
    DecimalField,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext

from akteure.selectors import aktive_akteure_je_handlungsfeld, aktive_akteure_je_zielgruppe
from bedarfe.models import Bedarf, Weiterleitung
from bedarfe.selectors import (
    bedarfe_gezaehlt,
    offene_bedarfe_je_handlungsfeld,
    offene_bedarfe_je_zielgruppe,
)
from projekte.models import Auszahlung, Projekt, Stadtteilfonds
from quartiere.models import (
    Berichtspflicht,
    Fachbereich,
    Handlungsfeld,
    Programm,
    Programmeinsatz,
    Quartier,
    Zielgruppe,
)
from quartiere.selectors import begriffe, quartiere_fuer
from quartiersmanagement.abschnitte import geteilt

from .models import AbschlussZahl, AntwortdauerZahl, BedarfZahl, TerminZahl, WeiterleitungZahl

#: Funder reports due within this many days show on the quartier page.
BERICHTE_VORLAUF_TAGE = 60
#: A programme ending within this many days gets a warning.
LAUFZEIT_WARNUNG_TAGE = 90

GELD = DecimalField(max_digits=14, decimal_places=2)


class Median(Aggregate):
    """PostgreSQL `percentile_cont(0.5) WITHIN GROUP (ORDER BY ...)`; FILTER works as usual."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()
    allow_distinct = False


class TageZwischen(Func):
    """Days (fractional) from the second timestamp to the first."""

    template = "(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)"
    arg_joiner = " - "
    output_field = FloatField()


def _anzahl(qs: QuerySet) -> Subquery:
    return Coalesce(
        Subquery(
            qs.order_by().annotate(_n=Func(Value(1), function="COUNT")).values("_n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _jahresgrenzen(jahr: int) -> tuple[datetime.datetime, datetime.datetime]:
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime(jahr, 1, 1, tzinfo=tz),
        datetime.datetime(jahr + 1, 1, 1, tzinfo=tz),
    )


def gruppiert_je_quartier(qs: QuerySet, quartier: str, **aggregate) -> dict[int, dict]:
    """{quartier id: {name: value}} of `aggregate` over `qs`, grouped by the `quartier` path
    in the database (one query)."""
    return {
        zeile.pop(quartier): zeile
        for zeile in qs.order_by()
        .values(quartier)
        .annotate(**aggregate)
        .values(quartier, *aggregate)
    }


#: The figures of `quartiere_im_vergleich` with their value where a quartier has no rows.
VERGLEICH_LEER = {
    "bedarfe_eroeffnet": 0,
    "bedarfe_geschlossen": 0,
    "bedarfe_offen": 0,
    "projekte_laufend": 0,
    "teilnehmende": 0,
    "fonds_budget": Decimal(0),
    "fonds_bewilligt": Decimal(0),
    "fonds_ausgezahlt": Decimal(0),
}


def quartiere_im_vergleich(user, jahr: int, programm=None) -> list[Quartier]:
    """All readable quartiers (or those where `programm` ran in the year), by name, each with
    the year's figures as attributes. Needs and events come from the rollups (a few rows per
    quartier and year, whatever the number of needs), projects and funds from their own small
    tables: seven queries, whatever the number of quartiers or needs.
    Needs closed in the year = needs now closed whose closing event lies in it."""
    anfang, ende = _jahresgrenzen(jahr)
    quartiere = quartiere_fuer(user)
    if programm is not None:
        quartiere = quartiere.filter(
            pk__in=Programmeinsatz.objects.filter(
                Q(bis__isnull=True) | Q(bis__gte=anfang.date()),
                programm=programm,
                von__lt=ende.date(),
            ).values("quartier")
        )
    ids = quartiere.values("pk")
    fonds = Stadtteilfonds.objects.filter(quartier__in=ids, jahr=jahr)
    teile = [
        gruppiert_je_quartier(
            BedarfZahl.objects.filter(quartier__in=ids),
            "quartier",
            bedarfe_eroeffnet=Coalesce(Sum("anzahl", filter=Q(jahr=jahr)), 0),
            bedarfe_offen=Coalesce(Sum("anzahl", filter=~Q(status__in=Bedarf.ABGESCHLOSSEN)), 0),
        ),
        gruppiert_je_quartier(
            AbschlussZahl.objects.filter(quartier__in=ids, jahr=jahr),
            "quartier",
            bedarfe_geschlossen=Sum("anzahl"),
        ),
        gruppiert_je_quartier(
            Projekt.objects.laufend().filter(quartiere__in=ids),
            "quartiere",
            projekte_laufend=Count("pk", distinct=True),
        ),
        gruppiert_je_quartier(
            TerminZahl.objects.filter(quartier__in=ids, jahr=jahr),
            "quartier",
            teilnehmende=Sum("teilnehmende"),
        ),
        gruppiert_je_quartier(
            fonds, "quartier", fonds_budget=Sum("budget"), fonds_bewilligt=Sum("bewilligt_summe")
        ),
        gruppiert_je_quartier(
            Auszahlung.objects.filter(antrag__fonds__in=fonds.values("pk")),
            "antrag__fonds__quartier",
            fonds_ausgezahlt=Sum("betrag"),
        ),
    ]
    ergebnis = list(quartiere.order_by("name"))
    for quartier in ergebnis:
        vars(quartier).update(VERGLEICH_LEER)
        for teil in teile:
            vars(quartier).update(teil.get(quartier.pk, {}))
    return ergebnis


def fachbereiche(weiterleitungen: QuerySet[Weiterleitung]) -> list[Fachbereich]:
    """The departments that received any of `weiterleitungen`, by Kürzel, each with the
    figures of those forwards: forwarded, answered, overdue, median days to the answer and
    the outcomes. Two queries: the forwards grouped by department (reading only those rows),
    then the departments. The overview and the reports' Lotsenfunktion both use it."""
    beantwortet = Q(beantwortet_am__isnull=False)
    ergebnisse = {
        f"ergebnis_{wert}": Count("pk", filter=Q(ergebnis=wert))
        for wert in Weiterleitung.Ergebnis.values
    }
    zahlen = {
        zeile.pop("fachbereich"): zeile
        for zeile in weiterleitungen.order_by()
        .values("fachbereich")
        .annotate(
            weitergeleitet=Count("pk"),
            beantwortet=Count("pk", filter=beantwortet),
            ueberfaellig=Count(
                "pk", filter=Q(beantwortet_am__isnull=True, frist__lt=timezone.localdate())
            ),
            median_tage=Median(TageZwischen("beantwortet_am", "gesendet_am"), filter=beantwortet),
            **ergebnisse,
        )
    }
    liste = list(Fachbereich.objects.filter(pk__in=zahlen).order_by("kuerzel"))
    for fachbereich in liste:
        vars(fachbereich).update(zahlen[fachbereich.pk])
    return liste


def median(haeufigkeiten: list[tuple[float, int]]) -> float | None:
    """The median of values given as (value, count) in ascending order, computed exactly as
    PostgreSQL's percentile_cont(0.5): the middle value, or the mean of the two middle ones."""
    n = sum(anzahl for _wert, anzahl in haeufigkeiten)
    if not n:
        return None
    position = 0.5 * (n - 1)
    stellen = (math.floor(position), math.ceil(position))
    werte: list[float] = []
    gezaehlt = 0
    for wert, anzahl in haeufigkeiten:
        gezaehlt += anzahl
        while len(werte) < 2 and gezaehlt > stellen[len(werte)]:
            werte.append(wert)
    erster, zweiter = werte
    if stellen[0] == stellen[1]:
        return erster
    return erster + (zweiter - erster) * (position - stellen[0])


def fachbereiche_im_jahr(user, jahr: int) -> list[Fachbereich]:
    """Departments with forwards of the user's quartiers sent in the year, with the figures of
    `fachbereiche`, read from the rollups: three queries whatever the number of forwards
    (the durations' frequency table has one row per distinct duration)."""
    quartiere = quartiere_fuer(user).values("pk")
    offen = Q(ergebnis="")
    ergebnisse = {
        f"ergebnis_{wert}": Coalesce(Sum("anzahl", filter=Q(ergebnis=wert)), 0)
        for wert in Weiterleitung.Ergebnis.values
    }
    zahlen = {
        zeile.pop("fachbereich"): zeile
        for zeile in WeiterleitungZahl.objects.filter(jahr=jahr, quartier__in=quartiere)
        .order_by()
        .values("fachbereich")
        .annotate(
            weitergeleitet=Sum("anzahl"),
            beantwortet=Coalesce(Sum("anzahl", filter=~offen), 0),
            ueberfaellig=Coalesce(
                Sum("anzahl", filter=offen & Q(frist_offen__lt=timezone.localdate())), 0
            ),
            **ergebnisse,
        )
    }
    dauern: dict[int, list] = {}
    for fachbereich, tage, anzahl in (
        AntwortdauerZahl.objects.filter(jahr=jahr, quartier__in=quartiere)
        .order_by("fachbereich", "tage")
        .values("fachbereich", "tage")
        .annotate(n=Sum("anzahl"))
        .values_list("fachbereich", "tage", "n")
    ):
        dauern.setdefault(fachbereich, []).append((tage, anzahl))
    liste = list(Fachbereich.objects.filter(pk__in=zahlen).order_by("kuerzel"))
    for fachbereich in liste:
        vars(fachbereich).update(zahlen[fachbereich.pk])
        fachbereich.median_tage = median(dauern.get(fachbereich.pk, []))
    return liste


def summen(quartiere) -> dict:
    """City totals of the overview table (in Python over the already fetched rows)."""
    felder = (
        "bedarfe_eroeffnet",
        "bedarfe_geschlossen",
        "bedarfe_offen",
        "projekte_laufend",
        "teilnehmende",
    )
    geld = ("fonds_budget", "fonds_bewilligt", "fonds_ausgezahlt")
    ergebnis = {f: sum(getattr(q, f) for q in quartiere) for f in felder}
    ergebnis.update({f: sum((getattr(q, f) for q in quartiere), Decimal(0)) for f in geld})
    return ergebnis


# --- quartier page section ------------------------------------------------------------------


def offene_bedarfe_matrix(quartier) -> dict:
    """Open needs by Handlungsfeld (rows, in the order of the Handlungsfelder; needs without
    one last) and status (columns). Two queries, both shared on the quartier page
    (`abschnitte.geteilt`): the needs counted by status and Handlungsfeld, and the
    Handlungsfelder."""
    reihenfolge = {h.pk: i for i, h in enumerate(geteilt(begriffe, Handlungsfeld))}
    zeilen = sorted(
        (z for z in geteilt(bedarfe_gezaehlt, quartier) if z["status"] not in Bedarf.ABGESCHLOSSEN),
        key=lambda z: reihenfolge.get(z["handlungsfeld"], len(reihenfolge)),
    )
    namen = dict(Bedarf.Status.choices)
    status_reihe = [s for s in Bedarf.Status.values if s not in Bedarf.ABGESCHLOSSEN]
    felder: dict = {}
    for z in zeilen:
        feld = felder.setdefault(
            z["handlungsfeld"],
            {"pk": z["handlungsfeld"], "name": z["handlungsfeld__name"], "je_status": {}},
        )
        feld["je_status"][z["status"]] = z["anzahl"]
    benutzte = [s for s in status_reihe if any(s in f["je_status"] for f in felder.values())]
    zeilen_aus = []
    for feld in felder.values():
        feld["werte"] = [(s, feld["je_status"].get(s, 0)) for s in benutzte]
        feld["summe"] = sum(feld["je_status"].values())
        zeilen_aus.append(feld)
    return {
        "status": [(s, namen[s]) for s in benutzte],
        "zeilen": zeilen_aus,
        "summe": sum(f["summe"] for f in zeilen_aus),
        "spitze": max(zeilen_aus, key=lambda f: f["summe"], default=None),
    }


def chart_daten(matrix: dict) -> dict:
    """The matrix as Chart.js data (stacked bars: one dataset per status)."""
    return {
        "labels": [z["name"] or gettext("ohne Handlungsfeld") for z in matrix["zeilen"]],
        "datasets": [
            {"label": str(name), "data": [z["je_status"].get(s, 0) for z in matrix["zeilen"]]}
            for s, name in matrix["status"]
        ],
    }


def luecken_tabelle(quartier) -> dict:
    """Handlungsfelder and Zielgruppen with open needs next to the number of active actors
    working in them; a term with open needs and no active actor is a gap. Six small queries
    on their own; on the quartier page all but the open needs per Zielgruppe are shared with
    the other sections (`abschnitte.geteilt`)."""
    bedarfe_hf = offene_bedarfe_je_handlungsfeld(quartier)
    akteure_hf = geteilt(aktive_akteure_je_handlungsfeld, quartier)
    bedarfe_zg = offene_bedarfe_je_zielgruppe(quartier)
    akteure_zg = geteilt(aktive_akteure_je_zielgruppe, quartier)
    ids_hf = set(bedarfe_hf) | set(akteure_hf)
    ids_zg = set(bedarfe_zg) | set(akteure_zg)

    def zeilen(begriffe, bedarfe, akteure):
        return [
            {
                "begriff": b,
                "bedarfe": bedarfe.get(b.pk, 0),
                "akteure": akteure.get(b.pk, 0),
                "luecke": bedarfe.get(b.pk, 0) > 0 and not akteure.get(b.pk, 0),
            }
            for b in begriffe
        ]

    handlungsfelder = zeilen(
        [h for h in geteilt(begriffe, Handlungsfeld) if h.pk in ids_hf], bedarfe_hf, akteure_hf
    )
    zielgruppen = zeilen(
        [z for z in geteilt(begriffe, Zielgruppe) if z.pk in ids_zg], bedarfe_zg, akteure_zg
    )
    return {
        "handlungsfelder": handlungsfelder,
        "zielgruppen": zielgruppen,
        "anzahl": sum(z["luecke"] for z in handlungsfelder + zielgruppen),
    }


def faellige_berichte(quartier, stichtag: datetime.date | None = None):
    """Open funder reports of the programmes running here, due within 60 days (or overdue)."""
    stichtag = stichtag or timezone.localdate()
    laufende = Programmeinsatz.objects.aktuell(stichtag).filter(quartier=quartier)
    return list(
        Berichtspflicht.objects.filter(
            programm__in=laufende.values("programm"),
            erledigt_am__isnull=True,
            faellig_am__lte=stichtag + datetime.timedelta(days=BERICHTE_VORLAUF_TAGE),
        )
        .select_related("programm")
        .order_by("faellig_am")
    )


def quartier_dashboard(user, quartier) -> dict:
    """Context of the section on the quartier page; a constant number of queries."""
    matrix = offene_bedarfe_matrix(quartier)
    return {
        "matrix": matrix,
        "chart": chart_daten(matrix),
        "luecken": luecken_tabelle(quartier),
        "berichte": faellige_berichte(quartier),
        "heute": timezone.localdate(),
        "berichtsjahre": [timezone.localdate().year, timezone.localdate().year - 1],
    }


# --- programme page ---------------------------------------------------------------------------


def programm_fuer(user, pk: int) -> tuple[Programm, list[Programmeinsatz]]:
    """A programme with its periods in the quartiers the user reads; 404 if it runs in none."""
    einsaetze = list(
        Programmeinsatz.objects.filter(programm_id=pk, quartier__in=quartiere_fuer(user))
        .select_related("quartier")
        .order_by("quartier__name", "-von")
    )
    if not einsaetze:
        get_object_or_404(Programm.objects.none(), pk=pk)
    programm = get_object_or_404(
        Programm.objects.select_related("fachbereich").prefetch_related("berichtspflichten"),
        pk=pk,
    )
    return programm, einsaetze


# --- quartier dashboard: attention, next dates, charts of the other apps' figures ------------
# (Appended below the existing functions; charts reuse the other apps' selectors.)


def _url(name: str, **parameter) -> str:
    """A list URL with its filter parameters (None values left out)."""
    from urllib.parse import urlencode

    from django.urls import reverse

    werte = {k: v for k, v in parameter.items() if v is not None}
    return f"{reverse(name)}?{urlencode(werte)}" if werte else reverse(name)


def aufmerksamkeit(quartier, stichtag: datetime.date | None = None) -> list[dict]:
    """What needs attention now: overdue forwards, overdue action items and overdue proofs of
    use of the quartier, each with the filtered list behind it. One query."""
    from akteure.models import Aufgabe
    from projekte.selectors import ueberfaellige_nachweise

    stichtag = stichtag or timezone.localdate()
    werte = (
        Quartier.objects.filter(pk=quartier.pk)
        .annotate(
            n_weiterleitungen=_anzahl(
                Weiterleitung.objects.ueberfaellig(stichtag)
                .filter(bedarf__quartier=OuterRef("pk"))
                .values("bedarf__quartier")
            ),
            n_aufgaben=_anzahl(
                Aufgabe.objects.offen()
                .filter(quartier=OuterRef("pk"), faellig_am__lt=stichtag)
                .values("quartier")
            ),
            n_nachweise=_anzahl(
                ueberfaellige_nachweise(stichtag=stichtag)
                .filter(fonds__quartier=OuterRef("pk"))
                .values("fonds__quartier")
            ),
        )
        .values("n_weiterleitungen", "n_aufgaben", "n_nachweise")
        .get()
    )
    return [
        {
            "schluessel": "weiterleitungen",
            "titel": gettext("überfällige Weiterleitungen"),
            "hinweis": gettext("an Fachbereiche, Frist verstrichen, noch keine Antwort"),
            "anzahl": werte["n_weiterleitungen"],
            "url": _url("bedarfe:weiterleitungen", quartier=quartier.pk, ueberfaellig="true"),
        },
        {
            "schluessel": "aufgaben",
            "titel": gettext("überfällige Aufgaben"),
            "hinweis": gettext("aus Gremien und Sitzungen, fällig und nicht erledigt"),
            "anzahl": werte["n_aufgaben"],
            "url": _url("akteure:aufgaben", quartier=quartier.pk, ueberfaellig="true"),
        },
        {
            "schluessel": "nachweise",
            "titel": gettext("überfällige Verwendungsnachweise"),
            "hinweis": gettext("Stadtteilfonds: Frist verstrichen, Nachweis nicht eingereicht"),
            "anzahl": werte["n_nachweise"],
            "url": _url("projekte:nachweise_ueberfaellig", quartier=quartier.pk),
        },
    ]


def naechste_termine(quartier, anzahl: int = 5) -> dict:
    """The next `anzahl` events (not cancelled) in the quartier and the next `anzahl` meetings
    (not cancelled) of its Gremien, merged by date. Two queries."""
    from akteure.models import Sitzung
    from projekte.models import Termin

    jetzt = timezone.now()
    termine = (
        Termin.objects.filter(quartier=quartier, beginn__gte=jetzt, abgesagt=False)
        .select_related("projekt")
        .order_by("beginn", "pk")[:anzahl]
    )
    sitzungen = (
        Sitzung.objects.filter(gremium__quartier=quartier, beginn__gte=jetzt)
        .exclude(status=Sitzung.Status.ABGESAGT)
        .select_related("gremium")
        .order_by("beginn", "pk")[:anzahl]
    )
    eintraege = [
        {
            "beginn": t.beginn,
            "art": gettext("Veranstaltung"),
            "titel": t.titel,
            "zusatz": t.projekt.titel if t.projekt_id else "",
            "ort": t.ort,
            "url": t.projekt.get_absolute_url()
            if t.projekt_id
            else _url("projekte:termine", quartier=quartier.pk, von=t.beginn.date().isoformat()),
        }
        for t in termine
    ] + [
        {
            "beginn": s.beginn,
            "art": gettext("Sitzung"),
            "titel": s.titel or s.gremium.name,
            "zusatz": s.gremium.name,
            "ort": s.ort,
            "url": s.get_absolute_url(),
        }
        for s in sitzungen
    ]
    eintraege.sort(key=lambda e: e["beginn"])
    return {
        "eintraege": eintraege,
        "termine_url": _url(
            "projekte:termine", quartier=quartier.pk, von=timezone.localdate().isoformat()
        ),
        "gremien_url": _url("akteure:gremien", quartier=quartier.pk),
    }


def _diagramm(
    kennung: str,
    titel: str,
    zusammenfassung: str,
    kopf: str,
    spalten: list[str],
    zeilen: list[dict],
    *,
    geld: bool = False,
    typ: str = "bar",
    horizontal: bool = False,
) -> dict:
    """One chart in the generic form the template `berichte/_diagramm.html` and the script
    `js/berichte-diagramm.js` understand: a data table (rows with cells {wert, url}) and the
    same figures as Chart.js data for the json_script element."""
    return {
        "id": kennung,
        "daten_id": f"{kennung}-daten",
        "titel": titel,
        "zusammenfassung": zusammenfassung,
        "kopf": kopf,
        "spalten": spalten,
        "zeilen": zeilen,
        "geld": geld,
        "daten": {
            "typ": typ,
            "horizontal": horizontal,
            "labels": [str(z["label"]) for z in zeilen],
            "datasets": [
                {"label": str(s), "data": [float(z["zellen"][i]["wert"] or 0) for z in zeilen]}
                for i, s in enumerate(spalten)
            ],
        },
    }


def _zelle(wert, url: str | None = None) -> dict:
    return {"wert": wert, "url": url if wert else None}


def diagramme(user, quartier) -> dict:
    """Charts of projects by status, the fund of the year, this year's activation figures and
    the network, from the projekte and akteure selectors (two queries, read once per page via
    `abschnitte.geteilt`: the akteure section shows the network figures too)."""
    from akteure.selectors import netzwerk_ueberblick
    from projekte.selectors import quartier_abschnitt as projekte_zahlen

    p = projekte_zahlen(user, quartier)
    jahr = p["jahr"]
    ergebnis = {"jahr": jahr}

    status = p["projekte_je_status"]
    gesamt = sum(z["anzahl"] for z in status)
    spitze = max(status, key=lambda z: z["anzahl"], default=None)
    satz = gettext("%(n)s Projekte im Quartier.") % {"n": gesamt}
    if gesamt:
        satz += " " + gettext("Die meisten sind im Status „%(status)s“ (%(anzahl)s).") % {
            "status": spitze["label"],
            "anzahl": spitze["anzahl"],
        }
    ergebnis["projekte"] = _diagramm(
        "projekte-status",
        gettext("Projekte nach Status; die Zahlen führen zur gefilterten Projektliste"),
        satz,
        gettext("Status"),
        [gettext("Projekte")],
        [
            {
                "label": z["label"],
                "zellen": [
                    _zelle(
                        z["anzahl"],
                        _url("projekte:liste", quartier=quartier.pk, status=z["status"].value),
                    )
                ],
            }
            for z in status
        ],
    )

    fonds = p["fonds"]
    if fonds:
        budget = fonds["budget"] or Decimal(0)
        anteil = round(100 * fonds["bewilligt_summe"] / budget) if budget else 0
        satz = gettext(
            "Vom Budget %(jahr)s (%(budget)s) sind %(bewilligt)s bewilligt (%(anteil)s %%) "
            "und %(ausgezahlt)s ausgezahlt; %(verfuegbar)s sind noch verfügbar."
        ) % {
            "budget": _euro(budget),
            "jahr": jahr,
            "bewilligt": _euro(fonds["bewilligt_summe"]),
            "anteil": anteil,
            "ausgezahlt": _euro(fonds["ausgezahlt"]),
            "verfuegbar": _euro(fonds["verfuegbar"]),
        }
        ergebnis["fonds"] = _diagramm(
            "fonds-jahr",
            gettext("Stadtteilfonds %(jahr)s in Euro; die Beträge führen zum Fonds")
            % {"jahr": jahr},
            satz,
            gettext("Betrag"),
            [gettext("Euro")],
            [
                {"label": gettext(name), "zellen": [_zelle(fonds[feld], fonds["url"])]}
                for name, feld in (
                    ("Budget", "budget"),
                    ("bewilligt", "bewilligt_summe"),
                    ("ausgezahlt", "ausgezahlt"),
                    ("verfügbar", "verfuegbar"),
                )
            ],
            geld=True,
        )
    else:
        ergebnis["fonds"] = None

    a = p["aktivierung"]
    termine_url = _url(
        "projekte:termine",
        quartier=quartier.pk,
        von=f"{jahr}-01-01",
        bis=f"{jahr}-12-31",
        abgesagt="false",
    )
    ergebnis["aktivierung"] = _diagramm(
        "aktivierung-jahr",
        gettext("Aktivierung %(jahr)s (nicht abgesagte Termine); die Zahlen führen zur Terminliste")
        % {"jahr": jahr},
        gettext(
            "%(termine)s Termine mit %(teilnehmende)s Teilnehmenden; %(ehrenamtliche)s "
            "Ehrenamtliche haben %(stunden)s Stunden mitgewirkt."
        )
        % {
            "termine": a["termine"],
            "teilnehmende": a["teilnehmende"],
            "ehrenamtliche": a["ehrenamtliche"],
            "stunden": _zahl(a["ehrenamtsstunden"]),
        },
        gettext("Kennzahl"),
        [gettext("Anzahl")],
        [
            {"label": gettext(name), "zellen": [_zelle(a[feld], termine_url)]}
            for name, feld in (
                ("Termine", "termine"),
                ("Teilnehmende", "teilnehmende"),
                ("Ehrenamtliche", "ehrenamtliche"),
                ("Ehrenamtsstunden", "ehrenamtsstunden"),
            )
        ],
    )

    k = geteilt(netzwerk_ueberblick, quartier)
    karte = f"{_url('akteure:netzwerk')}?quartier={quartier.slug}"
    ergebnis["netzwerk"] = _diagramm(
        "netzwerk",
        gettext("Netzwerk der aktiven Akteure; die Zahlen führen zur Liste bzw. Netzwerkkarte"),
        gettext(
            "%(akteure)s aktive Akteure mit %(verbindungen)s Verbindungen; %(isoliert)s davon "
            "ohne Verbindung."
        )
        % {
            "akteure": k["akteure"],
            "verbindungen": k["verbindungen"],
            "isoliert": k["anzahl_isoliert"],
        },
        gettext("Kennzahl"),
        [gettext("Anzahl")],
        [
            {
                "label": gettext("aktive Akteure"),
                "zellen": [
                    _zelle(k["akteure"], _url("akteure:liste", quartier=quartier.pk, aktiv="true"))
                ],
            },
            {"label": gettext("Verbindungen"), "zellen": [_zelle(k["verbindungen"], karte)]},
            {
                "label": gettext("isolierte Akteure"),
                "zellen": [_zelle(k["anzahl_isoliert"], karte)],
            },
        ],
    )
    return ergebnis


def _euro(wert) -> str:
    from quartiersmanagement.templatetags.qm import euro

    return euro(wert)


def _zahl(wert) -> str:
    from django.utils.formats import number_format

    return number_format(wert, decimal_pos=None if wert != int(wert) else 0)


def quartier_cockpit(user, quartier) -> dict:
    """Context of the section "Was Aufmerksamkeit braucht": attention figures and next dates."""
    return {
        "aufmerksamkeit": aufmerksamkeit(quartier),
        "naechste": naechste_termine(quartier),
    }


def quartier_diagramme(user, quartier) -> dict:
    """Context of the charts section on the quartier page."""
    return diagramme(user, quartier)
