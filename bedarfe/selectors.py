"""Reads of the bedarfe app; each starts from the quartiers the user may read."""

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import TrigramDistance, TrigramSimilarity
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    Count,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast
from django.shortcuts import get_object_or_404
from django.utils import timezone

from quartiere.selectors import in_lesbaren_quartieren, quartiere_fuer
from quartiersmanagement.history import history_for

from .models import Bedarf, Bedarfsereignis, Erhebung, Erhebungsdatei
from .weiterleitungen.selectors import weiterleitungen_von

AEHNLICHKEIT_MINDESTENS = 0.3
AEHNLICHE_KANDIDATEN = 50


def ueberfaellig_am(stichtag) -> Case:
    """True for a need with an open forward whose Frist passed before `stichtag`
    (`Bedarf.ueberfaellig_bedingung`): a comparison per row, not a lookup of the forwards."""
    return Case(
        When(Bedarf.ueberfaellig_bedingung(stichtag), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def bedarfe_fuer(user) -> QuerySet[Bedarf]:
    """Needs the user may read, with what the list and export show, in constant queries."""
    heute = timezone.localdate()
    return (
        in_lesbaren_quartieren(Bedarf.objects.all(), user)
        .select_related("quartier", "handlungsfeld", "erhebung")
        .prefetch_related("zielgruppen")
        .annotate(ist_ueberfaellig=ueberfaellig_am(heute))
        .defer("suchvektor")
    )


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


# What a row of the needs list shows (bedarfe/bedarf_list.html).
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


def bedarf_seite_fuer(user, pk: int) -> Bedarf:
    """The need of its page (404 for another quartier's need) with its quartier (without its
    border), Handlungsfeld, Erhebung and the need it was merged into in one query, and its
    target groups (`zielgruppen_liste`) in a second."""
    return get_object_or_404(
        Bedarf.objects.filter(quartier__in=quartiere_fuer(user))
        .select_related("quartier", "handlungsfeld", "erhebung", "zusammengefuehrt_in")
        .defer("suchvektor", "quartier__grenze", "zusammengefuehrt_in__suchvektor")
        .prefetch_related(Prefetch("zielgruppen", to_attr="zielgruppen_liste")),
        pk=pk,
    )


def bedarf_seite_daten(bedarf: Bedarf) -> dict:
    """What a need's page shows besides the need: timeline, forwards, similar needs of its
    quartier, the needs merged into it and the audit trail, each in a constant number of
    queries."""
    return {
        "zeitleiste": list(zeitleiste(bedarf)),
        "weiterleitungen": weiterleitungen_von(bedarf),
        "aehnliche": aehnliche_im_quartier(bedarf.quartier, titel=bedarf.titel, ausser=bedarf.pk),
        "zusammengefuehrte": list(
            bedarf.zusammengefuehrte.only("pk", "titel", "zusammengefuehrt_in_id")
        ),
        "verlauf": history_for(bedarf),
    }


# What an entry of the timeline shows (bedarfe/bedarf_detail.html): the user by name
# (`Benutzer.__str__`), the title of a merged need its event comes from.
ZEITLEISTE_FELDER = (
    "bedarf__titel",
    "art",
    "zeitpunkt",
    "benutzer__username",
    "benutzer__first_name",
    "benutzer__last_name",
    "extern",
    "von_status",
    "zu_status",
    "kommentar",
)


def zeitleiste(bedarf: Bedarf) -> QuerySet[Bedarfsereignis]:
    """The need's events and those of the needs merged into it, oldest first, with what the
    timeline shows: who (name), the title of a merged need. The needs are picked in a
    subquery: an OR across the join made PostgreSQL scan every event. Only the shown columns
    and two joins: planning and compiling the query took longer than running it (the whole
    rows of need, forward and department cost 1.5 ms more per page)."""
    bedarfe = Bedarf.objects.filter(Q(pk=bedarf.pk) | Q(zusammengefuehrt_in=bedarf)).values("pk")
    return (
        Bedarfsereignis.objects.filter(bedarf__in=bedarfe)
        .select_related("benutzer", "bedarf")
        .only(*ZEITLEISTE_FELDER)
        .order_by("zeitpunkt", "pk")
    )


def aehnliche_bedarfe(
    user, *, quartier, titel: str, ausser: int | None = None, anzahl=5
) -> list[Bedarf]:
    """Needs of the same quartier whose title looks alike (pg_trgm similarity at least
    `AEHNLICHKEIT_MINDESTENS`), most similar first, newest first among equals. Only what the
    hints show (title, status, mentions) is read.

    The nearest titles come straight from the GiST index `bedarf_quartier_titel_trgm` (ordered
    by the distance `<->`, which is 1 − similarity), so a quartier with thousands of needs does
    not compare every title: that took 25 ms on city-scale data. The index cannot break ties by
    id, so `AEHNLICHE_KANDIDATEN` nearest ones are read and sorted here; only when that many
    tie with the last shown one (the order among them is then unknown) a second query sorts all
    of them exactly. The quartier id is cast to bigint: btree_gist compares bigint with bigint
    only, a plain integer literal would keep the index from narrowing to the quartier."""
    if quartier is None:
        return []
    return _aehnliche(
        Bedarf.objects.filter(quartier__in=quartiere_fuer(user)),
        quartier,
        titel=titel,
        ausser=ausser,
        anzahl=anzahl,
    )


def aehnliche_im_quartier(
    quartier, *, titel: str, ausser: int | None = None, anzahl=5
) -> list[Bedarf]:
    """`aehnliche_bedarfe` for a quartier the caller has already checked the user may read
    (a need's page: the need's own quartier), so the result is the same for every reader."""
    return _aehnliche(Bedarf.objects.all(), quartier, titel=titel, ausser=ausser, anzahl=anzahl)


def _aehnliche(basis, quartier, *, titel: str, ausser: int | None, anzahl: int) -> list[Bedarf]:
    titel = (titel or "").strip()
    if len(titel) < 3:
        return []
    qs = (
        basis.filter(quartier_id=Cast(Value(quartier.pk), BigIntegerField()))
        .only("pk", "quartier_id", "titel", "status", "nennungen")
        .exclude(status=Bedarf.Status.ZUSAMMENGEFUEHRT)
        .annotate(
            aehnlichkeit=TrigramSimilarity("titel", titel),
            abstand=TrigramDistance("titel", titel),
        )
        # `%` lets the index skip dissimilar titles (pg_trgm.similarity_threshold, default
        # 0.3); the explicit bound keeps the meaning whatever that setting is.
        .filter(titel__trigram_similar=titel, aehnlichkeit__gte=AEHNLICHKEIT_MINDESTENS)
    )
    if ausser:
        qs = qs.exclude(pk=ausser)
    kandidaten = list(qs.order_by("abstand")[:AEHNLICHE_KANDIDATEN])
    if (
        len(kandidaten) == AEHNLICHE_KANDIDATEN
        and kandidaten[-1].abstand <= kandidaten[anzahl - 1].abstand
    ):
        kandidaten = list(qs.order_by("-aehnlichkeit", "-pk")[:anzahl])
    return sorted(kandidaten, key=lambda b: (-b.aehnlichkeit, -b.pk))[:anzahl]


def zusammenfuehren_kandidaten(bedarf: Bedarf, *, suche: str = "", anzahl=10) -> list[Bedarf]:
    """Targets for merging `bedarf` (whose quartier the caller has checked): the similar needs
    without a search; with one, the quartier's needs whose title contains the words or whose
    number it is, most similar first. Never every open need: a quartier has thousands."""
    suche = (suche or "").strip().lstrip("#")
    if not suche:
        return aehnliche_im_quartier(bedarf.quartier, titel=bedarf.titel, ausser=bedarf.pk)
    treffer = Q(titel__icontains=suche)
    if suche.isdigit():
        treffer |= Q(pk=int(suche))
    return list(
        Bedarf.objects.filter(treffer, quartier_id=bedarf.quartier_id)
        .exclude(pk=bedarf.pk)
        .exclude(status=Bedarf.Status.ZUSAMMENGEFUEHRT)
        .only("pk", "quartier_id", "titel", "status", "nennungen")
        .annotate(aehnlichkeit=TrigramSimilarity("titel", suche))
        .order_by("-aehnlichkeit", "-pk")[:anzahl]
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
    grouped query, from which the quartier page takes the needs by status, the open-needs
    matrix and the gap table."""
    return list(
        Bedarf.objects.filter(quartier=quartier)
        .values("status", "handlungsfeld", "handlungsfeld__name")
        .annotate(anzahl=Count("pk"))
        .order_by()
    )


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
