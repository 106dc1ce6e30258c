"""The needs on the quartier page: open needs by status and Handlungsfeld, and the gaps
(terms with open needs and no active actor).
"""

from django.utils.translation import gettext, ngettext

from akteure.selectors import (
    aktive_akteure_je_handlungsfeld,
    aktive_akteure_je_zielgruppe,
)
from bedarfe.models import Bedarf
from bedarfe.selectors import offene_bedarfe_je_zielgruppe

from .links import list_url


def bedarfe_uebersicht(quartier, zaehlung: list[dict], handlungsfelder: list) -> dict:
    """Open needs by status (for the overview) and by Handlungsfeld × status (the matrix of
    the chart; rows in the order of the Handlungsfelder, needs without one last), and the
    closed ones; from `zaehlung` (`bedarfe_gezaehlt`) and all Handlungsfelder in order."""
    reihenfolge = {h.pk: i for i, h in enumerate(handlungsfelder)}
    namen = dict(Bedarf.Status.choices)
    offen_status = [s for s in Bedarf.Status.values if s not in Bedarf.ABGESCHLOSSEN]
    je_status: dict[str, int] = {}
    felder: dict = {}
    for z in sorted(zaehlung, key=lambda z: reihenfolge.get(z["handlungsfeld"], len(reihenfolge))):
        je_status[z["status"]] = je_status.get(z["status"], 0) + z["anzahl"]
        if z["status"] in Bedarf.ABGESCHLOSSEN:
            continue
        feld = felder.setdefault(
            z["handlungsfeld"],
            {"pk": z["handlungsfeld"], "name": z["handlungsfeld__name"], "je_status": {}},
        )
        feld["je_status"][z["status"]] = z["anzahl"]
    benutzte = [s for s in offen_status if any(s in f["je_status"] for f in felder.values())]
    zeilen = list(felder.values())
    for feld in zeilen:
        feld["werte"] = [(s, feld["je_status"].get(s, 0)) for s in benutzte]
        feld["summe"] = sum(feld["je_status"].values())
    offen = sum(f["summe"] for f in zeilen)
    spitze = max(zeilen, key=lambda f: f["summe"], default=None)
    satz = (
        ngettext("%(n)s offener Bedarf", "%(n)s offene Bedarfe", offen) % {"n": offen}
        + " "
        + ngettext("in %(felder)s Handlungsfeld.", "in %(felder)s Handlungsfeldern.", len(zeilen))
        % {"felder": len(zeilen)}
    )
    if spitze:
        satz += " " + gettext("Die meisten betreffen %(feld)s (%(anzahl)s).") % {
            "feld": spitze["name"] or gettext("ohne Handlungsfeld"),
            "anzahl": spitze["summe"],
        }
    return {
        "je_status": [
            {
                "status": s,
                "name": namen[s],
                "anzahl": je_status.get(s, 0),
                "url": list_url("bedarfe:liste", quartier=quartier.pk, status=s),
            }
            for s in offen_status
        ],
        "offen": offen,
        "abgeschlossen": sum(je_status.get(s, 0) for s in Bedarf.ABGESCHLOSSEN_GEZAEHLT),
        "matrix": {
            "status": [(s, namen[s]) for s in benutzte],
            "zeilen": zeilen,
            "zusammenfassung": satz,
        },
        "chart": {
            "horizontal": True,
            "gestapelt": True,
            "labels": [z["name"] or gettext("ohne Handlungsfeld") for z in zeilen],
            "datasets": [
                {"label": str(name), "data": [z["je_status"].get(s, 0) for z in zeilen]}
                for s, name in ((s, namen[s]) for s in benutzte)
            ],
        },
    }


def luecken_tabelle(quartier, zaehlung: list[dict], handlungsfelder: list, zielgruppen: list):
    """Handlungsfelder and Zielgruppen with open needs or active actors, each with both
    numbers; a term with open needs and no active actor is a gap. Three queries; the open
    needs per Handlungsfeld come from `zaehlung` (`bedarfe_gezaehlt`)."""
    bedarfe_hf: dict[int, int] = {}
    for z in zaehlung:
        if z["handlungsfeld"] is not None and z["status"] not in Bedarf.ABGESCHLOSSEN:
            bedarfe_hf[z["handlungsfeld"]] = bedarfe_hf.get(z["handlungsfeld"], 0) + z["anzahl"]
    akteure_hf = aktive_akteure_je_handlungsfeld(quartier)
    bedarfe_zg = offene_bedarfe_je_zielgruppe(quartier)
    akteure_zg = aktive_akteure_je_zielgruppe(quartier)

    def zeilen(begriffe, bedarfe, akteure):
        return [
            {
                "begriff": b,
                "bedarfe": bedarfe.get(b.pk, 0),
                "akteure": akteure.get(b.pk, 0),
                "luecke": bedarfe.get(b.pk, 0) > 0 and not akteure.get(b.pk, 0),
            }
            for b in begriffe
            if b.pk in bedarfe or b.pk in akteure
        ]

    hf = zeilen(handlungsfelder, bedarfe_hf, akteure_hf)
    zg = zeilen(zielgruppen, bedarfe_zg, akteure_zg)
    return {
        "gruppen": [
            {
                "filter": "handlungsfeld",
                "kopf": gettext("Handlungsfeld"),
                "titel": gettext("Handlungsfelder: offene Bedarfe und aktive Akteure"),
                "zeilen": hf,
            },
            {
                "filter": "zielgruppe",
                "kopf": gettext("Zielgruppe"),
                "titel": gettext("Zielgruppen: offene Bedarfe und aktive Akteure"),
                "zeilen": zg,
            },
        ],
        "anzahl": sum(z["luecke"] for z in hf + zg),
    }
