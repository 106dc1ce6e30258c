"""Reads of the projekte app; every one starts from the quartiers the user may read."""

from decimal import Decimal

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import (
    Count,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.shortcuts import get_object_or_404

from bedarfe.models import Bedarf
from quartiere.models import Quartier
from quartiere.selectors import bearbeitbare_quartiere_fuer, quartiere_fuer
from quartiersmanagement import ical

from .models import (
    Budgetposten,
    Projekt,
    Projektpartner,
    Statusaenderung,
    Termin,
)

NULL_EURO = Value(Decimal("0.00"), output_field=DecimalField(max_digits=12, decimal_places=2))


def suchen(qs: QuerySet, text: str) -> QuerySet:
    """German full-text search on the stored search vector, best hits first."""
    anfrage = SearchQuery(text, config="german", search_type="websearch")
    # F: rank the stored vector (a field name would rebuild one from its text per row).
    return qs.filter(suchvektor=anfrage).annotate(rang=SearchRank(F("suchvektor"), anfrage))


# --------------------------------------------------------------------------------------------
# Projekte


def _in_quartieren(quartiere) -> Exists:
    return Exists(
        Projekt.quartiere.through.objects.filter(projekt=OuterRef("pk"), quartier__in=quartiere)
    )


def projekte_fuer(user) -> QuerySet[Projekt]:
    """Projects in at least one quartier the user may read, with what the list shows."""
    return (
        Projekt.objects.filter(_in_quartieren(quartiere_fuer(user)))
        .select_related("programm")
        .prefetch_related("quartiere", "handlungsfelder", "zielgruppen")
    )


def fuer_listenseite(projekte: QuerySet[Projekt]) -> QuerySet[Projekt]:
    """The list page's projects with only the shown columns (not their texts), the quartiers as
    a plain list (`quartiere_liste`), so a row reads them without a queryset clone per row."""
    return (
        projekte.only(
            "titel",
            "slug",
            "status",
            "qm_rolle",
            "beginn",
            "ende",
            "programm__name",
            "programm__kurzname",
        )
        .prefetch_related(None)
        .prefetch_related(
            Prefetch("quartiere", Quartier.objects.only("name"), to_attr="quartiere_liste")
        )
    )


def bearbeitbare_projekte_fuer(user) -> QuerySet[Projekt]:
    return Projekt.objects.filter(_in_quartieren(bearbeitbare_quartiere_fuer(user)))


def projekt_fuer(user, slug: str) -> Projekt:
    """One readable project (404 for a project of other quartiers only)."""
    return get_object_or_404(projekte_fuer(user), slug=slug)


def projekt_detail(user, slug: str) -> Projekt:
    """One readable project with everything its page shows; another quartier's gives 404."""
    qs = (
        projekte_fuer(user)
        .select_related("aufgabe")
        .prefetch_related(
            Prefetch("partner", queryset=Projektpartner.objects.select_related("akteur")),
            Prefetch("bedarfe", queryset=Bedarf.objects.select_related("quartier")),
            Prefetch(
                "statusaenderungen",
                queryset=Statusaenderung.objects.select_related("geaendert_von"),
            ),
            Prefetch(
                "budgetposten", queryset=Budgetposten.objects.order_by("quelle", "bezeichnung")
            ),
            Prefetch(
                "termine",
                queryset=Termin.objects.select_related("quartier").order_by("-beginn"),
            ),
        )
    )
    return get_object_or_404(qs, slug=slug)


def budget_summen(budgetposten) -> dict:
    """Planned and actual sums per funding source and in total (of prefetched lines)."""
    je_quelle = {}
    for quelle in Budgetposten.Quelle:
        je_quelle[quelle] = {
            "label": quelle.label,
            "geplant": Decimal(0),
            "tatsaechlich": Decimal(0),
        }
    for p in budgetposten:
        je_quelle[p.quelle]["geplant"] += p.geplant
        je_quelle[p.quelle]["tatsaechlich"] += p.tatsaechlich or 0
    gesamt = {
        "geplant": sum((z["geplant"] for z in je_quelle.values()), Decimal(0)),
        "tatsaechlich": sum((z["tatsaechlich"] for z in je_quelle.values()), Decimal(0)),
    }
    return {
        "je_quelle": [z for z in je_quelle.values() if z["geplant"] or z["tatsaechlich"]],
        "gesamt": gesamt,
    }


# --------------------------------------------------------------------------------------------
# Termine and activation figures


def termine_fuer(user) -> QuerySet[Termin]:
    return Termin.objects.filter(quartier__in=quartiere_fuer(user)).select_related(
        "quartier", "projekt"
    )


def fuer_terminliste(termine: QuerySet[Termin]) -> QuerySet[Termin]:
    """The list page's events with only the shown columns (not the quartier's GeoJSON border,
    the project's texts or the event's description)."""
    return termine.only(
        "beginn",
        "titel",
        "ort",
        "oeffentlich",
        "abgesagt",
        "ehrenamtliche",
        "teilnehmende",
        "quartier__name",
        "projekt__titel",
        "projekt__slug",
    )


def termin_zum_bearbeiten(user, pk: int) -> Termin:
    """An event the user may read (else 404), with its participant lines."""
    return get_object_or_404(
        Termin.objects.filter(quartier__in=quartiere_fuer(user))
        .select_related("quartier", "projekt")
        .prefetch_related("teilnahmen__zielgruppe"),
        pk=pk,
    )


def _aktivierungszahlen() -> dict:
    """The activation figures of events as aggregates; `aktivierung` sums them over all
    events, `aktivierung_je_jahr` per year."""
    return {
        "termine": Count("pk"),
        "teilnehmende": Coalesce(Sum("teilnehmende"), 0),
        "ehrenamtliche": Coalesce(Sum("ehrenamtliche"), 0),
        "ehrenamtsstunden": Coalesce(Sum("ehrenamtsstunden"), Decimal(0)),
    }


def aktivierung(termine: QuerySet[Termin]) -> dict:
    """Events, participants, volunteers and volunteer hours of (not cancelled) events: one query."""
    return termine.filter(abgesagt=False).aggregate(**_aktivierungszahlen())


def aktivierung_je_jahr(termine: QuerySet[Termin]) -> list[dict]:
    """The activation figures grouped by year, newest first: one query."""
    return list(
        termine.filter(abgesagt=False)
        .annotate(jahr=ExtractYear("beginn"))
        .order_by()
        .values("jahr")
        .annotate(**_aktivierungszahlen())
        .order_by("-jahr")
    )


def feed_termine(*, quartier, nur_oeffentliche: bool) -> QuerySet[Termin]:
    """The events of a calendar feed: those of the feed window (see quartiersmanagement.ical)."""
    qs = Termin.objects.filter(quartier=quartier, beginn__gte=ical.window_start())
    qs = qs.select_related("projekt")
    if nur_oeffentliche:
        qs = qs.filter(oeffentlich=True)
    return qs.order_by("beginn")


# --------------------------------------------------------------------------------------------
# Sections on other apps' pages


def bedarf_abschnitt(user, bedarf) -> dict:
    """The projects answering a need, with their state and result: need -> project -> result."""
    from quartiere.rules import darf_quartier_bearbeiten

    return {
        "projekte": list(
            Projekt.objects.filter(_in_quartieren(quartiere_fuer(user)), bedarfe=bedarf).only(
                "titel", "slug", "status", "ergebnis"
            )
        ),
        "darf_anlegen": darf_quartier_bearbeiten(user, bedarf.quartier),
    }
