"""Reads of the berichte app: figures aggregated in the database, in a constant number of
queries whatever the amount of data. Every read starts from the quartiers the user may read."""

import math
from decimal import Decimal

from django.db.models import (
    Aggregate,
    Count,
    DecimalField,
    FloatField,
    Func,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from bedarfe.models import Bedarf, Weiterleitung
from projekte.models import Fondsantrag, Projekt, Stadtteilfonds
from quartiere.models import (
    Fachbereich,
    Programm,
    Programmeinsatz,
)
from quartiere.selectors import quartiere_fuer

from .models import AbschlussZahl, AntwortdauerZahl, BedarfZahl, TerminZahl, WeiterleitungZahl

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


#: The figures of `vergleichszahlen` with their value where a quartier has no rows.
VERGLEICH_LEER = {
    "bedarfe_eroeffnet": 0,
    "bedarfe_geschlossen": 0,
    "bedarfe_offen": 0,
    "projekte_laufend": 0,
    "teilnehmende": 0,
    "fonds_budget": Decimal("0.00"),
    "fonds_bewilligt": Decimal("0.00"),
    "fonds_ausgezahlt": Decimal("0.00"),
}


def vergleichszahlen(quartier_ids: list[int], jahr: int) -> dict[int, dict]:
    """Per quartier the figures of the city overview for the year (`VERGLEICH_LEER`). Needs
    and events come from the rollups (a few rows per quartier and year, whatever the number of
    needs), projects and funds from their own small tables: six queries whatever the number of
    quartiers or needs. The overview caches the result one quartier at a time
    (`berichte.uebersicht`), so it reads plain ids, never the user.
    Needs closed in the year = needs now closed whose closing event lies in it."""
    fonds = Stadtteilfonds.objects.filter(quartier__in=quartier_ids, jahr=jahr)
    teile = [
        gruppiert_je_quartier(
            BedarfZahl.objects.filter(quartier__in=quartier_ids),
            "quartier",
            # a merged need counts once, in its target
            bedarfe_eroeffnet=Coalesce(
                Sum("anzahl", filter=Q(jahr=jahr) & ~Q(status=Bedarf.Status.ZUSAMMENGEFUEHRT)), 0
            ),
            bedarfe_offen=Coalesce(Sum("anzahl", filter=~Q(status__in=Bedarf.ABGESCHLOSSEN)), 0),
        ),
        gruppiert_je_quartier(
            AbschlussZahl.objects.filter(quartier__in=quartier_ids, jahr=jahr),
            "quartier",
            bedarfe_geschlossen=Sum("anzahl"),
        ),
        # Counted on the project-quartier pairs (unique): no DISTINCT, no sort of 8,000 pairs.
        gruppiert_je_quartier(
            Projekt.quartiere.through.objects.filter(
                quartier__in=quartier_ids,
                projekt__status__in=[Projekt.Status.PLANUNG, Projekt.Status.UMSETZUNG],
            ),
            "quartier",
            projekte_laufend=Count("pk"),
        ),
        gruppiert_je_quartier(
            TerminZahl.objects.filter(quartier__in=quartier_ids, jahr=jahr),
            "quartier",
            teilnehmende=Sum("teilnehmende"),
        ),
        gruppiert_je_quartier(
            fonds, "quartier", fonds_budget=Sum("budget"), fonds_bewilligt=Sum("bewilligt_summe")
        ),
        # The payouts as the applications sum them up (the database adds every payout and
        # its reversal to `ausgezahlt_summe`): a third of the time of summing the journal.
        gruppiert_je_quartier(
            Fondsantrag.objects.filter(fonds__in=fonds.values("pk")),
            "fonds__quartier",
            fonds_ausgezahlt=Sum("ausgezahlt_summe"),
        ),
    ]
    ergebnis = {q: dict(VERGLEICH_LEER) for q in quartier_ids}
    for teil in teile:
        for q, werte in teil.items():
            ergebnis[q].update(werte)
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
                "pk",
                filter=Q(
                    beantwortet_am__isnull=True,
                    zurueckgezogen_am__isnull=True,
                    frist__lt=timezone.localdate(),
                ),
            ),
            median_tage=Median(TageZwischen("beantwortet_am", "gesendet_am"), filter=beantwortet),
            **ergebnisse,
        )
    }
    liste = list(Fachbereich.objects.filter(pk__in=zahlen).order_by("extern", "kuerzel"))
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


def fachbereiche_im_jahr(quartier_ids: list[int] | None, jahr: int) -> list[Fachbereich]:
    """Departments with forwards of these quartiers (None: of all) sent in the year, with the
    figures of `fachbereiche`, read from the rollups: three queries whatever the number of
    forwards (the durations' frequency table has one row per distinct duration). From ids,
    never the user: the overview caches it (`uebersicht.fachbereiche`)."""
    in_quartieren = {} if quartier_ids is None else {"quartier_id__in": quartier_ids}
    offen = Q(ergebnis="")
    # a withdrawn forward is neither open nor answered (its own outcome column counts it)
    beantwortet = ~offen & ~Q(ergebnis=Weiterleitung.Ergebnis.ZURUECKGEZOGEN)
    ergebnisse = {
        f"ergebnis_{wert}": Coalesce(Sum("anzahl", filter=Q(ergebnis=wert)), 0)
        for wert in Weiterleitung.Ergebnis.values
    }
    zahlen = {
        zeile.pop("fachbereich"): zeile
        for zeile in WeiterleitungZahl.objects.filter(jahr=jahr, **in_quartieren)
        .order_by()
        .values("fachbereich")
        .annotate(
            weitergeleitet=Sum("anzahl"),
            beantwortet=Coalesce(Sum("anzahl", filter=beantwortet), 0),
            ueberfaellig=Coalesce(
                Sum("anzahl", filter=offen & Q(frist_offen__lt=timezone.localdate())), 0
            ),
            **ergebnisse,
        )
    }
    dauern: dict[int, list] = {}
    for fachbereich, tage, anzahl in (
        AntwortdauerZahl.objects.filter(jahr=jahr, **in_quartieren)
        .order_by("fachbereich", "tage")
        .values("fachbereich", "tage")
        .annotate(n=Sum("anzahl"))
        .values_list("fachbereich", "tage", "n")
    ):
        dauern.setdefault(fachbereich, []).append((tage, anzahl))
    # departments first, the Stellen outside the administration after them (shown apart)
    liste = list(Fachbereich.objects.filter(pk__in=zahlen).order_by("extern", "kuerzel"))
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
    ergebnis.update({f: sum((getattr(q, f) for q in quartiere), Decimal("0.00")) for f in geld})
    return ergebnis


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
