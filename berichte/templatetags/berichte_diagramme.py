"""Small multiples of the city-wide overview: one pair of small charts per quartier, built in
Python from the rows the overview already fetched (no query of its own)."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext

register = template.Library()


def _anteil(teil, ganzes) -> int:
    return round(100 * Decimal(teil or 0) / Decimal(ganzes)) if ganzes else 0


@register.filter
def kleine_diagramme(quartiere) -> list[dict]:
    """Per quartier: needs reported/closed (one scale shared by all quartiers, so the small
    charts compare) and the share of the fund's budget granted/paid (0–100 %)."""
    quartiere = list(quartiere)
    hoechstens = max(
        (max(q.bedarfe_eroeffnet, q.bedarfe_geschlossen) for q in quartiere), default=0
    )
    # The same labels for every quartier: translated once, not six times per quartier.
    bedarfe_labels = [gettext("gemeldet"), gettext("abgeschlossen")]
    bedarfe_titel = gettext("Bedarfe")
    fonds_labels = [gettext("bewilligt"), gettext("ausgezahlt")]
    fonds_titel = gettext("% des Budgets")
    zusammenfassung = gettext(
        "%(name)s: %(gemeldet)s Bedarfe gemeldet, %(geschlossen)s abgeschlossen; "
        "Stadtteilfonds zu %(bewilligt)s %% bewilligt und zu %(ausgezahlt)s %% "
        "ausgezahlt."
    )
    ergebnis = []
    for q in quartiere:
        bewilligt = _anteil(q.fonds_bewilligt, q.fonds_budget)
        ausgezahlt = _anteil(q.fonds_ausgezahlt, q.fonds_budget)
        ergebnis.append(
            {
                "quartier": q,
                "bedarfe_id": f"klein-bedarfe-{q.pk}",
                "bedarfe_daten_id": f"klein-bedarfe-{q.pk}-daten",
                "fonds_id": f"klein-fonds-{q.pk}",
                "fonds_daten_id": f"klein-fonds-{q.pk}-daten",
                "bedarfe": {
                    "labels": bedarfe_labels,
                    "datasets": [
                        {
                            "label": bedarfe_titel,
                            "data": [q.bedarfe_eroeffnet, q.bedarfe_geschlossen],
                        }
                    ],
                    "max": max(hoechstens, 1),
                },
                "fonds": {
                    "labels": fonds_labels,
                    "datasets": [{"label": fonds_titel, "data": [bewilligt, ausgezahlt]}],
                    "max": 100,
                },
                "zusammenfassung": zusammenfassung
                % {
                    "name": q.name,
                    "gemeldet": q.bedarfe_eroeffnet,
                    "geschlossen": q.bedarfe_geschlossen,
                    "bewilligt": bewilligt,
                    "ausgezahlt": ausgezahlt,
                },
                "ohne_fonds": not q.fonds_budget,
            }
        )
    return ergebnis
