"""City-scale rows written with SQL `generate_series` in a few seconds (the sizes of
`lastdaten --skalierung 1`): 100 quartiers, 200,000 needs, 150,000 forwards, 50,000 actors and
20,000 projects. For tests of query plans; the rows are plausible, not pretty."""

from django.db import connection, transaction

QUARTIERE = 100
BEDARFE = 200_000
WEITERLEITUNGEN = 150_000
AKTEURE = 50_000
PROJEKTE = 20_000

GROSSE_TABELLEN = (
    "bedarfe_bedarf",
    "bedarfe_bedarf_zielgruppen",
    "bedarfe_weiterleitung",
    "akteure_akteur",
    "akteure_akteur_quartiere",
    "akteure_akteur_handlungsfelder",
    "projekte_projekt",
    "projekte_projekt_quartiere",
)

_SQL = f"""
INSERT INTO quartiere_quartier (erstellt, geaendert, name, slug, stadtbezirk, beschreibung,
    buero_adresse, sprechzeiten, kontakt_email, aktiv, oeffentlich)
SELECT now(), now(), 'Massenquartier ' || lpad(i::text, 3, '0'), 'masse-' || i, 'Bezirk', '',
    '', '', '', true, false
FROM generate_series(1, {QUARTIERE}) i;

INSERT INTO quartiere_handlungsfeld (erstellt, geaendert, name, beschreibung, sortierung, aktiv)
SELECT now(), now(), 'Massenfeld ' || i, '', i, true FROM generate_series(1, 12) i;

INSERT INTO quartiere_zielgruppe (erstellt, geaendert, name, beschreibung, sortierung, aktiv)
SELECT now(), now(), 'Massengruppe ' || i, '', i, true FROM generate_series(1, 10) i;

INSERT INTO quartiere_fachbereich (erstellt, geaendert, name, kuerzel, email, aktiv)
SELECT now(), now(), 'Massenfachbereich ' || i, 'M' || i, 'fb' || i || '@example.org', true
FROM generate_series(1, 20) i;

CREATE TEMPORARY TABLE masse_ids ON COMMIT DROP AS
SELECT (SELECT array_agg(id ORDER BY id) FROM quartiere_quartier WHERE slug LIKE 'masse-%') q,
       (SELECT array_agg(id ORDER BY id) FROM quartiere_handlungsfeld
         WHERE name LIKE 'Massenfeld %') h,
       (SELECT array_agg(id ORDER BY id) FROM quartiere_zielgruppe
         WHERE name LIKE 'Massengruppe %') z,
       (SELECT array_agg(id ORDER BY id) FROM quartiere_fachbereich
         WHERE name LIKE 'Massenfachbereich %') f;

-- Each of the first {WEITERLEITUNGEN} needs gets one forward below (its department and Frist
-- follow from its id); the need's columns kept by triggers elsewhere are written here with it,
-- since updating them afterwards would rewrite every row and its indexes.
INSERT INTO bedarfe_bedarf (id, erstellt, geaendert, titel, beschreibung, quelle, gemeldet_am,
    ort, prioritaet, nennungen, status, oeffentlich, oeffentliche_antwort, handlungsfeld_id,
    quartier_id, version, offene_frist, fachbereiche)
SELECT s.id, now(), now(),
    (ARRAY['Spielplatz', 'Beleuchtung', 'Treffpunkt', 'Sauberkeit', 'Verkehr', 'Beratung'])
        [1 + s.i % 6] || ' ' || md5(s.i::text),
    'Beschreibung ' || s.i, 'sonstiges', s.gemeldet, '',
    1 + s.i % 3, 1 + s.i % 17,
    (ARRAY['neu', 'in_pruefung', 'weitergeleitet', 'in_bearbeitung', 'erledigt',
           'nicht_umsetzbar', 'zurueckgestellt'])[1 + (s.i / 7) % 7],
    false, '', m.h[1 + s.i % 12], m.q[1 + s.i % {QUARTIERE}], 1,
    CASE WHEN s.i <= {WEITERLEITUNGEN} AND s.id % 3 = 0 THEN s.gemeldet + 30 END,
    CASE WHEN s.i <= {WEITERLEITUNGEN} THEN ARRAY[m.f[1 + s.id % 20]] ELSE '{{}}' END
FROM (SELECT nextval(pg_get_serial_sequence('bedarfe_bedarf', 'id')) AS id, i,
             date '2016-01-01' + (i * 7919) % 3650 AS gemeldet
      FROM generate_series(1, {BEDARFE}) i) s, masse_ids m;

INSERT INTO bedarfe_bedarf_zielgruppen (bedarf_id, zielgruppe_id)
SELECT b.id, m.z[1 + b.id % 10] FROM bedarfe_bedarf b, masse_ids m
WHERE b.quartier_id = ANY (m.q);

INSERT INTO bedarfe_weiterleitung (erstellt, geaendert, kontakt_email, nachricht, gesendet_am,
    frist, schluessel, token_hash, ergebnis, antwort, beantwortet_am, beantwortet_ueber,
    antwort_von, erinnerungen, bedarf_id, quartier_id, fachbereich_id)
SELECT now(), now(), '', '', b.gemeldet_am + 1, b.gemeldet_am + 30, md5('s' || b.id),
    md5('t' || b.id),
    CASE WHEN b.id % 3 = 0 THEN '' ELSE 'uebernommen' END, '',
    CASE WHEN b.id % 3 = 0 THEN NULL ELSE now() END, '', '', 0, b.id, b.quartier_id,
    m.f[1 + b.id % 20]
FROM (SELECT * FROM bedarfe_bedarf, masse_ids m0 WHERE quartier_id = ANY (m0.q)
      ORDER BY id LIMIT {WEITERLEITUNGEN}) b, masse_ids m;
"""  # noqa: S608 - module constants only

# The needs whose trigger-kept columns differ from what their forwards give (must be none).
_ABWEICHUNGEN = """
SELECT count(*) FROM bedarfe_bedarf b
LEFT JOIN (SELECT bedarf_id,
                  MIN(frist) FILTER (WHERE beantwortet_am IS NULL AND zurueckgezogen_am IS NULL)
                      AS offene_frist,
                  array_agg(DISTINCT fachbereich_id ORDER BY fachbereich_id) AS fachbereiche
           FROM bedarfe_weiterleitung GROUP BY bedarf_id) w ON w.bedarf_id = b.id
WHERE b.offene_frist IS DISTINCT FROM w.offene_frist
   OR b.fachbereiche <> COALESCE(w.fachbereiche, '{}')
"""

_SQL_AKTEURE_PROJEKTE = f"""
INSERT INTO akteure_akteur (erstellt, geaendert, name, art, beschreibung, strasse, plz, ort,
    email, telefon, website, aktiv, oeffentlich, einwilligung_quelle, version)
SELECT now(), now(), 'Massenakteur ' || md5(i::text),
    (ARRAY['verein', 'schule', 'kita', 'initiative', 'unternehmen'])[1 + i % 5], '', '', '',
    'Ort ' || (i % 50), '', '', '', i % 10 <> 0, false, '', 1
FROM generate_series(1, {AKTEURE}) i;

INSERT INTO akteure_akteur_quartiere (akteur_id, quartier_id)
SELECT a.id, m.q[1 + a.id % {QUARTIERE}] FROM akteure_akteur a, masse_ids m
WHERE a.name LIKE 'Massenakteur %';

INSERT INTO akteure_akteur_handlungsfelder (akteur_id, handlungsfeld_id)
SELECT a.id, m.h[1 + a.id % 12] FROM akteure_akteur a, masse_ids m
WHERE a.name LIKE 'Massenakteur %';

INSERT INTO projekte_projekt (erstellt, geaendert, titel, slug, ziele, beschreibung, status,
    qm_rolle, beginn, ende, oeffentlich, ergebnis, erkenntnisse, wird_fortgefuehrt,
    fortgefuehrt_von, version)
SELECT now(), now(), 'Massenprojekt ' || md5(i::text), 'massenprojekt-' || i, '', '',
    (ARRAY['idee', 'planung', 'umsetzung', 'abgeschlossen', 'abgebrochen'])[1 + i % 5],
    (ARRAY['initiiert', 'begleitet', 'unterstuetzt'])[1 + i % 3],
    date '2016-01-01' + (i * 131) % 3650, NULL, false, '', '', false, '', 1
FROM generate_series(1, {PROJEKTE}) i;

INSERT INTO projekte_projekt_quartiere (projekt_id, quartier_id)
SELECT p.id, m.q[1 + p.id % {QUARTIERE}] FROM projekte_projekt p, masse_ids m
WHERE p.slug LIKE 'massenprojekt-%';
"""  # noqa: S608 - module constants only


def anlegen(*, akteure_und_projekte: bool = False) -> None:
    """Write the rows (in a test with `transaction=True`: they are committed) and vacuum the
    tables, as autovacuum would, so counts may read the indexes alone (the visibility map).

    The rows are consistent by construction, so their triggers are skipped
    (`session_replication_role`, test database only): foreign keys checked one by one at COMMIT
    took minutes. Derived columns (a forward's quartier, a need's open Frist and departments) are
    therefore written here, with their rows."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(_SQL)
        if akteure_und_projekte:
            cursor.execute(_SQL_AKTEURE_PROJEKTE)
    with connection.cursor() as cursor:
        for tabelle in GROSSE_TABELLEN + ("quartiere_quartier",):
            cursor.execute(f"VACUUM ANALYZE {tabelle}")
        cursor.execute(_ABWEICHUNGEN)
        assert cursor.fetchone()[0] == 0, "Bedarfe: Spalten der Weiterleitungen falsch gesetzt"
