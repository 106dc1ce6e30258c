"""The small charts of the quartier page (projects, fund, activation, network), each with
its data table and the link to the filtered list behind each figure.
"""

from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import (
    Count,
    DecimalField,
    F,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext

from akteure.selectors import (
    netzwerk_ueberblick,
)
from projekte.models import Projekt, Stadtteilfonds
from quartiersmanagement.templatetags.qm import euro

from ..models import TerminZahl
from .links import list_url


def _diagramm(kennung, titel, zusammenfassung, kopf, zeilen, *, geld=False) -> dict:
    """One small chart with one value per row, in the form `berichte/quartier_detail.html` and
    `js/berichte-diagramm.js` read: a data table (rows {label, wert, url}; a zero links
    nowhere) and the same figures as Chart.js data."""
    for z in zeilen:
        if not z["wert"]:
            z["url"] = None
    return {
        "id": kennung,
        "daten_id": f"{kennung}-daten",
        "titel": titel,
        "zusammenfassung": zusammenfassung,
        "kopf": kopf,
        "zeilen": zeilen,
        "geld": geld,
        "daten": {
            "labels": [str(z["label"]) for z in zeilen],
            "datasets": [{"label": str(titel), "data": [float(z["wert"] or 0) for z in zeilen]}],
        },
    }


def projekte_diagramm(quartier) -> dict:
    """The quartier's projects by status. One query."""
    je_status = dict(
        Projekt.objects.filter(quartiere=quartier)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    gesamt = sum(je_status.values())
    satz = gettext("%(n)s Projekte im Quartier.") % {"n": gesamt}
    if gesamt:
        spitze = max(Projekt.Status, key=lambda s: je_status.get(s, 0))
        satz += " " + gettext("Die meisten sind im Status „%(status)s“ (%(anzahl)s).") % {
            "status": spitze.label,
            "anzahl": je_status[spitze],
        }
    return _diagramm(
        "projekte-status",
        gettext("Projekte nach Status"),
        satz,
        gettext("Status"),
        [
            {
                "label": s.label,
                "wert": je_status.get(s, 0),
                "url": list_url("projekte:liste", quartier=quartier.pk, status=s.value),
            }
            for s in Projekt.Status
        ],
    )


def fonds_diagramm(quartier, jahr: int) -> dict | None:
    """This year's Stadtteilfonds: budget, granted, paid out, available. One query."""
    geld = DecimalField(max_digits=14, decimal_places=2)
    fonds = (
        Stadtteilfonds.objects.filter(quartier=quartier, jahr=jahr)
        .annotate(
            ausgezahlt=Coalesce(Sum("antraege__ausgezahlt_summe"), Value(0), output_field=geld)
        )
        .only("pk", "budget", "bewilligt_summe")
        .order_by()
        .first()
    )
    if fonds is None:
        return None
    budget = fonds.budget or Decimal(0)
    verfuegbar = budget - fonds.bewilligt_summe
    url = fonds.get_absolute_url()
    return _diagramm(
        "fonds-jahr",
        gettext("Stadtteilfonds %(jahr)s in Euro") % {"jahr": jahr},
        gettext(
            "Vom Budget (%(budget)s) sind %(bewilligt)s bewilligt (%(anteil)s %%) und "
            "%(ausgezahlt)s ausgezahlt; %(verfuegbar)s sind noch verfügbar."
        )
        % {
            "budget": euro(budget),
            "bewilligt": euro(fonds.bewilligt_summe),
            "anteil": round(100 * fonds.bewilligt_summe / budget) if budget else 0,
            "ausgezahlt": euro(fonds.ausgezahlt),
            "verfuegbar": euro(verfuegbar),
        },
        gettext("Betrag"),
        [
            {"label": gettext("Budget"), "wert": budget, "url": url},
            {"label": gettext("bewilligt"), "wert": fonds.bewilligt_summe, "url": url},
            {"label": gettext("ausgezahlt"), "wert": fonds.ausgezahlt, "url": url},
            {"label": gettext("verfügbar"), "wert": verfuegbar, "url": url},
        ],
        geld=True,
    )


def aktivierung_diagramm(quartier, jahr: int) -> dict:
    """This year's events (not cancelled) with participants, volunteers and volunteer hours,
    from the rollup `TerminZahl` (the same figures, counted when the events were written).
    One query."""
    a = TerminZahl.objects.filter(quartier=quartier, jahr=jahr).values(
        "teilnehmende", "ehrenamtliche", "ehrenamtsstunden", termine=F("veranstaltungen")
    ).first() or {"termine": 0, "teilnehmende": 0, "ehrenamtliche": 0, "ehrenamtsstunden": 0}
    url = list_url(
        "projekte:termine",
        quartier=quartier.pk,
        von=f"{jahr}-01-01",
        bis=f"{jahr}-12-31",
        abgesagt="false",
    )
    stunden = a["ehrenamtsstunden"]
    return _diagramm(
        "aktivierung-jahr",
        gettext("Aktivierung %(jahr)s") % {"jahr": jahr},
        gettext(
            "%(termine)s Termine mit %(teilnehmende)s Teilnehmenden; %(ehrenamtliche)s "
            "Ehrenamtliche haben %(stunden)s Stunden mitgewirkt."
        )
        % {
            "termine": a["termine"],
            "teilnehmende": a["teilnehmende"],
            "ehrenamtliche": a["ehrenamtliche"],
            "stunden": number_format(stunden, decimal_pos=0 if stunden == int(stunden) else None),
        },
        gettext("Kennzahl"),
        [
            {"label": gettext(name), "wert": a[feld], "url": url}
            for name, feld in (
                ("Termine", "termine"),
                ("Teilnehmende", "teilnehmende"),
                ("Ehrenamtliche", "ehrenamtliche"),
                ("Ehrenamtsstunden", "ehrenamtsstunden"),
            )
        ],
    )


def netzwerk_diagramm(quartier) -> dict:
    """Active actors, their links and the isolated ones (akteure counts them in one query)."""
    k = netzwerk_ueberblick(quartier)
    karte = f"{reverse('akteure:netzwerk')}?{urlencode({'quartier': quartier.slug})}"
    return _diagramm(
        "netzwerk",
        gettext("Netzwerk der aktiven Akteure"),
        gettext(
            "%(akteure)s aktive Akteure mit %(verbindungen)s Verbindungen; %(isoliert)s davon "
            "ohne Verbindung."
        )
        % {
            "akteure": k["akteure"],
            "verbindungen": k["verbindungen"],
            "isoliert": k["anzahl_isoliert"],
        },
        gettext("Kennzahl"),
        [
            {
                "label": gettext("aktive Akteure"),
                "wert": k["akteure"],
                "url": list_url("akteure:liste", quartier=quartier.pk, aktiv="true"),
            },
            {"label": gettext("Verbindungen"), "wert": k["verbindungen"], "url": karte},
            {"label": gettext("isolierte Akteure"), "wert": k["anzahl_isoliert"], "url": karte},
        ],
    )
