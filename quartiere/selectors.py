"""Reads of the base app. Every list of another app starts from `quartiere_fuer(user)`."""

from django.db.models import F, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from .models import Programm, Programmeinsatz, Quartier, Zustaendigkeit
from .zugriff import zugriff_fuer


def quartiere_fuer(user) -> QuerySet[Quartier]:
    """Quartiers the user may read: all for superusers and Leitung, else the assigned ones."""
    return zugriff_fuer(user).lesbare_quartiere()


def in_lesbaren_quartieren(queryset: QuerySet, user) -> QuerySet:
    """`queryset` (rows whose `quartier` is never empty) limited to the quartiers the user may
    read. Unchanged for city-wide roles: every row lies in a readable quartier, and the
    condition `quartier_id IN (SELECT id FROM quartiere)` only added a join to the plan (the
    city overview's department figures: 1.3 ms per rollup)."""
    if zugriff_fuer(user).liest_alle:
        return queryset
    return queryset.filter(quartier__in=quartiere_fuer(user))


def einziges_quartier_fuer(user) -> int | None:
    """The id of the one quartier the user may read, None for city-wide roles or several or
    none. A list adds `quartier_id = <id>` next to its `quartier__in=quartiere_fuer(user)`
    condition (which stays and decides): PostgreSQL then reads the newest rows of that quartier
    in index order and stops after one page, where the subquery alone made it fetch and sort
    every row of the quartier."""
    return zugriff_fuer(user).einziges_quartier()


def im_einzigen_quartier(queryset: QuerySet, user) -> QuerySet:
    """`queryset` (rows with a `quartier_id`, already limited to the user's quartiers) with
    `quartier_id = <id>` added when the user reads one quartier only, so a list's page comes
    straight from the quartier's index (see `einziges_quartier_fuer`)."""
    quartier_id = einziges_quartier_fuer(user)
    return queryset if quartier_id is None else queryset.filter(quartier_id=quartier_id)


def bearbeitbare_quartiere_fuer(user) -> QuerySet[Quartier]:
    """Quartiers whose records the user may create and change (Quartiersmanagement role)."""
    return zugriff_fuer(user).bearbeitbare_quartiere()


def programme_fuer(user) -> QuerySet[Programm]:
    """Programmes that run or ran in a quartier the user reads: the programme pick list
    (every programme for city-wide roles)."""
    if zugriff_fuer(user).liest_alle:
        return Programm.objects.all()
    return Programm.objects.filter(
        pk__in=Programmeinsatz.objects.filter(quartier__in=quartiere_fuer(user)).values("programm")
    )


def meine_zustaendigkeiten(user) -> QuerySet[Zustaendigkeit]:
    """The user's current roles, with their quartiers, for the start page."""
    return (
        Zustaendigkeit.objects.aktuell()
        .filter(benutzer=user)
        .select_related("quartier")
        .order_by("quartier__name", "rolle")
    )


def _details() -> tuple[Prefetch, Prefetch]:
    return (
        Prefetch(
            "programmeinsaetze",
            queryset=Programmeinsatz.objects.select_related("programm").order_by(
                F("bis").desc(nulls_first=True), "-von"
            ),
            to_attr="alle_programmeinsaetze",
        ),
        Prefetch(
            "zustaendigkeiten",
            queryset=Zustaendigkeit.objects.aktuell()
            .select_related("benutzer")
            .order_by("rolle", "benutzer__last_name"),
            to_attr="aktuelle_zustaendigkeiten",
        ),
    )


def quartier_mit_details(user, slug: str) -> Quartier:
    """One readable quartier with its programmes (running first) and current staff; else 404."""
    return get_object_or_404(quartiere_fuer(user).prefetch_related(*_details()), slug=slug)
