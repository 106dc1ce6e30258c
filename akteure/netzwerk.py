"""The actor network of a quartier: nodes, links and figures (networkx), and the same figures
counted by the database for the quartier page."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from quartiere.models import Quartier

from .models import Akteur, Beziehung, Mitgliedschaft

AkteurQuartier = Akteur.quartiere.through
AkteurHandlungsfeld = Akteur.handlungsfelder.through

# Above this many actors betweenness is estimated from a fixed sample of sources (seeded,
# so the figures are stable); below it is exact.
BETWEENNESS_EXAKT_BIS = 400
BETWEENNESS_STICHPROBE = 64
#: Isolated actors named on the quartier page (the network page lists them all).
ISOLIERT_LISTE = 10


@dataclass
class Netzwerk:
    """Nodes, links and figures of one quartier's actor network."""

    knoten: list[dict]
    kanten: list[dict]
    graph: nx.Graph
    kennzahlen: dict = field(default_factory=dict)


def netzwerk_daten(
    quartier: Quartier,
    *,
    handlungsfeld: int | None = None,
    stichtag: datetime.date | None = None,
    mit_handlungsfeldern: bool = True,
) -> Netzwerk:
    """The quartier's active actors (optionally of one Handlungsfeld) as nodes; current
    Beziehungen and shared current Gremium memberships as links. Four queries whatever the
    size of the network (three without the Handlungsfelder of each node)."""
    stichtag = stichtag or timezone.localdate()
    akteur_ids = AkteurQuartier.objects.filter(quartier=quartier).values("akteur")
    if handlungsfeld is not None:
        akteur_ids = akteur_ids.filter(
            akteur__in=AkteurHandlungsfeld.objects.filter(handlungsfeld=handlungsfeld).values(
                "akteur"
            )
        )
    akteure = list(
        Akteur.objects.filter(pk__in=akteur_ids, aktiv=True)
        .order_by("name")
        .values("pk", "name", "art")
    )
    felder = defaultdict(list)
    if mit_handlungsfeldern:
        for akteur_id, feld_id in AkteurHandlungsfeld.objects.filter(
            akteur__in=akteur_ids
        ).values_list("akteur_id", "handlungsfeld_id"):
            felder[akteur_id].append(feld_id)
    ids = {a["pk"] for a in akteure}
    aktuell = Q(bis__isnull=True) | Q(bis__gte=stichtag)

    graph = nx.Graph()
    labels = dict(Akteur.Art.choices)
    for a in akteure:
        graph.add_node(a["pk"])
    kanten: dict[tuple[int, int], set[str]] = defaultdict(set)
    for quelle, ziel, art in (
        Beziehung.objects.filter(aktuell, quelle__in=akteur_ids, ziel__in=akteur_ids)
        .filter(Q(von__isnull=True) | Q(von__lte=stichtag))
        .order_by()  # the model's order (by names) joined both actors only to sort
        .values_list("quelle_id", "ziel_id", "art__name")
    ):
        if quelle in ids and ziel in ids:
            kanten[tuple(sorted((quelle, ziel)))].add(art)
    je_gremium = defaultdict(set)
    gremium_namen = {}
    for gremium_id, gremium_name, akteur_id in (
        Mitgliedschaft.objects.filter(aktuell, akteur__in=akteur_ids, von__lte=stichtag)
        .order_by()
        .values_list("gremium_id", "gremium__name", "akteur_id")
    ):
        if akteur_id in ids:
            je_gremium[gremium_id].add(akteur_id)
            gremium_namen[gremium_id] = gremium_name
    for gremium_id, mitglieder in je_gremium.items():
        for a, b in combinations(sorted(mitglieder), 2):
            kanten[(a, b)].add(gremium_namen[gremium_id])
    graph.add_edges_from(kanten)

    knoten = [
        {
            "id": a["pk"],
            "name": a["name"],
            "art": a["art"],
            "art_name": str(labels.get(a["art"], a["art"])),
            "handlungsfelder": felder.get(a["pk"], []),
            "grad": graph.degree[a["pk"]],
        }
        for a in akteure
    ]
    kantenliste = [
        {"quelle": a, "ziel": b, "arten": sorted(arten)} for (a, b), arten in kanten.items()
    ]
    netz = Netzwerk(knoten=knoten, kanten=kantenliste, graph=graph)
    netz.kennzahlen = netzwerk_kennzahlen(graph, namen={a["pk"]: a["name"] for a in akteure})
    return netz


def netzwerk_kennzahlen(graph: nx.Graph, *, namen: dict | None = None, top: int = 5) -> dict:
    """Number of actors and links, isolated actors, density and the bridging actors.

    Bridging actors are those with the highest betweenness centrality (share of shortest
    paths between other actors that pass through them); only actors with a value above 0.
    """
    namen = namen or {}
    n = graph.number_of_nodes()
    if n > BETWEENNESS_EXAKT_BIS:
        zwischen = nx.betweenness_centrality(graph, k=BETWEENNESS_STICHPROBE, seed=0)
    else:
        zwischen = nx.betweenness_centrality(graph)
    bruecken = sorted(
        ((wert, knoten) for knoten, wert in zwischen.items() if wert > 0),
        key=lambda t: (-t[0], namen.get(t[1], str(t[1]))),
    )[:top]
    isoliert = sorted(nx.isolates(graph), key=lambda k: namen.get(k, str(k)))
    return {
        "akteure": n,
        "verbindungen": graph.number_of_edges(),
        "isoliert": [{"id": k, "name": namen.get(k, str(k))} for k in isoliert],
        "anzahl_isoliert": len(isoliert),
        "dichte": nx.density(graph) if n > 1 else 0.0,
        "bruecken": [
            {"id": k, "name": namen.get(k, str(k)), "betweenness": round(w, 4)} for w, k in bruecken
        ],
        "komponenten": nx.number_connected_components(graph) if n else 0,
    }


def netzwerk_ueberblick(quartier: Quartier, *, stichtag: datetime.date | None = None) -> dict:
    """The network figures of the quartier page, counted by the database in one query: the
    same nodes and links as `netzwerk_daten` (active actors; current relations and shared
    current committee memberships as undirected links), without building the graph in Python.
    Bridging actors need the whole graph and are shown on the network page only."""
    stichtag = stichtag or timezone.localdate()
    tabellen = {
        "aq": AkteurQuartier._meta.db_table,
        "akteur": Akteur._meta.db_table,
        "beziehung": Beziehung._meta.db_table,
        "mitglied": Mitgliedschaft._meta.db_table,
    }
    # Table names come from the models, values are parameters.
    sql = """
        WITH a AS (
            SELECT ak.id, ak.name FROM {akteur} ak JOIN {aq} aq ON aq.akteur_id = ak.id
            WHERE aq.quartier_id = %(quartier)s AND ak.aktiv
        ),
        m AS (
            SELECT gremium_id, akteur_id FROM {mitglied}
            WHERE akteur_id IN (SELECT id FROM a) AND von <= %(tag)s
              AND (bis IS NULL OR bis >= %(tag)s)
        ),
        paare AS (
            SELECT LEAST(quelle_id, ziel_id) AS x, GREATEST(quelle_id, ziel_id) AS y
            FROM {beziehung}
            WHERE quelle_id IN (SELECT id FROM a) AND ziel_id IN (SELECT id FROM a)
              AND (bis IS NULL OR bis >= %(tag)s) AND (von IS NULL OR von <= %(tag)s)
            UNION
            SELECT m1.akteur_id, m2.akteur_id FROM m m1
            JOIN m m2 ON m2.gremium_id = m1.gremium_id AND m1.akteur_id < m2.akteur_id
        ),
        verbunden AS (SELECT x AS id FROM paare UNION SELECT y FROM paare),
        isoliert AS (SELECT id, name FROM a WHERE id NOT IN (SELECT id FROM verbunden))
        SELECT (SELECT count(*) FROM a), (SELECT count(*) FROM paare),
               (SELECT count(*) FROM isoliert),
               (SELECT coalesce(json_agg(i ORDER BY i.name, i.id), '[]'::json)
                FROM (SELECT id, name FROM isoliert ORDER BY name, id LIMIT %(liste)s) i)
    """.format(**tabellen)  # noqa: S608  # nosec B608 - only model table names formatted in
    with connection.cursor() as cursor:
        cursor.execute(sql, {"quartier": quartier.pk, "tag": stichtag, "liste": ISOLIERT_LISTE})
        akteure, verbindungen, anzahl_isoliert, isoliert = cursor.fetchone()
    return {
        "akteure": akteure,
        "verbindungen": verbindungen,
        "anzahl_isoliert": anzahl_isoliert,
        "isoliert": isoliert,
        "dichte": 2 * verbindungen / (akteure * (akteure - 1)) if akteure > 1 else 0.0,
    }
