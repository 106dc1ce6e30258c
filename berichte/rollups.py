"""Rollups: small tables of city-wide figures, kept current in the same transaction as the write.

The city overview, the departments' response times and the annual figures aggregate every need,
forward and event of the city. Read from the base tables their cost grows with the data (at city
scale 200,000 needs: 18 queries, about 230 ms of SQL per request). The rollups hold the same
figures already counted per quartier and year — a few rows per quartier and year, whatever the
number of needs:

- `BedarfZahl`: needs reported per quartier × year × status (reported in the year, open);
- `AbschlussZahl`: needs now closed (erledigt, nicht umsetzbar) with a closing event in the
  year, each need once a year; a merged need is not counted, it lives on in its target
  (migration `0005_abschluss_ohne_zusammengefuehrte`);
- `WeiterleitungZahl`: forwards per department × quartier × year sent × outcome, unanswered ones
  per Frist (overdue = unanswered with a Frist before today, still exact every day);
- `AntwortdauerZahl`: answered forwards per department × quartier × year × exact days to the
  answer (the frequency table the median is read from; one row per distinct duration);
- `TerminZahl`: events not cancelled per quartier × year with volunteers, hours, participants.

Why database triggers. A rollup is only as good as the least careful write path: forms and
services, the admin, imports, `QuerySet.update()`, `bulk_create()`, raw SQL and a psql session
all change the base tables, and Django signals see only the first two. Statement-level
PostgreSQL triggers with transition tables (migration `0003_rollup_trigger`) see every path,
run in the writing transaction (a rollback takes the rollup change with it; no stale window
after the commit), and add *differences* (INSERT … ON CONFLICT DO UPDATE SET n = n + d), so two
concurrent transactions add up instead of overwriting each other. Figures joining a parent row
(the quartier of a forward's need, a need's status for its closing events, an event's quartier
for its participants) lock those parent rows first, so a concurrent change of the parent waits.
Materialized views were the alternative: a refresh costs a full recount and lags behind writes.

After a restore of only some tables, or to repair, `neu_aufbauen()` (management command
`rollups_neu_aufbauen`) recounts everything from the base tables; tests/berichte/test_rollups.py
compares every rollup with an independent recount after writes of every kind.
"""

from django.db import connection, transaction

from quartiersmanagement import shared_cache


@transaction.atomic
def neu_aufbauen() -> None:
    """Recount every rollup from the base tables (writes to them wait meanwhile)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT berichte_rollups_neu_aufbauen()")
    shared_cache.changed()  # a raw write: every cached figure renews after the commit
