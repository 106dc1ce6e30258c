"""Small multiples of the city-wide overview: one pair of small charts per quartier, built in
Python from the rows the overview already fetched (no query of its own)."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext

register = template.Library()


def _anteil(teil, ganzes) -> int:
    return round(100 * Decimal(teil or 0) / Decimal(ganzes)) if ganzes else 0


@register.filter
def kleine_diagramme(quartiere) -> dict:
    """Per quartier: needs reported/closed (one scale shared by all quartiers, so the small
    charts compare) and the share of the fund's budget granted/paid (0–100 %).

    Returns `karten` (per quartier: ids, labels and the summary sentence) and `daten` (every
    chart's figures under its canvas id). The page writes `daten` as one `json_script` that the
    canvases name with `data-teil`: two hundred separate ones cost a third of the rendering."""
    quartiere = list(quartiere)
    hoechstens = max(
        (max(q.bedarfe_eroeffnet, q.bedarfe_geschlossen) for q in quartiere), default=0
    )
    # The same texts for every quartier: translated once, not per quartier.
    bedarfe_labels = [gettext("gemeldet"), gettext("abgeschlossen")]
    bedarfe_titel = gettext("Bedarfe")
    fonds_labels = [gettext("bewilligt"), gettext("ausgezahlt")]
    fonds_titel = gettext("% des Budgets")
    bedarfe_beschriftung = gettext("Bedarfe in %(name)s: gemeldet und abgeschlossen")
    fonds_beschriftung = gettext("Stadtteilfonds %(name)s: Anteil bewilligt und ausgezahlt")
    zusammenfassung = gettext(
        "%(name)s: %(gemeldet)s Bedarfe gemeldet, %(geschlossen)s abgeschlossen; "
        "Stadtteilfonds zu %(bewilligt)s %% bewilligt und zu %(ausgezahlt)s %% "
        "ausgezahlt."
    )
    karten, daten = [], {}
    for q in quartiere:
        bewilligt = _anteil(q.fonds_bewilligt, q.fonds_budget)
        ausgezahlt = _anteil(q.fonds_ausgezahlt, q.fonds_budget)
        bedarfe_id = f"klein-bedarfe-{q.pk}"
        daten[bedarfe_id] = {
            "labels": bedarfe_labels,
            "datasets": [
                {"label": bedarfe_titel, "data": [q.bedarfe_eroeffnet, q.bedarfe_geschlossen]}
            ],
            "max": max(hoechstens, 1),
        }
        fonds_id = f"klein-fonds-{q.pk}" if q.fonds_budget else None
        if fonds_id:
            daten[fonds_id] = {
                "labels": fonds_labels,
                "datasets": [{"label": fonds_titel, "data": [bewilligt, ausgezahlt]}],
                "max": 100,
            }
        karten.append(
            {
                "quartier": q,
                "bedarfe_id": bedarfe_id,
                "bedarfe_beschriftung": bedarfe_beschriftung % {"name": q.name},
                "fonds_id": fonds_id,
                "fonds_beschriftung": fonds_beschriftung % {"name": q.name},
                "zusammenfassung": zusammenfassung
                % {
                    "name": q.name,
                    "gemeldet": q.bedarfe_eroeffnet,
                    "geschlossen": q.bedarfe_geschlossen,
                    "bewilligt": bewilligt,
                    "ausgezahlt": ausgezahlt,
                },
            }
        )
    return {"karten": karten, "daten": daten}
