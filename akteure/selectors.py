"""Reads of the akteure app; every list starts from the user's quartiers.

Also the network figures (networkx) and the counts the gap analysis of other apps uses.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from quartiere.models import Handlungsfeld, Quartier
from quartiere.selectors import quartiere_fuer
from quartiersmanagement import ical

from .models import (
    Akteur,
    Aufgabe,
    Beziehung,
    Einwilligung,
    Funktion,
    Gremium,
    Kalenderzugang,
    Mitgliedschaft,
    Person,
    Sitzung,
    Teilnahme,
)

AkteurQuartier = Akteur.quartiere.through
AkteurHandlungsfeld = Akteur.handlungsfelder.through
AkteurZielgruppe = Akteur.zielgruppen.through

# Above this many actors betweenness is estimated from a fixed sample of sources (seeded,
# so the figures are stable); below it is exact.
BETWEENNESS_EXAKT_BIS = 400
BETWEENNESS_STICHPROBE = 64
#: Isolated actors named on the quartier page (the network page lists them all).
ISOLIERT_LISTE = 10


# --- Akteure -------------------------------------------------------------------------------


def akteure_fuer(user) -> QuerySet[Akteur]:
    """Actors of at least one quartier the user reads (no duplicates, no DISTINCT)."""
    return Akteur.objects.filter(
        pk__in=AkteurQuartier.objects.filter(quartier__in=quartiere_fuer(user)).values("akteur")
    )


def waehlbare_akteure(user) -> QuerySet[Akteur]:
    """Actors a pick list (project partner, fund applicant) may offer the user: the active
    actors of a quartier the user reads plus the publicly listed ones (an actor has no
    city-wide flag; a public actor's name is no secret). Services check a chosen actor against
    the same set, so a forged id of another quartier's non-public actor is refused."""
    return (akteure_fuer(user).filter(aktiv=True) | Akteur.objects.oeffentlich()).order_by("name")


def akteure_in(quartier) -> QuerySet[Akteur]:
    return Akteur.objects.filter(
        pk__in=AkteurQuartier.objects.filter(quartier=quartier).values("akteur")
    )


def oeffentliche_akteure(quartier) -> QuerySet[Akteur]:
    """Actors a public page of the quartier may list: active and with recorded consent."""
    return (
        akteure_in(quartier)
        .oeffentlich()
        .prefetch_related("handlungsfelder", "zielgruppen")
        .order_by("name")
    )


def akteure_suchen(qs: QuerySet[Akteur], suchbegriff: str) -> QuerySet[Akteur]:
    """German full-text search on the generated, GIN-indexed search vector."""
    anfrage = SearchQuery(suchbegriff, config="german", search_type="websearch")
    return (
        qs.filter(suchvektor=anfrage)
        .annotate(rang=SearchRank(F("suchvektor"), anfrage))
        .order_by("-rang", "name")
    )


def akteure_liste(user) -> QuerySet[Akteur]:
    return akteure_fuer(user).prefetch_related("quartiere", "handlungsfelder", "zielgruppen")


def fuer_listenseite(akteure: QuerySet[Akteur]) -> QuerySet[Akteur]:
    """The list page's actors with only the shown columns and relations, the relations as
    plain lists (`quartiere_liste`, `handlungsfelder_liste`), so a row reads them without a
    queryset clone per row (and no quartier's GeoJSON border is read)."""
    return (
        akteure.only("name", "art", "ort", "aktiv", "oeffentlich")
        .prefetch_related(None)
        .prefetch_related(
            Prefetch("quartiere", Quartier.objects.only("name"), to_attr="quartiere_liste"),
            Prefetch(
                "handlungsfelder",
                Handlungsfeld.objects.only("name"),
                to_attr="handlungsfelder_liste",
            ),
        )
    )


def akteur_detail(user, pk: int) -> Akteur:
    qs = akteure_fuer(user).prefetch_related(
        "quartiere",
        "handlungsfelder",
        "zielgruppen",
        Prefetch(
            "funktionen",
            queryset=Funktion.objects.select_related("person"),
            to_attr="alle_funktionen",
        ),
        Prefetch(
            "beziehungen_ausgehend",
            queryset=Beziehung.objects.select_related("ziel", "art"),
            to_attr="alle_ausgehend",
        ),
        Prefetch(
            "beziehungen_eingehend",
            queryset=Beziehung.objects.select_related("quelle", "art"),
            to_attr="alle_eingehend",
        ),
        Prefetch(
            "mitgliedschaften",
            queryset=Mitgliedschaft.objects.select_related("gremium", "gremium__quartier"),
            to_attr="alle_mitgliedschaften",
        ),
    )
    return get_object_or_404(qs, pk=pk)


def akteur_bearbeitbar(user, pk: int) -> Akteur:
    """An actor the user reads (else 404); the view checks the edit right (else 403)."""
    return get_object_or_404(akteure_fuer(user).prefetch_related("quartiere"), pk=pk)


def beziehung_fuer(user, pk: int) -> Beziehung:
    """A relation starting at an actor the user reads (else 404)."""
    return get_object_or_404(
        Beziehung.objects.select_related("quelle", "ziel", "art").filter(
            quelle__in=akteure_fuer(user)
        ),
        pk=pk,
    )


# --- Personen ------------------------------------------------------------------------------


def _personen_in(quartiere) -> QuerySet[Person]:
    return Person.objects.filter(
        Q(
            pk__in=Funktion.objects.filter(
                akteur__in=AkteurQuartier.objects.filter(quartier__in=quartiere).values("akteur")
            ).values("person")
        )
        | Q(
            pk__in=Mitgliedschaft.objects.filter(
                gremium__quartier__in=quartiere, person__isnull=False
            ).values("person")
        )
    )


def personen_im_quartier(quartier) -> QuerySet[Person]:
    """Persons active in one quartier (choices for attendance and action items there)."""
    return _personen_in([quartier])


def personen_fuer(user) -> QuerySet[Person]:
    """Persons active in a quartier the user reads; nobody else's personal data."""
    if user.is_superuser:
        return Person.objects.all()
    return _personen_in(quartiere_fuer(user))


def person_fuer(user, pk: int) -> Person:
    """A person the user may read (else 404)."""
    return get_object_or_404(personen_fuer(user), pk=pk)


def funktion_fuer(user, pk: int) -> Funktion:
    return get_object_or_404(
        Funktion.objects.select_related("person", "akteur").filter(person__in=personen_fuer(user)),
        pk=pk,
    )


def einwilligung_fuer(user, pk: int) -> Einwilligung:
    return get_object_or_404(
        Einwilligung.objects.select_related("person").filter(person__in=personen_fuer(user)),
        pk=pk,
    )


def person_detail(user, pk: int) -> Person:
    qs = personen_fuer(user).prefetch_related(
        Prefetch(
            "funktionen",
            queryset=Funktion.objects.select_related("akteur"),
            to_attr="alle_funktionen",
        ),
        Prefetch(
            "mitgliedschaften",
            queryset=Mitgliedschaft.objects.select_related("gremium"),
            to_attr="alle_mitgliedschaften",
        ),
        "einwilligungen",
    )
    return get_object_or_404(qs, pk=pk)


# --- Gremien und Sitzungen -----------------------------------------------------------------


def gremien_fuer(user) -> QuerySet[Gremium]:
    return Gremium.objects.filter(quartier__in=quartiere_fuer(user)).select_related("quartier")


def gremium_fuer(user, pk: int) -> Gremium:
    return get_object_or_404(gremien_fuer(user), pk=pk)


def mitgliedschaft_fuer(user, pk: int) -> Mitgliedschaft:
    return get_object_or_404(
        Mitgliedschaft.objects.select_related("gremium__quartier", "akteur", "person").filter(
            gremium__in=gremien_fuer(user)
        ),
        pk=pk,
    )


def gremium_detail(user, pk: int) -> Gremium:
    qs = gremien_fuer(user).prefetch_related(
        "handlungsfelder",
        Prefetch(
            "mitgliedschaften",
            queryset=Mitgliedschaft.objects.select_related("akteur", "person"),
            to_attr="alle_mitgliedschaften",
        ),
        Prefetch(
            "sitzungen",
            queryset=Sitzung.objects.order_by("-beginn"),
            to_attr="alle_sitzungen",
        ),
    )
    return get_object_or_404(qs, pk=pk)


def sitzungen_fuer(user) -> QuerySet[Sitzung]:
    return Sitzung.objects.filter(gremium__quartier__in=quartiere_fuer(user)).select_related(
        "gremium", "gremium__quartier"
    )


def sitzung_fuer(user, pk: int) -> Sitzung:
    return get_object_or_404(sitzungen_fuer(user), pk=pk)


def sitzung_detail(user, pk: int) -> Sitzung:
    qs = sitzungen_fuer(user).prefetch_related(
        "tagesordnungspunkte",
        Prefetch(
            "teilnahmen",
            queryset=Teilnahme.objects.select_related("akteur", "person"),
        ),
        "beschluesse__tagesordnungspunkt",
        Prefetch(
            "aufgaben",
            queryset=Aufgabe.objects.select_related(
                "verantwortlich_akteur", "verantwortlich_person"
            ),
        ),
    )
    return get_object_or_404(qs, pk=pk)


def sitzungen_fuer_feed(*, user, gremium=None, quartier=None) -> QuerySet[Sitzung]:
    """The meetings of a calendar feed: those of the feed window (see quartiersmanagement.ical)."""
    qs = sitzungen_fuer(user).filter(beginn__gte=ical.window_start())
    if gremium is not None:
        qs = qs.filter(gremium=gremium)
    if quartier is not None:
        qs = qs.filter(gremium__quartier=quartier)
    return qs.order_by("beginn")


def benutzer_zum_token(token: str):
    """The user a calendar feed token belongs to, or None."""
    zugang = (
        Kalenderzugang.objects.select_related("benutzer")
        .filter(token_hash=Kalenderzugang.hash(token), benutzer__is_active=True)
        .first()
    )
    return zugang.benutzer if zugang else None


def aufgabe_fuer(user, pk: int) -> Aufgabe:
    return get_object_or_404(
        Aufgabe.objects.select_related("quartier", "sitzung").filter(
            quartier__in=quartiere_fuer(user)
        ),
        pk=pk,
    )


def aufgaben_fuer(user) -> QuerySet[Aufgabe]:
    """Action items of the user's quartiers, open ones by due date first."""
    return (
        Aufgabe.objects.filter(quartier__in=quartiere_fuer(user))
        .select_related(
            "quartier", "verantwortlich_akteur", "verantwortlich_person", "sitzung__gremium"
        )
        .order_by(
            F("erledigt_am").desc(nulls_first=True), F("faellig_am").asc(nulls_last=True), "pk"
        )
    )


def offene_aufgaben(quartier, *, hoechstens: int | None = None) -> list[Aufgabe]:
    """Open action items of a quartier, overdue ones first, then by due date (ascending due
    dates put the overdue ones first; items without a date come last)."""
    aufgaben = (
        Aufgabe.objects.offen()
        .filter(quartier=quartier)
        .select_related("verantwortlich_akteur", "verantwortlich_person", "sitzung__gremium")
        .order_by(F("faellig_am").asc(nulls_last=True), "pk")
    )
    return list(aufgaben[:hoechstens] if hoechstens else aufgaben)


# --- Netzwerk ------------------------------------------------------------------------------


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
        .values_list("quelle_id", "ziel_id", "art__name")
    ):
        if quelle in ids and ziel in ids:
            kanten[tuple(sorted((quelle, ziel)))].add(art)
    je_gremium = defaultdict(set)
    gremium_namen = {}
    for gremium_id, gremium_name, akteur_id in Mitgliedschaft.objects.filter(
        aktuell, akteur__in=akteur_ids, von__lte=stichtag
    ).values_list("gremium_id", "gremium__name", "akteur_id"):
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


# --- Lückenanalyse (used by other apps) ----------------------------------------------------


def _aktive_akteure_je(zuordnung, spalte: str, quartier) -> dict[int, int]:
    """Term id -> number of active actors of the quartier tagged with it (one query)."""
    return dict(
        zuordnung.objects.filter(
            akteur__aktiv=True,
            akteur__in=AkteurQuartier.objects.filter(quartier=quartier).values("akteur"),
        )
        .values(spalte)
        .annotate(anzahl=Count("akteur_id", distinct=True))
        .values_list(spalte, "anzahl")
    )


def aktive_akteure_je_handlungsfeld(quartier) -> dict[int, int]:
    """Handlungsfeld id -> number of active actors of the quartier working in it (1 query)."""
    return _aktive_akteure_je(AkteurHandlungsfeld, "handlungsfeld_id", quartier)


def aktive_akteure_je_zielgruppe(quartier) -> dict[int, int]:
    """Zielgruppe id -> number of active actors of the quartier serving it (1 query)."""
    return _aktive_akteure_je(AkteurZielgruppe, "zielgruppe_id", quartier)


def luecken(quartier) -> tuple[list, list]:
    """Active Handlungsfelder and Zielgruppen that no active actor of the quartier covers
    (one query each)."""
    from quartiere.models import Handlungsfeld, Zielgruppe

    aktive = AkteurQuartier.objects.filter(quartier=quartier, akteur__aktiv=True).values("akteur")
    felder = Handlungsfeld.objects.filter(aktiv=True).exclude(
        pk__in=AkteurHandlungsfeld.objects.filter(akteur__in=aktive).values("handlungsfeld")
    )
    gruppen = Zielgruppe.objects.filter(aktiv=True).exclude(
        pk__in=AkteurZielgruppe.objects.filter(akteur__in=aktive).values("zielgruppe")
    )
    return list(felder), list(gruppen)


def akteure_in_quartieren(quartiere) -> QuerySet[Akteur]:
    return Akteur.objects.filter(
        pk__in=AkteurQuartier.objects.filter(quartier__in=quartiere).values("akteur")
    )
