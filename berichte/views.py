"""Pages of the berichte app: the city-wide overview, programme pages, annual reports."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from quartiere.models import Programm
from quartiere.selectors import quartier_mit_details

from . import jahresbericht, selectors
from .rules import darf_stadtweit_sehen

SORTIERBAR = (
    "name",
    "bedarfe_eroeffnet",
    "bedarfe_geschlossen",
    "bedarfe_offen",
    "projekte_laufend",
    "teilnehmende",
    "fonds_budget",
    "fonds_bewilligt",
    "fonds_ausgezahlt",
)


def _jahr(request) -> int:
    """The selected year from ?jahr=, the current year for a missing or bad value."""
    heute = timezone.localdate().year
    try:
        jahr = int(request.GET.get("jahr", heute))
    except (TypeError, ValueError):
        return heute
    return jahr if 2000 <= jahr <= heute + 1 else heute


@require_safe
def uebersicht(request):
    """All quartiers side by side and the departments' response figures; Leitung only."""
    if not darf_stadtweit_sehen(request.user):
        raise PermissionDenied
    jahr = _jahr(request)
    sortierung = request.GET.get("o", "name")
    feld = sortierung.removeprefix("-")
    if feld not in SORTIERBAR:
        sortierung = feld = "name"
    programme = list(Programm.objects.order_by("name"))
    programm = next((p for p in programme if str(p.pk) == request.GET.get("programm")), None)
    quartiere = list(
        selectors.quartiere_im_vergleich(request.user, jahr, programm).order_by(sortierung, "name")
    )
    heute = timezone.localdate().year
    return render(
        request,
        "berichte/uebersicht.html",
        {
            "jahr": jahr,
            "jahre": range(heute, heute - 6, -1),
            "quartiere": quartiere,
            "summen": selectors.summen(quartiere),
            "fachbereiche": list(selectors.fachbereiche_im_jahr(request.user, jahr)),
            "ergebnisse": selectors.Weiterleitung.Ergebnis.choices,
            "sortierung": sortierung,
            "programme": programme,
            "programm": programm,
        },
    )


@require_safe
def programm(request, pk):
    """A programme: its quartiers (only the readable ones), shares, Laufzeit, reports due."""
    programm, einsaetze = selectors.programm_fuer(request.user, pk)
    heute = timezone.localdate()
    return render(
        request,
        "berichte/programm_detail.html",
        {
            "programm": programm,
            "einsaetze": einsaetze,
            "stellenanteil_summe": sum(
                e.stellenanteil
                for e in einsaetze
                if e.von <= heute and (e.bis is None or e.bis >= heute)
            ),
            "endet_bald": programm.laufzeit_bis is not None
            and heute <= programm.laufzeit_bis
            and (programm.laufzeit_bis - heute).days <= selectors.LAUFZEIT_WARNUNG_TAGE,
            "beendet": programm.laufzeit_bis is not None and programm.laufzeit_bis < heute,
            "heute": heute,
        },
    )


@require_safe
def jahresbericht_pdf(request, slug, jahr):
    """The annual report of a readable quartier as PDF (404 for another quartier)."""
    quartier = quartier_mit_details(request.user, slug)
    return jahresbericht.jahresbericht_pdf(request.user, quartier, jahr, request=request)


@require_safe
def jahresbericht_xlsx(request, slug, jahr):
    """The annual report of a readable quartier as XLSX, one sheet per section."""
    quartier = quartier_mit_details(request.user, slug)
    return jahresbericht.jahresbericht_xlsx(request.user, quartier, jahr)
