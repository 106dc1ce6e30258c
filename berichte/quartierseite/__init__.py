"""Reads of the quartier page /quartiere/<slug>/: what needs attention, the key figures of
every app and the details below them, for one quartier the user may read.

berichte may read every app, so the page is one view and one template instead of sections
that the apps register. Every figure is read once and shown once; each read is a small query
on one quartier's rows (indexed by quartier), so the page costs a fixed number of queries
whatever the amount of data. What is the same for every reader of the quartier comes from the
shared cache (`quartiersmanagement.shared_cache`, renewed after every committed write in the
quartier). Builders return data; the template `berichte/quartier_detail.html` writes the HTML.
"""

from functools import partial

from django.utils import timezone
from django.utils.translation import gettext

from akteure.selectors import offene_aufgaben
from bedarfe.selectors import bedarfe_gezaehlt
from karten import selectors as karten
from quartiere.models import Handlungsfeld, Quartier, Zielgruppe
from quartiere.rules import darf_quartier_bearbeiten
from quartiersmanagement import shared_cache
from quartiersmanagement.history import history_for

from ..models import Berichtstext
from .aufmerksamkeit import (
    BERICHTE_VORLAUF_TAGE,
    NAECHSTE_TERMINE,
    aufmerksamkeit,
    faellige_berichte,
    naechste_termine,
)
from .bedarfe import bedarfe_uebersicht, luecken_tabelle
from .diagramme import aktivierung_diagramm, fonds_diagramm, netzwerk_diagramm, projekte_diagramm
from .links import list_url

__all__ = [
    "BERICHTE_VORLAUF_TAGE",
    "NAECHSTE_TERMINE",
    "aktivierung_diagramm",
    "aufmerksamkeit",
    "bedarfe_uebersicht",
    "faellige_berichte",
    "fonds_diagramm",
    "TEILE",
    "gemeinsame_daten",
    "jahresberichte",
    "luecken_tabelle",
    "naechste_termine",
    "netzwerk_diagramm",
    "projekte_diagramm",
    "quartierseite",
]

#: Open action items listed on the page (overdue first); the rest are on /aufgaben/.
AUFGABEN_AUF_DER_SEITE = 10


def jahresberichte(user, quartier, jahr: int) -> list[dict]:
    """This and last year's Jahresbericht: whether texts exist and whether the user may write
    them. One query (the permission reads the roles the view has already read)."""
    jahre = [jahr, jahr - 1]
    mit_texten = set(
        Berichtstext.objects.filter(quartier=quartier, jahr__in=jahre).values_list(
            "jahr", flat=True
        )
    )
    darf = user.has_perm("berichte.change_berichtstext", Berichtstext(quartier=quartier, jahr=jahr))
    return [{"jahr": j, "mit_texten": j in mit_texten, "darf_bearbeiten": darf} for j in jahre]


def quartierseite(user, quartier) -> dict:
    """Everything the quartier page shows, for `user` (`quartier` comes from
    `quartier_mit_details`, so the user may read it): the figures and lists that are the same
    for every reader of the quartier from the shared cache, what depends on the user (edit
    buttons, report texts) and the audit trail read here."""
    return {
        **gemeinsame_daten(quartier.pk),
        "quartier": quartier,
        "karte": karten.nachladekontext(
            quartier, karte_id="quartier-karte", titel=gettext("Karte")
        ),
        "darf_bearbeiten": darf_quartier_bearbeiten(user, quartier),
        "jahresberichte": jahresberichte(user, quartier, timezone.localdate().year),
        "verlauf": history_for(quartier),
    }


def gemeinsame_daten(quartier_id: int) -> dict:
    """The part of the quartier page that is the same for every reader of the quartier: what
    needs attention, the key figures and charts, the gaps, the next dates and open action items.
    Built from the quartier's id only, never the user, in the parts of `TEILE`, each from the
    shared cache (renewed after a committed write of one of its models in the quartier)."""
    daten = {}
    for name, (bauen, models) in TEILE.items():
        daten.update(
            shared_cache.cached(
                f"quartierseite-{name}",
                partial(bauen, quartier_id),
                params=(quartier_id,),
                quartier_ids=[quartier_id],
                models=models,
            )
        )
    projekte, fonds, aktivierung, netzwerk = (
        daten.pop(k) for k in ("projekte", "fonds", "aktivierung", "netzwerk")
    )
    return {
        **daten,
        "diagramme": [d for d in (projekte, fonds, aktivierung, netzwerk) if d],
        "ohne_fonds": fonds is None,
        "jahr": timezone.localdate().year,
    }


def _quartier(quartier_id: int) -> Quartier:
    return Quartier.objects.only("name", "slug").get(pk=quartier_id)


def _bedarfe_teil(quartier_id: int) -> dict:
    """The needs: by status and Handlungsfeld, the gaps, and what needs attention (overdue
    forwards, action items and proofs of use)."""
    quartier = _quartier(quartier_id)
    zaehlung = bedarfe_gezaehlt(quartier)
    handlungsfelder = list(Handlungsfeld.objects.all())
    zielgruppen = list(Zielgruppe.objects.all())
    return {
        "aufmerksamkeit": aufmerksamkeit(quartier, timezone.localdate()),
        "bedarfe": bedarfe_uebersicht(quartier, zaehlung, handlungsfelder),
        "luecken": luecken_tabelle(quartier, zaehlung, handlungsfelder, zielgruppen),
    }


def _netzwerk_teil(quartier_id: int) -> dict:
    """The actors' network chart and the open action items, overdue first."""
    quartier = _quartier(quartier_id)
    heute = timezone.localdate()
    aufgaben = offene_aufgaben(quartier, hoechstens=AUFGABEN_AUF_DER_SEITE + 1)
    for a in aufgaben:
        a.ist_ueberfaellig = a.faellig_am is not None and a.faellig_am < heute
    return {
        "netzwerk": netzwerk_diagramm(quartier),
        "aufgaben": aufgaben[:AUFGABEN_AUF_DER_SEITE],
        "weitere_aufgaben": len(aufgaben) > AUFGABEN_AUF_DER_SEITE,
    }


def _projekte_teil(quartier_id: int) -> dict:
    """Projects, fund and activation charts of the year, and the next events and meetings."""
    quartier = _quartier(quartier_id)
    heute = timezone.localdate()
    return {
        "projekte": projekte_diagramm(quartier),
        "fonds": fonds_diagramm(quartier, heute.year),
        "aktivierung": aktivierung_diagramm(quartier, heute.year),
        "naechste": naechste_termine(quartier),
        "termine_url": list_url("projekte:termine", quartier=quartier.pk, von=heute.isoformat()),
    }


def _berichte_teil(quartier_id: int) -> dict:
    """The funder reports due of the programmes running in the quartier."""
    berichte = faellige_berichte(_quartier(quartier_id), timezone.localdate())
    return {
        "berichte": berichte,
        "berichte_ueberfaellig": sum(b.ist_ueberfaellig for b in berichte),
    }


#: The parts of `gemeinsame_daten`, each with the models whose records it reads (labels for
#: `shared_cache.cached`). A write renews the parts that read its model only: a comment on a
#: need keeps every part, a new action item rebuilds the needs and network parts.
#: tests/quartiersmanagement/test_shared_cache_models.py checks each part's models against the
#: tables it reads.
TEILE = {
    "bedarfe": (
        _bedarfe_teil,
        (
            "akteure.akteur",
            "akteure.akteur_handlungsfelder",
            "akteure.akteur_quartiere",
            "akteure.akteur_zielgruppen",
            "akteure.aufgabe",
            "bedarfe.bedarf",
            "bedarfe.bedarf_zielgruppen",
            "bedarfe.weiterleitung",
            "projekte.fondsantrag",
            "projekte.stadtteilfonds",
        ),
    ),
    "netzwerk": (
        _netzwerk_teil,
        ("akteure.akteur", "akteure.aufgabe", "akteure.gremium", "akteure.sitzung"),
    ),
    "projekte": (
        _projekte_teil,
        (
            "akteure.gremium",
            "akteure.sitzung",
            "berichte.terminzahl",
            "projekte.fondsantrag",
            "projekte.projekt",
            "projekte.projekt_quartiere",
            "projekte.stadtteilfonds",
            "projekte.termin",
        ),
    ),
    "berichte": (_berichte_teil, ("quartiere.programmeinsatz",)),
}
