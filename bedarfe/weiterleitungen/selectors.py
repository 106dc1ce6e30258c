"""Reads of the forwards; each starts from the quartiers the user may read."""

from django.db.models import Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404

from quartiere.models import Fachbereich
from quartiere.selectors import (
    bearbeitbare_quartiere_fuer,
    im_einzigen_quartier,
    quartiere_fuer,
)

from ..models import Bedarf
from .models import Weiterleitung


def weiterleitungen_von(bedarf: Bedarf) -> list[Weiterleitung]:
    """The need's forwards, oldest first, each with its department, the suggested one, its
    predecessor (`vorgaenger`, re-routed from) and whether it was re-routed (`umgeleitet`).

    Re-routing keeps the need and merging moves all its forwards, so the predecessor is one of
    these forwards and is taken from the list: joining it with its department cost more to
    compile than the query took to run (1.2 ms per page). One that lies elsewhere (changed in
    the admin) is read when the page asks for it."""
    weiterleitungen = list(
        Weiterleitung.objects.filter(bedarf=bedarf)
        .select_related("fachbereich", "vorgeschlagener_fachbereich")
        .annotate(umgeleitet=Exists(Weiterleitung.objects.filter(vorgaenger=OuterRef("pk"))))
        .order_by("gesendet_am", "pk")
    )
    nach_pk = {w.pk: w for w in weiterleitungen}
    for w in weiterleitungen:
        if w.vorgaenger_id in nach_pk:
            w.vorgaenger = nach_pk[w.vorgaenger_id]
    return weiterleitungen


def weiterleitungen_fuer(user) -> QuerySet[Weiterleitung]:
    """Open forwards of the user's quartiers, overdue first (oldest Frist first). A user of
    one quartier gets `quartier_id = <id>` as well: the page then comes straight from the
    index `weiterl_offen_je_quartier` (quartiere.selectors.im_einzigen_quartier)."""
    weiterleitungen = Weiterleitung.objects.offen().filter(quartier__in=quartiere_fuer(user))
    return (
        im_einzigen_quartier(weiterleitungen, user)
        .select_related("bedarf__quartier", "fachbereich")
        .order_by("frist", "pk")
    )


def fuer_weiterleitungsliste(weiterleitungen: QuerySet[Weiterleitung]):
    """The open forwards list's rows with only the shown columns: a need row carries its
    description and search vector, a quartier row its GeoJSON border."""
    return weiterleitungen.only(
        "bedarf_id",
        "gesendet_am",
        "frist",
        "beantwortet_am",
        "zurueckgezogen_am",
        "erinnerungen",
        "bedarf__titel",
        "bedarf__quartier__name",
        "fachbereich__kuerzel",
        "fachbereich__name",
        "fachbereich__extern",
    )


def weiterleitung_fuer(user, pk: int) -> Weiterleitung:
    """One forward of a readable need (404 for another quartier's)."""
    return get_object_or_404(
        Weiterleitung.objects.filter(bedarf__quartier__in=quartiere_fuer(user)).select_related(
            "bedarf__quartier", "fachbereich"
        ),
        pk=pk,
    )


def neue_antworten_fuer(user) -> QuerySet[Weiterleitung]:
    """Answers that came in through the link and nobody of the quartier has read yet, for the
    quartiers the user works in, newest first (the start page lists them)."""
    return (
        Weiterleitung.objects.ungelesen()
        .filter(bedarf__quartier__in=bearbeitbare_quartiere_fuer(user))
        .select_related("bedarf__quartier", "fachbereich")
        .defer("bedarf__suchvektor", "bedarf__quartier__grenze")
        .order_by("-beantwortet_am", "-pk")
    )


def empfaenger() -> QuerySet[Fachbereich]:
    """Active addressees of a forward: the departments first, then the Stellen outside the
    administration (the forms group them)."""
    return Fachbereich.objects.filter(aktiv=True).order_by("extern", "kuerzel")
