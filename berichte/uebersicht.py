"""The city-wide overview /berichte/: all readable quartiers side by side (table and small
charts) and the departments' response figures.

What the page shows of one quartier — its figures, its table row, its chart card and the
figures of its charts — is the same for everybody who may see the overview. It comes from the
shared cache one entry per quartier (`shared_cache.cached_per_quartier`): a write in Eilendorf
rebuilds Eilendorf's part only, where one entry for the whole city was rebuilt by every write
anywhere. The departments' figures over the readable quartiers are cached too, renewed by
writes of forwards only (`FACHBEREICHE_MODELS`): a comment or a status change keeps them. Per
request: which quartiers (the user's, the programme's), their order, the city totals and the
one scale of the needs charts.
"""

import datetime
from decimal import Decimal
from functools import partial

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext

from quartiere.models import Programmeinsatz, Quartier
from quartiere.selectors import quartiere_fuer
from quartiere.zugriff import zugriff_fuer
from quartiersmanagement import shared_cache
from quartiersmanagement.links import url_muster

from . import selectors


def uebersicht(user, jahr: int, programm=None) -> dict:
    """`quartiere`: the readable quartiers (those where `programm` ran in the year, if given)
    by name, each with the year's figures (`selectors.VERGLEICH_LEER`) and its rendered
    `zeile` and `karte`; `diagramme`: the figures of every small chart under its canvas id;
    `fachbereiche`: the departments' figures over all readable quartiers."""
    quartiere = list(quartiere_fuer(user).only("name", "slug").order_by("name"))
    lesbar = None if zugriff_fuer(user).liest_alle else [q.pk for q in quartiere]
    if programm is not None:
        im_programm = _im_programm(programm, jahr)
        quartiere = [q for q in quartiere if q.pk in im_programm]
    teile = shared_cache.cached_per_quartier(
        "uebersicht",
        partial(quartiere_bauen, jahr=jahr),
        quartier_ids=[q.pk for q in quartiere],
        params=(jahr,),
    )
    gezeigt = [q for q in quartiere if q.pk in teile]  # one deleted meanwhile is left out
    diagramme = {}
    for quartier in gezeigt:
        teil = teile[quartier.pk]
        vars(quartier).update(teil["zahlen"], zeile=teil["zeile"], karte=teil["karte"])
        diagramme.update(teil["diagramme"])
    # one scale for every needs chart of the page, so the small charts compare
    skala = max((max(q.bedarfe_eroeffnet, q.bedarfe_geschlossen) for q in gezeigt), default=0)
    for quartier in gezeigt:
        diagramme[_bedarfe_id(quartier.pk)]["max"] = max(skala, 1)
    return {
        "quartiere": gezeigt,
        "diagramme": diagramme,
        "fachbereiche": fachbereiche(lesbar, jahr),
    }


#: What the departments' figures read: the forwards' rollups (the departments themselves reach
#: no quartier, a change of one renews everything).
FACHBEREICHE_MODELS = ("berichte.weiterleitungzahl", "berichte.antwortdauerzahl")


def fachbereiche(quartier_ids: list[int] | None, jahr: int) -> list:
    """`selectors.fachbereiche_im_jahr` from the shared cache: the same for everybody who reads
    these quartiers (None: the whole city, under the city's versions), renewed by a committed
    write of a forward in one of them."""
    return shared_cache.cached(
        "fachbereiche",
        partial(selectors.fachbereiche_im_jahr, quartier_ids, jahr),
        params=(jahr, None if quartier_ids is None else tuple(sorted(quartier_ids))),
        quartier_ids=quartier_ids,
        models=FACHBEREICHE_MODELS,
    )


def _im_programm(programm, jahr: int) -> set[int]:
    """The quartiers where `programm` ran during the year."""
    return set(
        Programmeinsatz.objects.im_zeitraum(datetime.date(jahr, 1, 1), datetime.date(jahr, 12, 31))
        .filter(programm=programm)
        .values_list("quartier", flat=True)
    )


def quartiere_bauen(quartier_ids: list[int], jahr: int) -> dict[int, dict]:
    """The parts of these quartiers: figures (`selectors.vergleichszahlen`), table row, chart
    card and chart figures. Built from ids and the year only, never the user (shared cache)."""
    zahlen = selectors.vergleichszahlen(quartier_ids, jahr)
    seite = url_muster("berichte:quartier", "slug")
    links = {
        "bedarfe_url": reverse("bedarfe:liste"),
        "termine_url": reverse("projekte:termine"),
        "jahr": jahr,
    }
    texte = _diagrammtexte()
    teile = {}
    for quartier in Quartier.objects.filter(pk__in=quartier_ids).only("name", "slug"):
        vars(quartier).update(zahlen[quartier.pk], url=seite.format(slug=quartier.slug))
        karte, diagramme = _kleine_diagramme(quartier, texte)
        teile[quartier.pk] = {
            "zahlen": zahlen[quartier.pk],
            "zeile": render_to_string("berichte/_uebersicht_zeile.html", {"q": quartier, **links}),
            "karte": render_to_string("berichte/_uebersicht_karte.html", karte),
            "diagramme": diagramme,
        }
    return teile


def _bedarfe_id(quartier_id: int) -> str:
    return f"klein-bedarfe-{quartier_id}"


def _anteil(teil, ganzes) -> int:
    return round(100 * Decimal(teil or 0) / Decimal(ganzes)) if ganzes else 0


def _diagrammtexte() -> dict:
    """The texts of the small charts, translated once for all quartiers."""
    return {
        "bedarfe_labels": [gettext("gemeldet"), gettext("abgeschlossen")],
        "bedarfe_titel": gettext("Bedarfe"),
        "fonds_labels": [gettext("bewilligt"), gettext("ausgezahlt")],
        "fonds_titel": gettext("% des Budgets"),
        "bedarfe_beschriftung": gettext("Bedarfe in %(name)s: gemeldet und abgeschlossen"),
        "fonds_beschriftung": gettext("Stadtteilfonds %(name)s: Anteil bewilligt und ausgezahlt"),
        "zusammenfassung": gettext(
            "%(name)s: %(gemeldet)s Bedarfe gemeldet, %(geschlossen)s abgeschlossen; "
            "Stadtteilfonds zu %(bewilligt)s %% bewilligt und zu %(ausgezahlt)s %% "
            "ausgezahlt."
        ),
    }


def _kleine_diagramme(q, texte: dict) -> tuple[dict, dict]:
    """A quartier's small charts: needs reported/closed (their scale is set per page) and the
    share of the fund's budget granted/paid (0–100 %). Returns the card's context (ids, labels,
    summary sentence) and the charts' figures under their canvas ids; the page writes all
    figures as one `json_script` that the canvases name with `data-teil`."""
    bewilligt = _anteil(q.fonds_bewilligt, q.fonds_budget)
    ausgezahlt = _anteil(q.fonds_ausgezahlt, q.fonds_budget)
    bedarfe_id = _bedarfe_id(q.pk)
    fonds_id = f"klein-fonds-{q.pk}" if q.fonds_budget else None
    diagramme = {
        bedarfe_id: {
            "labels": texte["bedarfe_labels"],
            "datasets": [
                {
                    "label": texte["bedarfe_titel"],
                    "data": [q.bedarfe_eroeffnet, q.bedarfe_geschlossen],
                }
            ],
        }
    }
    if fonds_id:
        diagramme[fonds_id] = {
            "labels": texte["fonds_labels"],
            "datasets": [{"label": texte["fonds_titel"], "data": [bewilligt, ausgezahlt]}],
            "max": 100,
        }
    karte = {
        "quartier": q,
        "bedarfe_id": bedarfe_id,
        "bedarfe_beschriftung": texte["bedarfe_beschriftung"] % {"name": q.name},
        "fonds_id": fonds_id,
        "fonds_beschriftung": texte["fonds_beschriftung"] % {"name": q.name},
        "zusammenfassung": texte["zusammenfassung"]
        % {
            "name": q.name,
            "gemeldet": q.bedarfe_eroeffnet,
            "geschlossen": q.bedarfe_geschlossen,
            "bewilligt": bewilligt,
            "ausgezahlt": ausgezahlt,
        },
    }
    return karte, diagramme
