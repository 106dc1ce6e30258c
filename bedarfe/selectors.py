"""Reads of the bedarfe app; each starts from the quartiers the user may read."""

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import (
    BooleanField,
    Count,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.shortcuts import get_object_or_404
from django.utils import timezone

from quartiere.selectors import einziges_quartier_fuer, quartiere_fuer
from quartiersmanagement.abschnitte import geteilt

from .models import Bedarf, Bedarfsereignis, Erhebung, Erhebungsdatei, Weiterleitung

AEHNLICHKEIT_MINDESTENS = 0.3


class ZeileVorhanden(Func):
    """`(subquery LIMIT 1) IS NOT NULL`: true like EXISTS, but PostgreSQL looks it up for the
    50 rows of a page only, where it hashed the whole EXISTS result of every need first."""

    template = "((%(expressions)s) IS NOT NULL)"
    output_field = BooleanField()


def ueberfaellige_weiterleitungen(heute) -> QuerySet[Weiterleitung]:
    """The need's (OuterRef) unanswered forwards past their deadline."""
    return Weiterleitung.objects.ueberfaellig(heute).filter(bedarf=OuterRef("pk"))


def bedarfe_fuer(user) -> QuerySet[Bedarf]:
    """Needs the user may read, with what the list and export show, in constant queries."""
    heute = timezone.localdate()
    return (
        Bedarf.objects.filter(quartier__in=quartiere_fuer(user))
        .select_related("quartier", "handlungsfeld", "erhebung")
        .prefetch_related("zielgruppen")
        .annotate(
            ist_ueberfaellig=ZeileVorhanden(ueberfaellige_weiterleitungen(heute).values("pk")[:1])
        )
        .defer("suchvektor")
    )


def im_einzigen_quartier(bedarfe: QuerySet[Bedarf], user) -> QuerySet[Bedarf]:
    """`bedarfe` (already limited by `bedarfe_fuer`) with `quartier_id = <id>` added when the
    user reads one quartier only, so the list's first page comes straight from the index
    (quartiere.selectors.einziges_quartier_fuer)."""
    quartier_id = einziges_quartier_fuer(user)
    return bedarfe if quartier_id is None else bedarfe.filter(quartier_id=quartier_id)


def _zielgruppen_namen(*reihenfolge: str) -> Subquery:
    """The need's (OuterRef) target groups' names as one text ("Kinder, Senioren")."""
    return Subquery(
        Bedarf.zielgruppen.through.objects.filter(bedarf=OuterRef("pk"))
        .order_by()
        .values("bedarf")
        .annotate(
            namen=StringAgg(
                "zielgruppe__name",
                ", ",
                order_by=reihenfolge,
            )
        )
        .values("namen")
    )


def fuer_export(bedarfe: QuerySet[Bedarf]) -> QuerySet[Bedarf]:
    """The list's needs for an export: the target groups as one text column from the database
    instead of a prefetch, which cost more than all other columns of 10,000 rows together."""
    return bedarfe.prefetch_related(None).annotate(
        zielgruppen_namen=_zielgruppen_namen("zielgruppe__name")
    )


# What a row of the needs list shows (bedarfe/bedarf_list.html, views._zeile).
LISTENSPALTEN = (
    "titel",
    "status",
    "prioritaet",
    "nennungen",
    "gemeldet_am",
    "quartier__name",
    "handlungsfeld__name",
)


def fuer_liste(bedarfe: QuerySet[Bedarf]) -> QuerySet[Bedarf]:
    """The list page's needs with only the shown columns (a quartier row carries its GeoJSON
    border, a need its description) and the target groups as one text (`zielgruppen_namen`)
    from the same query: PostgreSQL computes it for the page's 50 rows only (after the sort and
    LIMIT), where a prefetch cost a query and 50 related lists."""
    return (
        bedarfe.select_related(None)
        .select_related("quartier", "handlungsfeld")
        .only(*LISTENSPALTEN)
        .prefetch_related(None)
        .annotate(
            # in the target groups' own order (Meta.ordering), as the detail page shows them
            zielgruppen_namen=_zielgruppen_namen("zielgruppe__sortierung", "zielgruppe__name")
        )
    )


def bedarf_fuer(user, pk: int) -> Bedarf:
    """One readable need (404 for another quartier's need)."""
    return get_object_or_404(bedarfe_fuer(user).select_related("zusammengefuehrt_in"), pk=pk)


def zeitleiste(bedarf: Bedarf) -> QuerySet[Bedarfsereignis]:
    """The need's events and those of the needs merged into it, oldest first. The needs are
    picked in a subquery: an OR across the join made PostgreSQL scan every event."""
    bedarfe = Bedarf.objects.filter(Q(pk=bedarf.pk) | Q(zusammengefuehrt_in=bedarf)).values("pk")
    return (
        Bedarfsereignis.objects.filter(bedarf__in=bedarfe)
        .select_related("benutzer", "bedarf", "weiterleitung__fachbereich")
        .order_by("zeitpunkt", "pk")
    )


def weiterleitungen_von(bedarf: Bedarf) -> QuerySet[Weiterleitung]:
    return (
        Weiterleitung.objects.filter(bedarf=bedarf)
        .select_related("fachbereich", "vorgeschlagener_fachbereich", "vorgaenger__fachbereich")
        .prefetch_related(
            Prefetch("nachfolger", queryset=Weiterleitung.objects.only("pk", "bedarf_id"))
        )
        .order_by("gesendet_am", "pk")
    )


def aehnliche_bedarfe(user, *, quartier, titel: str, ausser: int | None = None, anzahl=5):
    """Needs of the same quartier whose title looks alike (pg_trgm similarity). Only what the
    hints show (title, status, mentions) is read: the list's joins, prefetch and overdue flag
    cost a query and a subplan per row for nothing here."""
    titel = (titel or "").strip()
    if len(titel) < 3 or quartier is None:
        return Bedarf.objects.none()
    qs = (
        Bedarf.objects.filter(quartier__in=quartiere_fuer(user))
        .only("pk", "quartier_id", "titel", "status", "nennungen")
        .filter(quartier=quartier)
        .exclude(status=Bedarf.Status.ZUSAMMENGEFUEHRT)
        .annotate(aehnlichkeit=TrigramSimilarity("titel", titel))
        .filter(aehnlichkeit__gte=AEHNLICHKEIT_MINDESTENS)
        .order_by("-aehnlichkeit", "-pk")
    )
    if ausser:
        qs = qs.exclude(pk=ausser)
    return qs[:anzahl]


def weiterleitungen_fuer(user) -> QuerySet[Weiterleitung]:
    """Open forwards of the user's quartiers, overdue first (oldest Frist first)."""
    return (
        Weiterleitung.objects.offen()
        .filter(bedarf__quartier__in=quartiere_fuer(user))
        .select_related("bedarf__quartier", "fachbereich")
        .order_by("frist", "pk")
    )


def erhebungen_fuer(user) -> QuerySet[Erhebung]:
    return (
        Erhebung.objects.filter(quartier__in=quartiere_fuer(user))
        .select_related("quartier")
        .annotate(anzahl_bedarfe=Count("bedarfe", distinct=True))
        .order_by("-datum", "titel")
    )


def erhebung_fuer(user, pk: int) -> Erhebung:
    qs = Erhebung.objects.filter(quartier__in=quartiere_fuer(user)).select_related("quartier")
    return get_object_or_404(
        qs.prefetch_related(
            "dateien",
            Prefetch("bedarfe", queryset=Bedarf.objects.defer("suchvektor").order_by("titel")),
        ),
        pk=pk,
    )


def erhebungsdatei_fuer(user, pk: int) -> Erhebungsdatei:
    return get_object_or_404(
        Erhebungsdatei.objects.filter(erhebung__quartier__in=quartiere_fuer(user)).select_related(
            "erhebung__quartier"
        ),
        pk=pk,
    )


# --- figures for other pages ------------------------------------------------------------------


def bedarfe_gezaehlt(quartier) -> list[dict]:
    """A quartier's needs counted by status and Handlungsfeld (id and name): one
    grouped query. The quartier page reads it once (`abschnitte.geteilt`) for the needs by
    status, the open needs by Handlungsfeld, the open-needs matrix and the gap table."""
    return list(
        Bedarf.objects.filter(quartier=quartier)
        .values("status", "handlungsfeld", "handlungsfeld__name")
        .annotate(anzahl=Count("pk"))
        .order_by()
    )


def quartier_kennzahlen(user, quartier) -> dict:
    """The quartier page's section: needs by status (value, label, count), open needs by
    Handlungsfeld (pk, name, count; the pk lets the count link to the filtered list), overdue
    forwards. Two queries whatever the amount of data (the counts shared with other sections)."""
    namen = dict(Bedarf.Status.choices)
    je_status: dict[str, int] = {}
    je_handlungsfeld: dict[tuple, int] = {}
    for z in geteilt(bedarfe_gezaehlt, quartier):
        je_status[z["status"]] = je_status.get(z["status"], 0) + z["anzahl"]
        if z["status"] not in Bedarf.ABGESCHLOSSEN:
            feld = (z["handlungsfeld"], z["handlungsfeld__name"] or "")
            je_handlungsfeld[feld] = je_handlungsfeld.get(feld, 0) + z["anzahl"]
    ueberfaellig = list(
        Weiterleitung.objects.ueberfaellig()
        .filter(bedarf__quartier=quartier)
        .select_related("bedarf", "fachbereich")
        .order_by("frist")[:10]
    )
    return {
        "je_status": [(s, namen[s], je_status[s]) for s in Bedarf.Status.values if s in je_status],
        "je_handlungsfeld": [
            (pk, name, anzahl)
            for (pk, name), anzahl in sorted(
                je_handlungsfeld.items(), key=lambda e: (-e[1], e[0][1])
            )
        ],
        "ueberfaellig": ueberfaellig,
    }


def offene_bedarfe_je_handlungsfeld(quartier) -> dict[int, int]:
    """Open needs of a quartier per Handlungsfeld id (for the gap analysis); one query, shared
    on the quartier page (see `bedarfe_gezaehlt`)."""
    ergebnis: dict[int, int] = {}
    for z in geteilt(bedarfe_gezaehlt, quartier):
        if z["handlungsfeld"] is not None and z["status"] not in Bedarf.ABGESCHLOSSEN:
            ergebnis[z["handlungsfeld"]] = ergebnis.get(z["handlungsfeld"], 0) + z["anzahl"]
    return ergebnis


def offene_bedarfe_je_zielgruppe(quartier) -> dict[int, int]:
    """Open needs of a quartier per Zielgruppe id (for the gap analysis); one query."""
    through = Bedarf.zielgruppen.through
    return dict(
        through.objects.filter(bedarf__quartier=quartier)
        .exclude(bedarf__status__in=Bedarf.ABGESCHLOSSEN)
        .values("zielgruppe")
        .annotate(anzahl=Count("bedarf", distinct=True))
        .order_by()
        .values_list("zielgruppe", "anzahl")
    )
