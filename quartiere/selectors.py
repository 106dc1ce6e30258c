"""Reads of the base app. Every list of another app starts from `quartiere_fuer(user)`."""

from django.db.models import F, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from .models import Programmeinsatz, Quartier, Zustaendigkeit
from .rules import ist_leitung


def quartiere_fuer(user) -> QuerySet[Quartier]:
    """Quartiers the user may read: all for superusers and Leitung, else the assigned ones."""
    if not user.is_authenticated:
        return Quartier.objects.none()
    if user.is_superuser or ist_leitung(user):
        return Quartier.objects.all()
    return Quartier.objects.filter(
        pk__in=Zustaendigkeit.objects.aktuell().filter(benutzer=user).values("quartier")
    )


def einziges_quartier_fuer(user) -> int | None:
    """The id of the one quartier the user may read, None for several or none. A list adds
    `quartier_id = <id>` next to its `quartier__in=quartiere_fuer(user)` condition (which
    stays and decides): PostgreSQL
    then reads the newest rows of that quartier in index order and stops after one page, where
    the subquery alone made it fetch and sort every row of the quartier."""
    ids = list(quartiere_fuer(user).values_list("pk", flat=True)[:2])
    return ids[0] if len(ids) == 1 else None


def bearbeitbare_quartiere_fuer(user) -> QuerySet[Quartier]:
    """Quartiers whose records the user may create and change (Quartiersmanagement role)."""
    if not user.is_authenticated:
        return Quartier.objects.none()
    if user.is_superuser:
        return Quartier.objects.all()
    return Quartier.objects.filter(
        pk__in=Zustaendigkeit.objects.aktuell()
        .filter(benutzer=user, rolle=Zustaendigkeit.Rolle.QUARTIERSMANAGEMENT)
        .values("quartier")
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
