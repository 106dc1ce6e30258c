"""The needs list at city scale (200,000 needs, 100 quartiers, tests/massendaten.py): for
every sort order and every filter, the Leitung's list across all quartiers reads the page's
rows without a sequential scan of a big table, and no query of the page sorts on disk: each
query is run with EXPLAIN ANALYZE.

The paginator's COUNT reads every matching need once per page (a sequential or an index-only
scan, as PostgreSQL finds cheaper); it is held to "no sort on disk" only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bedarfe.filters import SORTIERUNG
from bedarfe.models import Bedarf
from quartiere.models import Fachbereich, Handlungsfeld, Quartier, Zielgruppe
from tests import factories, massendaten


def _plaene(client, params) -> list[tuple[str, str]]:
    """(SQL, plan) of every query of the list page that reads the needs."""
    with CaptureQueriesContext(connection) as abfragen:
        antwort = client.get(reverse("bedarfe:liste"), params)
    assert antwort.status_code == 200
    plaene = []
    with connection.cursor() as cursor:
        for abfrage in abfragen.captured_queries:
            sql = abfrage["sql"]
            if sql.startswith("SELECT") and "bedarfe_bedarf" in sql:
                cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) {sql}")
                plaene.append((sql, "\n".join(zeile for (zeile,) in cursor.fetchall())))
    return plaene


def _fehler(sql: str, plan: str) -> list[str]:
    tabellen = () if sql.startswith("SELECT COUNT(*)") else massendaten.GROSSE_TABELLEN
    fehler = [f"Seq Scan on {t}" for t in tabellen if f"Seq Scan on {t} " in plan]
    if "external" in plan or "Disk:" in plan:
        fehler.append("sort on disk")
    return fehler


# No serialized rollback: pytest-django runs the transactional tests after all others, and
# those create what they need; restoring the serialized rows collided with the content types
# that another transactional test's flush had numbered anew (a subset run with -n 2).
@pytest.mark.django_db(transaction=True)
def test_bedarfsliste_der_leitung_ohne_seq_scan_und_ohne_sortieren_auf_platte(client):
    massendaten.anlegen()
    client.force_login(factories.leitung(username="plan-leitung"))
    quartier = Quartier.objects.get(slug="masse-7")
    fachbereich = Fachbereich.objects.get(name="Massenfachbereich 4").pk
    feld_mit_ueberfaelligen = (
        Bedarf.objects.filter(offene_frist__lt=timezone.localdate())
        .values_list("handlungsfeld", flat=True)
        .first()
    )
    faelle = [{}]
    for _feld, name in SORTIERUNG:
        faelle += [{"sortierung": name}, {"sortierung": f"-{name}"}]
    faelle += [
        {"q": "Spielplatz"},
        {"quartier": quartier.pk},
        {"handlungsfeld": Handlungsfeld.objects.get(name="Massenfeld 3").pk},
        {"zielgruppe": Zielgruppe.objects.get(name="Massengruppe 2").pk},
        {"status": "neu"},
        {"offen": "true"},
        {"offen": "false"},
        {"prioritaet": "3"},
        {"gemeldet_ab": "2025-01-01"},
        {"gemeldet_bis": "2017-01-01"},
        {"ueberfaellig": "true"},
        {"ueberfaellig": "false"},
        {"fachbereich": fachbereich},
        # two filters the Leitung combines, counted in one index (bedarf_status_id, ...)
        {"offen": "false", "handlungsfeld": Handlungsfeld.objects.get(name="Massenfeld 3").pk},
        {"prioritaet": "3", "ueberfaellig": "false"},
        {"status": "nicht_umsetzbar", "fachbereich": fachbereich},
        # a Handlungsfeld with "offen" or "überfällig" (bedarf_handlungsfeld_status)
        {"offen": "true", "handlungsfeld": Handlungsfeld.objects.get(name="Massenfeld 3").pk},
        # the field of an overdue need: which fields have some depends on the needs' ids
        {"ueberfaellig": "true", "handlungsfeld": feld_mit_ueberfaelligen},
        # deep pages: their rows picked by id in a subquery (lists.CappedPaginator.page), from
        # the end of a counted list when nearer
        {"seite": "150"},
        {"seite": "150", "status": "erledigt"},
        {"seite": "150", "sortierung": "-nennungen"},
        {"seite": "150", "fachbereich": fachbereich},
        {"seite": "40", "q": "Spielplatz"},
    ]
    schlecht = {}
    for params in faelle:
        plaene = _plaene(client, params)
        assert len(plaene) >= 2, params  # the count and the page's rows
        for sql, plan in plaene:
            if fehler := _fehler(sql, plan):
                schlecht[f"{params} {sql[:60]}"] = (fehler, plan)
    assert not schlecht, "\n\n".join(f"{k}: {f}\n{p}" for k, (f, p) in schlecht.items())


@pytest.mark.django_db
def test_grosse_listentabellen_raeumt_autovacuum_nach_200_zeilen_auf():
    """The lists read pages from their indexes alone only where the visibility map is current:
    a big table is vacuumed after 200 changed rows, not after a fifth of it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s)",
            [["bedarfe_bedarf", "bedarfe_weiterleitung", "projekte_termin"]],
        )
        optionen = dict(cursor.fetchall())
    assert len(optionen) == 3
    for tabelle, werte in optionen.items():
        assert {
            "autovacuum_vacuum_threshold=200",
            "autovacuum_vacuum_scale_factor=0",
            "autovacuum_vacuum_insert_threshold=200",
            "autovacuum_vacuum_insert_scale_factor=0",
        } <= set(werte), tabelle
